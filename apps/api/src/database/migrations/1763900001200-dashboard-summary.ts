import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The overview's figure sets and the Fund's ledger, kept up to date in the transaction of every
 * write that moves them, so that reading them costs a few hundred summary rows at any portfolio size
 * and is never stale (at 1,000,000 projects the sums over every row passed the 15 s statement
 * timeout).
 *
 * Each source (a project with its transitions and money entries, or a contribution with its
 * receipts) leaves its own part of every figure in dashboard_summary_parts; dashboard_summary holds
 * their sums, one row per figure and key. A statement that changes sources takes back their old
 * parts from the sums, computes their new parts from the rows as they now are, and adds those: every
 * figure is a sum of parts, so subtracting and adding numeric values keeps it exact to the cent.
 * Recomputing a source's part whole (rather than applying each row's delta) keeps the figures that
 * are not sums of rows right: a completed project's untransferred balance (never below zero), a
 * pledge's outstanding amount, the year of the latest approval decision.
 *
 * The definitions are those of apps/api/src/fund/ledger.sql.ts and the overview's live statement
 * (libs/domain's fundLedger and donorYears); test/dashboard/summary-parity.e2e-spec.ts keeps them equal.
 *
 * Rows of dashboard_summary:
 * - ledger, key the year ('' for no year): n movements, a received, b committed, c transferred, d released
 * - pipeline, key the stage: n projects, a requested, b approved
 * - country, key the alpha-3 code: n projects, a approved of committed projects split evenly
 * - approvals, key the commitment year: n projects, a approved
 * - region, key the M49 region code; dimension, key the dimension: n projects, a approved
 * - donor_year, key 'donor-id year': n entries, a pledged, b received, c outstanding
 *
 * Writes that move a figure take the Fund's ledger lock (as writes to contributions already do), so
 * two transactions never update the same sums in opposite orders.
 */

const COMMITTED = `('approved', 'active', 'suspended', 'completed', 'closed')`;
const RELEASING = `('completed', 'closed')`;
const year = (date: string) => `coalesce(extract(year FROM ${date})::int::text, '')`;

/** The parts of the projects that `projectFilter` (a condition on p) selects. */
function projectPartsSql(projectFilter: string): string {
  return `
    WITH sources AS (SELECT p.id FROM projects p WHERE ${projectFilter}),
    live AS (
      SELECT p.id, p.stage, p.requested_budget, p.approved_budget, p.start_date, p.end_date,
             p.country_codes, p.region_codes, p.dimensions,
             p.stage IN ${COMMITTED} AS committed, p.stage IN ${RELEASING} AS releasing
      FROM projects p JOIN sources s ON s.id = p.id WHERE p.deleted_at IS NULL
    ), decisions AS (
      SELECT t.project_id,
             max(t.decided_on) FILTER (WHERE t.to_stage = 'approved') AS approved_on,
             max(t.decided_on) FILTER (WHERE t.to_stage = 'completed') AS completed_on
      FROM project_transitions t JOIN live l ON l.id = t.project_id
      WHERE t.to_stage IN ('approved', 'completed') GROUP BY t.project_id
    ), entries AS (
      SELECT e.project_id, e.transferred_on, e.amount_usd,
             CASE WHEN e.kind = 'reversal' THEN CASE WHEN r.kind <> 'reversal' THEN r.kind END ELSE e.kind END AS figure,
             CASE WHEN e.kind = 'reversal' THEN -1 ELSE 1 END AS sign
      FROM transfers e JOIN sources s ON s.id = e.project_id LEFT JOIN transfers r ON r.id = e.reverses_id
    ), transferred AS (
      SELECT project_id, sum(sign * amount_usd) AS amount FROM entries WHERE figure = 'transfer' GROUP BY project_id
    ), parts (source_id, figure, key, n, a, b, c, d) AS (
      SELECT l.id, 'ledger', ${year('coalesce(d.approved_on, l.start_date)')}, 1, 0, l.approved_budget, 0, 0
      FROM live l LEFT JOIN decisions d ON d.project_id = l.id
      WHERE l.committed AND l.approved_budget IS NOT NULL
      UNION ALL
      SELECT l.id, 'ledger', ${year('coalesce(d.completed_on, l.end_date)')}, 1, 0, 0, 0,
             greatest(l.approved_budget - coalesce(x.amount, 0), 0)
      FROM live l LEFT JOIN decisions d ON d.project_id = l.id LEFT JOIN transferred x ON x.project_id = l.id
      WHERE l.releasing AND l.approved_budget IS NOT NULL
      UNION ALL
      SELECT e.project_id, 'ledger', ${year('e.transferred_on')}, 1, 0, 0,
             CASE WHEN e.figure = 'transfer' THEN e.sign * e.amount_usd ELSE 0 END,
             CASE WHEN e.figure = 'refund' THEN e.sign * e.amount_usd ELSE 0 END
      FROM entries e WHERE e.figure IS NOT NULL
      UNION ALL
      SELECT l.id, 'pipeline', l.stage, 1, l.requested_budget, coalesce(l.approved_budget, 0), 0, 0 FROM live l
      UNION ALL
      SELECT l.id, 'country', code, 1,
             CASE WHEN l.committed THEN coalesce(l.approved_budget / cardinality(l.country_codes), 0) ELSE 0 END, 0, 0, 0
      FROM live l, unnest(l.country_codes) AS code
      UNION ALL
      SELECT l.id, 'approvals', ${year('coalesce(d.approved_on, l.start_date)')}, 1, coalesce(l.approved_budget, 0), 0, 0, 0
      FROM live l LEFT JOIN decisions d ON d.project_id = l.id WHERE l.committed
      UNION ALL
      SELECT l.id, 'region', code, 1, coalesce(l.approved_budget, 0), 0, 0, 0
      FROM live l, unnest(l.region_codes) AS code WHERE l.committed
      UNION ALL
      SELECT l.id, 'dimension', dimension, 1, coalesce(l.approved_budget, 0), 0, 0, 0
      FROM live l, unnest(l.dimensions) AS dimension WHERE l.committed
    )
    SELECT source_id, figure, key, sum(n)::bigint, sum(a), sum(b), sum(c), sum(d)
    FROM parts GROUP BY source_id, figure, key`;
}

/** The parts of the contributions that `contributionFilter` (a condition on c) selects. */
function contributionPartsSql(contributionFilter: string): string {
  return `
    WITH pledges AS (
      SELECT c.id, c.donor_id, c.pledged_on, c.amount, c.usd_amount, c.exchange_rate
      FROM contributions c WHERE (${contributionFilter}) AND c.status <> 'cancelled'
    ), received AS (
      SELECT p.id AS contribution_id, p.donor_id, r.received_on,
             CASE WHEN r.kind = 'receipt' THEN r.amount ELSE -r.amount END AS amount,
             CASE WHEN r.kind = 'receipt' THEN r.usd_amount ELSE -r.usd_amount END AS usd
      FROM contribution_receipts r JOIN pledges p ON p.id = r.contribution_id
    ), paid AS (
      SELECT contribution_id, sum(amount) AS amount FROM received GROUP BY contribution_id
    ), parts (source_id, figure, key, n, a, b, c, d) AS (
      SELECT contribution_id, 'ledger', ${year('received_on')}, 1, usd, 0, 0, 0 FROM received
      UNION ALL
      SELECT contribution_id, 'donor_year', donor_id || ' ' || ${year('received_on')}, 1, 0, usd, 0, 0 FROM received
      UNION ALL
      SELECT p.id, 'donor_year', p.donor_id || ' ' || ${year('p.pledged_on')}, 1, p.usd_amount, 0,
             round(greatest(p.amount - coalesce(x.amount, 0), 0) * p.exchange_rate, 2), 0
      FROM pledges p LEFT JOIN paid x ON x.contribution_id = p.id
    )
    SELECT source_id, figure, key, sum(n)::bigint, sum(a), sum(b), sum(c), sum(d)
    FROM parts GROUP BY source_id, figure, key`;
}

/** Adds the signed sums of a set of parts (the CTE `changed`) to dashboard_summary. */
const ADD_TO_SUMMARY = `
  INSERT INTO dashboard_summary AS t (figure, key, n, a, b, c, d)
  SELECT figure, key, sum(n), sum(a), sum(b), sum(c), sum(d) FROM changed GROUP BY figure, key ORDER BY figure, key
  ON CONFLICT (figure, key) DO UPDATE
  SET n = t.n + excluded.n, a = t.a + excluded.a, b = t.b + excluded.b, c = t.c + excluded.c, d = t.d + excluded.d`;

export class DashboardSummary1763900001200 implements MigrationInterface {
  name = 'DashboardSummary1763900001200';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE dashboard_summary (
        figure text NOT NULL,
        key text NOT NULL,
        n bigint NOT NULL,
        a numeric NOT NULL,
        b numeric NOT NULL,
        c numeric NOT NULL,
        d numeric NOT NULL,
        CONSTRAINT pk_dashboard_summary PRIMARY KEY (figure, key)
      )`);
    await q.query(`
      CREATE TABLE dashboard_summary_parts (
        source_id uuid NOT NULL,
        figure text NOT NULL,
        key text NOT NULL,
        n bigint NOT NULL,
        a numeric NOT NULL,
        b numeric NOT NULL,
        c numeric NOT NULL,
        d numeric NOT NULL
      )`);
    await q.query(`CREATE INDEX ix_dashboard_summary_parts_source ON dashboard_summary_parts (source_id)`);

    // Planned once per connection (force_generic_plan), not at every write: the custom plans
    // PostgreSQL would otherwise keep choosing cost 7 ms of planning a call, the generic one executes
    // a one-project write in about 1 ms, index lookups by id.
    await q.query(`
      CREATE FUNCTION dashboard_summary_refresh(project_ids uuid[], contribution_ids uuid[]) RETURNS void
      LANGUAGE plpgsql SET plan_cache_mode = force_generic_plan AS $$
      BEGIN
        IF coalesce(cardinality(project_ids), 0) = 0 AND coalesce(cardinality(contribution_ids), 0) = 0 THEN
          RETURN;
        END IF;
        PERFORM pg_advisory_xact_lock(hashtext('fund-ledger'));
        WITH changed AS (
          DELETE FROM dashboard_summary_parts
          WHERE source_id IN (SELECT unnest(project_ids) UNION SELECT unnest(contribution_ids))
          RETURNING figure, key, -n AS n, -a AS a, -b AS b, -c AS c, -d AS d
        ) ${ADD_TO_SUMMARY};
        WITH changed AS (
          INSERT INTO dashboard_summary_parts
          SELECT * FROM (${projectPartsSql('p.id IN (SELECT unnest(project_ids))')}) projects
          UNION ALL
          SELECT * FROM (${contributionPartsSql('c.id IN (SELECT unnest(contribution_ids))')}) contributions
          RETURNING figure, key, n, a, b, c, d
        ) ${ADD_TO_SUMMARY};
        DELETE FROM dashboard_summary WHERE n = 0;
      END $$`);

    // Everything from the rows: after a bulk load with the triggers off (seed:scale), or a TRUNCATE.
    await q.query(`
      CREATE FUNCTION dashboard_summary_rebuild() RETURNS void LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_advisory_xact_lock(hashtext('fund-ledger'));
        TRUNCATE dashboard_summary, dashboard_summary_parts;
        INSERT INTO dashboard_summary_parts ${projectPartsSql('true')};
        INSERT INTO dashboard_summary_parts ${contributionPartsSql('true')};
        INSERT INTO dashboard_summary (figure, key, n, a, b, c, d)
        SELECT figure, key, sum(n), sum(a), sum(b), sum(c), sum(d) FROM dashboard_summary_parts
        GROUP BY figure, key HAVING sum(n) <> 0;
        -- Statistics now: the refresh's plan, made once per connection, must find the parts by index.
        ANALYZE dashboard_summary_parts, dashboard_summary;
      END $$`);

    // One function per table and event: a statement's changed rows (its transition tables) name the
    // sources to recompute. An update recomputes only the rows whose figures' columns changed.
    const triggers: { table: string; projects?: string; contributions?: string; columns: string[] }[] = [
      {
        table: 'projects',
        projects: 'id',
        columns: [
          'stage',
          'requested_budget',
          'approved_budget',
          'start_date',
          'end_date',
          'deleted_at',
          'country_codes',
          'region_codes',
          'dimensions',
        ],
      },
      {
        table: 'project_transitions',
        projects: 'project_id',
        columns: ['project_id', 'to_stage', 'decided_on'],
      },
      {
        table: 'transfers',
        projects: 'project_id',
        columns: ['project_id', 'kind', 'amount_usd', 'transferred_on', 'reverses_id'],
      },
      {
        table: 'contributions',
        contributions: 'id',
        columns: ['status', 'donor_id', 'pledged_on', 'amount', 'usd_amount', 'exchange_rate'],
      },
      {
        table: 'contribution_receipts',
        contributions: 'contribution_id',
        columns: ['contribution_id', 'kind', 'amount', 'usd_amount', 'received_on'],
      },
    ];
    for (const { table, projects, contributions, columns } of triggers) {
      const ids = (rows: string, column?: string) =>
        column ? `(SELECT array_agg(DISTINCT ${column}) FROM ${rows})` : 'NULL';
      // The rows an update changed in a figure's columns, by set difference (EXCEPT hashes or sorts)
      // rather than a join of the two transition tables, whose plan, cached on a one-row update,
      // looped 10,000 × 10,000 rows on a larger one (175 s).
      const changedIds = (column?: string) => {
        if (!column) return 'NULL';
        const row = ['id', ...columns.filter((c) => c !== 'id')].join(', ');
        return `(SELECT array_agg(DISTINCT ${column}) FROM (
                   SELECT ${column} FROM (SELECT ${row} FROM new_rows EXCEPT SELECT ${row} FROM old_rows) n
                   UNION ALL
                   SELECT ${column} FROM (SELECT ${row} FROM old_rows EXCEPT SELECT ${row} FROM new_rows) o) changed)`;
      };
      await q.query(`
        CREATE FUNCTION dashboard_summary_${table}_changed() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF TG_OP = 'INSERT' THEN
            PERFORM dashboard_summary_refresh(${ids('new_rows', projects)}, ${ids('new_rows', contributions)});
          ELSIF TG_OP = 'DELETE' THEN
            PERFORM dashboard_summary_refresh(${ids('old_rows', projects)}, ${ids('old_rows', contributions)});
          ELSE
            PERFORM dashboard_summary_refresh(${changedIds(projects)}, ${changedIds(contributions)});
          END IF;
          RETURN NULL;
        END $$`);
      await q.query(`
        CREATE TRIGGER tg_${table}_summary_insert AFTER INSERT ON ${table}
        REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION dashboard_summary_${table}_changed()`);
      await q.query(`
        CREATE TRIGGER tg_${table}_summary_update AFTER UPDATE ON ${table}
        REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
        FOR EACH STATEMENT EXECUTE FUNCTION dashboard_summary_${table}_changed()`);
      await q.query(`
        CREATE TRIGGER tg_${table}_summary_delete AFTER DELETE ON ${table}
        REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION dashboard_summary_${table}_changed()`);
    }
    await q.query(`
      CREATE FUNCTION dashboard_summary_truncated() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM dashboard_summary_rebuild();
        RETURN NULL;
      END $$`);
    for (const table of ['projects', 'project_transitions', 'contributions'])
      await q.query(`
        CREATE TRIGGER tg_${table}_summary_truncate AFTER TRUNCATE ON ${table}
        FOR EACH STATEMENT EXECUTE FUNCTION dashboard_summary_truncated()`);

    await q.query(`SELECT dashboard_summary_rebuild()`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['projects', 'project_transitions', 'contributions'])
      await q.query(`DROP TRIGGER tg_${table}_summary_truncate ON ${table}`);
    await q.query(`DROP FUNCTION dashboard_summary_truncated()`);
    for (const table of [
      'projects',
      'project_transitions',
      'transfers',
      'contributions',
      'contribution_receipts',
    ]) {
      for (const event of ['insert', 'update', 'delete'])
        await q.query(`DROP TRIGGER tg_${table}_summary_${event} ON ${table}`);
      await q.query(`DROP FUNCTION dashboard_summary_${table}_changed()`);
    }
    await q.query(`DROP FUNCTION dashboard_summary_rebuild()`);
    await q.query(`DROP FUNCTION dashboard_summary_refresh(uuid[], uuid[])`);
    await q.query(`DROP TABLE dashboard_summary_parts`);
    await q.query(`DROP TABLE dashboard_summary`);
  }
}
