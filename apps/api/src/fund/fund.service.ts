import { COMMITTED_STAGES } from '@hstf/domain';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { RefreshingCache } from '../common/cache/refreshing-cache';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { preparedQuery } from '../database/prepared-query';

/**
 * The ledger in one statement, so both figure sets read one snapshot and the years add up to the
 * overall figures even while money moves: every received contribution, committed budget and
 * transfer falls in exactly one year (null for a commitment without a start date), so the overall
 * figures are the sums of the years. Sums stay numeric; money leaves as text with two decimals
 * (round(…, 2), which, unlike a numeric(18,2) cast, cannot overflow on a large sum). The stages that
 * commit a project's approved budget come from libs/domain (DESIGN.md §4.4).
 */
const LEDGER_SQL = `
  WITH figures AS (
    SELECT extract(year FROM received_on)::int AS year, usd_amount AS received,
           0::numeric AS committed, 0::numeric AS transferred
    FROM contributions WHERE status = 'received'
    UNION ALL
    SELECT extract(year FROM start_date)::int, 0, approved_budget, 0
    FROM projects
    WHERE stage = ANY($1::text[]) AND deleted_at IS NULL AND approved_budget IS NOT NULL
    UNION ALL
    SELECT extract(year FROM transferred_on)::int, 0, 0, amount_usd FROM transfers
  ), years AS (
    SELECT year, sum(received) AS r, sum(committed) AS c, sum(transferred) AS t FROM figures GROUP BY year
  )
  SELECT json_build_object(
    'overall', (SELECT json_build_object(
        'received', round(coalesce(sum(r), 0), 2)::text, 'committed', round(coalesce(sum(c), 0), 2)::text,
        'transferred', round(coalesce(sum(t), 0), 2)::text, 'available', round(coalesce(sum(r) - sum(c), 0), 2)::text)
      FROM years),
    'byYear', coalesce((SELECT json_agg(json_build_object(
        'year', year, 'received', round(r, 2)::text, 'committed', round(c, 2)::text,
        'transferred', round(t, 2)::text, 'available', round(r - c, 2)::text) ORDER BY year NULLS LAST)
      FROM years), '[]')
  )::text AS ledger`;

/**
 * The ledger sums every contribution, committed project and transfer (about 0.3 s of PostgreSQL at
 * 100,000 projects), so each API process computes it at most once per DASHBOARD_CACHE_SECONDS, as
 * the dashboard overview, and serves it meanwhile (a stale copy up to ten times that age while one
 * refresh runs). The writes that move it (contributions, transfers, stage transitions, a project's
 * approved budget or start date) call changed() once committed, so the process that wrote answers
 * with the change at once; another API process may lag by up to DASHBOARD_CACHE_SECONDS. Decisions
 * never read this copy: approvals and transfers compute the balance themselves, under lock. It is
 * kept as the JSON text PostgreSQL wrote (a FundLedger) and sent as it is.
 */
@Injectable()
export class FundService {
  private readonly cache: RefreshingCache<string>;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    const freshMs = config.dashboardCacheSeconds * 1000;
    this.cache = new RefreshingCache(() => this.compute(), freshMs, freshMs * 10);
  }

  /** The ledger (a FundLedger) as JSON text. */
  ledger(): Promise<string> {
    return this.cache.get();
  }

  /** A committed change moved the Fund's figures: the next ledger is computed afresh. */
  changed(): void {
    this.cache.invalidate();
  }

  private async compute(): Promise<string> {
    const [row] = await preparedQuery<{ ledger: string }>(this.dataSource, LEDGER_SQL, [COMMITTED_STAGES]);
    return row!.ledger;
  }
}
