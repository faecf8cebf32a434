import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit';
import { changeVersioned, removeVersioned, sentColumns } from '../common/concurrency/versioned-update';
import { limitOf, Page, pageOf } from '../common/pagination/pagination';
import { FieldError, Problem } from '../common/problem-details/problem';
import { RequestContext } from '../common/request-context/request-context';
import { dateOnly } from '../common/validation/calendar-date';
import {
  CreateNationalStrategyRequest,
  NationalStrategyDto,
  NationalStrategyQuery,
  UpdateNationalStrategyRequest,
} from './strategies.dto';
import { NationalStrategyRow, StrategiesRepository, toStrategyDto as toDto } from './strategies.repository';

const ENTITY = 'national strategy';
const AUDIT_ENTITY = 'national_strategy';

@Injectable()
export class StrategiesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repository: StrategiesRepository,
    private readonly audit: AuditService,
  ) {}

  async list(query: NationalStrategyQuery): Promise<Page<NationalStrategyDto>> {
    const rows = await this.repository.list(query, limitOf(query));
    return pageOf(rows, query, (row) => [row.country_iso3, dateOnly(row.period_from)!, row.id], toDto);
  }

  async get(id: string): Promise<NationalStrategyDto> {
    const row = await this.repository.get(id);
    if (!row) throw Problem.notFound('The national strategy');
    return toDto(row);
  }

  async create(ctx: RequestContext, request: CreateNationalStrategyRequest): Promise<NationalStrategyDto> {
    return this.dataSource.transaction(async (manager) => {
      await this.assertValid(manager, request.countryIso3, request.periodFrom, request.periodTo);
      const created = toDto(await this.repository.insert(manager, request));
      await this.audit.recordCreation(manager, ctx, AUDIT_ENTITY, created);
      return created;
    });
  }

  async update(
    ctx: RequestContext,
    id: string,
    expectedVersion: number,
    request: UpdateNationalStrategyRequest,
  ): Promise<NationalStrategyDto> {
    return this.dataSource.transaction((manager) =>
      changeVersioned<NationalStrategyRow, NationalStrategyDto>(manager, this.audit, ctx, {
        table: 'national_strategies',
        entityLabel: ENTITY,
        auditEntity: AUDIT_ENTITY,
        id,
        expectedVersion,
        read: toDto,
        decide: async (_, current) => {
          await this.assertValid(
            manager,
            request.countryIso3 ?? current.countryIso3,
            request.periodFrom ?? current.periodFrom,
            request.periodTo ?? current.periodTo,
          );
          await this.assertAlignmentsStillHold(manager, current, request);
          const set = sentColumns(request, {
            countryIso3: 'country_iso3',
            title: 'title',
            periodFrom: 'period_from',
            periodTo: 'period_to',
            priorityAreas: 'priority_areas',
            reference: 'reference',
          });
          return { set };
        },
      }),
    );
  }

  async remove(ctx: RequestContext, id: string, expectedVersion: number): Promise<void> {
    await this.dataSource.transaction((manager) =>
      removeVersioned<NationalStrategyRow, NationalStrategyDto>(manager, this.audit, ctx, {
        table: 'national_strategies',
        entityLabel: ENTITY,
        auditEntity: AUDIT_ENTITY,
        id,
        expectedVersion,
        read: toDto,
        remove: async () => {
          const n = await this.repository.alignmentCount(manager, id);
          if (n > 0) {
            throw Problem.conflict(
              'strategy-in-use',
              `This national strategy is referred to by ${n} project alignment${n === 1 ? '' : 's'}; ` +
                'remove or re-align them first.',
              { alignments: n },
            );
          }
          await this.repository.delete(manager, id);
        },
      }),
    );
  }

  private async assertValid(
    manager: EntityManager,
    countryIso3: string,
    periodFrom: string,
    periodTo: string,
  ): Promise<void> {
    const errors: FieldError[] = [];
    const country = await this.repository.countryExists(manager, countryIso3);
    if (!country) errors.push({ field: 'countryIso3', message: 'is not a known country' });
    if (periodTo < periodFrom) errors.push({ field: 'periodTo', message: 'must be on or after periodFrom' });
    if (errors.length) throw Problem.validation(errors);
  }

  /** Alignments point at a strategy of their country and at one of its priority areas: keep it so. */
  private async assertAlignmentsStillHold(
    manager: EntityManager,
    current: NationalStrategyDto,
    request: UpdateNationalStrategyRequest,
  ): Promise<void> {
    const countryChanges = request.countryIso3 !== undefined && request.countryIso3 !== current.countryIso3;
    if (!countryChanges && request.priorityAreas === undefined) return;
    const areas = await this.repository.alignedPriorityAreas(manager, current.id);
    if (!areas.length) return;
    const errors: FieldError[] = [];
    if (countryChanges) {
      errors.push({ field: 'countryIso3', message: 'cannot change while project alignments refer to it' });
    }
    if (request.priorityAreas !== undefined) {
      const kept = new Set(request.priorityAreas);
      const dropped = areas.filter((area): area is string => !!area && !kept.has(area));
      if (dropped.length) {
        errors.push({
          field: 'priorityAreas',
          message: `must keep the priority areas project alignments refer to: ${dropped.join('; ')}`,
        });
      }
    }
    if (errors.length) {
      throw Problem.conflict('strategy-in-use', 'Project alignments refer to this national strategy.', {
        errors,
      });
    }
  }
}
