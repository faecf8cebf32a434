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

/** An entry of the audit log, with the names a reader needs: who, and the project it belongs to. */
export interface AuditListRow extends TimelineRow {
  project_code: string | null;
  project_title: string | null;
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

  async insert(manager: EntityManager, entry: AuditInsert): Promise<void> {
    await preparedQuery(
      manager,
      `INSERT INTO audit_entries (actor_id, actor_email, action, entity, entity_id, before, after, request_id,
                                  project_id)
       VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7::jsonb, $8, $9)`,
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

  list(entities: readonly string[] | null, query: AuditQuery, limit: number): Promise<AuditListRow[]> {
    const params: unknown[] = [];
    const where: string[] = [];
    const param = (value: unknown) => `$${params.push(value)}`;
    if (entities) where.push(`a.entity = ANY(${param(entities)}::text[])`);
    if (query.entity) where.push(`a.entity = ${param(query.entity)}`);
    if (query.entityId) where.push(`a.entity_id = ${param(query.entityId)}`);
    if (query.projectId) where.push(`a.project_id = ${param(query.projectId)}::uuid`);
    if (query.actorId) where.push(`a.actor_id = ${param(query.actorId)}`);
    if (query.action) where.push(`a.action = ${param(query.action)}`);
    if (query.from) where.push(`a.occurred_at >= ${param(query.from)}`);
    if (query.to) where.push(`a.occurred_at < ${param(query.to)}`);
    const cursor = decodeCursor(query.cursor, 2);
    if (cursor)
      where.push(`(a.occurred_at, a.id) < (${param(cursor[0])}::timestamptz, ${param(cursor[1])}::uuid)`);
    // The joins follow the page's rows (at most limit + 1 of them), by primary key.
    return preparedQuery<AuditListRow>(
      this.dataSource,
      `SELECT a.*, u.name AS actor_name, p.code AS project_code, p.title AS project_title,
              to_char(a.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS occurred_at_key
       FROM audit_entries a
       LEFT JOIN users u ON u.id = a.actor_id
       LEFT JOIN projects p ON p.id = a.project_id
       ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY a.occurred_at DESC, a.id DESC LIMIT ${param(limit + 1)}`,
      params,
    );
  }
}

/** The entry as the reader's role may see it, with what it may not read redacted. */
export function toAuditEntryDto(row: AuditListRow, reader: Role): AuditEntryDto {
  return {
    id: row.id,
    occurredAt: row.occurred_at.toISOString(),
    actorId: row.actor_id,
    actorEmail: row.actor_email,
    actorName: row.actor_name,
    projectCode: row.project_code,
    projectTitle: row.project_title,
    action: row.action,
    entity: row.entity,
    entityId: row.entity_id,
    projectId: row.project_id,
    before: redactAuditRecord(row.before, reader) as Record<string, unknown> | null,
    after: redactAuditRecord(row.after, reader) as Record<string, unknown> | null,
    requestId: row.request_id,
  };
}
