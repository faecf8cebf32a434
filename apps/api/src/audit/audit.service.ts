import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { Role } from '@hstf/domain';
import { ChangeEvents } from '../common/events/change-events';
import { RequestContext } from '../common/request-context/request-context';
import { limitOf, Page, pageOf, PageQuery } from '../common/pagination/pagination';
import { Problem } from '../common/problem-details/problem';
import { AuditEntryDto, AuditQuery } from './audit.dto';
import {
  AuditedAction,
  AuditedEntity,
  readableAuditEntities,
  readsStaffFields,
  redactAuditRecord,
  timelineEntities,
} from './audit-visibility';
import type { TimelineEventDto } from './timeline.dto';
import { AuditRepository, toAuditEntryDto } from './audit.repository';

export type AuditAction = AuditedAction;

export interface AuditChange {
  action: AuditAction;
  entity: AuditedEntity;
  entityId: string;
  before: unknown;
  after: unknown;
}

/** A change as recorded, with the id of its audit entry. */
export interface RecordedChange extends AuditChange {
  entryId: string;
}

/**
 * Called with the change's own manager, inside its transaction, for every change recorded: what it
 * writes commits or rolls back with the change.
 */
export type RecordedChangeHook = (manager: EntityManager, change: RecordedChange) => Promise<void>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The project an audited change belongs to: the project itself, or the `projectId` its record
 * carries (after, else before). Every record that belongs to a project carries it in the DTO it is
 * audited with, so a new kind of record joins the project's timeline without anything more here.
 */
export function projectOfChange(change: Pick<AuditChange, 'entity' | 'entityId' | 'before' | 'after'>) {
  const idOf = (record: unknown): unknown =>
    record !== null && typeof record === 'object' ? (record as { projectId?: unknown }).projectId : undefined;
  const candidate =
    change.entity === 'project' ? change.entityId : (idOf(change.after) ?? idOf(change.before));
  return typeof candidate === 'string' && UUID.test(candidate) ? candidate : null;
}

@Injectable()
export class AuditService {
  private readonly hooks: RecordedChangeHook[] = [];

  constructor(
    private readonly repository: AuditRepository,
    private readonly events: ChangeEvents,
  ) {}

  /**
   * Writes one audit entry with the manager of the change's own transaction, so the change and
   * its entry commit or roll back together. Every change is recorded here, so this is also where
   * it is published (ChangeEvents): the caches learn of it once it has committed.
   */
  async record(manager: EntityManager, ctx: RequestContext, change: AuditChange): Promise<void> {
    const entryId = await this.repository.insert(manager, {
      actorId: ctx.user?.id ?? null,
      actorEmail: ctx.user?.email ?? null,
      action: change.action,
      entity: change.entity,
      entityId: change.entityId,
      projectId: projectOfChange(change),
      before: jsonOrNull(change.before),
      after: jsonOrNull(change.after),
      requestId: ctx.requestId || null,
    });
    await this.events.publish(manager, {
      entity: change.entity,
      entityId: change.entityId,
      action: change.action,
      ...(change.action === 'update' ? { fields: changedFields(change.before, change.after) } : {}),
    });
    for (const hook of this.hooks) await hook(manager, { ...change, entryId });
  }

  /**
   * Runs `hook` on every change recorded from now on, in the change's transaction: for work that
   * must happen exactly when a change commits and never when it does not (ChangeEvents, by
   * contrast, tells after the commit, and nothing if the process stops in between).
   */
  onRecorded(hook: RecordedChangeHook): void {
    this.hooks.push(hook);
  }

  /** The entry of a record just created: nothing before, the record as the API answers it after. */
  recordCreation(
    manager: EntityManager,
    ctx: RequestContext,
    entity: AuditedEntity,
    created: { id: string },
  ) {
    return this.record(manager, ctx, {
      action: 'create',
      entity,
      entityId: created.id,
      before: null,
      after: created,
    });
  }

  /** The entry of a change: the record as it was and as it is. */
  recordUpdate(manager: EntityManager, ctx: RequestContext, change: Omit<AuditChange, 'action'>) {
    return this.record(manager, ctx, { action: 'update', ...change });
  }

  /** The entry of a removal: the record as it was, nothing after. */
  recordDeletion(manager: EntityManager, ctx: RequestContext, change: Omit<AuditChange, 'action' | 'after'>) {
    return this.record(manager, ctx, { action: 'delete', ...change, after: null });
  }

  /**
   * A project's story: every audited change of the project or of a record carrying its id, newest
   * first, as the reader's role may see it (the audit log's rules; for donors, the records they read
   * elsewhere, without who decided or why).
   */
  async timeline(reader: Role, projectId: string, query: PageQuery): Promise<Page<TimelineEventDto>> {
    if (!(await this.repository.projectExists(projectId))) throw Problem.notFound('The project');
    const rows = await this.repository.timeline(
      projectId,
      timelineEntities(reader),
      query.cursor,
      limitOf(query),
    );
    const staff = readsStaffFields(reader);
    return pageOf(
      rows,
      query,
      (row) => [row.occurred_at_key, row.id],
      (row) => {
        const before = redactAuditRecord(row.before, reader) as Record<string, unknown> | null;
        const after = redactAuditRecord(row.after, reader) as Record<string, unknown> | null;
        return {
          id: row.id,
          occurredAt: row.occurred_at.toISOString(),
          action: row.action,
          entity: row.entity,
          entityId: row.entity_id,
          actorName: staff ? row.actor_name : null,
          actorEmail: staff ? row.actor_email : null,
          changed: before && after ? changedFields(before, after) : [],
          before,
          after,
        };
      },
    );
  }

  /** The entries the reader's role may see, with what it may not read redacted. */
  async list(reader: Role, query: AuditQuery): Promise<Page<AuditEntryDto>> {
    const rows = await this.repository.list(readableAuditEntities(reader), query, limitOf(query));
    return pageOf(
      rows,
      query,
      (row) => [row.occurred_at_key, row.id],
      (row) => toAuditEntryDto(row, reader),
    );
  }
}

function jsonOrNull(record: unknown): string | null {
  return record === null || record === undefined ? null : JSON.stringify(record);
}

function changedFields(before: unknown, after: unknown): string[] {
  const b = (before ?? {}) as Record<string, unknown>;
  const a = (after ?? {}) as Record<string, unknown>;
  return [...new Set([...Object.keys(b), ...Object.keys(a)])].filter(
    (key) => JSON.stringify(b[key]) !== JSON.stringify(a[key]),
  );
}
