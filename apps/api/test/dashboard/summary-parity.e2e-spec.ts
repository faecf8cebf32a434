import { COMMITTED_STAGES, STAGES } from '@hstf/domain';
import { Client, Pool } from 'pg';
import { LIVE_OVERVIEW_SQL, OVERVIEW_SQL } from '../../src/dashboard/dashboard.repository';
import { loadDemoDataIfEmpty } from '../../src/demo/demo-data';
import { seedScalePortfolio } from '../../src/demo/scale-portfolio';
import { LEDGER_SQL, LIVE_LEDGER_SQL } from '../../src/fund/ledger.sql';
import { aDonorOfKind } from '../support/fund-builders';
import { anOrganization, aProject } from '../support/portfolio-builders';
import { createTestApp, TestApp } from '../support/test-app';

/**
 * The overview and the ledger read sums that the write transactions keep (migration 1763900001200).
 * This test holds them to the statements that compute the same JSON from every row: after inserts of
 * every kind, after updates and deletes that move a figure from one year, stage, country or donor to
 * another (in single- and multi-row statements), after a rolled-back transaction, after writes
 * committed concurrently on several connections, and after a scale seed that loads with the triggers
 * off. A rebuild from the rows must also give the very rows the writes left.
 */

function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let x = Math.imul(state ^ (state >>> 15), 1 | state);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

const next = random(1_763_900_001);
const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
const money = () =>
  pick([
    '0.01',
    '1000.05',
    '1234567.89',
    `${Math.floor(next() * 9_000_000)}.${Math.floor(next() * 90) + 10}`,
  ]);
const DATES = ['2014-12-31', '2015-01-01', '2016-06-30', '2020-02-29', '2024-07-15'];
const COUNTRIES = ['KEN', 'TUV', 'FJI', 'COL', 'NPL', 'JOR'];
const DIMENSIONS = ['economic', 'food', 'health', 'environmental', 'personal', 'community', 'political'];

type Queryable = Pick<Pool, 'query'> | Pick<Client, 'query'>;

async function figures(db: Queryable) {
  const read = async (sql: string, params: unknown[] = []) => {
    const { rows } = await db.query<Record<string, string>>(sql, params);
    return rows[0]!;
  };
  const overview = JSON.parse((await read(OVERVIEW_SQL)).overview!) as Record<string, unknown>;
  const live = JSON.parse((await read(LIVE_OVERVIEW_SQL, [COMMITTED_STAGES])).overview!) as Record<
    string,
    unknown
  >;
  delete overview.generatedAt;
  delete live.generatedAt;
  return {
    overview,
    live,
    ledger: JSON.parse((await read(LEDGER_SQL)).ledger!) as unknown,
    liveLedger: JSON.parse((await read(LIVE_LEDGER_SQL)).ledger!) as unknown,
  };
}

async function expectParity(db: Queryable) {
  const f = await figures(db);
  expect(f.overview).toEqual(f.live);
  expect(f.ledger).toEqual(f.liveLedger);
  return f;
}

async function summaryRows(db: Queryable) {
  const { rows } = await db.query<Record<string, string>>(
    `SELECT figure, key, n::text, trim_scale(a)::text AS a, trim_scale(b)::text AS b, trim_scale(c)::text AS c,
            trim_scale(d)::text AS d
     FROM dashboard_summary ORDER BY figure, key`,
  );
  return rows;
}

describe('the dashboard sums the writes keep', () => {
  let t: TestApp;
  let donors: string[];
  let organizations: string[];
  const projects: string[] = [];
  const contributions: string[] = [];

  beforeAll(async () => {
    t = await createTestApp();
    donors = [await aDonorOfKind(t), await aDonorOfKind(t, 'member_state', 'Japan'), await aDonorOfKind(t)];
    organizations = [await anOrganization(t), await anOrganization(t)];
  });
  afterAll(() => t.close());

  it('start at zero on an empty portfolio', async () => {
    const f = await expectParity(t.db);
    expect(f.overview.pipeline).toEqual([]);
  });

  it('equal the live figures after inserts of every kind', async () => {
    for (let i = 0; i < 40; i++) {
      const { rows } = await t.db.query<{ id: string }>(
        `INSERT INTO contributions (donor_id, pledged_on, received_on, amount, currency, usd_amount, exchange_rate, status)
         VALUES ($1, $2, NULL, $3, 'EUR', $4, 1.1, 'pledged') RETURNING id`,
        [pick(donors), pick(DATES), '1000000.00', '1100000.00'],
      );
      const id = rows[0]!.id;
      contributions.push(id);
      for (let r = Math.floor(next() * 3); r > 0; r--) {
        const part = pick(['1.00', '250000.00', '1000000.00', '1200000.00']);
        const receipt = await t.db.query<{ id: string }>(
          `INSERT INTO contribution_receipts (contribution_id, received_on, amount, exchange_rate, usd_amount)
           VALUES ($1, $2, $3, 1.12345678, round($3 * 1.12345678, 2)) RETURNING id`,
          [id, pick(DATES), part],
        );
        if (next() < 0.3)
          await t.db.query(
            `INSERT INTO contribution_receipts (contribution_id, kind, reverses_id, received_on, amount, exchange_rate, usd_amount)
             VALUES ($1, 'reversal', $2, '2024-07-15', $3, 1.12345678, round($3 * 1.12345678, 2))`,
            [id, receipt.rows[0]!.id, part],
          );
      }
    }
    for (let i = 0; i < 60; i++) {
      const stage = i < STAGES.length ? STAGES[i]! : pick(['approved', 'active', 'completed', 'closed']);
      const built = await aProject(t, {
        stage,
        countries: [pick(COUNTRIES), ...(next() < 0.4 ? ['KEN', 'TUV'] : [])].filter(
          (c, index, all) => all.indexOf(c) === index,
        ),
        organizationIds: organizations,
        requestedBudget: '3000000.00',
        approvedBudget: next() < 0.1 ? null : money(),
        startDate: pick(DATES),
        endDate: pick(['2024-12-31', '2028-06-30']),
        dimensions: [pick(DIMENSIONS), pick(DIMENSIONS)].filter((d, index, all) => all.indexOf(d) === index),
      });
      projects.push(built.id);
      for (const to of ['approved', 'completed'])
        if (next() < 0.5)
          await t.db.query(
            `INSERT INTO project_transitions (project_id, from_stage, to_stage, note, decided_on)
             VALUES ($1, 'under_review', $2, 'Decided.', $3)`,
            [built.id, to, pick(DATES)],
          );
      let last: string | null = null;
      for (const kind of ['transfer', 'refund', 'reversal'])
        if (next() < 0.5 && (kind !== 'reversal' || last)) {
          const entry: { rows: { id: string }[] } = await t.db.query<{ id: string }>(
            `INSERT INTO transfers (project_id, organization_id, amount_usd, transferred_on, tranche, kind, reverses_id)
             VALUES ($1, $2, $3, $4, CASE WHEN $5 = 'transfer' THEN 1 END, $5, $6) RETURNING id`,
            [built.id, organizations[0], money(), pick(DATES), kind, kind === 'reversal' ? last : null],
          );
          last = entry.rows[0]!.id;
        }
    }
    const f = await expectParity(t.db);
    expect((f.overview.pipeline as unknown[]).length).toBeGreaterThan(5);
    expect((f.overview.contributionsByYear as unknown[]).length).toBeGreaterThan(3);
  }, 120_000);

  it('equal the live figures after updates and deletes that move figures between years, stages, countries and donors', async () => {
    // Several rows in one statement.
    await t.db.query(
      `UPDATE projects SET stage = CASE stage WHEN 'active' THEN 'completed' WHEN 'completed' THEN 'closed' ELSE stage END,
                           end_date = end_date + 400
       WHERE id = ANY($1::uuid[])`,
      [projects.slice(0, 30)],
    );
    await t.db.query(
      `UPDATE projects SET approved_budget = approved_budget + 0.01 WHERE id = ANY($1::uuid[])`,
      [projects.slice(10, 40)],
    );
    await t.db.query(`UPDATE projects SET deleted_at = now() WHERE id = ANY($1::uuid[])`, [
      projects.slice(40, 45),
    ]);
    await t.db.query(`UPDATE projects SET deleted_at = NULL WHERE id = $1`, [projects[41]]);
    await t.db.query(
      `UPDATE projects SET start_date = '2013-03-03', dimensions = '{political}' WHERE id = ANY($1::uuid[])`,
      [projects.slice(20, 50)],
    );
    // Each column a figure reads, alone in its statement: a release dated by the end date, a
    // commitment by the start date, where no decision is recorded.
    await t.db.query(`UPDATE projects SET end_date = end_date + 800 WHERE stage IN ('completed', 'closed')`);
    await t.db.query(`UPDATE projects SET start_date = start_date - 800 WHERE stage = 'approved'`);
    await t.db.query(
      `UPDATE projects SET requested_budget = requested_budget + 1 WHERE stage = 'concept_note'`,
    );
    // A title alone moves nothing; the sums must not change either.
    await t.db.query(`UPDATE projects SET title = title || ' (renamed)'`);
    // Recipient countries change through their link table, whose trigger rewrites the project's arrays.
    await t.db.query(
      `DELETE FROM project_countries WHERE project_id = ANY($1::uuid[]) AND country_iso3 = 'TUV'`,
      [projects],
    );
    await t.db.query(
      `INSERT INTO project_countries (project_id, country_iso3) SELECT unnest($1::uuid[]), 'NPL' ON CONFLICT DO NOTHING`,
      [projects.slice(0, 20)],
    );
    await t.db.query(
      `INSERT INTO project_transitions (project_id, from_stage, to_stage, note, decided_on)
       SELECT unnest($1::uuid[]), 'active', 'completed', 'Later.', '2025-01-02'`,
      [projects.slice(0, 15)],
    );
    await t.db.query(
      `UPDATE project_transitions SET decided_on = decided_on - 800 WHERE to_stage = 'approved'`,
    );
    await t.db.query(`DELETE FROM project_transitions WHERE project_id = ANY($1::uuid[])`, [
      projects.slice(50),
    ]);
    // A refund after completion raises released; a transfer lowers the untransferred balance.
    for (const id of projects.slice(0, 10))
      await t.db.query(
        `INSERT INTO transfers (project_id, organization_id, amount_usd, transferred_on, tranche, kind)
         VALUES ($1, $2, '1000.00', '2025-06-30', 99, 'transfer')`,
        [id, organizations[1]],
      );

    await t.db.query(`UPDATE contributions SET status = 'cancelled' WHERE id = ANY($1::uuid[])`, [
      contributions.slice(0, 8),
    ]);
    await t.db.query(`UPDATE contributions SET status = 'pledged' WHERE id = ANY($1::uuid[])`, [
      contributions.slice(0, 3),
    ]);
    await t.db.query(
      `UPDATE contributions SET donor_id = $2, pledged_on = '2019-01-01', usd_amount = usd_amount + 5, exchange_rate = 1.2
       WHERE id = ANY($1::uuid[])`,
      [contributions.slice(8, 20), donors[1]],
    );
    const { rows: unpaid } = await t.db.query<{ id: string }>(
      `SELECT id FROM contributions c WHERE id = ANY($1::uuid[])
         AND NOT EXISTS (SELECT 1 FROM contribution_receipts r WHERE r.contribution_id = c.id) LIMIT 3`,
      [contributions],
    );
    expect(unpaid.length).toBeGreaterThan(0);
    await t.db.query(`DELETE FROM contributions WHERE id = ANY($1::uuid[])`, [unpaid.map((r) => r.id)]);

    await expectParity(t.db);
  }, 120_000);

  it('leave no trace of a transaction rolled back', async () => {
    const before = await summaryRows(t.db);
    const client = await t.db.connect();
    try {
      await client.query('BEGIN');
      await client.query(
        `UPDATE projects SET approved_budget = 1, stage = 'closed' WHERE id = ANY($1::uuid[])`,
        [projects],
      );
      expect(await summaryRows(client)).not.toEqual(before);
      await expectParity(client);
      await client.query('ROLLBACK');
    } finally {
      client.release();
    }
    expect(await summaryRows(t.db)).toEqual(before);
  });

  it('lose no write committed concurrently on several connections', async () => {
    const { rows: paying } = await t.db.query<{ id: string }>(
      `SELECT id FROM contributions ORDER BY id LIMIT 10`,
    );
    const pool = new Pool({
      connectionString: (t.db.options as { connectionString: string }).connectionString,
      max: 6,
    });
    try {
      await Promise.all(
        projects.slice(0, 24).map(async (id, i) => {
          const client = await pool.connect();
          try {
            await client.query('BEGIN');
            await client.query(
              `UPDATE projects SET approved_budget = coalesce(approved_budget, 0) + $2 WHERE id = $1`,
              [id, `${i}.01`],
            );
            await client.query(
              `INSERT INTO contribution_receipts (contribution_id, received_on, amount, exchange_rate, usd_amount)
               VALUES ($1, '2026-01-01', '10.00', 1, '10.00')`,
              [paying[i % paying.length]!.id],
            );
            await client.query('COMMIT');
          } finally {
            client.release();
          }
        }),
      );
    } finally {
      await pool.end();
    }
    await expectParity(t.db);
  }, 60_000);

  it('are the rows a rebuild from every row gives', async () => {
    const kept = await summaryRows(t.db);
    await t.db.query(`SELECT dashboard_summary_rebuild()`);
    expect(await summaryRows(t.db)).toEqual(kept);
    await expectParity(t.db);
  });
});

describe('the dashboard sums after a scale seed', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    const url = (t.db.options as { connectionString: string }).connectionString;
    await loadDemoDataIfEmpty(url, { portfolio: false });
    const client = new Client({ connectionString: url });
    await client.connect();
    try {
      await seedScalePortfolio(client, 600, () => undefined);
    } finally {
      await client.end();
    }
  }, 120_000);
  afterAll(() => t.close());

  it('equal the live figures over the loaded portfolio', async () => {
    const f = await expectParity(t.db);
    expect((f.overview.countries as unknown[]).length).toBeGreaterThan(10);
  });
});
