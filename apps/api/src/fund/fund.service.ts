import { COMMITTED_STAGES } from '@hstf/domain';
import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { RefreshingCache } from '../common/cache/refreshing-cache';
import { ChangeEvent, ChangeEvents } from '../common/events/change-events';
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
 * The changes that move the ledger: contributions and transfers, a project's stage transitions,
 * and a project's approved budget or start date (the year its commitment falls in).
 */
export function movesTheLedger(event: ChangeEvent): boolean {
  if (event.entity === 'contribution' || event.entity === 'transfer') return true;
  if (event.entity !== 'project') return false;
  if (event.action === 'transition') return true;
  return (
    event.action === 'update' && !!event.fields?.some((f) => f === 'approvedBudget' || f === 'startDate')
  );
}

/**
 * The ledger sums every contribution, committed project and transfer (about 0.3 s of PostgreSQL at
 * 100,000 projects), so each API process computes it at most once per DASHBOARD_CACHE_SECONDS, as
 * the dashboard overview, and serves it meanwhile (a stale copy up to ten times that age while one
 * refresh runs). A committed change that moves it (movesTheLedger) empties the copy of every API
 * process (ChangeEvents), so the next ledger, on any replica, is computed afresh. Decisions never
 * read this copy: approvals and transfers compute the balance themselves, under lock. It is kept as
 * the JSON text PostgreSQL wrote (a FundLedger) and sent as it is.
 */
@Injectable()
export class FundService implements OnModuleDestroy {
  private readonly cache: RefreshingCache<string>;
  private readonly unsubscribe: () => void;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) config: AppConfig,
    events: ChangeEvents,
  ) {
    const freshMs = config.dashboardCacheSeconds * 1000;
    this.cache = new RefreshingCache(() => this.compute(), freshMs, freshMs * 10);
    this.unsubscribe = events.subscribe(movesTheLedger, () => this.cache.invalidate());
  }

  onModuleDestroy(): void {
    this.unsubscribe();
  }

  /** The ledger (a FundLedger) as JSON text. */
  ledger(): Promise<string> {
    return this.cache.get();
  }

  private async compute(): Promise<string> {
    const [row] = await preparedQuery<{ ledger: string }>(this.dataSource, LEDGER_SQL, [COMMITTED_STAGES]);
    return row!.ledger;
  }
}
