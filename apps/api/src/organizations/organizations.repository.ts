import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { ExportColumn } from '../common/export/export-columns';
import { streamRows } from '../common/export/query-stream';
import { decodeCursor } from '../common/pagination/pagination';
import { preparedQuery } from '../database/prepared-query';
import type { Language } from '@hstf/domain';
import type { OrganizationDto, OrganizationKind, OrganizationQuery } from './organizations.dto';

export interface OrganizationRow {
  id: string;
  name: string;
  acronym: string | null;
  kind: OrganizationKind;
  contact_name: string | null;
  contact_email: string | null;
  contact_language: Language | null;
  version: number;
  created_at: Date;
  updated_at: Date;
}

/** An organization as its export reads it: timestamps as ISO text. */
export interface OrganizationExportRow {
  name: string;
  acronym: string | null;
  kind: string;
  version: number;
  created_at: string;
  updated_at: string;
}

/** The list's filters, shared by its pages and its export. */
function organizationFilters(query: OrganizationQuery, param: (value: unknown) => string): string[] {
  const where: string[] = [];
  if (query.kind) where.push(`kind = ${param(query.kind)}`);
  if (query.q) {
    const pattern = param(`%${query.q.replace(/[\\%_]/g, '\\$&')}%`);
    where.push(`(name ILIKE ${pattern} OR acronym ILIKE ${pattern})`);
  }
  return where;
}

/** The columns of the organizations' export. */
export const ORGANIZATION_EXPORT_COLUMNS: readonly ExportColumn<OrganizationExportRow>[] = [
  { label: 'name', type: 'text', value: (o) => o.name, width: 48 },
  { label: 'acronym', type: 'text', value: (o) => o.acronym, width: 14 },
  { label: 'kind', type: 'text', value: (o) => o.kind, width: 18 },
  { label: 'version', type: 'integer', value: (o) => o.version, width: 8 },
  { label: 'createdAt', type: 'timestamp', value: (o) => o.created_at, width: 20 },
  { label: 'updatedAt', type: 'timestamp', value: (o) => o.updated_at, width: 20 },
];

/** The SQL of organizations and their mapping to the API's shape; OrganizationsService decides. */
@Injectable()
export class OrganizationsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** One more row than `limit`, for the next page's cursor. */
  list(query: OrganizationQuery, limit: number): Promise<OrganizationRow[]> {
    const params: unknown[] = [];
    const param = (value: unknown) => `$${params.push(value)}`;
    const where = organizationFilters(query, param);
    const cursor = decodeCursor(query.cursor, 2);
    if (cursor) where.push(`(name, id) > (${param(cursor[0])}, ${param(cursor[1])}::uuid)`);
    return preparedQuery<OrganizationRow>(
      this.dataSource,
      `SELECT * FROM organizations ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY name, id LIMIT ${param(limit + 1)}`,
      params,
    );
  }

  /** Every organization matching the list's filters, in its order, read through a cursor for an export. */
  exportRows(query: OrganizationQuery): AsyncGenerator<OrganizationExportRow> {
    const params: unknown[] = [];
    const where = organizationFilters(query, (value) => `$${params.push(value)}`);
    return streamRows<OrganizationExportRow>(
      this.dataSource,
      `SELECT name, acronym, kind, version,
              to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS created_at,
              to_char(updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS updated_at
       FROM organizations ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY name, id`,
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
    organization: {
      name: string;
      acronym: string | null;
      kind: OrganizationKind;
      contactName: string | null;
      contactEmail: string | null;
      contactLanguage: Language | null;
    },
  ): Promise<OrganizationRow> {
    const [row] = await preparedQuery<OrganizationRow>(
      manager,
      `INSERT INTO organizations (name, acronym, kind, contact_name, contact_email, contact_language)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING *`,
      [
        organization.name,
        organization.acronym,
        organization.kind,
        organization.contactName,
        organization.contactEmail,
        organization.contactLanguage,
      ],
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
    contactName: row.contact_name,
    contactEmail: row.contact_email,
    contactLanguage: row.contact_language,
    version: row.version,
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}
