import { EntityManager } from 'typeorm';
import { Problem } from '../problem-details/problem';

export interface VersionedUpdate {
  /** A table with `id`, `version` and `updated_at` columns. */
  table: string;
  /** Used in messages: "this organization was changed by someone else". */
  entityLabel: string;
  id: string;
  expectedVersion: number;
  /** Column name → new value; only these columns are written. */
  set: Record<string, unknown>;
}

/**
 * Optimistic concurrency: `UPDATE … WHERE id = $1 AND version = $2`, bumping the version.
 * Must run inside the caller's transaction (with the row read FOR UPDATE beforehand when the
 * caller needs the "before" image for the audit). Zero rows updated means someone else wrote
 * first: 409 with the current version, and nothing is changed.
 */
export async function updateVersioned(manager: EntityManager, update: VersionedUpdate): Promise<void> {
  const columns = Object.keys(update.set);
  const assignments = columns.map((column, index) => `"${column}" = $${index + 3}`);
  const sql =
    `UPDATE "${update.table}" SET ${[...assignments, 'version = version + 1'].join(', ')} ` +
    `WHERE id = $1 AND version = $2`;
  const [, affected] = await manager.query<[unknown, number]>(sql, [
    update.id,
    update.expectedVersion,
    ...columns.map((c) => update.set[c]),
  ]);
  if (affected === 1) return;

  const [current] = await manager.query<{ version: number }[]>(
    `SELECT version FROM "${update.table}" WHERE id = $1`,
    [update.id],
  );
  if (!current) throw Problem.notFound(`The ${update.entityLabel}`);
  throw Problem.staleVersion(update.entityLabel, update.expectedVersion, current.version);
}

/** Reads the row to change, locked until the transaction ends; 404 when it does not exist. */
export async function lockForUpdate<T>(
  manager: EntityManager,
  table: string,
  entityLabel: string,
  id: string,
): Promise<T> {
  const rows = await manager.query<T[]>(`SELECT * FROM "${table}" WHERE id = $1 FOR UPDATE`, [id]);
  if (!rows[0]) throw Problem.notFound(`The ${entityLabel}`);
  return rows[0];
}
