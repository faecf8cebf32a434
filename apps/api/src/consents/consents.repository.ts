import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { ConsentField, ConsentFields, ConsentStatus } from '@hstf/domain';
import { decodeCursor, PageQuery } from '../common/pagination/pagination';
import { dateOnly } from '../common/validation/calendar-date';
import { preparedQuery } from '../database/prepared-query';
import { ASSIGNED_REVIEWER } from '../projects';
import type { ConsentDto, ConsentQuery } from './consents.dto';

export interface ConsentRow {
  id: string;
  project_id: string;
  country_iso3: string;
  status: ConsentStatus;
  requested_on: Date | string | null;
  granted_on: Date | string | null;
  valid_until: Date | string | null;
  withdrawn_on: Date | string | null;
  withdrawal_reason: string | null;
  issuing_office: string | null;
  signatory: string | null;
  document_reference: string | null;
  scope: string | null;
  version: number;
  created_at: Date;
  updated_at: Date;
}

export interface ConsentEventRow {
  id: string;
  occurred_at: Date;
  /** occurred_at to the microsecond, for the cursor: a JS Date keeps only milliseconds. */
  occurred_at_key: string;
  actor_id: string | null;
  status: ConsentStatus;
  record: ConsentDto;
}

/** The record's fields the rules decide on → their columns. */
export const CONSENT_COLUMNS: Record<ConsentField | 'status', string> = {
  status: 'status',
  requestedOn: 'requested_on',
  grantedOn: 'granted_on',
  validUntil: 'valid_until',
  withdrawnOn: 'withdrawn_on',
  withdrawalReason: 'withdrawal_reason',
  issuingOffice: 'issuing_office',
  signatory: 'signatory',
  documentReference: 'document_reference',
  scope: 'scope',
};

const FIELDS = Object.keys(CONSENT_COLUMNS) as (keyof ConsentFields)[];

/** The SQL of consent records and their history, and their mapping; ConsentsService decides. */
@Injectable()
export class ConsentsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * The project's check (assertProjectInScope's) and the page in one statement: undefined means no
   * project this caller may read; otherwise one more row than `limit`, for the next page's cursor.
   */
  async listPage(
    projectId: string,
    reviewerId: string | null,
    query: ConsentQuery,
    limit: number,
  ): Promise<ConsentRow[] | undefined> {
    const params: unknown[] = [projectId];
    const param = (value: unknown) => `$${params.push(value)}`;
    if (reviewerId) param(reviewerId);
    const where = ['c.project_id = p.id'];
    if (query.status) where.push(`c.status = ${param(query.status)}`);
    if (query.country) where.push(`c.country_iso3 = ${param(query.country)}`);
    // One record per recipient country: the country is the key.
    const cursor = decodeCursor(query.cursor, 1);
    if (cursor) where.push(`c.country_iso3 > ${param(cursor[0])}`);
    // A project row without a record comes back as one row of nulls: an empty page.
    const rows = await preparedQuery<ConsentRow | { id: null }>(
      this.dataSource,
      `SELECT c.* FROM projects p
       LEFT JOIN LATERAL (SELECT c.* FROM consent_records c WHERE ${where.join(' AND ')}
                          ORDER BY c.country_iso3 LIMIT ${param(limit + 1)}) c ON true
       WHERE p.id = $1 AND p.deleted_at IS NULL ${reviewerId ? ASSIGNED_REVIEWER : ''}
       ORDER BY c.country_iso3`,
      params,
    );
    if (!rows.length) return undefined;
    return rows.filter((row): row is ConsentRow => row.id !== null);
  }

  /** The record's history, oldest first; one more row than `limit`, for the next page's cursor. */
  history(id: string, query: PageQuery, limit: number): Promise<ConsentEventRow[]> {
    const params: unknown[] = [id];
    const param = (value: unknown) => `$${params.push(value)}`;
    const where = ['consent_id = $1'];
    const cursor = decodeCursor(query.cursor, 2);
    if (cursor) {
      where.push(`(occurred_at, id) > (${param(cursor[0])}::timestamptz, ${param(cursor[1])}::uuid)`);
    }
    return preparedQuery<ConsentEventRow>(
      this.dataSource,
      `SELECT id, occurred_at, actor_id, status, record,
              to_char(occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS occurred_at_key
       FROM consent_events WHERE ${where.join(' AND ')}
       ORDER BY occurred_at, id LIMIT ${param(limit + 1)}`,
      params,
    );
  }

  async get(manager: EntityManager, projectId: string, id: string): Promise<ConsentRow | undefined> {
    const [row] = await preparedQuery<ConsentRow>(
      manager,
      `SELECT * FROM consent_records WHERE id = $1 AND project_id = $2`,
      [id, projectId],
    );
    return row;
  }

  /** Whether the country is a recipient of the project, and the id of its record if it has one. */
  async countryFacts(
    manager: EntityManager,
    projectId: string,
    countryIso3: string,
  ): Promise<{ recipient: boolean; existing: string | null }> {
    const [facts] = await preparedQuery<{ recipient: boolean; existing: string | null }>(
      manager,
      `SELECT EXISTS (SELECT 1 FROM project_countries WHERE project_id = $1 AND country_iso3 = $2) AS recipient,
              (SELECT id FROM consent_records WHERE project_id = $1 AND country_iso3 = $2) AS existing`,
      [projectId, countryIso3],
    );
    return facts!;
  }

  /** Inserts the record and returns its id. */
  async insert(
    manager: EntityManager,
    projectId: string,
    countryIso3: string,
    record: ConsentFields,
  ): Promise<string> {
    const [row] = await preparedQuery<{ id: string }>(
      manager,
      `INSERT INTO consent_records (project_id, country_iso3, ${FIELDS.map((f) => CONSENT_COLUMNS[f]).join(', ')})
       VALUES ($1, $2, ${FIELDS.map((_, index) => `$${index + 3}`).join(', ')}) RETURNING id`,
      [projectId, countryIso3, ...FIELDS.map((field) => record[field])],
    );
    return row!.id;
  }

  /** The history entry of a change, in the change's own transaction. */
  async insertEvent(manager: EntityManager, actorId: string | null, after: ConsentDto): Promise<void> {
    await preparedQuery(
      manager,
      `INSERT INTO consent_events (consent_id, actor_id, status, record) VALUES ($1, $2, $3, $4::jsonb)`,
      [after.id, actorId, after.status, JSON.stringify(after)],
    );
  }
}

export function toConsentDto(row: ConsentRow): ConsentDto {
  return {
    id: row.id,
    countryIso3: row.country_iso3,
    status: row.status,
    requestedOn: dateOnly(row.requested_on),
    grantedOn: dateOnly(row.granted_on),
    validUntil: dateOnly(row.valid_until),
    projectId: row.project_id,
    withdrawnOn: dateOnly(row.withdrawn_on),
    withdrawalReason: row.withdrawal_reason,
    issuingOffice: row.issuing_office,
    signatory: row.signatory,
    documentReference: row.document_reference,
    scope: row.scope,
    version: row.version,
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}
