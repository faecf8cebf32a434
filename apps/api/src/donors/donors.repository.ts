import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { decodeCursor } from '../common/pagination/pagination';
import { preparedQuery } from '../database/prepared-query';
import type { DonorDto, DonorKind, DonorQuery } from './donors.dto';

export interface DonorRow {
  id: string;
  name: string;
  kind: DonorKind;
  country_iso3: string | null;
  version: number;
  created_at: Date;
  updated_at: Date;
}

/** The SQL of donors and their mapping to the API's shape; DonorsService decides. */
@Injectable()
export class DonorsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** One more row than `limit`, for the next page's cursor. */
  list(query: DonorQuery, limit: number): Promise<DonorRow[]> {
    const params: unknown[] = [];
    const param = (value: unknown) => `$${params.push(value)}`;
    const where: string[] = [];
    if (query.kind) where.push(`kind = ${param(query.kind)}`);
    if (query.q) where.push(`name ILIKE ${param(`%${query.q.replace(/[\\%_]/g, '\\$&')}%`)}`);
    const cursor = decodeCursor(query.cursor, 2);
    if (cursor) where.push(`(name, id) > (${param(cursor[0])}, ${param(cursor[1])}::uuid)`);
    return preparedQuery<DonorRow>(
      this.dataSource,
      `SELECT * FROM donors ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY name, id LIMIT ${param(limit + 1)}`,
      params,
    );
  }

  async get(id: string): Promise<DonorRow | undefined> {
    const [row] = await preparedQuery<DonorRow>(this.dataSource, `SELECT * FROM donors WHERE id = $1`, [id]);
    return row;
  }

  async insert(
    manager: EntityManager,
    name: string,
    kind: DonorKind,
    country: string | null,
  ): Promise<DonorRow> {
    const [row] = await preparedQuery<DonorRow>(
      manager,
      `INSERT INTO donors (name, kind, country_iso3) VALUES ($1, $2, $3) RETURNING *`,
      [name, kind, country],
    );
    return row!;
  }

  /** How many contributions and user accounts refer to the donor. */
  async usage(manager: EntityManager, id: string): Promise<{ contributions: number; users: number }> {
    const [usage] = await preparedQuery<{ contributions: number; users: number }>(
      manager,
      `SELECT (SELECT count(*)::int FROM contributions WHERE donor_id = $1) AS contributions,
              (SELECT count(*)::int FROM users WHERE donor_id = $1) AS users`,
      [id],
    );
    return usage!;
  }

  async delete(manager: EntityManager, id: string): Promise<void> {
    await preparedQuery(manager, `DELETE FROM donors WHERE id = $1`, [id]);
  }

  async countryExists(manager: EntityManager, iso3: string): Promise<boolean> {
    const rows = await preparedQuery(manager, `SELECT 1 FROM countries WHERE iso3 = $1`, [iso3]);
    return rows.length > 0;
  }

  /** Whether another donor (than `exceptId`) has this name, whatever its case. */
  async nameTaken(manager: EntityManager, name: string, exceptId: string | null): Promise<boolean> {
    const rows = await preparedQuery(
      manager,
      `SELECT 1 FROM donors WHERE lower(name) = lower($1) AND id IS DISTINCT FROM $2::uuid`,
      [name, exceptId],
    );
    return rows.length > 0;
  }
}

export function toDonorDto(row: DonorRow): DonorDto {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    countryIso3: row.country_iso3,
    version: row.version,
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}
