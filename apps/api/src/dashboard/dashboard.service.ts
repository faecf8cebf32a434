import { Inject, Injectable } from '@nestjs/common';
import { RefreshingCache } from '../common/cache/refreshing-cache';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { DashboardRepository } from './dashboard.repository';

/**
 * The overview reads the sums the writes keep (about 3 ms of PostgreSQL at any portfolio size; the
 * same figures over every row took 2.2 s at 100,000 projects), and each API process still reads it
 * at most once per DASHBOARD_CACHE_SECONDS and serves it meanwhile; a
 * stale copy (up to ten times that age) is served while one refresh runs. The answer carries
 * `generatedAt`, which the dashboard shows. Decisions never read it: approvals and transfers
 * compute the balance themselves, under lock. It is kept as the JSON text PostgreSQL wrote (a
 * DashboardOverviewDto), sent as it is: serializing the 50 KB object again was most of a cached
 * answer's CPU.
 */
@Injectable()
export class DashboardService {
  private readonly cache: RefreshingCache<string>;

  constructor(
    private readonly dashboard: DashboardRepository,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    const freshMs = config.dashboardCacheSeconds * 1000;
    this.cache = new RefreshingCache(() => this.dashboard.overview(), freshMs, freshMs * 10);
  }

  /** The overview (a DashboardOverviewDto) as JSON text. */
  overview(): Promise<string> {
    return this.cache.get();
  }
}
