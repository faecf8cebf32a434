import type { Client } from 'pg';

/**
 * A synthetic portfolio of any size for measuring the API (`npm run seed:scale`), generated inside
 * PostgreSQL with generate_series: every statement inserts all its rows at once, no per-row round
 * trips. Values are deterministic functions of the row number, so two runs give the same data.
 * Everything it writes is flagged illustrative.
 */
export const MAX_SCALE_PROJECTS = 5_000_000;

const STEPS: [string, string][] = [
  [
    'organizations',
    `INSERT INTO organizations (name, acronym, kind)
     SELECT 'Scale partner ' || g, 'SP-' || g, (ARRAY['ngo','government','regional_body','other'])[1 + g % 4]
     FROM generate_series(1, 40) g
     ON CONFLICT DO NOTHING`,
  ],
  [
    'national strategies',
    `INSERT INTO national_strategies (country_iso3, title, period_from, period_to, priority_areas, reference, illustrative)
     SELECT c.iso3, p.title || ' ' || extract(year FROM p.period_from) || '–' || extract(year FROM p.period_to),
            p.period_from, p.period_to, p.areas, 'Synthetic record (scale seed)', true
     FROM countries c
     CROSS JOIN (VALUES
       ('Poverty Reduction Strategy', date '1997-01-01', date '2009-12-31', ARRAY['Poverty reduction','Food security','Governance']),
       ('National Development Plan', date '2010-01-01', date '2019-12-31', ARRAY['Resilience','Health and education','Peace and security']),
       ('National Strategy 2030', date '2020-01-01', date '2030-12-31', ARRAY['Climate resilience','Social protection','Inclusive growth'])
     ) AS p(title, period_from, period_to, areas)
     WHERE c.region_code IS NOT NULL`,
  ],
  [
    'projects',
    `WITH themes(i, title, dims, groups, sdgs) AS (VALUES
       (0, 'Community early warning and drought resilience', ARRAY['food','economic','environmental'], ARRAY['rural_communities','women_and_girls'], ARRAY[1,2,13]::smallint[]),
       (1, 'Protection and livelihoods for internally displaced persons', ARRAY['personal','economic','community'], ARRAY['internally_displaced_persons','children'], ARRAY[1,5,16]::smallint[]),
       (2, 'Youth-led violence prevention and social cohesion', ARRAY['personal','community','political'], ARRAY['youth','minorities'], ARRAY[4,8,16]::smallint[]),
       (3, 'Maternal and child health security', ARRAY['health','economic'], ARRAY['women_and_girls','children'], ARRAY[3,5]::smallint[]),
       (4, 'Climate adaptation for coastal communities', ARRAY['environmental','food','health'], ARRAY['rural_communities','older_persons'], ARRAY[2,13,14]::smallint[]),
       (5, 'Ending gender-based violence', ARRAY['personal','community','health'], ARRAY['women_and_girls'], ARRAY[5,16]::smallint[]),
       (6, 'Decent work for migrant workers', ARRAY['economic','personal'], ARRAY['migrants'], ARRAY[8,10]::smallint[]),
       (7, 'Urban safety in informal settlements', ARRAY['economic','personal','community'], ARRAY['urban_poor','youth'], ARRAY[1,11,16]::smallint[]),
       (8, 'Post-conflict recovery and reintegration', ARRAY['economic','community','political'], ARRAY['refugees','youth'], ARRAY[8,16]::smallint[]),
       (9, 'Protecting survivors of trafficking', ARRAY['personal','economic'], ARRAY['women_and_girls','migrants'], ARRAY[5,8,16]::smallint[]),
       (10, 'Disaster risk reduction and safer schools', ARRAY['environmental','economic','health'], ARRAY['children','persons_with_disabilities'], ARRAY[11,13]::smallint[]),
       (11, 'Indigenous land and food security', ARRAY['food','community','environmental'], ARRAY['indigenous_peoples'], ARRAY[2,10,15]::smallint[])
     ), un AS (
       SELECT array_agg(id ORDER BY name) AS ids, count(*)::int AS n FROM organizations WHERE kind = 'un_entity'
     ), pool AS (
       SELECT array_agg(iso3::text ORDER BY iso3) AS c, count(*)::int AS n FROM countries WHERE region_code IS NOT NULL
     ), rows AS (
       SELECT g, 1999 + (g - 1) % 28 AS year, (g - 1) / 28 AS n, (g * 2654435761::bigint) % 1000 AS h,
              -- One recipient country; every fifth project two, every tenth three.
              ARRAY(SELECT DISTINCT pool.c[1 + ((g::bigint * 104729 + k * 7) % pool.n)::int]
                    FROM generate_series(0, CASE WHEN g % 10 = 0 THEN 2 WHEN g % 5 = 0 THEN 1 ELSE 0 END) k
                    ORDER BY 1) AS countries,
              -- The lead and a different UN entity (offset 1 to n-1 from the lead).
              ARRAY[un.ids[1 + g % un.n], un.ids[1 + (g % un.n + 1 + g % (un.n - 1)) % un.n]] AS organizations
       FROM generate_series(1, $1::int) g CROSS JOIN pool CROSS JOIN un
     )
     INSERT INTO projects (code, title, summary, "window", stage, lead_organization_id, requested_budget, approved_budget,
                           co_funding, start_date, end_date, dimensions, target_beneficiaries, vulnerable_groups, sdgs,
                           narrative_people_centred, narrative_comprehensive, narrative_context_specific,
                           narrative_prevention_oriented, narrative_protection_empowerment, protection_measures,
                           empowerment_measures, declares_no_coercion, declares_distinct_from_r2p, illustrative,
                           country_codes, region_codes, organization_ids)
     -- A code holds four digits (9,999 a year): past 279,972 projects the numbering goes on under
     -- the years 28, 56… before the start year, so the dates, and with them the portfolio's shape,
     -- stay those of a smaller seed ($2: the numbers a year, 9,999 but in a test).
     SELECT format('HS-%s-%s', r.year - 28 * (r.n / $2::int), lpad((r.n % $2::int + 1)::text, 4, '0')),
            t.title || ' ' || r.g, t.title || ': synthetic project ' || r.g || ' for load testing.',
            CASE WHEN r.h < 700 THEN 'I' ELSE 'II' END,
            s.stage,
            r.organizations[1],
            (500 + (r.g::bigint * 7919) % 2500) * 1000,
            CASE WHEN s.stage IN ('approved','active','completed','closed') THEN (500 + (r.g::bigint * 7919) % 2500) * 1000 END,
            (r.g % 40) * 10000,
            make_date(r.year, 1 + r.g % 12, 1), make_date(r.year + 2 + r.g % 2, 1 + r.g % 12, 1),
            t.dims, 1000 + (r.g::bigint * 31) % 90000, t.groups, t.sdgs,
            'The most vulnerable take part in design and delivery.', 'Several threats, several agencies.',
            'Grounded in the local context.', 'Root causes and early warning.', 'Institutions protect; people act.',
            'Institutional protection measures.', 'Community empowerment measures.', true, true, true,
            r.countries,
            ARRAY(SELECT DISTINCT region_code::text FROM countries WHERE iso3 = ANY(r.countries) ORDER BY 1),
            ARRAY(SELECT unnest(r.organizations) ORDER BY 1)
     FROM rows r
     JOIN themes t ON t.i = r.g % 12
     CROSS JOIN LATERAL (SELECT CASE
         WHEN r.year <= 2019 THEN (CASE WHEN r.h < 850 THEN 'closed' WHEN r.h < 950 THEN 'completed' ELSE 'rejected' END)
         WHEN r.year <= 2024 THEN (CASE WHEN r.h < 500 THEN 'active' WHEN r.h < 800 THEN 'completed' WHEN r.h < 900 THEN 'closed' ELSE 'withdrawn' END)
         ELSE (ARRAY['concept_note','full_proposal','under_review','revision_requested','approved','active','rejected','withdrawn'])[1 + r.h % 8]
       END AS stage) s`,
  ],
  [
    // The link tables are expanded from the arrays the projects were given (their triggers,
    // which would recompute those arrays, are disabled during the load).
    'recipient countries',
    `INSERT INTO project_countries (project_id, country_iso3)
     SELECT p.id, unnest(p.country_codes) FROM projects p WHERE p.illustrative`,
  ],
  [
    'participating organizations',
    // The lead takes half, the other UN entity the rest.
    `INSERT INTO project_organizations (project_id, organization_id, budget_share)
     SELECT p.id, o.id,
            CASE WHEN o.id = p.lead_organization_id THEN p.requested_budget / 2
                 ELSE p.requested_budget - p.requested_budget / 2 END
     FROM projects p CROSS JOIN LATERAL unnest(p.organization_ids) AS o(id)
     WHERE p.illustrative`,
  ],
  [
    'consent records',
    `INSERT INTO consent_records (project_id, country_iso3, status, requested_on, granted_on, valid_until, withdrawn_on,
                                  withdrawal_reason, issuing_office, signatory, document_reference, scope)
     SELECT p.id, pc.country_iso3, st.status, p.start_date - 200,
            CASE WHEN st.status IN ('granted','withdrawn','expired') THEN p.start_date - 100 END,
            CASE WHEN st.status IN ('granted','withdrawn','expired') THEN p.end_date END,
            CASE WHEN st.status = 'withdrawn' THEN p.start_date + 300 END,
            CASE WHEN st.status = 'withdrawn' THEN 'Synthetic withdrawal' END,
            CASE WHEN st.status IN ('granted','withdrawn','expired') THEN 'Ministry of Foreign Affairs' END,
            CASE WHEN st.status IN ('granted','withdrawn','expired') THEN 'Permanent Secretary' END,
            CASE WHEN st.status IN ('granted','withdrawn','expired') THEN 'NV/' || pc.country_iso3 || '/' || p.code END,
            'All activities'
     FROM projects p JOIN project_countries pc ON pc.project_id = p.id
     CROSS JOIN LATERAL (SELECT CASE
         WHEN p.stage IN ('approved','active','completed','closed')
           THEN CASE WHEN abs(hashtext(p.code || pc.country_iso3)) % 50 = 0 THEN 'withdrawn' ELSE 'granted' END
         WHEN p.stage = 'rejected' THEN 'refused'
         WHEN p.stage = 'withdrawn' THEN 'expired'
         ELSE CASE WHEN abs(hashtext(p.code || pc.country_iso3)) % 3 = 0 THEN 'granted' ELSE 'requested' END
       END AS status) st
     WHERE p.illustrative`,
  ],
  [
    'alignments',
    `INSERT INTO alignments (project_id, country_iso3, strategy_id, priority_area, justification)
     SELECT p.id, pc.country_iso3, s.id, s.priority_areas[1], 'In line with the national priorities (synthetic).'
     FROM projects p JOIN project_countries pc ON pc.project_id = p.id
     JOIN national_strategies s ON s.country_iso3 = pc.country_iso3 AND p.start_date BETWEEN s.period_from AND s.period_to
     WHERE p.illustrative AND (p.stage IN ('approved','active','completed','closed') OR abs(hashtext(p.code)) % 2 = 0)`,
  ],
  [
    'contributions',
    `WITH d AS (SELECT array_agg(id ORDER BY name) AS ids FROM donors)
     INSERT INTO contributions (donor_id, pledged_on, received_on, amount, currency, usd_amount, exchange_rate, status,
                                reference, illustrative)
     SELECT d.ids[1 + g % array_length(d.ids, 1)], make_date(1999 + g % 28, 1 + g % 12, 1),
            CASE WHEN g % 17 = 0 THEN NULL ELSE make_date(1999 + g % 28, 1 + g % 12, 1) + 60 END,
            x.usd, 'USD', x.usd, 1, CASE WHEN g % 17 = 0 THEN 'pledged' ELSE 'received' END, 'SCALE-' || g, true
     FROM generate_series(1, greatest(50, $1::int / 2)) g CROSS JOIN d
     -- Enough money for everything the synthetic portfolio commits, with a margin.
     CROSS JOIN LATERAL (SELECT ((3500 + g % 1000) * 1000)::numeric AS usd) x`,
  ],
  [
    'transfers',
    `INSERT INTO transfers (project_id, organization_id, amount_usd, transferred_on, tranche, reference)
     SELECT po.project_id, po.organization_id,
            CASE WHEN p.stage = 'active' THEN round(po.budget_share * 0.4, 2) ELSE po.budget_share END,
            p.start_date + 30, row_number() OVER (PARTITION BY po.project_id ORDER BY po.organization_id), 'SCALE'
     FROM project_organizations po JOIN projects p ON p.id = po.project_id
     WHERE p.illustrative AND p.stage IN ('active','completed','closed') AND po.budget_share > 0`,
  ],
];

const SEEDED_TABLES = [
  'projects',
  'project_countries',
  'project_organizations',
  'consent_records',
  'alignments',
  'contributions',
  'transfers',
];

/**
 * Building an index once over all rows is far cheaper than updating it row by row, so the
 * secondary indexes (not primary keys or unique constraints) are dropped during the load and
 * recreated from their own definitions afterwards.
 */
const LINK_TRIGGERS = [
  'project_countries tg_project_countries_inserted',
  'project_organizations tg_project_organizations_inserted',
];

/**
 * The triggers that keep the dashboard's sums (migration 1763900001200) on the seeded tables, and on
 * the receipts the contributions' trigger inserts one row at a time: one transaction recomputing a
 * contribution per receipt made the contributions step 849 s instead of seconds at 100,000 projects.
 */
const SUMMARY_TRIGGERS = ['projects', 'contributions', 'contribution_receipts', 'transfers'].map(
  (table) => `${table} tg_${table}_summary_insert`,
);

async function withoutSecondaryIndexes(client: Client, load: () => Promise<void>): Promise<void> {
  const { rows } = await client.query<{ name: string; definition: string }>(
    `SELECT i.indexname AS name, i.indexdef AS definition
     FROM pg_indexes i
     JOIN pg_class c ON c.relname = i.indexname
     JOIN pg_index x ON x.indexrelid = c.oid
     WHERE i.schemaname = current_schema() AND i.tablename = ANY($1::text[])
       AND NOT x.indisprimary AND NOT x.indisunique`,
    [SEEDED_TABLES],
  );
  for (const { name } of rows) await client.query(`DROP INDEX "${name}"`);
  for (const link of [...LINK_TRIGGERS, ...SUMMARY_TRIGGERS])
    await client.query(`ALTER TABLE ${link.replace(' ', ' DISABLE TRIGGER ')}`);
  await load();
  for (const link of [...LINK_TRIGGERS, ...SUMMARY_TRIGGERS])
    await client.query(`ALTER TABLE ${link.replace(' ', ' ENABLE TRIGGER ')}`);
  for (const { definition } of rows) await client.query(definition);
}

export async function seedScalePortfolio(
  client: Client,
  projects: number,
  log: (line: string) => void,
  { codesPerYear = 9999 }: { codesPerYear?: number } = {},
): Promise<void> {
  if (!Number.isInteger(projects) || projects < 1 || projects > MAX_SCALE_PROJECTS) {
    throw new Error(`--projects must be a whole number from 1 to ${MAX_SCALE_PROJECTS}`);
  }
  const { rows } = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM projects`);
  if (rows[0]!.n > 0)
    throw new Error('The database already holds projects: seed:scale fills an empty portfolio.');
  await client.query('BEGIN');
  try {
    await withoutSecondaryIndexes(client, async () => {
      for (const [label, sql] of STEPS) {
        const started = Date.now();
        const result = await client.query(
          sql,
          sql.includes('$2') ? [projects, codesPerYear] : sql.includes('$1') ? [projects] : [],
        );
        log(`  ${label}: ${result.rowCount ?? 0} rows in ${((Date.now() - started) / 1000).toFixed(1)} s`);
      }
      log('  rebuilding indexes…');
    });
    // The overview's and the ledger's sums, once from all the rows rather than once per statement.
    const started = Date.now();
    await client.query('SELECT dashboard_summary_rebuild()');
    log(`  dashboard sums: ${((Date.now() - started) / 1000).toFixed(1)} s`);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  }
  // Vacuumed as well as analysed, so that what is measured next meets the visibility map an
  // older database has, and not autovacuum working through millions of new rows at the same time.
  await client.query('VACUUM (ANALYZE)');
}
