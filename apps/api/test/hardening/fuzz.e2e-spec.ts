import fc from 'fast-check';
import supertest from 'supertest';
import { PRINCIPLE_IDS } from '@hstf/domain';
import { buildOpenApiDocument } from '../../src/app.setup';
import { asRole } from '../support/builders';
import { aReadyProposal, aTransfer } from '../support/lifecycle-builders';
import { aProject } from '../support/portfolio-builders';
import { createTestApp, TestApp } from '../support/test-app';
import { FuzzOperation, FuzzRequest, operationsOf, requestsFor } from './openapi-requests';

/**
 * Requests generated from the OpenAPI document, as staff and as admin: valid ones, near misses and
 * hostile values. Whatever they hold, the API answers below 500, every error is a problem
 * document, and a refused request (4xx) writes nothing. FUZZ_RUNS (per operation and role) and
 * FUZZ_SEED widen or replay a run; the default keeps `npm test` well under a minute.
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 6);
const SEED = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31);
/** Wall-clock budget: on a machine busier than the runs need, fewer operations are covered, and the run says so. */
const BUDGET_MS = Number(process.env.FUZZ_SECONDS ?? 45) * 1000;

/**
 * Tables every request may touch: the caller's session (last seen), and the sign-in attempts and
 * throttle counters that a refused sign-in must write (counting it is how guessing is slowed).
 */
const BOOKKEEPING = new Set(['sessions', 'login_attempts', 'sign_in_throttle', 'schema_migrations']);

/** Path parameters that name a record: the table its values come from. */
const POOL_TABLES: Record<string, string> = {
  users: 'users',
  organizations: 'organizations',
  projects: 'projects',
  'national-strategies': 'national_strategies',
  donors: 'donors',
  contributions: 'contributions',
  transfers: 'transfers',
  reviews: 'reviews',
  alignmentId: 'alignments',
  consentId: 'consent_records',
  reviewId: 'reviews',
};

/** Signing out would end the fuzzing session itself; it has its own tests. */
const SKIPPED = new Set(['POST /api/v1/auth/logout']);

interface Finding {
  role: string;
  request: FuzzRequest;
  status: number;
  contentType: string | undefined;
  why: string;
}

describe('the API under generated requests', () => {
  let t: TestApp;
  let fingerprintSql: string;
  const pools = new Map<string, string[]>();
  const sessions: Record<string, { Authorization: string }> = {};

  beforeAll(async () => {
    // Background jobs write on their own schedule: only what the requests write is compared here.
    t = await createTestApp({ WORKERS: 'off' });
    sessions.staff = (await asRole(t, 'staff')).auth;
    sessions.admin = (await asRole(t, 'admin')).auth;
    const { rows: fuzzers } = await t.db.query<{ id: string }>('SELECT id FROM users');

    const proposal = await aReadyProposal(t);
    await aProject(t, { stage: 'concept_note' });
    const active = await aProject(t, {
      stage: 'active',
      approvedBudget: '100000.00',
      requestedBudget: '100000.00',
    });
    await aTransfer(t, active);
    void proposal;

    for (const table of new Set(Object.values(POOL_TABLES))) {
      const { rows } = await t.db.query<{ id: string }>(`SELECT id::text FROM ${table} LIMIT 20`);
      const ids = rows.map((row) => row.id).filter((id) => !fuzzers.some((fuzzer) => fuzzer.id === id));
      pools.set(table, ids);
    }
    const { rows: countries } = await t.db.query<{ iso3: string }>(
      `SELECT iso3 FROM countries WHERE iso3 IN ('KEN', 'UGA', 'JPN', 'FJI', 'AFG')`,
    );
    pools.set(
      'countries',
      countries.map((row) => row.iso3),
    );
    pools.set('principles', [...PRINCIPLE_IDS]);

    const { rows: tables } = await t.db.query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1`,
    );
    fingerprintSql =
      'SELECT ' +
      tables
        .map((row) => row.table_name)
        .filter((name) => !BOOKKEEPING.has(name))
        .map(
          (name) =>
            `(SELECT count(*) || ':' || coalesce(sum(hashtext(r::text)::bigint), 0) FROM ${name} r) AS "${name}"`,
        )
        .join(', ');
  }, 60_000);
  afterAll(() => t.close());

  const fingerprint = async () => (await t.db.query<Record<string, string>>(fingerprintSql)).rows[0]!;

  function idsFor(template: string, parameter: string): string[] {
    if (parameter === 'iso3') return pools.get('countries') ?? [];
    if (parameter === 'principle') return pools.get('principles') ?? [];
    const segments = template.split('/');
    const owner = parameter === 'id' ? segments[segments.indexOf('{id}') - 1] : parameter;
    return pools.get(POOL_TABLES[owner ?? ''] ?? '') ?? [];
  }

  async function send(role: string, request: FuzzRequest) {
    const url = request.query ? `${request.path}?${request.query}` : request.path;
    // Unchecked against the response contract: this suite asks only for its own three promises,
    // so that a schema gap elsewhere does not stop it from looking further.
    let call = supertest(t.app.getHttpServer())
      [request.method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete'](url)
      .set(sessions[role]!);
    if (request.ifMatch) call = call.set('If-Match', request.ifMatch);
    if (request.body !== undefined) call = call.set('Content-Type', 'application/json').send(request.body);
    return call;
  }

  it(
    `keeps every promise on ${RUNS} requests per operation and role (seed ${SEED})`,
    async () => {
      const document = buildOpenApiDocument(t.app);
      const operations = operationsOf(document).filter((op) => !SKIPPED.has(`${op.method} ${op.template}`));
      const findings: Finding[] = [];
      const counts = { requests: 0, ok: 0, clientErrors: 0 };
      const statuses = new Map<number, number>();
      let before = await fingerprint();

      const check = async (role: string, operation: FuzzOperation, seed: number) => {
        await fc.assert(
          fc.asyncProperty(requestsFor(document, operation, idsFor), async (request) => {
            const response = await send(role, request);
            const after = await fingerprint();
            counts.requests++;
            statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
            const contentType = response.headers['content-type'];
            const finding = (why: string) =>
              findings.push({ role, request, status: response.status, contentType, why });
            if (response.status >= 500) finding('answered 500 or more');
            if (response.status >= 400 && !/^application\/problem\+json/.test(contentType ?? '')) {
              finding('error without problem+json');
            }
            if (response.status >= 400 && response.status < 500) {
              counts.clientErrors++;
              const changed = Object.keys(after).filter((table) => after[table] !== before[table]);
              if (changed.length) finding(`refused, yet wrote to ${changed.join(', ')}`);
            } else if (response.status < 400) {
              counts.ok++;
            }
            before = after;
          }),
          // Each operation and role draws its own stream: one seed for all would repeat the same choices.
          {
            numRuns: RUNS,
            seed,
            endOnFailure: true,
            interruptAfterTimeLimit: Math.max(1, deadline - Date.now()),
            markInterruptAsFailure: false,
          },
        );
      };

      const deadline = Date.now() + BUDGET_MS;
      let covered = 0;
      for (const [roleIndex, role] of ['staff', 'admin'].entries()) {
        for (const [index, operation] of operations.entries()) {
          if (Date.now() >= deadline) continue;
          await check(role, operation, SEED + roleIndex * operations.length + index);
          covered++;
        }
      }

      // Shown with the run so that a reader sees how much of the API answered more than a refusal.
      process.stdout.write(
        `fuzz: seed ${SEED}, ${covered} of ${operations.length * 2} operation × role pairs in the budget, ${counts.requests} requests, ${counts.ok} accepted, ${counts.clientErrors} refused (4xx), ${findings.length} findings; by status ${JSON.stringify(Object.fromEntries(statuses))}\n`,
      );
      expect(findings).toEqual([]);
    },
    Math.max(120_000, RUNS * 20_000),
  );
});
