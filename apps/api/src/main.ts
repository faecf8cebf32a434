import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { AppModule } from './app.module';
import { configureApp } from './app.setup';
import { ConfigError, loadConfig } from './config/app-config';
import { migrate, openDatabase } from './database/database-runtime';
import { DEMO_PASSWORD, DEMO_SIGN_INS, loadDemoDataIfEmpty } from './demo';

const say = (line: string) => process.stdout.write(`${line}\n`);

async function bootstrap(): Promise<void> {
  const config = loadConfig();
  const database = await openDatabase(config, say);

  const applied = await migrate(config, database.url);
  if (applied.length) say(`Applied migrations: ${applied.join(', ')}`);
  const demoLoaded = config.seedDemo ? await loadDemoDataIfEmpty(database.url) : false;
  if (demoLoaded) say("Loaded the demo data (illustrative, not the Fund's records).");

  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, database.url), {
    bufferLogs: true,
  });
  configureApp(app, config);

  // Graceful shutdown: the signals are handled here rather than by enableShutdownHooks() because
  // the order matters. app.close() runs Nest's shutdown lifecycle (stops accepting requests,
  // closes the pg pool); only then is the embedded PostgreSQL stopped, so it shuts down cleanly.
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    say(`${signal}: shutting down`);
    await app.close().catch(() => undefined);
    await database.embedded?.stop().catch(() => undefined);
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));

  await app.listen(config.port);
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
