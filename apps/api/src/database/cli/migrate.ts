import { DataSource } from 'typeorm';
import { loadConfig } from '../../config/app-config';
import { openDatabase } from '../database-runtime';
import { typeormOptions } from '../typeorm-options';

/** `npm run migrate` applies pending migrations; `npm run migrate:revert` undoes the last one. */
async function main(): Promise<void> {
  const direction = process.argv[2] === 'down' ? 'down' : 'up';
  const config = loadConfig();
  const database = await openDatabase(config, (line) => console.log(line));
  const dataSource = new DataSource(typeormOptions(config, database.ownerUrl));
  try {
    await dataSource.initialize();
    if (direction === 'up') {
      const applied = await dataSource.runMigrations({ transaction: 'each' });
      console.log(
        applied.length ? `Applied: ${applied.map((m) => m.name).join(', ')}` : 'Nothing to migrate.',
      );
    } else {
      await dataSource.undoLastMigration({ transaction: 'each' });
      console.log('Reverted the last migration.');
    }
  } finally {
    if (dataSource.isInitialized) await dataSource.destroy();
    await database.embedded?.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
