import { compareMoney, subtractMoney } from '@hstf/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { moneyOut } from '../common/money/money.decorators';
import { decodeCursor } from '../common/pagination/pagination';
import { preparedQuery } from '../database/prepared-query';
import { DONOR_YEARS_SQL } from '../fund';
import type { ContributionStatus } from './contribution-rules';
import type {
  ContributionDto,
  ContributionQuery,
  ContributionTotalDto,
  ContributionTotalsQuery,
  CreateContributionRequest,
} from './contributions.dto';

interface ContributionRow {
  id: string;
  donor_id: string;
  donor_name: string;
  donor_country_iso3: string | null;
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
  received_amount: string;
  received_usd: string;
  exchange_difference: string;
  version: number;
  created_at: Date;
  updated_at: Date;
}

/** Dates as text, so no time zone ever shifts them. */
const SELECT = `
  SELECT c.id, c.donor_id, d.name AS donor_name, d.country_iso3 AS donor_country_iso3,
         to_char(c.pledged_on, 'YYYY-MM-DD') AS pledged_on, to_char(c.received_on, 'YYYY-MM-DD') AS received_on,
         c.amount, c.currency, c.usd_amount, c.exchange_rate, c.status, c.earmarking, c.reference,
         c.illustrative, c.version, c.created_at, c.updated_at,
         coalesce(rs.received_amount, 0) AS received_amount, coalesce(rs.received_usd, 0) AS received_usd,
         coalesce(rs.exchange_difference, 0) AS exchange_difference
  FROM contributions c JOIN donors d ON d.id = c.donor_id
  LEFT JOIN LATERAL (
    SELECT sum(CASE WHEN r.kind = 'receipt' THEN r.amount ELSE -r.amount END) AS received_amount,
           sum(CASE WHEN r.kind = 'receipt' THEN r.usd_amount ELSE -r.usd_amount END) AS received_usd,
           sum(CASE WHEN r.kind = 'receipt' THEN 1 ELSE -1 END
               * (r.usd_amount - round(r.amount * c.exchange_rate, 2))) AS exchange_difference
    FROM contribution_receipts r WHERE r.contribution_id = c.id
  ) rs ON true`;

/** Whose contributions a caller reads: all, one donor's, or none. */
export type ContributionScope = { donorId: string } | 'all' | 'none';

/** The SQL of contributions and their mapping to the API's shape; ContributionsService decides. */
@Injectable()
export class ContributionsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** One more row than `limit`, for the next page's cursor. */
  async list(scope: ContributionScope, query: ContributionQuery, limit: number): Promise<ContributionDto[]> {
    const params: unknown[] = [];
    const param = (value: unknown) => `$${params.push(value)}`;
    const where = scoped(scope, param);
    if (query.donorId) where.push(`c.donor_id = ${param(query.donorId)}`);
    if (query.status) where.push(`c.status = ${param(query.status)}`);
    if (query.fromYear !== undefined)
      where.push(`c.pledged_on >= make_date(${param(query.fromYear)}::int, 1, 1)`);
    if (query.toYear !== undefined)
      where.push(`c.pledged_on < make_date(${param(query.toYear)}::int + 1, 1, 1)`);
    const cursor = decodeCursor(query.cursor, 2);
    if (cursor) where.push(`(c.pledged_on, c.id) > (${param(cursor[0])}::date, ${param(cursor[1])}::uuid)`);
    const rows = await preparedQuery<ContributionRow>(
      this.dataSource,
      `${SELECT} ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY c.pledged_on, c.id LIMIT ${param(limit + 1)}`,
      params,
    );
    return rows.map(toDto);
  }

  async get(scope: ContributionScope, id: string): Promise<ContributionDto | undefined> {
    const params: unknown[] = [];
    const param = (value: unknown) => `$${params.push(value)}`;
    const where = [`c.id = ${param(id)}`, ...scoped(scope, param)];
    const [row] = await preparedQuery<ContributionRow>(
      this.dataSource,
      `${SELECT} WHERE ${where.join(' AND ')}`,
      params,
    );
    return row && toDto(row);
  }

  /**
   * Per donor and year, from pledges and their receipts (the fund's DONOR_YEARS_SQL, libs/domain's
   * donorYears): pledged by pledge date, received by each receipt's date, outstanding per pledge.
   */
  async totals(query: ContributionTotalsQuery): Promise<ContributionTotalDto[]> {
    const rows = await preparedQuery<{
      donor_id: string;
      donor_name: string;
      donor_country_iso3: string | null;
      year: number;
      pledged: string;
      received: string;
      outstanding: string;
    }>(
      this.dataSource,
      `SELECT f.donor_id, d.name AS donor_name, d.country_iso3 AS donor_country_iso3, f.year, round(f.pledged, 2)::text AS pledged,
              round(f.received, 2)::text AS received, round(f.outstanding, 2)::text AS outstanding
       FROM (${DONOR_YEARS_SQL}) f JOIN donors d ON d.id = f.donor_id
       WHERE ($1::int IS NULL OR f.year >= $1::int) AND ($2::int IS NULL OR f.year <= $2::int)
       ORDER BY f.year, d.name, f.donor_id`,
      [query.fromYear ?? null, query.toYear ?? null],
    );
    return rows.map((row) => ({
      donorId: row.donor_id,
      donorName: row.donor_name,
      donorCountryIso3: row.donor_country_iso3,
      year: row.year,
      pledgedUsd: moneyOut(row.pledged)!,
      receivedUsd: moneyOut(row.received)!,
      outstandingUsd: moneyOut(row.outstanding)!,
    }));
  }

  /** The contribution in the caller's transaction, locked until it ends when `lock`. */
  async find(manager: EntityManager, id: string, lock: boolean): Promise<ContributionDto | undefined> {
    const [row] = await preparedQuery<ContributionRow>(
      manager,
      `${SELECT} WHERE c.id = $1 ${lock ? 'FOR UPDATE OF c' : ''}`,
      [id],
    );
    return row && toDto(row);
  }

  async insert(manager: EntityManager, request: CreateContributionRequest): Promise<string> {
    const [inserted] = await preparedQuery<{ id: string }>(
      manager,
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
    return inserted!.id;
  }

  async delete(manager: EntityManager, id: string): Promise<void> {
    await preparedQuery(manager, `DELETE FROM contributions WHERE id = $1`, [id]);
  }

  /** Whether the donor exists, held (FOR SHARE) so it cannot be deleted until the caller commits. */
  async holdDonor(manager: EntityManager, donorId: string): Promise<boolean> {
    const rows = await preparedQuery(manager, `SELECT 1 FROM donors WHERE id = $1 FOR SHARE`, [donorId]);
    return rows.length > 0;
  }
}

function scoped(scope: ContributionScope, param: (value: unknown) => string): string[] {
  if (scope === 'all') return [];
  if (scope === 'none') return ['false'];
  return [`c.donor_id = ${param(scope.donorId)}`];
}

function toDto(row: ContributionRow): ContributionDto {
  return {
    id: row.id,
    donorId: row.donor_id,
    donorName: row.donor_name,
    donorCountryIso3: row.donor_country_iso3,
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
    receivedAmount: moneyOut(String(row.received_amount))!,
    receivedUsd: row.status === 'cancelled' ? '0.00' : moneyOut(String(row.received_usd))!,
    outstanding: outstandingOf(row.amount, String(row.received_amount)),
    exchangeDifference: moneyOut(String(row.exchange_difference))!,
    version: row.version,
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}

/** The pledge less what was received against it, never below zero. */
function outstandingOf(amount: string, received: string): string {
  const left = subtractMoney(moneyOut(amount)!, moneyOut(received)!);
  return compareMoney(left, '0.00') > 0 ? left : '0.00';
}
