import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { RefreshingCache } from '../common/cache/refreshing-cache';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { preparedQuery } from '../database/prepared-query';
import { PUBLIC_FUND_SQL, PUBLISHED_STAGES } from './public-page.sql';

/**
 * Anyone may ask, as often as they like: the page is computed at most once per
 * DASHBOARD_CACHE_SECONDS per process (as the overview) and served as the JSON text PostgreSQL wrote.
 */
@Injectable()
export class PublicPageService {
  private readonly cache: RefreshingCache<string>;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    const freshMs = config.dashboardCacheSeconds * 1000;
    this.cache = new RefreshingCache(() => this.compute(), freshMs, freshMs * 10);
  }

  fund(): Promise<string> {
    return this.cache.get();
  }

  private async compute(): Promise<string> {
    const [row] = await preparedQuery<{ page: string }>(this.dataSource, PUBLIC_FUND_SQL, [PUBLISHED_STAGES]);
    return row!.page;
  }
}
