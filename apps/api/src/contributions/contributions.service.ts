import { receivedReductionProblem } from '@hstf/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit';
import { changeVersioned } from '../common/concurrency/versioned-update';
import { limitOf, Page, toPage } from '../common/pagination/pagination';
import { Problem } from '../common/problem-details/problem';
import { RequestContext } from '../common/request-context/request-context';
import { availableBalance, lockFundLedger, moneyRefusal, OVER_COMMITTED, receivedOf } from '../fund';
import { contributionProblems } from './contribution-rules';
import { ContributionScope, ContributionsRepository } from './contributions.repository';
import {
  ContributionDto,
  ContributionQuery,
  ContributionTotalDto,
  ContributionTotalsQuery,
  CreateContributionRequest,
  UpdateContributionRequest,
} from './contributions.dto';

const ENTITY = 'contribution';

@Injectable()
export class ContributionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repository: ContributionsRepository,
    private readonly audit: AuditService,
  ) {}

  /** A donor user lists its own donor's contributions only: the scope is part of the WHERE. */
  async list(ctx: RequestContext, query: ContributionQuery): Promise<Page<ContributionDto>> {
    if (query.fromYear !== undefined && query.toYear !== undefined && query.fromYear > query.toYear) {
      throw Problem.validation([{ field: 'toYear', message: 'must not be before fromYear' }]);
    }
    const limit = limitOf(query);
    const rows = await this.repository.list(this.scope(ctx), query, limit);
    return toPage(rows, limit, (row) => [row.pledgedOn, row.id]);
  }

  /** Another donor's contribution does not exist for a donor user: 404, as for an unknown id. */
  async get(ctx: RequestContext, id: string): Promise<ContributionDto> {
    const contribution = await this.repository.get(this.scope(ctx), id);
    if (!contribution) throw Problem.notFound('The contribution');
    return contribution;
  }

  /**
   * Per donor and year, summed in SQL: pledged = contributions pledged that year and not
   * cancelled; received = contributions received that year. Every donor's totals, for every
   * role allowed here: this is how a donor user sees the others.
   */
  async totals(query: ContributionTotalsQuery): Promise<ContributionTotalDto[]> {
    if (query.fromYear !== undefined && query.toYear !== undefined && query.fromYear > query.toYear) {
      throw Problem.validation([{ field: 'toYear', message: 'must not be before fromYear' }]);
    }
    return this.repository.totals(query);
  }

  async create(ctx: RequestContext, request: CreateContributionRequest): Promise<ContributionDto> {
    const errors = contributionProblems({ ...request, receivedOn: request.receivedOn ?? null });
    if (errors.length) throw Problem.validation(errors);
    const result = await this.dataSource.transaction(async (manager) => {
      await this.assertDonorExists(manager, request.donorId);
      const id = await this.repository.insert(manager, request);
      const created = (await this.repository.find(manager, id, false))!;
      await this.audit.record(manager, ctx, {
        action: 'create',
        entity: ENTITY,
        entityId: id,
        before: null,
        after: created,
      });
      return created;
    });
    return result;
  }

  async update(
    ctx: RequestContext,
    id: string,
    expectedVersion: number,
    request: UpdateContributionRequest,
  ): Promise<ContributionDto> {
    return this.dataSource.transaction(async (manager) => {
      const balance = await balanceBefore(manager, id);
      const updated = await changeVersioned<{ version: number; donor_id: string }, ContributionDto>(
        manager,
        this.audit,
        ctx,
        {
          table: 'contributions',
          entityLabel: ENTITY,
          id,
          expectedVersion,
          read: async () => (await this.repository.find(manager, id, false))!,
          decide: async (current, before) => {
            const after = {
              currency: request.currency ?? before.currency,
              amount: request.amount ?? before.amount,
              usdAmount: request.usdAmount ?? before.usdAmount,
              exchangeRate: request.exchangeRate ?? before.exchangeRate,
              status: request.status ?? before.status,
              pledgedOn: request.pledgedOn ?? before.pledgedOn,
              receivedOn: request.receivedOn === undefined ? before.receivedOn : request.receivedOn,
            };
            const figuresChange = (['amount', 'currency', 'usdAmount', 'exchangeRate'] as const).some(
              (field) => request[field] !== undefined,
            );
            const errors = contributionProblems(after, { checkConversion: figuresChange });
            if (errors.length) throw Problem.validation(errors);
            if (request.donorId !== undefined && request.donorId !== current.donor_id) {
              await this.assertDonorExists(manager, request.donorId);
            }

            const columns: Record<string, keyof UpdateContributionRequest> = {
              donor_id: 'donorId',
              pledged_on: 'pledgedOn',
              received_on: 'receivedOn',
              amount: 'amount',
              currency: 'currency',
              usd_amount: 'usdAmount',
              exchange_rate: 'exchangeRate',
              status: 'status',
              earmarking: 'earmarking',
              reference: 'reference',
            };
            const set: Record<string, unknown> = {};
            for (const [column, field] of Object.entries(columns)) {
              if (request[field] !== undefined) set[column] = request[field];
            }
            return { set };
          },
        },
      );
      await assertFundKeepsBalance(manager, id, balance);
      return updated;
    });
  }

  async remove(ctx: RequestContext, id: string, expectedVersion: number): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const current = await this.repository.find(manager, id, true);
      if (!current) throw Problem.notFound('The contribution');
      if (current.version !== expectedVersion) {
        throw Problem.staleVersion(ENTITY, expectedVersion, current.version);
      }
      const balance = await balanceBefore(manager, id);
      await this.repository.delete(manager, id);
      await assertFundKeepsBalance(manager, id, balance);
      await this.audit.record(manager, ctx, {
        action: 'delete',
        entity: ENTITY,
        entityId: id,
        before: current,
        after: null,
      });
    });
  }

  /** The object-level check: a donor user's reads are limited to its donor in SQL. */
  private scope(ctx: RequestContext): ContributionScope {
    const user = ctx.actor;
    if (user.role === 'admin' || user.role === 'staff') return 'all';
    if (user.role === 'donor' && user.donorId) return { donorId: user.donorId };
    return 'none';
  }

  private async assertDonorExists(manager: EntityManager, donorId: string): Promise<void> {
    if (!(await this.repository.holdDonor(manager, donorId))) {
      throw Problem.validation([{ field: 'donorId', message: 'is not a known donor' }]);
    }
  }
}

/**
 * A change that lowers what the Fund has received (a cancellation, an un-receipt, a deletion, a lower
 * amount or rate) is decided under the ledger lock approvals take. The contribution's receipts follow
 * its status and figures in the database (migration 1763890000100), so the change is made first and
 * what the contribution then counts for compared with before, on the balance read under the lock
 * before it: two such changes, or one and an approval, cannot together take available below zero.
 * A refusal throws, and the transaction (the change and its audit entry) rolls back.
 */
async function balanceBefore(
  manager: EntityManager,
  id: string,
): Promise<{ available: string; received: string }> {
  await lockFundLedger(manager);
  return { available: await availableBalance(manager), received: await receivedOf(manager, id) };
}

async function assertFundKeepsBalance(
  manager: EntityManager,
  id: string,
  before: { available: string; received: string },
): Promise<void> {
  const problem = receivedReductionProblem(before.available, before.received, await receivedOf(manager, id));
  if (problem) throw moneyRefusal(problem, OVER_COMMITTED.slug, OVER_COMMITTED.title);
}
