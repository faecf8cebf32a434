import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { RefreshingCache } from '../common/cache/refreshing-cache';
import { ChangeEvent, ChangeEvents } from '../common/events/change-events';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { preparedQuery } from '../database/prepared-query';
import { ReadReplicas } from '../database/read-replicas';
import { AVAILABLE_SQL, FUND_LEDGER_LOCK, LEDGER_SQL, RECEIVED_OF_SQL } from './ledger.sql';

/**
 * The changes that move the ledger: contributions and money entries, a project's stage transitions,
 * and a project's approved budget, start or end date (the years its commitment and release fall in).
 */
export function movesTheLedger(event: ChangeEvent): boolean {
  if (event.entity === 'contribution' || event.entity === 'receipt' || event.entity === 'transfer')
    return true;
  // An approved budget revision or extension changes a project's approved budget or end date.
  if (event.entity === 'revision') return event.action === 'approve';
  if (event.entity !== 'project') return false;
  if (event.action === 'transition') return true;
  return (
    event.action === 'update' &&
    !!event.fields?.some((f) => f === 'approvedBudget' || f === 'startDate' || f === 'endDate')
  );
}

/**
 * The ledger reads the yearly sums the writes keep (under a millisecond of PostgreSQL at any
 * portfolio size; the same figures over every contribution, project and transfer took 1.4 s at
 * 100,000 projects), and each API process still reads it at most once per DASHBOARD_CACHE_SECONDS,
 * as the dashboard overview, and serves it meanwhile (a stale copy up to ten times that age while one
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
    private readonly reads: ReadReplicas,
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
    // From a replica when one has replayed every change this process knows of: a refresh after a
    // change (the cache is dropped on it) reads the primary until the replica has the change.
    const [row] = await this.reads.query<{ ledger: string }>(LEDGER_SQL, []);
    return row!.ledger;
  }
}

/**
 * Takes the Fund's ledger lock (FUND_LEDGER_LOCK) in the caller's transaction: every decision that
 * may lower the available balance does so before reading it.
 */
export async function lockFundLedger(manager: EntityManager): Promise<void> {
  await preparedQuery(manager, FUND_LEDGER_LOCK);
}

/**
 * The Fund's available balance now (received − committed + released), read in the caller's
 * transaction. A decision that may lower it takes lockFundLedger first, so the balance it reads
 * cannot move until it commits.
 */
export async function availableBalance(manager: EntityManager): Promise<string> {
  const [row] = await preparedQuery<{ available: string }>(manager, AVAILABLE_SQL, []);
  return row!.available;
}

/**
 * What one contribution counts for in received: Σ its receipts − Σ their reversals in USD, nothing
 * once cancelled or deleted (receivedFromReceipts of libs/domain, summed in SQL).
 */
export async function receivedOf(manager: EntityManager, contributionId: string): Promise<string> {
  const [row] = await preparedQuery<{ received: string }>(manager, RECEIVED_OF_SQL, [contributionId]);
  return row!.received;
}
