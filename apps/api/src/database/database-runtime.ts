import { DataSource } from 'typeorm';
import type { AppConfig } from '../config/app-config';
import { EmbeddedDatabase, startEmbeddedDatabase } from './embedded-database';
import { typeormOptions } from './typeorm-options';

export interface DatabaseRuntime {
  /** The role requests are served as. */
  url: string;
  /** The role that owns the schema: migrations and setup (demo data) run as it. */
  ownerUrl: string;
  /** Set when this process started its own PostgreSQL. */
  embedded: EmbeddedDatabase | null;
}

/** DATABASE_URL when given; otherwise an embedded PostgreSQL with its data under DATA_DIR. */
export async function openDatabase(config: AppConfig, log: (line: string) => void): Promise<DatabaseRuntime> {
  if (config.databaseUrl) {
    return {
      url: config.databaseUrl,
      ownerUrl: config.databaseOwnerUrl ?? config.databaseUrl,
      embedded: null,
    };
  }
  log(`Starting the embedded PostgreSQL (data in ${config.dataDir})`);
  const embedded = await startEmbeddedDatabase({
    dataDir: config.dataDir,
    database: 'hstf',
    persistent: true,
  });
  return { url: embedded.appUrl, ownerUrl: embedded.url, embedded };
}

/** Applies pending migrations; returns the names applied. */
export async function migrate(config: AppConfig, url: string): Promise<string[]> {
  const dataSource = new DataSource(typeormOptions(config, url));
  await dataSource.initialize();
  try {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((migration) => migration.name);
  } finally {
    await dataSource.destroy();
  }
}
