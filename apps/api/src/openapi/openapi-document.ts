import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { OpenAPIObject } from '@nestjs/swagger';

export const REPO_ROOT = path.resolve(__dirname, '../../../..');
export const CLIENT_SCHEMA_PATH = path.join(REPO_ROOT, 'libs/api-client/src/schema.d.ts');

/**
 * The TypeScript types of the API, as openapi-typescript writes them from the OpenAPI document.
 * Run through its command line so the same code works from the build and from Jest.
 */
export function renderClientSchema(document: OpenAPIObject): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'hstf-openapi-'));
  try {
    const input = path.join(dir, 'openapi.json');
    const output = path.join(dir, 'schema.d.ts');
    // Keys sorted so the output does not depend on module load order.
    writeFileSync(input, JSON.stringify(document, null, 2));
    const packageJson = require.resolve('openapi-typescript/package.json', { paths: [__dirname] });
    const cli = path.join(path.dirname(packageJson), 'bin/cli.js');
    execFileSync(process.execPath, [cli, input, '--output', output, '--alphabetize'], { stdio: 'pipe' });
    return (
      "// Generated from the API's OpenAPI document by `npm run api-client:generate`. Do not edit.\n" +
      readFileSync(output, 'utf8')
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
