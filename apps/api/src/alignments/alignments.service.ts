import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit';
import { changeVersioned, removeVersioned } from '../common/concurrency/versioned-update';
import { limitOf, Page, pageOf } from '../common/pagination/pagination';
import { FieldError, Problem } from '../common/problem-details/problem';
import { RequestContext } from '../common/request-context/request-context';
import { assertProjectInScope } from '../projects';
import {
  AlignmentDto,
  AlignmentQuery,
  CreateAlignmentRequest,
  UpdateAlignmentRequest,
} from './alignments.dto';
import { AlignmentsRepository, toAlignmentDto as toDto } from './alignments.repository';

interface AlignmentFields {
  countryIso3: string;
  strategyId: string;
  priorityArea: string | null;
}

const ENTITY = 'alignment';

@Injectable()
export class AlignmentsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repository: AlignmentsRepository,
    private readonly audit: AuditService,
  ) {}

  async list(ctx: RequestContext, projectId: string, query: AlignmentQuery): Promise<Page<AlignmentDto>> {
    const reviewerId = ctx.user?.role === 'reviewer' ? ctx.user.id : null;
    const alignments = await this.repository.listPage(projectId, reviewerId, query, limitOf(query));
    if (!alignments) throw Problem.notFound('The project');
    return pageOf(alignments, query, (row) => [row.country_iso3, row.id], toDto);
  }

  async get(ctx: RequestContext, projectId: string, id: string): Promise<AlignmentDto> {
    await assertProjectInScope(this.dataSource.manager, projectId, false, ctx);
    return this.read(this.dataSource.manager, projectId, id);
  }

  async create(
    ctx: RequestContext,
    projectId: string,
    request: CreateAlignmentRequest,
  ): Promise<AlignmentDto> {
    return this.dataSource.transaction(async (manager) => {
      await assertProjectInScope(manager, projectId, true);
      const fields = await this.checked(manager, projectId, null, {
        countryIso3: request.countryIso3,
        strategyId: request.strategyId,
        priorityArea: request.priorityArea ?? null,
      });
      const id = await this.repository.insert(manager, projectId, {
        ...fields,
        justification: request.justification,
      });
      const created = await this.read(manager, projectId, id);
      await this.audit.recordCreation(manager, ctx, ENTITY, created);
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
      await assertProjectInScope(manager, projectId, true);
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
      await assertProjectInScope(manager, projectId, true);
      await removeVersioned<{ project_id: string; version: number }, AlignmentDto>(manager, this.audit, ctx, {
        table: 'alignments',
        entityLabel: ENTITY,
        id,
        expectedVersion,
        absent: (row) => row.project_id !== projectId,
        read: () => this.read(manager, projectId, id),
        remove: () => this.repository.delete(manager, id),
      });
    });
  }

  private async read(manager: EntityManager, projectId: string, id: string): Promise<AlignmentDto> {
    const row = await this.repository.get(manager, projectId, id);
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
    const strategy = await this.repository.strategyForShare(manager, fields.strategyId);
    const facts = await this.repository.facts(
      manager,
      projectId,
      fields.countryIso3,
      fields.strategyId,
      exceptId,
    );
    const errors: FieldError[] = [];
    if (!facts.recipient) {
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
    if (facts.duplicate) {
      throw Problem.conflict(
        'duplicate-alignment',
        `This project is already aligned to this national strategy for ${fields.countryIso3}.`,
      );
    }
    return { ...fields, priorityArea };
  }
}
