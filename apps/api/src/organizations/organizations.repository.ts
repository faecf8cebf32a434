import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { decodeCursor } from '../common/pagination/pagination';
import { preparedQuery } from '../database/prepared-query';
import type { OrganizationDto, OrganizationKind, OrganizationQuery } from './organizations.dto';

export interface OrganizationRow {
  id: string;
  name: string;
  acronym: string | null;
  kind: OrganizationKind;
  version: number;
  created_at: Date;
  updated_at: Date;
}

/** The SQL of organizations and their mapping to the API's shape; OrganizationsService decides. */
@Injectable()
export class OrganizationsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** One more row than `limit`, for the next page's cursor. */
  list(query: OrganizationQuery, limit: number): Promise<OrganizationRow[]> {
    const params: unknown[] = [];
    const param = (value: unknown) => `$${params.push(value)}`;
    const where: string[] = [];
    if (query.kind) where.push(`kind = ${param(query.kind)}`);
    if (query.q) {
      const pattern = param(`%${query.q.replace(/[\\%_]/g, '\\$&')}%`);
      where.push(`(name ILIKE ${pattern} OR acronym ILIKE ${pattern})`);
    }
    const cursor = decodeCursor(query.cursor, 2);
    if (cursor) where.push(`(name, id) > (${param(cursor[0])}, ${param(cursor[1])}::uuid)`);
    return preparedQuery<OrganizationRow>(
      this.dataSource,
      `SELECT * FROM organizations ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY name, id LIMIT ${param(limit + 1)}`,
      params,
    );
  }

  async get(id: string): Promise<OrganizationRow | undefined> {
    const [row] = await preparedQuery<OrganizationRow>(
      this.dataSource,
      `SELECT * FROM organizations WHERE id = $1`,
      [id],
    );
    return row;
  }

  async insert(
    manager: EntityManager,
    name: string,
    acronym: string | null,
    kind: OrganizationKind,
  ): Promise<OrganizationRow> {
    const [row] = await preparedQuery<OrganizationRow>(
      manager,
      `INSERT INTO organizations (name, acronym, kind) VALUES ($1, $2, $3) RETURNING *`,
      [name, acronym, kind],
    );
    return row!;
  }

  async delete(manager: EntityManager, id: string): Promise<void> {
    await preparedQuery(manager, `DELETE FROM organizations WHERE id = $1`, [id]);
  }

  /** Whether another organization (than `exceptId`) has this name or this acronym, whatever the case. */
  async clashes(
    manager: EntityManager,
    name: string,
    acronym: string | null,
    exceptId: string | null,
  ): Promise<{ name: boolean; acronym: boolean }> {
    const rows = await preparedQuery<{ same_name: boolean; same_acronym: boolean | null }>(
      manager,
      `SELECT lower(name) = lower($1) AS same_name, lower(acronym) = lower($2) AS same_acronym
       FROM organizations WHERE (lower(name) = lower($1) OR lower(acronym) = lower($2))
         AND id IS DISTINCT FROM $3::uuid`,
      [name, acronym, exceptId],
    );
    return { name: rows.some((r) => r.same_name), acronym: rows.some((r) => r.same_acronym) };
  }
}

export function toOrganizationDto(row: OrganizationRow): OrganizationDto {
  return {
    id: row.id,
    name: row.name,
    acronym: row.acronym,
    kind: row.kind,
    version: row.version,
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}
