import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { NestFactory } from '@nestjs/core';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { AppModule } from '../../app.module';
import { buildOpenApiDocument, createHttpAdapter } from '../../app.setup';
import { loadConfig } from '../../config/app-config';
import { CLIENT_SCHEMA_PATH, renderClientSchema } from '../openapi-document';

/**
 * Writes libs/api-client/src/schema.d.ts from the routes and DTOs. Preview mode builds the module
 * graph without instantiating providers, so no database is needed.
 */
async function main(): Promise<void> {
  const config = loadConfig({
    ...process.env,
    DATABASE_URL: 'postgres://unused@localhost/unused',
    LOG_LEVEL: 'silent',
  });
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.forRoot(config, config.databaseUrl!),
    createHttpAdapter(config),
    {
      preview: true,
      logger: false,
    },
  );
  app.setGlobalPrefix('api');
  writeFileSync(CLIENT_SCHEMA_PATH, renderClientSchema(buildOpenApiDocument(app)));
  await app.close();
  console.log(`Wrote ${CLIENT_SCHEMA_PATH}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
