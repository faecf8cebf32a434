import { EntityManager } from 'typeorm';
import type { AuditedEntity, AuditService } from '../../audit';
import { Problem } from '../problem-details/problem';
import { RequestContext } from '../request-context/request-context';

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

export interface VersionedLock<Row extends { version: number }> {
  /** A table with `id` and `version` columns. */
  table: string;
  /** Used in messages: "this organization was changed by someone else". */
  entityLabel: string;
  id: string;
  expectedVersion: number;
  /** A row that exists but is not this record for the caller (deleted, another project's): 404. */
  absent?: (row: Row) => boolean;
}

/** The row to change, locked: 404 when it is not there (or `absent`), 409 when its version moved on. */
export async function lockVersioned<Row extends { version: number }>(
  manager: EntityManager,
  lock: VersionedLock<Row>,
): Promise<Row> {
  const locked = await lockForUpdate<Row>(manager, lock.table, lock.entityLabel, lock.id);
  if (lock.absent?.(locked)) throw Problem.notFound(`The ${lock.entityLabel}`);
  if (locked.version !== lock.expectedVersion) {
    throw Problem.staleVersion(lock.entityLabel, lock.expectedVersion, locked.version);
  }
  return locked;
}

/** The audit trail's name for the record: its label, unless the label is not an audited entity's name. */
type AuditNaming = { auditEntity: AuditedEntity } | { entityLabel: AuditedEntity };

const auditEntityOf = (naming: { auditEntity?: AuditedEntity; entityLabel: string }) =>
  naming.auditEntity ?? (naming.entityLabel as AuditedEntity);

/** What an update decided to write, once the row is locked and its version checked. */
export interface VersionedWrite {
  /** Column name → new value on the record's own row; equal values change nothing. */
  set: Record<string, unknown>;
  /** Writes to other tables (participants, countries…), in the same transaction. */
  related?: () => Promise<void>;
}

export interface VersionedChange<Row extends { version: number }, Dto> extends VersionedLock<Row> {
  /** The entity as the audit trail names it, when it differs from the label. */
  auditEntity?: AuditedEntity;
  /** The id the audit trail gives the record, when it is not the row's (a one-row table's). */
  auditEntityId?: string;
  /** The record as the API answers it, read in the transaction (after the write, from the new row). */
  read: (row: Row) => Promise<Dto> | Dto;
  /** The decisions: checks (throwing 4xx) and the write; `before` is the record as it is. */
  decide: (row: Row, before: Dto) => Promise<VersionedWrite> | VersionedWrite;
  /** Recorded beside the audit entry when something changed (a consent's history). */
  recorded?: (before: Dto, after: Dto) => Promise<void>;
}

/**
 * The one write path of an update: lock the row → 404 / 409 on the version → decide → write what
 * differs → audit. A change that changes nothing writes nothing: the row keeps its version and
 * updated_at, and no audit entry (nor history entry) is written; the record is answered as it is.
 * Must run inside the caller's transaction.
 */
export async function changeVersioned<Row extends { version: number }, Dto>(
  manager: EntityManager,
  audit: Pick<AuditService, 'recordUpdate'>,
  ctx: RequestContext,
  change: VersionedChange<Row, Dto> & AuditNaming,
): Promise<Dto> {
  const locked = await lockVersioned(manager, change);
  const before = await change.read(locked);
  const write = await change.decide(locked, before);

  const columns = Object.keys(write.set);
  let row: Row | undefined;
  if (columns.length) {
    const quoted = columns.map((column) => `"${column}"`);
    const values = columns.map((_, index) => `$${index + 2}`);
    // PostgreSQL compares each value with the column's own type ('1000' = 1000.00, arrays, dates).
    // TypeORM answers an UPDATE with [rows, affected].
    [[row]] = await manager.query<[Row[], number]>(
      `UPDATE "${change.table}" SET ${quoted.map((c, i) => `${c} = ${values[i]}`).join(', ')}, version = version + 1
       WHERE id = $1 AND (${quoted.join(', ')}, NULL) IS DISTINCT FROM (${values.join(', ')}, NULL) RETURNING *`,
      [change.id, ...columns.map((column) => write.set[column])],
    );
  }
  if (write.related) await write.related();
  let after = await change.read(row ?? locked);
  if (!row) {
    if (sameRecord(before, after)) return before;
    // Only another table changed: the record is still one new version.
    [[row]] = await manager.query<[Row[], number]>(
      `UPDATE "${change.table}" SET version = version + 1 WHERE id = $1 RETURNING *`,
      [change.id],
    );
    after = await change.read(row!);
  }
  await change.recorded?.(before, after);
  await audit.recordUpdate(manager, ctx, {
    entity: auditEntityOf(change),
    entityId: change.auditEntityId ?? change.id,
    before,
    after,
  });
  return after;
}

export interface VersionedRemoval<Row extends { version: number }, Dto> extends VersionedLock<Row> {
  /** The entity as the audit trail names it, when it differs from the label. */
  auditEntity?: AuditedEntity;
  /** The record as the audit trail keeps it, read before the removal. */
  read: (row: Row) => Promise<Dto> | Dto;
  /** The checks (throwing 4xx) and the removal itself, with the row still locked. */
  remove: (row: Row, before: Dto) => Promise<void>;
}

/**
 * The one write path of a removal: lock the row → 404 / 409 on the version → read the record →
 * check and remove → audit. Must run inside the caller's transaction.
 */
export async function removeVersioned<Row extends { version: number }, Dto>(
  manager: EntityManager,
  audit: Pick<AuditService, 'recordDeletion'>,
  ctx: RequestContext,
  removal: VersionedRemoval<Row, Dto> & AuditNaming,
): Promise<void> {
  const locked = await lockVersioned(manager, removal);
  const before = await removal.read(locked);
  await removal.remove(locked, before);
  await audit.recordDeletion(manager, ctx, {
    entity: auditEntityOf(removal),
    entityId: removal.id,
    before,
  });
}

/** Equal but for what every write moves (the version and the time of the last change). */
function sameRecord(before: unknown, after: unknown): boolean {
  const content = (record: unknown) =>
    JSON.stringify(record, (key, value: unknown) =>
      key === 'version' || key === 'updatedAt' ? undefined : value,
    );
  return content(before) === content(after);
}

/**
 * The columns a partial update sets: each field the request sent (undefined is "not sent", so left
 * as it is; null is sent and clears), under its column's name.
 */
export function sentColumns<Request extends object>(
  request: Request,
  columns: { [Field in keyof Request]?: string },
): Record<string, unknown> {
  const set: Record<string, unknown> = {};
  for (const field of Object.keys(columns) as (keyof Request)[]) {
    if (request[field] !== undefined) set[columns[field]!] = request[field];
  }
  return set;
}
