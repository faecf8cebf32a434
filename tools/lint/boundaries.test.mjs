// The boundary and cycle rules of eslint.config.mjs, run through ESLint's Node API on files of the
// real tree with one import added: each deliberate violation must be reported, and the same file
// without it must pass.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

// Type information is not needed by these rules; leaving it out keeps the test to seconds.
const eslint = new ESLint({ cwd: root, overrideConfig: [tseslint.configs.disableTypeChecked] });

/** The rules broken when `file` (a path in the tree) gets `addedImport` as its first line. */
async function rulesBrokenBy(file, addedImport = '') {
  const source = readFileSync(path.join(root, file), 'utf8');
  const [result] = await eslint.lintText(`${addedImport}\n${source}`, { filePath: path.join(root, file) });
  return result.messages.filter(
    (m) => m.ruleId?.startsWith('boundaries/') || m.ruleId?.startsWith('import-x/'),
  );
}

const ruleIds = (messages) => [...new Set(messages.map((m) => m.ruleId))].sort();

describe('feature boundaries', () => {
  it('lets an API feature import another through its index', async () => {
    assert.deepEqual(await rulesBrokenBy('apps/api/src/consents/consents.service.ts'), []);
  });

  it("refuses an API feature reaching into another feature's files", async () => {
    const messages = await rulesBrokenBy(
      'apps/api/src/alerts/alerts.service.ts',
      "import { paragraph6Input } from '../compliance/compliance-records';",
    );
    assert.deepEqual(ruleIds(messages), ['boundaries/dependencies']);
    assert.match(messages[0].message, /through its index\.ts/);
  });

  it("refuses a web feature reaching into another feature's files", async () => {
    const messages = await rulesBrokenBy(
      'apps/web/src/features/overview/components/AlertsSection.tsx',
      "import { consentStateOf } from '../../countries/lib/consent';",
    );
    assert.deepEqual(ruleIds(messages), ['boundaries/dependencies']);
  });

  it('refuses a shared layer importing a feature, even through its index', async () => {
    const messages = await rulesBrokenBy(
      'apps/api/src/common/pagination/pagination.ts',
      "import { AuditService } from '../../audit';",
    );
    const boundary = messages.filter((m) => m.ruleId === 'boundaries/dependencies');
    assert.equal(boundary.length, 1);
    assert.match(boundary[0].message, /shared layers/);
  });
});

describe('import cycles', () => {
  it('refuses a loop between two API features through their indexes', async () => {
    // users.service imports ../audit; audit importing ../users closes the loop.
    const messages = await rulesBrokenBy(
      'apps/api/src/audit/audit.service.ts',
      "import { UsersService } from '../users';",
    );
    assert.deepEqual(ruleIds(messages), ['import-x/no-cycle']);
  });

  it('refuses a loop in the web app', async () => {
    // reviews' AssignReviewer refreshes the project's queries by their keys; the keys importing
    // reviews closes the loop.
    const messages = await rulesBrokenBy(
      'apps/web/src/features/projects/api/keys.ts',
      "import { AssignReviewer } from '../../reviews';",
    );
    assert.deepEqual(ruleIds(messages), ['import-x/no-cycle']);
  });
});
