import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit';
import { changeVersioned, lockForUpdate } from '../common/concurrency/versioned-update';
import { decodeCursor, limitOf, Page, toPage } from '../common/pagination/pagination';
import { FieldError, Problem } from '../common/problem-details/problem';
import { RequestContext } from '../common/request-context/request-context';
import {
  AlignmentDto,
  AlignmentQuery,
  CreateAlignmentRequest,
  UpdateAlignmentRequest,
} from './alignments.dto';
import { dateOnly } from '../common/validation/calendar-date';
import { preparedQuery } from '../database/prepared-query';

interface AlignmentRow {
  id: string;
  project_id: string;
  country_iso3: string;
  strategy_id: string;
  priority_area: string | null;
  justification: string;
  version: number;
  created_at: Date;
  updated_at: Date;
  strategy_title: string;
  strategy_period_from: Date | string;
  strategy_period_to: Date | string;
}

interface AlignmentFields {
  countryIso3: string;
  strategyId: string;
  priorityArea: string | null;
}

const ENTITY = 'alignment';

/** The project is assigned to the reviewer $2, who did not declare a conflict with it. */
const ASSIGNED_REVIEWER = `AND EXISTS (SELECT 1 FROM reviews r WHERE r.project_id = p.id AND r.reviewer_id = $2
                                       AND r.status <> 'declined_conflict')`;

/** An alignment with the strategy it points at, which the dashboard shows beside it. */
const SELECT_ALIGNMENTS = `
  SELECT a.*, s.title AS strategy_title, s.period_from AS strategy_period_from,
         s.period_to AS strategy_period_to
  FROM alignments a JOIN national_strategies s ON s.id = a.strategy_id`;

@Injectable()
export class AlignmentsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(ctx: RequestContext, projectId: string, query: AlignmentQuery): Promise<Page<AlignmentDto>> {
    const limit = limitOf(query);
    const params: unknown[] = [projectId];
    const param = (value: unknown) => `$${params.push(value)}`;
    const reviewer = ctx.user?.role === 'reviewer';
    if (reviewer) param(ctx.user.id);
    const where = ['a.project_id = p.id'];
    if (query.country) where.push(`a.country_iso3 = ${param(query.country)}`);
    const cursor = decodeCursor(query.cursor, 2);
    if (cursor) where.push(`(a.country_iso3, a.id) > (${param(cursor[0])}, ${param(cursor[1])}::uuid)`);
    // The project's check (assertProject's) and the page in one statement: no row means no project
    // this caller may read; a row without an alignment, an empty page.
    const rows = await preparedQuery<AlignmentRow | { id: null }>(
      this.dataSource,
      `SELECT a.* FROM projects p
       LEFT JOIN LATERAL (${SELECT_ALIGNMENTS} WHERE ${where.join(' AND ')}
                          ORDER BY a.country_iso3, a.id LIMIT ${param(limit + 1)}) a ON true
       WHERE p.id = $1 AND p.deleted_at IS NULL ${reviewer ? ASSIGNED_REVIEWER : ''}
       ORDER BY a.country_iso3, a.id`,
      params,
    );
    if (!rows.length) throw Problem.notFound('The project');
    const alignments = rows.filter((row): row is AlignmentRow => row.id !== null);
    const page = toPage(alignments, limit, (row) => [row.country_iso3, row.id]);
    return { ...page, items: page.items.map(toDto) };
  }

  async get(ctx: RequestContext, projectId: string, id: string): Promise<AlignmentDto> {
    await this.assertProject(this.dataSource.manager, projectId, false, ctx);
    return this.read(this.dataSource.manager, projectId, id);
  }

  async create(
    ctx: RequestContext,
    projectId: string,
    request: CreateAlignmentRequest,
  ): Promise<AlignmentDto> {
    return this.dataSource.transaction(async (manager) => {
      await this.assertProject(manager, projectId, true);
      const fields = await this.checked(manager, projectId, null, {
        countryIso3: request.countryIso3,
        strategyId: request.strategyId,
        priorityArea: request.priorityArea ?? null,
      });
      const [row] = await manager.query<{ id: string }[]>(
        `INSERT INTO alignments (project_id, country_iso3, strategy_id, priority_area, justification)
         VALUES ($1, $2, $3, $4, $5) RETURNING id`,
        [projectId, fields.countryIso3, fields.strategyId, fields.priorityArea, request.justification],
      );
      const created = await this.read(manager, projectId, row!.id);
      await this.audit.record(manager, ctx, {
        action: 'create',
        entity: ENTITY,
        entityId: created.id,
        before: null,
        after: created,
      });
      return created;
    });
  }

  async update(
    ctx: RequestContext,
    projectId: string,
    id: string,
    expectedVersion: number,
    request: UpdateAlignmentRequest,
  ): Promise<AlignmentDto> {
    return this.dataSource.transaction(async (manager) => {
      await this.assertProject(manager, projectId, true);
      return changeVersioned<{ project_id: string; version: number }, AlignmentDto>(
        manager,
        this.audit,
        ctx,
        {
          table: 'alignments',
          entityLabel: ENTITY,
          id,
          expectedVersion,
          absent: (row) => row.project_id !== projectId,
          read: () => this.read(manager, projectId, id),
          decide: async (_, current) => {
            const fields = await this.checked(manager, projectId, id, {
              countryIso3: request.countryIso3 ?? current.countryIso3,
              strategyId: request.strategyId ?? current.strategyId,
              priorityArea: request.priorityArea === undefined ? current.priorityArea : request.priorityArea,
            });
            const set: Record<string, unknown> = {};
            if (fields.countryIso3 !== current.countryIso3) set.country_iso3 = fields.countryIso3;
            if (fields.strategyId !== current.strategyId) set.strategy_id = fields.strategyId;
            if (fields.priorityArea !== current.priorityArea) set.priority_area = fields.priorityArea;
            if (request.justification !== undefined) set.justification = request.justification;
            return { set };
          },
        },
      );
    });
  }

  async remove(ctx: RequestContext, projectId: string, id: string, expectedVersion: number): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await this.assertProject(manager, projectId, true);
      const locked = await lockForUpdate<{ project_id: string; version: number }>(
        manager,
        'alignments',
        ENTITY,
        id,
      );
      if (locked.project_id !== projectId) throw Problem.notFound('The alignment');
      if (locked.version !== expectedVersion) {
        throw Problem.staleVersion(ENTITY, expectedVersion, locked.version);
      }
      const current = await this.read(manager, projectId, id);
      await manager.query(`DELETE FROM alignments WHERE id = $1`, [id]);
      await this.audit.record(manager, ctx, {
        action: 'delete',
        entity: ENTITY,
        entityId: id,
        before: current,
        after: null,
      });
    });
  }

  /**
   * A soft-deleted or unknown project answers 404 on every nested route. Writers hold the project
   * row (FOR SHARE) so it cannot be deleted under them. A reviewer reads the alignments of the
   * projects they are assigned to and did not withdraw from for a conflict; any other is 404.
   */
  private async assertProject(
    manager: EntityManager,
    projectId: string,
    forWrite: boolean,
    reader?: RequestContext,
  ): Promise<void> {
    const reviewer = reader?.user?.role === 'reviewer';
    const rows = await manager.query<{ id: string }[]>(
      `SELECT p.id FROM projects p WHERE p.id = $1 AND p.deleted_at IS NULL
       ${reviewer ? ASSIGNED_REVIEWER : ''} ${forWrite ? 'FOR SHARE' : ''}`,
      reviewer ? [projectId, reader.user.id] : [projectId],
    );
    if (!rows.length) throw Problem.notFound('The project');
  }

  private async read(manager: EntityManager, projectId: string, id: string): Promise<AlignmentDto> {
    const [row] = await manager.query<AlignmentRow[]>(
      `${SELECT_ALIGNMENTS} WHERE a.id = $1 AND a.project_id = $2`,
      [id, projectId],
    );
    if (!row) throw Problem.notFound('The alignment');
    return toDto(row);
  }

  /**
   * The country is a recipient of the project, the strategy is one of that country's, the
   * priority area one of the strategy's (returned in the strategy's own spelling), and the
   * project is aligned to a strategy at most once per country.
   */
  private async checked(
    manager: EntityManager,
    projectId: string,
    exceptId: string | null,
    fields: AlignmentFields,
  ): Promise<AlignmentFields> {
    // FOR SHARE: the strategy's country and priority areas cannot change until this commits.
    const [strategy] = await manager.query<{ country_iso3: string; priority_areas: string[] }[]>(
      `SELECT country_iso3, priority_areas FROM national_strategies WHERE id = $1 FOR SHARE`,
      [fields.strategyId],
    );
    const [facts] = await manager.query<{ recipient: boolean; duplicate: boolean }[]>(
      `SELECT
         EXISTS (SELECT 1 FROM project_countries WHERE project_id = $1 AND country_iso3 = $2) AS recipient,
         EXISTS (SELECT 1 FROM alignments WHERE project_id = $1 AND country_iso3 = $2 AND strategy_id = $3
                   AND id IS DISTINCT FROM $4::uuid) AS duplicate`,
      [projectId, fields.countryIso3, fields.strategyId, exceptId],
    );
    const errors: FieldError[] = [];
    if (!facts?.recipient) {
      errors.push({ field: 'countryIso3', message: 'is not a recipient country of this project' });
    }
    let priorityArea = fields.priorityArea;
    if (!strategy) {
      errors.push({ field: 'strategyId', message: 'is not a known national strategy' });
    } else {
      if (strategy.country_iso3 !== fields.countryIso3) {
        errors.push({
          field: 'strategyId',
          message: `is a national strategy of ${strategy.country_iso3}, not of ${fields.countryIso3}`,
        });
      }
      if (priorityArea !== null) {
        const wanted = priorityArea.toLowerCase();
        const match = strategy.priority_areas.find((area) => area.toLowerCase() === wanted);
        if (match) priorityArea = match;
        else {
          errors.push({
            field: 'priorityArea',
            message: strategy.priority_areas.length
              ? `must be one of the strategy's priority areas: ${strategy.priority_areas.join('; ')}`
              : 'cannot be set: the strategy names no priority areas',
          });
        }
      }
    }
    if (errors.length) throw Problem.validation(errors);
    if (facts?.duplicate) {
      throw Problem.conflict(
        'duplicate-alignment',
        `This project is already aligned to this national strategy for ${fields.countryIso3}.`,
      );
    }
    return { ...fields, priorityArea };
  }
}

function toDto(row: AlignmentRow): AlignmentDto {
  return {
    id: row.id,
    projectId: row.project_id,
    countryIso3: row.country_iso3,
    strategyId: row.strategy_id,
    strategyTitle: row.strategy_title,
    strategyPeriodFrom: dateOnly(row.strategy_period_from)!,
    strategyPeriodTo: dateOnly(row.strategy_period_to)!,
    priorityArea: row.priority_area,
    justification: row.justification,
    version: row.version,
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}
