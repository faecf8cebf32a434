import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { Role } from '@hstf/domain';
import { decodeCursor } from '../common/pagination/pagination';
import { preparedQuery } from '../database/prepared-query';
import type { AuditEntryDto, AuditQuery } from './audit.dto';
import { redactAuditRecord } from './audit-visibility';

export interface AuditRow {
  id: string;
  occurred_at: Date;
  /** occurred_at to the microsecond, for the cursor: a JS Date keeps only milliseconds. */
  occurred_at_key: string;
  actor_id: string | null;
  actor_email: string | null;
  action: string;
  entity: string;
  entity_id: string;
  project_id: string | null;
  before: unknown;
  after: unknown;
  request_id: string | null;
}

export interface TimelineRow extends AuditRow {
  actor_name: string | null;
}

/** An entry as it is written: the records before and after already as JSON text (or null). */
export interface AuditInsert {
  actorId: string | null;
  actorEmail: string | null;
  action: string;
  entity: string;
  entityId: string;
  projectId: string | null;
  before: string | null;
  after: string | null;
  requestId: string | null;
}

/** The SQL of the audit trail and its mapping to the API's shape; AuditService decides. */
@Injectable()
export class AuditRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Writes the entry and answers its id. */
  async insert(manager: EntityManager, entry: AuditInsert): Promise<string> {
    const [row] = await preparedQuery<{ id: string }>(
      manager,
      `INSERT INTO audit_entries (actor_id, actor_email, action, entity, entity_id, before, after, request_id,
                                  project_id)
       VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7::jsonb, $8, $9) RETURNING id`,
      [
        entry.actorId,
        entry.actorEmail,
        entry.action,
        entry.entity,
        entry.entityId,
        entry.before,
        entry.after,
        entry.requestId,
        entry.projectId,
      ],
    );
    return row!.id;
  }

  /** Newest first; one more row than `limit`, for the next page's cursor. */
  /** The project's entries of these entities, newest first; one more row than `limit`, for the cursor. */
  timeline(
    projectId: string,
    entities: readonly string[] | null,
    cursor: string | undefined,
    limit: number,
  ): Promise<TimelineRow[]> {
    const params: unknown[] = [projectId];
    const param = (value: unknown) => `$${params.push(value)}`;
    const where = ['a.project_id = $1'];
    if (entities) where.push(`a.entity = ANY(${param(entities)}::text[])`);
    const key = decodeCursor(cursor, 2);
    if (key) where.push(`(a.occurred_at, a.id) < (${param(key[0])}::timestamptz, ${param(key[1])}::uuid)`);
    return preparedQuery<TimelineRow>(
      this.dataSource,
      `SELECT a.*, u.name AS actor_name,
              to_char(a.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS occurred_at_key
       FROM audit_entries a LEFT JOIN users u ON u.id = a.actor_id
       WHERE ${where.join(' AND ')}
       ORDER BY a.occurred_at DESC, a.id DESC LIMIT ${param(limit + 1)}`,
      params,
    );
  }

  async projectExists(projectId: string): Promise<boolean> {
    const rows = await preparedQuery(
      this.dataSource,
      `SELECT 1 FROM projects WHERE id = $1 AND deleted_at IS NULL`,
      [projectId],
    );
    return rows.length > 0;
  }

  list(entities: readonly string[] | null, query: AuditQuery, limit: number): Promise<AuditRow[]> {
    const params: unknown[] = [];
    const where: string[] = [];
    const param = (value: unknown) => `$${params.push(value)}`;
    if (entities) where.push(`entity = ANY(${param(entities)}::text[])`);
    if (query.entity) where.push(`entity = ${param(query.entity)}`);
    if (query.entityId) where.push(`entity_id = ${param(query.entityId)}`);
    if (query.projectId) where.push(`project_id = ${param(query.projectId)}::uuid`);
    if (query.actorId) where.push(`actor_id = ${param(query.actorId)}`);
    if (query.action) where.push(`action = ${param(query.action)}`);
    if (query.from) where.push(`occurred_at >= ${param(query.from)}`);
    if (query.to) where.push(`occurred_at < ${param(query.to)}`);
    const cursor = decodeCursor(query.cursor, 2);
    if (cursor)
      where.push(`(occurred_at, id) < (${param(cursor[0])}::timestamptz, ${param(cursor[1])}::uuid)`);
    return preparedQuery<AuditRow>(
      this.dataSource,
      `SELECT *, to_char(occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS occurred_at_key
       FROM audit_entries ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY occurred_at DESC, id DESC LIMIT ${param(limit + 1)}`,
      params,
    );
  }
}

/** The entry as the reader's role may see it, with what it may not read redacted. */
export function toAuditEntryDto(row: AuditRow, reader: Role): AuditEntryDto {
  return {
    id: row.id,
    occurredAt: row.occurred_at.toISOString(),
    actorId: row.actor_id,
    actorEmail: row.actor_email,
    action: row.action,
    entity: row.entity,
    entityId: row.entity_id,
    projectId: row.project_id,
    before: redactAuditRecord(row.before, reader) as Record<string, unknown> | null,
    after: redactAuditRecord(row.after, reader) as Record<string, unknown> | null,
    requestId: row.request_id,
  };
}
