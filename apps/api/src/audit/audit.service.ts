import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { ChangeEvents } from '../common/events/change-events';
import { RequestContext } from '../common/request-context/request-context';
import { decodeCursor, limitOf, Page, toPage } from '../common/pagination/pagination';
import { AuditEntryDto, AuditQuery } from './audit.dto';

export type AuditAction = 'create' | 'update' | 'delete' | (string & {});

export interface AuditChange {
  action: AuditAction;
  entity: string;
  entityId: string;
  before: unknown;
  after: unknown;
}

interface AuditRow {
  id: string;
  occurred_at: Date;
  /** occurred_at to the microsecond, for the cursor: a JS Date keeps only milliseconds. */
  occurred_at_key: string;
  actor_id: string | null;
  actor_email: string | null;
  action: string;
  entity: string;
  entity_id: string;
  before: unknown;
  after: unknown;
  request_id: string | null;
}

@Injectable()
export class AuditService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly events: ChangeEvents,
  ) {}

  /**
   * Writes one audit entry with the manager of the change's own transaction, so the change and
   * its entry commit or roll back together. Every change is recorded here, so this is also where
   * it is published (ChangeEvents): the caches learn of it once it has committed.
   */
  async record(manager: EntityManager, ctx: RequestContext, change: AuditChange): Promise<void> {
    await manager.query(
      `INSERT INTO audit_entries (actor_id, actor_email, action, entity, entity_id, before, after, request_id)
       VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7::jsonb, $8)`,
      [
        ctx.user?.id ?? null,
        ctx.user?.email ?? null,
        change.action,
        change.entity,
        change.entityId,
        change.before === null || change.before === undefined ? null : JSON.stringify(change.before),
        change.after === null || change.after === undefined ? null : JSON.stringify(change.after),
        ctx.requestId || null,
      ],
    );
    await this.events.publish(manager, {
      entity: change.entity,
      entityId: change.entityId,
      action: change.action,
      ...(change.action === 'update' ? { fields: changedFields(change.before, change.after) } : {}),
    });
  }

  async list(query: AuditQuery): Promise<Page<AuditEntryDto>> {
    const limit = limitOf(query);
    const params: unknown[] = [];
    const where: string[] = [];
    const param = (value: unknown) => `$${params.push(value)}`;
    if (query.entity) where.push(`entity = ${param(query.entity)}`);
    if (query.entityId) where.push(`entity_id = ${param(query.entityId)}`);
    if (query.actorId) where.push(`actor_id = ${param(query.actorId)}`);
    if (query.action) where.push(`action = ${param(query.action)}`);
    if (query.from) where.push(`occurred_at >= ${param(query.from)}`);
    if (query.to) where.push(`occurred_at < ${param(query.to)}`);
    const cursor = decodeCursor(query.cursor, 2);
    if (cursor)
      where.push(`(occurred_at, id) < (${param(cursor[0])}::timestamptz, ${param(cursor[1])}::uuid)`);
    const rows = await this.dataSource.query<AuditRow[]>(
      `SELECT *, to_char(occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS occurred_at_key
       FROM audit_entries ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY occurred_at DESC, id DESC LIMIT ${param(limit + 1)}`,
      params,
    );
    const page = toPage(rows, limit, (row) => [row.occurred_at_key, row.id]);
    return { ...page, items: page.items.map(toDto) };
  }
}

function changedFields(before: unknown, after: unknown): string[] {
  const b = (before ?? {}) as Record<string, unknown>;
  const a = (after ?? {}) as Record<string, unknown>;
  return [...new Set([...Object.keys(b), ...Object.keys(a)])].filter(
    (key) => JSON.stringify(b[key]) !== JSON.stringify(a[key]),
  );
}

function toDto(row: AuditRow): AuditEntryDto {
  return {
    id: row.id,
    occurredAt: row.occurred_at.toISOString(),
    actorId: row.actor_id,
    actorEmail: row.actor_email,
    action: row.action,
    entity: row.entity,
    entityId: row.entity_id,
    before: row.before as Record<string, unknown> | null,
    after: row.after as Record<string, unknown> | null,
    requestId: row.request_id,
  };
}
