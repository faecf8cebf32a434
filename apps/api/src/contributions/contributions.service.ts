import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit';
import { updateVersioned } from '../common/concurrency/versioned-update';
import { moneyOut } from '../common/money/money.decorators';
import { decodeCursor, limitOf, Page, toPage } from '../common/pagination/pagination';
import { Problem } from '../common/problem-details/problem';
import { RequestContext } from '../common/request-context/request-context';
import { FundService } from '../fund';
import { contributionProblems, ContributionStatus } from './contribution-rules';
import {
  ContributionDto,
  ContributionQuery,
  ContributionTotalDto,
  ContributionTotalsQuery,
  CreateContributionRequest,
  UpdateContributionRequest,
} from './contributions.dto';

interface ContributionRow {
  id: string;
  donor_id: string;
  donor_name: string;
  pledged_on: string;
  received_on: string | null;
  amount: string;
  currency: string;
  usd_amount: string;
  exchange_rate: string;
  status: ContributionStatus;
  earmarking: string | null;
  reference: string | null;
  illustrative: boolean;
  version: number;
  created_at: Date;
  updated_at: Date;
}

const ENTITY = 'contribution';

/** Dates as text, so no time zone ever shifts them. */
const SELECT = `
  SELECT c.id, c.donor_id, d.name AS donor_name,
         to_char(c.pledged_on, 'YYYY-MM-DD') AS pledged_on, to_char(c.received_on, 'YYYY-MM-DD') AS received_on,
         c.amount, c.currency, c.usd_amount, c.exchange_rate, c.status, c.earmarking, c.reference,
         c.illustrative, c.version, c.created_at, c.updated_at
  FROM contributions c JOIN donors d ON d.id = c.donor_id`;

@Injectable()
export class ContributionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly fund: FundService,
  ) {}

  /** A donor user lists its own donor's contributions only: the scope is part of the WHERE. */
  async list(ctx: RequestContext, query: ContributionQuery): Promise<Page<ContributionDto>> {
    if (query.fromYear !== undefined && query.toYear !== undefined && query.fromYear > query.toYear) {
      throw Problem.validation([{ field: 'toYear', message: 'must not be before fromYear' }]);
    }
    const limit = limitOf(query);
    const params: unknown[] = [];
    const param = (value: unknown) => `$${params.push(value)}`;
    const where = this.scope(ctx, param);
    if (query.donorId) where.push(`c.donor_id = ${param(query.donorId)}`);
    if (query.status) where.push(`c.status = ${param(query.status)}`);
    if (query.fromYear !== undefined)
      where.push(`c.pledged_on >= make_date(${param(query.fromYear)}::int, 1, 1)`);
    if (query.toYear !== undefined)
      where.push(`c.pledged_on < make_date(${param(query.toYear)}::int + 1, 1, 1)`);
    const cursor = decodeCursor(query.cursor, 2);
    if (cursor) where.push(`(c.pledged_on, c.id) > (${param(cursor[0])}::date, ${param(cursor[1])}::uuid)`);
    const rows = await this.dataSource.query<ContributionRow[]>(
      `${SELECT} ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY c.pledged_on, c.id LIMIT ${param(limit + 1)}`,
      params,
    );
    const page = toPage(rows, limit, (row) => [row.pledged_on, row.id]);
    return { ...page, items: page.items.map(toDto) };
  }

  /** Another donor's contribution does not exist for a donor user: 404, as for an unknown id. */
  async get(ctx: RequestContext, id: string): Promise<ContributionDto> {
    const params: unknown[] = [];
    const param = (value: unknown) => `$${params.push(value)}`;
    const where = [`c.id = ${param(id)}`, ...this.scope(ctx, param)];
    const [row] = await this.dataSource.query<ContributionRow[]>(
      `${SELECT} WHERE ${where.join(' AND ')}`,
      params,
    );
    if (!row) throw Problem.notFound('The contribution');
    return toDto(row);
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
    const rows = await this.dataSource.query<
      { donor_id: string; donor_name: string; year: number; pledged: string; received: string }[]
    >(
      `WITH figures AS (
         SELECT donor_id, extract(year FROM pledged_on)::int AS year, usd_amount AS pledged, 0::numeric AS received
         FROM contributions WHERE status <> 'cancelled'
         UNION ALL
         SELECT donor_id, extract(year FROM received_on)::int, 0, usd_amount
         FROM contributions WHERE status = 'received'
       )
       SELECT f.donor_id, d.name AS donor_name, f.year, sum(f.pledged)::text AS pledged, sum(f.received)::text AS received
       FROM figures f JOIN donors d ON d.id = f.donor_id
       WHERE ($1::int IS NULL OR f.year >= $1::int) AND ($2::int IS NULL OR f.year <= $2::int)
       GROUP BY f.donor_id, d.name, f.year
       ORDER BY f.year, d.name, f.donor_id`,
      [query.fromYear ?? null, query.toYear ?? null],
    );
    return rows.map((row) => ({
      donorId: row.donor_id,
      donorName: row.donor_name,
      year: row.year,
      pledgedUsd: moneyOut(row.pledged)!,
      receivedUsd: moneyOut(row.received)!,
    }));
  }

  async create(ctx: RequestContext, request: CreateContributionRequest): Promise<ContributionDto> {
    const errors = contributionProblems({ ...request, receivedOn: request.receivedOn ?? null });
    if (errors.length) throw Problem.validation(errors);
    const result = await this.dataSource.transaction(async (manager) => {
      await assertDonorExists(manager, request.donorId);
      const [inserted] = await manager.query<{ id: string }[]>(
        `INSERT INTO contributions (donor_id, pledged_on, received_on, amount, currency, usd_amount, exchange_rate,
                                    status, earmarking, reference)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
        [
          request.donorId,
          request.pledgedOn,
          request.receivedOn ?? null,
          request.amount,
          request.currency,
          request.usdAmount,
          request.exchangeRate,
          request.status,
          request.earmarking ?? null,
          request.reference ?? null,
        ],
      );
      const id = inserted!.id;
      const created = toDto((await findRow(manager, id, false))!);
      await this.audit.record(manager, ctx, {
        action: 'create',
        entity: ENTITY,
        entityId: id,
        before: null,
        after: created,
      });
      return created;
    });
    // Committed: the ledger's cached figures are out of date.
    this.fund.changed();
    return result;
  }

  async update(
    ctx: RequestContext,
    id: string,
    expectedVersion: number,
    request: UpdateContributionRequest,
  ): Promise<ContributionDto> {
    const result = await this.dataSource.transaction(async (manager) => {
      const current = await findRow(manager, id, true);
      if (!current) throw Problem.notFound('The contribution');
      if (current.version !== expectedVersion) {
        throw Problem.staleVersion(ENTITY, expectedVersion, current.version);
      }
      const before = toDto(current);
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
        await assertDonorExists(manager, request.donorId);
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
      await updateVersioned(manager, {
        table: 'contributions',
        entityLabel: ENTITY,
        id,
        expectedVersion,
        set,
      });
      const updated = toDto((await findRow(manager, id, false))!);
      await this.audit.record(manager, ctx, {
        action: 'update',
        entity: ENTITY,
        entityId: id,
        before,
        after: updated,
      });
      return updated;
    });
    // Committed: the ledger's cached figures are out of date.
    this.fund.changed();
    return result;
  }

  async remove(ctx: RequestContext, id: string, expectedVersion: number): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const current = await findRow(manager, id, true);
      if (!current) throw Problem.notFound('The contribution');
      if (current.version !== expectedVersion) {
        throw Problem.staleVersion(ENTITY, expectedVersion, current.version);
      }
      await manager.query(`DELETE FROM contributions WHERE id = $1`, [id]);
      await this.audit.record(manager, ctx, {
        action: 'delete',
        entity: ENTITY,
        entityId: id,
        before: toDto(current),
        after: null,
      });
    });
    // Committed: the ledger's cached figures are out of date.
    this.fund.changed();
  }

  /** The object-level check: a donor user's reads are limited to its donor in SQL. */
  private scope(ctx: RequestContext, param: (value: unknown) => string): string[] {
    const user = ctx.actor;
    if (user.role === 'admin' || user.role === 'staff') return [];
    if (user.role === 'donor' && user.donorId) return [`c.donor_id = ${param(user.donorId)}`];
    return ['false'];
  }
}

async function findRow(
  manager: EntityManager,
  id: string,
  lock: boolean,
): Promise<ContributionRow | undefined> {
  const [row] = await manager.query<ContributionRow[]>(
    `${SELECT} WHERE c.id = $1 ${lock ? 'FOR UPDATE OF c' : ''}`,
    [id],
  );
  return row;
}

async function assertDonorExists(manager: EntityManager, donorId: string): Promise<void> {
  // FOR SHARE: the donor cannot be deleted while this contribution is being written.
  const rows = await manager.query<unknown[]>(`SELECT 1 FROM donors WHERE id = $1 FOR SHARE`, [donorId]);
  if (!rows.length) throw Problem.validation([{ field: 'donorId', message: 'is not a known donor' }]);
}

function toDto(row: ContributionRow): ContributionDto {
  return {
    id: row.id,
    donorId: row.donor_id,
    donorName: row.donor_name,
    pledgedOn: row.pledged_on,
    receivedOn: row.received_on,
    amount: moneyOut(row.amount)!,
    currency: row.currency,
    usdAmount: moneyOut(row.usd_amount)!,
    exchangeRate: row.exchange_rate,
    status: row.status,
    earmarking: row.earmarking,
    reference: row.reference,
    illustrative: row.illustrative,
    version: row.version,
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}
