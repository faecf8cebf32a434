/**
 * The baseline's SQL: for each request the bench measures, one hand-written statement that returns
 * the whole response body as JSON text built by PostgreSQL (json_build_object / json_agg), so Node
 * only copies bytes. It answers what the API answers for a staff member (the bench signs in as
 * staff), field for field; `npm run bench` compares both bodies before it measures and prints any
 * difference. Constants (principle titles, the resolution's words, labels) come from libs/domain;
 * every rule is written here in SQL.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(path.join(path.dirname(fileURLToPath(import.meta.url)), '../../package.json'));
const domain = require('@hstf/domain');

/** A literal SQL string. */
const lit = (text) => `'${String(text).replace(/'/g, "''")}'`;
const list = (items) => items.map(lit).join(', ');

/** timestamptz → "2026-01-31T12:00:00.000Z", as Date.prototype.toISOString. */
const iso = (column) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
/** text → base64url without padding, as Buffer.toString('base64url'). */
const base64url = (text) => `translate(encode(convert_to(${text}, 'UTF8'), 'base64'), E'+/\\n=', '-_')`;
/** A cursor: the JSON array of the key, as JSON.stringify writes it, in base64url. */
const cursorOf = (...parts) =>
  base64url(`'[' || concat_ws(',', ${parts.map((p) => `to_json(${p})::text`).join(', ')}) || ']'`);

/** The characters String.prototype.trim() removes: text "present" means something else is there. */
const JS_TRIMMED = String.raw` \t\n\v\f\r\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff`;
const hasText = (column) => `coalesce(${column} ~ '[^${JS_TRIMMED}]', false)`;
/** "a", "a and b", "a, b and c", as libs/domain's list(). */
const spoken = (array) =>
  `CASE WHEN cardinality(${array}) <= 1 THEN coalesce((${array})[1], '')
        ELSE array_to_string((${array})[1:cardinality(${array}) - 1], ', ') || ' and ' || (${array})[cardinality(${array})] END`;
/** A JSON array of the non-null elements of a json[], in order (array_remove needs an equality json lacks). */
const compact = (array) =>
  `array_to_json(ARRAY(SELECT e FROM unnest(${array}) WITH ORDINALITY AS u(e, i) WHERE e IS NOT NULL ORDER BY i))`;
/** Array elements in first-seen order without repeats, as [...new Set(array)]. */
const distinctInOrder = (array) =>
  `ARRAY(SELECT x FROM unnest(${array}) WITH ORDINALITY AS u(x, i) GROUP BY x ORDER BY min(i))`;

const today = `(now() AT TIME ZONE 'UTC')::date`;

export class BadRequest extends Error {}

function decodeCursor(cursor, arity) {
  try {
    const key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(key) &&
      key.length === arity &&
      key.every((k) => ['string', 'number'].includes(typeof k))
    )
      return key;
  } catch {
    // below
  }
  throw new BadRequest('cursor');
}

function limitOf(params) {
  const raw = params.get('limit');
  if (raw === null) return 50;
  const limit = Number(raw);
  if (!Number.isInteger(limit) || limit < 1 || limit > 200) throw new BadRequest('limit');
  return limit;
}

/** The session check, as the API's SessionsService.resolve: one statement, touching last_seen_at once a minute. */
export const SESSION_SQL = `
  WITH live AS (
    SELECT s.id, s.user_id, s.last_seen_at FROM sessions s
    WHERE s.token_hash = $1 AND s.revoked_at IS NULL AND s.expires_at > now()
      AND s.last_seen_at > now() - make_interval(mins => $2)
  ), touched AS (
    UPDATE sessions SET last_seen_at = now()
    FROM live WHERE sessions.id = live.id AND live.last_seen_at < now() - make_interval(secs => 60)
  )
  SELECT u.id, u.role FROM live JOIN users u ON u.id = live.user_id AND u.active`;

/** GET /api/v1/projects: the filters of project-list.query.ts, ordered by code (the default sort). */
export function projectList(params) {
  const values = [];
  const param = (value) => `$${values.push(value)}`;
  const many = (name) => {
    const all = params.getAll(name).flatMap((v) => v.split(','));
    return all.length ? all : null;
  };
  const where = ['p.deleted_at IS NULL'];
  const stage = many('stage');
  if (stage?.length === 1) where.push(`p.stage = ${param(stage[0])}`);
  else if (stage) where.push(`p.stage = ANY(${param(stage)}::text[])`);
  if (params.get('window')) where.push(`p."window" = ${param(params.get('window'))}`);
  const country = many('country');
  if (country) where.push(`p.country_codes && ${param(country.map((c) => c.trim().toUpperCase()))}::text[]`);
  if (params.get('region')) {
    const region = param(params.get('region'));
    where.push(`p.region_codes && ARRAY(SELECT DISTINCT region_code::text FROM countries
                 WHERE region_code = ${region} OR lower(region) = lower(${region}))`);
  }
  if (params.get('organization'))
    where.push(`p.organization_ids @> ARRAY[${param(params.get('organization'))}::uuid]`);
  if (params.get('dimension')) where.push(`p.dimensions @> ARRAY[${param(params.get('dimension'))}]::text[]`);
  if (params.get('group')) where.push(`p.vulnerable_groups @> ARRAY[${param(params.get('group'))}]::text[]`);
  if (params.get('sdg')) where.push(`p.sdgs @> ARRAY[${param(Number(params.get('sdg')))}]::smallint[]`);
  if (params.get('fromYear')) where.push(`p.start_year >= ${param(Number(params.get('fromYear')))}`);
  if (params.get('toYear')) where.push(`p.start_year <= ${param(Number(params.get('toYear')))}`);
  if (params.get('q')) {
    const q = param(params.get('q').trim());
    where.push(
      `(p.search @@ websearch_to_tsquery('english', ${q}) OR p.search @@ websearch_to_tsquery('simple', ${q}))`,
    );
  }
  if ((params.get('sort') ?? 'code') !== 'code')
    throw new BadRequest('sort (the baseline orders by code only)');
  if (params.get('cursor') !== null) {
    const [code, id] = decodeCursor(params.get('cursor'), 2);
    where.push(`(p.code, p.id) > (${param(String(code))}, ${param(String(id))}::uuid)`);
  }
  const limit = limitOf(params);
  const L = param(limit);
  return {
    values,
    text: `
      WITH page AS (
        SELECT p.id, p.code, p.title, p.title_translations, p."window", p.stage, p.country_codes, p.requested_budget, p.approved_budget,
               p.start_date, p.end_date, p.dimensions, p.version, p.updated_at,
               (SELECT coalesce(o.acronym, o.name) FROM organizations o WHERE o.id = p.lead_organization_id) AS lead,
               row_number() OVER (ORDER BY p.code, p.id) AS n
        FROM projects p
        WHERE ${where.join(' AND ')}
        ORDER BY p.code, p.id
        LIMIT ${L}::int + 1
      )
      SELECT json_build_object(
        'items', coalesce(json_agg(json_build_object(
            'id', id, 'code', code, 'title', title, 'titleTranslations', title_translations, 'window', "window", 'stage', stage, 'countries', country_codes,
            'leadOrganization', lead, 'requestedBudget', requested_budget::text,
            'approvedBudget', approved_budget::text, 'startDate', start_date, 'endDate', end_date,
            'dimensions', dimensions, 'version', version, 'updatedAt', ${iso('updated_at')}) ORDER BY n)
          FILTER (WHERE n <= ${L}), '[]'),
        'nextCursor', CASE WHEN count(*) > ${L} THEN
            ${cursorOf(`min(code) FILTER (WHERE n = ${L})`, `min(id::text) FILTER (WHERE n = ${L})`)} END
      )::text AS body
      FROM page`,
  };
}

/** GET /api/v1/projects/:id: the project, its organizations and recipient countries (DETAIL_SQL's shape). */
export const PROJECT_SQL = `
  SELECT json_build_object(
    'id', p.id, 'code', p.code, 'title', p.title, 'summary', p.summary,
    'titleTranslations', p.title_translations, 'summaryTranslations', p.summary_translations,
    'window', p."window", 'stage', p.stage,
    'leadOrganizationId', p.lead_organization_id,
    'organizations', coalesce((SELECT json_agg(json_build_object(
        'organizationId', o.id, 'name', o.name, 'acronym', o.acronym, 'kind', o.kind,
        'budgetShare', po.budget_share::text, 'lead', o.id = p.lead_organization_id)
        ORDER BY o.id = p.lead_organization_id DESC, o.name)
      FROM project_organizations po JOIN organizations o ON o.id = po.organization_id
      WHERE po.project_id = p.id), '[]'),
    'recipientCountries', coalesce((SELECT json_agg(json_build_object(
        'iso3', c.iso3, 'iso2', c.iso2, 'name', c.name, 'region', c.region) ORDER BY c.name)
      FROM project_countries pc JOIN countries c ON c.iso3 = pc.country_iso3
      WHERE pc.project_id = p.id), '[]'),
    'requestedBudget', p.requested_budget::text, 'approvedBudget', p.approved_budget::text,
    'coFunding', p.co_funding::text, 'startDate', p.start_date, 'endDate', p.end_date,
    'dimensions', p.dimensions, 'targetBeneficiaries', p.target_beneficiaries,
    'vulnerableGroups', p.vulnerable_groups, 'sdgs', p.sdgs,
    'narratives', json_build_object(
      'peopleCentred', p.narrative_people_centred, 'comprehensive', p.narrative_comprehensive,
      'contextSpecific', p.narrative_context_specific, 'preventionOriented', p.narrative_prevention_oriented,
      'protectionEmpowerment', p.narrative_protection_empowerment),
    'protectionMeasures', p.protection_measures, 'empowermentMeasures', p.empowerment_measures,
    'declarations', json_build_object('noCoercion', p.declares_no_coercion, 'distinctFromR2p', p.declares_distinct_from_r2p),
    'version', p.version, 'createdAt', ${iso('p.created_at')}, 'updatedAt', ${iso('p.updated_at')}
  )::text AS body
  FROM projects p WHERE p.id = $1 AND p.deleted_at IS NULL`;

/** GET /api/v1/projects/:id/consents, first page, as staff see it (one record per country: the country is the key). */
export const CONSENTS_SQL = `
  WITH rows AS (
    SELECT c.*, row_number() OVER (ORDER BY c.country_iso3) AS n
    FROM consent_records c WHERE c.project_id = $1 ORDER BY c.country_iso3 LIMIT 51
  )
  SELECT json_build_object(
    'items', coalesce((SELECT json_agg(json_build_object(
        'id', id, 'countryIso3', country_iso3, 'status', status, 'requestedOn', requested_on,
        'grantedOn', granted_on, 'validUntil', valid_until, 'projectId', project_id, 'withdrawnOn', withdrawn_on,
        'withdrawalReason', withdrawal_reason, 'issuingOffice', issuing_office, 'signatory', signatory,
        'documentReference', document_reference, 'scope', scope, 'version', version,
        'createdAt', ${iso('created_at')}, 'updatedAt', ${iso('updated_at')}) ORDER BY n)
      FROM rows WHERE n <= 50), '[]'),
    'nextCursor', (SELECT ${cursorOf('country_iso3')} FROM rows WHERE n = 50 AND EXISTS (SELECT 1 FROM rows WHERE n = 51))
  )::text AS body
  FROM projects p WHERE p.id = $1 AND p.deleted_at IS NULL`;

/** GET /api/v1/projects/:id/alignments, first page. */
export const ALIGNMENTS_SQL = `
  WITH rows AS (
    SELECT a.*, s.title AS strategy_title, s.period_from, s.period_to,
           row_number() OVER (ORDER BY a.country_iso3, a.id) AS n
    FROM alignments a JOIN national_strategies s ON s.id = a.strategy_id
    WHERE a.project_id = $1 ORDER BY a.country_iso3, a.id LIMIT 51
  )
  SELECT json_build_object(
    'items', coalesce((SELECT json_agg(json_build_object(
        'id', id, 'projectId', project_id, 'countryIso3', country_iso3, 'strategyId', strategy_id,
        'strategyTitle', strategy_title, 'strategyPeriodFrom', period_from, 'strategyPeriodTo', period_to,
        'priorityArea', priority_area, 'justification', justification, 'version', version,
        'createdAt', ${iso('created_at')}, 'updatedAt', ${iso('updated_at')}) ORDER BY n)
      FROM rows WHERE n <= 50), '[]'),
    'nextCursor', (SELECT ${cursorOf('country_iso3', 'id::text')} FROM rows WHERE n = 50 AND EXISTS (SELECT 1 FROM rows WHERE n = 51))
  )::text AS body
  FROM projects p WHERE p.id = $1 AND p.deleted_at IS NULL`;

/**
 * The ledger's movements, one row per movement of a figure: (year, received, committed, transferred,
 * released). A transfer or refund counts for itself; a reversal counts against the kind of the entry
 * it reverses, a reversal of a reversal for nothing. Commitments fall in the year of the approval
 * decision (else the start date), releases in that of the completion (else the end date).
 */
const LEDGER_MOVEMENTS = `
  WITH effects AS (
    SELECT e.project_id, e.transferred_on, e.amount_usd,
           CASE WHEN e.kind = 'reversal' THEN CASE WHEN r.kind <> 'reversal' THEN r.kind END ELSE e.kind END AS figure,
           CASE WHEN e.kind = 'reversal' THEN -1 ELSE 1 END AS sign
    FROM transfers e LEFT JOIN transfers r ON r.id = e.reverses_id
  ), decisions AS (
    SELECT project_id,
           max(decided_on) FILTER (WHERE to_stage = 'approved') AS approved_on,
           max(decided_on) FILTER (WHERE to_stage = 'completed') AS completed_on
    FROM project_transitions WHERE to_stage IN ('approved', 'completed') GROUP BY project_id
  )
  SELECT extract(year FROM received_on)::int AS year, usd_amount AS received, 0::numeric AS committed,
         0::numeric AS transferred, 0::numeric AS released
  FROM contributions WHERE status = 'received'
  UNION ALL
  SELECT extract(year FROM coalesce(d.approved_on, p.start_date))::int, 0, p.approved_budget, 0, 0
  FROM projects p LEFT JOIN decisions d ON d.project_id = p.id
  WHERE p.stage IN (${list(domain.COMMITTED_STAGES)}) AND p.deleted_at IS NULL AND p.approved_budget IS NOT NULL
  UNION ALL
  SELECT extract(year FROM coalesce(d.completed_on, p.end_date))::int, 0, 0, 0,
         greatest(p.approved_budget - coalesce(s.transferred, 0), 0)
  FROM projects p LEFT JOIN decisions d ON d.project_id = p.id
  LEFT JOIN (SELECT project_id, sum(sign * amount_usd) AS transferred FROM effects
             WHERE figure = 'transfer' GROUP BY project_id) s ON s.project_id = p.id
  WHERE p.stage IN (${list(domain.RELEASING_STAGES)}) AND p.deleted_at IS NULL AND p.approved_budget IS NOT NULL
  UNION ALL
  SELECT extract(year FROM transferred_on)::int, 0, 0,
         CASE WHEN figure = 'transfer' THEN sign * amount_usd ELSE 0 END,
         CASE WHEN figure = 'refund' THEN sign * amount_usd ELSE 0 END
  FROM effects WHERE figure IS NOT NULL`;

/** Money as text with two decimals; round(…, 2), unlike a numeric(18,2) cast, cannot overflow. */
const money = (sum) => `round(${sum}, 2)::text`;
/** The five figures of the rows of `from` as a JSON object. */
const figures = (from) => `(SELECT json_build_object('received', ${money('coalesce(sum(received), 0)')},
    'committed', ${money('coalesce(sum(committed), 0)')}, 'transferred', ${money('coalesce(sum(transferred), 0)')},
    'released', ${money('coalesce(sum(released), 0)')},
    'available', ${money('coalesce(sum(received) - sum(committed) + sum(released), 0)')}) FROM ${from})`;

/** GET /api/v1/fund/ledger: one pass over the sources, the overall figures summed from the movements. */
export const LEDGER_SQL = `
  WITH movements AS (${LEDGER_MOVEMENTS}
  ), years AS (
    SELECT year, sum(received) AS r, sum(committed) AS c, sum(transferred) AS t, sum(released) AS l
    FROM movements GROUP BY year
  )
  SELECT json_build_object(
    'overall', ${figures('movements')},
    'byYear', coalesce((SELECT json_agg(json_build_object('year', year, 'received', ${money('r')},
        'committed', ${money('c')}, 'transferred', ${money('t')}, 'released', ${money('l')},
        'available', ${money('r - c + l')}) ORDER BY year NULLS LAST) FROM years), '[]')
  )::text AS body`;

/**
 * GET /api/v1/dashboard/overview: ledger, pipeline, map, charts. The API's DashboardService already
 * answers with one statement whose JSON PostgreSQL builds; this is that statement, written again
 * here, so the comparison measures what lies around the SQL.
 */
export const OVERVIEW_SQL = `
  WITH live AS (
    SELECT id, stage, requested_budget, approved_budget, start_date, country_codes, region_codes, dimensions,
           stage IN (${list(domain.COMMITTED_STAGES)}) AS committed
    FROM projects WHERE deleted_at IS NULL
  ), ledger AS (${LEDGER_MOVEMENTS}
  ), pipeline AS (
    SELECT stage, count(*)::int AS projects, sum(requested_budget) AS requested, coalesce(sum(approved_budget), 0) AS approved
    FROM live GROUP BY stage
  ), by_country AS (
    SELECT code AS iso3, count(*)::int AS projects,
           coalesce(sum(approved_budget / cardinality(country_codes)) FILTER (WHERE committed), 0) AS approved
    FROM live, unnest(country_codes) AS code GROUP BY code
  ), donor_years AS (
    -- Outstanding: what is left to pay on each pledge (its amount less its net receipts, never below
    -- zero) at the pledge's rate, in the pledge's year.
    SELECT year, donor_id, sum(received) AS received, sum(pledged) AS pledged, sum(outstanding) AS outstanding FROM (
      SELECT extract(year FROM received_on)::int AS year, donor_id, usd_amount AS received, 0 AS pledged, 0 AS outstanding
      FROM contributions WHERE status = 'received'
      UNION ALL
      SELECT extract(year FROM c.pledged_on)::int, c.donor_id, 0, c.usd_amount,
             round(greatest(c.amount - coalesce((SELECT sum(CASE WHEN r.kind = 'receipt' THEN r.amount ELSE -r.amount END)
                                                 FROM contribution_receipts r WHERE r.contribution_id = c.id), 0), 0)
                   * c.exchange_rate, 2)
      FROM contributions c WHERE c.status <> 'cancelled'
    ) x GROUP BY year, donor_id
  ), approvals AS (
    SELECT extract(year FROM coalesce((SELECT max(t.decided_on) FROM project_transitions t
             WHERE t.project_id = l.id AND t.to_stage = 'approved'), l.start_date))::int AS year,
           count(*)::int AS projects, sum(l.approved_budget) AS approved
    FROM live l
    WHERE l.committed GROUP BY 1
  ), by_region AS (
    SELECT code AS region_code, count(*)::int AS projects, coalesce(sum(approved_budget), 0) AS approved
    FROM live, unnest(region_codes) AS code WHERE committed GROUP BY code
  ), by_dimension AS (
    SELECT dimension, count(*)::int AS projects, coalesce(sum(approved_budget), 0) AS approved
    FROM live, unnest(dimensions) AS dimension WHERE committed GROUP BY dimension
  )
  SELECT json_build_object(
    'ledger', ${figures('ledger')},
    'pipeline', coalesce((SELECT json_agg(json_build_object('stage', stage, 'projects', projects,
               'requested', requested::numeric(18,2)::text, 'approved', approved::numeric(18,2)::text) ORDER BY stage) FROM pipeline), '[]'),
    'countries', coalesce((SELECT json_agg(json_build_object('iso3', b.iso3, 'numeric', c.numeric, 'name', c.name,
               'projects', b.projects, 'approved', b.approved::numeric(18,2)::text, 'sids', c.sids) ORDER BY b.iso3)
               FROM by_country b JOIN countries c ON c.iso3 = b.iso3), '[]'),
    'contributionsByYear', coalesce((SELECT json_agg(json_build_object('year', y.year, 'donorId', y.donor_id,
               'donor', d.name, 'donorCountryIso3', d.country_iso3, 'received', y.received::numeric(18,2)::text,
               'pledged', y.pledged::numeric(18,2)::text, 'outstanding', ${money('y.outstanding')}) ORDER BY y.year, d.name, y.donor_id)
               FROM donor_years y JOIN donors d ON d.id = y.donor_id WHERE y.year IS NOT NULL), '[]'),
    'approvalsByYear', coalesce((SELECT json_agg(json_build_object('year', year, 'projects', projects,
               'approved', approved::numeric(18,2)::text) ORDER BY year) FROM approvals WHERE year IS NOT NULL), '[]'),
    'byRegion', coalesce((SELECT json_agg(json_build_object('key', r.region, 'projects', b.projects,
               'approved', b.approved::numeric(18,2)::text) ORDER BY r.region)
               FROM by_region b JOIN (SELECT DISTINCT region_code, region FROM countries) r ON r.region_code = b.region_code), '[]'),
    'byDimension', coalesce((SELECT json_agg(json_build_object('key', dimension, 'projects', projects,
               'approved', approved::numeric(18,2)::text) ORDER BY dimension) FROM by_dimension), '[]'),
    'generatedAt', ${iso('now()')}
  )::text AS body`;

// ---------------------------------------------------------------------------------------------
// Paragraph 6 (libs/domain evaluateParagraph6), for one project, in SQL.

/** Whether the consent record `c` was withdrawn (by status or by a withdrawal date). */
const withdrawn = (c) => `(${c}.status = 'withdrawn' OR ${c}.withdrawn_on IS NOT NULL)`;

/**
 * The status of one version `v` of a consent record on the date `on` (consentStatusOn): a withdrawal
 * takes effect on its date, an expiry the day after the validity ends or the day it was recorded, a
 * grant on its date, a request on its date, a refusal the day it was recorded; before its own change
 * the version says what stood until then. null: nothing of it was on file yet.
 */
const versionStatusOn = (v, on) => {
  const before = `CASE WHEN ${v}.status NOT IN ('requested', 'refused') AND ${v}.granted_on <= ${on} THEN 'granted'
                       WHEN ${v}.requested_on <= ${on} THEN 'requested' END`;
  return `CASE
    WHEN ${withdrawn(v)} THEN CASE WHEN coalesce(${v}.withdrawn_on, ${v}.recorded_on) <= ${on} THEN 'withdrawn' ELSE ${before} END
    WHEN ${v}.status = 'expired'
      THEN CASE WHEN ${v}.recorded_on <= ${on} OR ${v}.valid_until + 1 <= ${on} THEN 'expired' ELSE ${before} END
    WHEN ${v}.status = 'refused' THEN CASE WHEN ${v}.recorded_on <= ${on} THEN 'refused' ELSE ${before} END
    WHEN ${v}.status = 'granted' THEN CASE WHEN coalesce(${v}.granted_on, ${v}.recorded_on) <= ${on} THEN 'granted' ELSE ${before} END
    WHEN ${v}.status = 'requested' THEN CASE WHEN coalesce(${v}.requested_on, ${v}.recorded_on) <= ${on} THEN 'requested' END
  END`;
};

/**
 * The consent record `r` as it stood on the date `on` (consentOn), for a LATERAL join: the latest of
 * its versions (the record, then its consent_events newest first) with something on file then, with
 * the dates that stood, and `counts` (granted, dated, valid, office, signatory and reference on file).
 * No row: the record was not on file yet.
 */
const consentAsOn = (r, on) => `(
  SELECT x.status, x.requested_on,
         CASE WHEN x.status IN ('granted', 'withdrawn', 'expired') THEN x.granted_on END AS granted_on,
         CASE WHEN x.status IN ('granted', 'withdrawn', 'expired') THEN x.valid_until END AS valid_until,
         CASE WHEN x.status = 'withdrawn' THEN x.withdrawn_on END AS withdrawn_on,
         x.issuing_office, x.signatory, x.document_reference,
         (x.status = 'granted' AND x.granted_on IS NOT NULL AND x.granted_on <= ${on}
          AND (x.valid_until IS NULL OR x.valid_until >= ${on}) AND ${hasText('x.issuing_office')}
          AND ${hasText('x.signatory')} AND ${hasText('x.document_reference')}) AS counts
  FROM (SELECT ${versionStatusOn('v', on)} AS status, v.k, v.at, v.event_id, v.requested_on, v.granted_on,
               v.valid_until, v.withdrawn_on, v.issuing_office, v.signatory, v.document_reference
        FROM (
          SELECT 0 AS k, NULL::timestamptz AS at, NULL::uuid AS event_id, ${r}.status, ${r}.requested_on,
                 ${r}.granted_on, ${r}.valid_until, ${r}.withdrawn_on, (${r}.updated_at AT TIME ZONE 'UTC')::date AS recorded_on,
                 ${r}.issuing_office, ${r}.signatory, ${r}.document_reference
          UNION ALL
          SELECT 1, e.occurred_at, e.id, e.record->>'status', (e.record->>'requestedOn')::date,
                 (e.record->>'grantedOn')::date, (e.record->>'validUntil')::date, (e.record->>'withdrawnOn')::date,
                 (e.occurred_at AT TIME ZONE 'UTC')::date,
                 e.record->>'issuingOffice', e.record->>'signatory', e.record->>'documentReference'
          FROM consent_events e WHERE e.consent_id = ${r}.id) v) x
  WHERE x.status IS NOT NULL
  ORDER BY x.k, x.at DESC, x.event_id DESC
  LIMIT 1)`;

/**
 * Per consent record of project $1 on file on the judged date (judging.on_date), as it stood then:
 * problems (raw, worded, as clauses), counts, in the API's order (country, created_at, id). The
 * issuing office, signatory and reference shown to staff are the record's as it is now.
 */
const CONSENT_EVALUATIONS = `
  SELECT c.*, row_number() OVER (ORDER BY c.country_iso3, c.created_at, c.id) AS ord,
         ${withdrawn('c')} AS is_withdrawn, pr.n = 0 AS counts, pr.raw, pr.worded, pr.clauses
  FROM (SELECT r.id, r.country_iso3, r.created_at, r.withdrawal_reason, r.scope, r.issuing_office AS staff_office,
               r.signatory AS staff_signatory, r.document_reference AS staff_reference, a.status, a.requested_on,
               a.granted_on, a.valid_until, a.withdrawn_on, a.issuing_office, a.signatory, a.document_reference
        FROM consent_records r CROSS JOIN judging j CROSS JOIN LATERAL ${consentAsOn('r', 'j.on_date')} a
        WHERE r.project_id = $1) c
  CROSS JOIN judging j
  CROSS JOIN LATERAL (
    SELECT count(*) AS n,
           coalesce(json_agg(json_build_object('code', v.code, 'facts', v.facts) ORDER BY v.k), '[]') AS raw,
           coalesce(json_agg(json_build_object('code', v.code, 'facts', v.facts,
             'message', upper(left(v.clause, 1)) || substr(v.clause, 2) || '.') ORDER BY v.k), '[]') AS worded,
           string_agg(v.clause, '; ' ORDER BY v.k) AS clauses
    FROM (VALUES
      (1, CASE WHEN ${withdrawn('c')} THEN 'consent_record_withdrawn' END,
          json_build_object('withdrawnOn', c.withdrawn_on),
          CASE WHEN c.withdrawn_on IS NOT NULL THEN 'it was withdrawn on ' || c.withdrawn_on ELSE 'it has been withdrawn' END),
      (2, CASE WHEN NOT ${withdrawn('c')} AND c.status IN ('requested', 'refused', 'expired') THEN 'consent_not_granted' END,
          json_build_object('status', c.status), 'its status is ' || c.status || ', not granted'),
      (3, CASE WHEN NOT ${withdrawn('c')} AND c.status = 'granted' AND c.granted_on IS NULL THEN 'consent_grant_date_missing' END,
          '{}'::json, 'it has no date of grant'),
      (4, CASE WHEN NOT ${withdrawn('c')} AND c.status = 'granted' AND c.granted_on > j.on_date THEN 'consent_granted_after_date' END,
          json_build_object('grantedOn', c.granted_on, 'on', j.on_date), 'it was granted on ' || c.granted_on || ', after ' || j.on_date),
      (5, CASE WHEN NOT ${withdrawn('c')} AND c.status = 'granted' AND c.valid_until < j.on_date THEN 'consent_expired_on_date' END,
          json_build_object('validUntil', c.valid_until, 'on', j.on_date), 'it was valid until ' || c.valid_until || ', before ' || j.on_date),
      (6, CASE WHEN NOT ${withdrawn('c')} AND c.status = 'granted'
                 AND NOT (${hasText('c.issuing_office')} AND ${hasText('c.signatory')}) THEN 'consent_issuing_authority_missing' END,
          json_build_object('missing', array_remove(ARRAY[CASE WHEN NOT ${hasText('c.issuing_office')} THEN 'office' END,
                                                          CASE WHEN NOT ${hasText('c.signatory')} THEN 'signatory' END], NULL)),
          'the issuing authority''s ' || CASE
            WHEN NOT ${hasText('c.issuing_office')} AND NOT ${hasText('c.signatory')} THEN 'office and signatory are'
            WHEN NOT ${hasText('c.issuing_office')} THEN 'office is' ELSE 'signatory is' END || ' not recorded'),
      (7, CASE WHEN NOT ${withdrawn('c')} AND c.status = 'granted' AND NOT ${hasText('c.document_reference')}
               THEN 'consent_document_reference_missing' END,
          '{}'::json, 'no document reference is recorded')
    ) AS v(k, code, facts, clause)
    WHERE v.code IS NOT NULL
  ) pr
`;

/** Per alignment of project $1: coversStart, problems, counts, in the API's order (country, period_from, id). */
const ALIGNMENT_EVALUATIONS = `
  SELECT a.id, a.country_iso3, a.priority_area, s.id AS strategy_id, s.title AS strategy_title, s.period_from, s.period_to,
         row_number() OVER (ORDER BY a.country_iso3, s.period_from, a.id) AS ord,
         cov.covers, ${hasText('a.justification')} AS has_justification, pr.n = 0 AS counts, pr.raw, pr.worded, pr.clauses
  FROM alignments a JOIN national_strategies s ON s.id = a.strategy_id
  CROSS JOIN project
  CROSS JOIN LATERAL (SELECT CASE WHEN project.start_date IS NULL THEN NULL
    ELSE s.period_from <= project.start_date AND (s.period_to IS NULL OR project.start_date <= s.period_to) END AS covers) cov
  CROSS JOIN LATERAL (
    SELECT count(*) AS n,
           coalesce(json_agg(json_build_object('code', v.code, 'facts', v.facts) ORDER BY v.k), '[]') AS raw,
           coalesce(json_agg(json_build_object('code', v.code, 'facts', v.facts,
             'message', upper(left(v.clause, 1)) || substr(v.clause, 2) || '.') ORDER BY v.k), '[]') AS worded,
           string_agg(v.clause, '; ' ORDER BY v.k) AS clauses
    FROM (VALUES
      (1, CASE WHEN project.start_date IS NULL THEN 'alignment_start_unknown' END, '{}'::json,
          'the project has no start date to compare with the strategy period'),
      (2, CASE WHEN cov.covers = false THEN 'alignment_period_excludes_start' END,
          json_build_object('periodFrom', s.period_from, 'periodTo', s.period_to, 'projectStart', project.start_date),
          'its period (' || s.period_from || ' to ' || coalesce(s.period_to::text, 'open-ended')
            || ') does not cover the project start on ' || project.start_date),
      (3, CASE WHEN NOT ${hasText('a.justification')} THEN 'alignment_justification_missing' END, '{}'::json,
          'no justification is written')
    ) AS v(k, code, facts, clause)
    WHERE v.code IS NOT NULL
  ) pr
  WHERE a.project_id = $1`;

/** A compliance reason: code, facts and its sentence. */
const reason = (code, facts, message) =>
  `json_build_object('code', ${lit(code)}, 'facts', ${facts}, 'message', ${message})`;

/** GET /api/v1/projects/:id/compliance (on the project's own date, $2 being today, UTC), staff view: paragraph 6 per country, and paragraph 3. */
export const COMPLIANCE_SQL = `
  WITH project AS (
    SELECT id, code, title, stage, start_date, declares_no_coercion, declares_distinct_from_r2p
    FROM projects WHERE id = $1 AND deleted_at IS NULL
  ), decisions AS (
    SELECT (SELECT t.decided_on FROM project_transitions t WHERE t.project_id = $1 AND t.to_stage = 'approved'
            ORDER BY t.occurred_at DESC, t.id DESC LIMIT 1) AS approved_on,
           (SELECT t.decided_on FROM project_transitions t WHERE t.project_id = $1
            ORDER BY t.occurred_at DESC, t.id DESC LIMIT 1) AS last_on
  ), judging AS (
    -- paragraph6Date: completed and closed projects as they stood when approved, rejected and
    -- withdrawn ones at that decision, anything else (or without the decision on file) today.
    SELECT CASE WHEN p.stage IN ('completed', 'closed') AND d.approved_on IS NOT NULL THEN d.approved_on
                WHEN p.stage IN ('rejected', 'withdrawn') AND d.last_on IS NOT NULL THEN d.last_on
                ELSE $2::date END AS on_date,
           CASE WHEN p.stage IN ('completed', 'closed') AND d.approved_on IS NOT NULL THEN 'approval'
                WHEN p.stage IN ('rejected', 'withdrawn') AND d.last_on IS NOT NULL THEN 'last_decision'
                ELSE 'today' END AS basis,
           p.stage IN (${list(domain.PROPOSAL_STAGES)}) AS proposal
    FROM project p, decisions d
  ), recipients AS (
    SELECT pc.country_iso3 AS iso3, c.name, row_number() OVER (ORDER BY c.name) AS ord
    FROM project_countries pc JOIN countries c ON c.iso3 = pc.country_iso3 WHERE pc.project_id = $1
  ), ce AS (${CONSENT_EVALUATIONS}
  ), ae AS (${ALIGNMENT_EVALUATIONS}
  ), per_country AS (
    SELECT r.iso3, r.name, r.ord,
      (SELECT ce.id FROM ce WHERE ce.country_iso3 = r.iso3 AND ce.counts ORDER BY ce.granted_on DESC, ce.ord LIMIT 1) AS consent_id,
      (SELECT ae.id FROM ae WHERE ae.country_iso3 = r.iso3 AND ae.counts ORDER BY ae.ord LIMIT 1) AS alignment_id,
      (SELECT ae.strategy_id FROM ae WHERE ae.country_iso3 = r.iso3 AND ae.counts ORDER BY ae.ord LIMIT 1) AS strategy_id,
      EXISTS (SELECT 1 FROM ce WHERE ce.country_iso3 = r.iso3 AND ce.status = 'requested' AND NOT ce.is_withdrawn) AS requested,
      EXISTS (SELECT 1 FROM ce WHERE ce.country_iso3 = r.iso3 AND (ce.status = 'refused' OR ce.is_withdrawn)) AS refused_or_withdrawn,
      coalesce((SELECT json_agg(json_build_object('recordId', ce.id, 'status', ce.status, 'requestedOn', ce.requested_on,
          'grantedOn', ce.granted_on, 'validUntil', ce.valid_until, 'withdrawnOn', ce.withdrawn_on, 'counts', ce.counts,
          'problems', ce.worded, 'issuingOffice', ce.staff_office, 'signatory', ce.staff_signatory,
          'documentReference', ce.staff_reference, 'withdrawalReason', ce.withdrawal_reason, 'scope', ce.scope)
          ORDER BY ce.ord) FROM ce WHERE ce.country_iso3 = r.iso3), '[]') AS consent_records,
      coalesce((SELECT json_agg(json_build_object('alignmentId', ae.id, 'strategyId', ae.strategy_id,
          'strategyTitle', ae.strategy_title, 'priorityArea', ae.priority_area, 'periodFrom', ae.period_from,
          'periodTo', ae.period_to, 'coversStart', ae.covers, 'hasJustification', ae.has_justification,
          'counts', ae.counts, 'problems', ae.worded) ORDER BY ae.ord) FROM ae WHERE ae.country_iso3 = r.iso3), '[]') AS alignment_records
    FROM recipients r
  ), judged AS (
    SELECT pc.*,
      CASE WHEN pc.consent_id IS NOT NULL AND pc.alignment_id IS NOT NULL THEN 'compliant'
           WHEN pc.requested AND NOT pc.refused_or_withdrawn THEN 'pending'
           WHEN NOT EXISTS (SELECT 1 FROM ce WHERE ce.country_iso3 = pc.iso3) AND (SELECT proposal FROM judging)
             THEN 'not_requested'
           ELSE 'non_compliant' END AS status,
      array_to_json(
        CASE WHEN pc.consent_id IS NOT NULL THEN ARRAY[]::json[] ELSE
          CASE WHEN NOT EXISTS (SELECT 1 FROM ce WHERE ce.country_iso3 = pc.iso3) THEN
            ARRAY[CASE WHEN (SELECT proposal FROM judging)
              THEN ${reason(
                'consent_not_requested',
                `json_build_object('country', pc.iso3)`,
                `'The consent of ' || pc.iso3 || ' has not been requested yet.'`,
              )}
              ELSE ${reason('consent_missing', `json_build_object('country', pc.iso3)`, `'No consent of ' || pc.iso3 || ' is recorded.'`)} END]
          ELSE ARRAY(SELECT CASE
              WHEN ce.is_withdrawn THEN ${reason(
                'consent_withdrawn',
                `json_build_object('country', pc.iso3, 'recordId', ce.id, 'withdrawnOn', ce.withdrawn_on)`,
                `pc.iso3 || ' withdrew its consent' || coalesce(' on ' || ce.withdrawn_on, '') || '.'`,
              )}
              WHEN ce.status = 'refused' THEN ${reason(
                'consent_refused',
                `json_build_object('country', pc.iso3, 'recordId', ce.id)`,
                `pc.iso3 || ' refused its consent.'`,
              )}
              WHEN ce.status = 'requested' THEN ${reason(
                'consent_requested',
                `json_build_object('country', pc.iso3, 'recordId', ce.id, 'requestedOn', ce.requested_on)`,
                `'The consent of ' || pc.iso3 || ' was requested' || coalesce(' on ' || ce.requested_on, '') || ' and has not been granted yet.'`,
              )}
              ELSE ${reason(
                'consent_not_valid',
                `json_build_object('country', pc.iso3, 'recordId', ce.id, 'problems', ce.raw)`,
                `'The consent of ' || pc.iso3 || ' does not count: ' || ce.clauses || '.'`,
              )}
            END FROM ce WHERE ce.country_iso3 = pc.iso3 ORDER BY ce.ord) END END
        || CASE WHEN pc.alignment_id IS NOT NULL THEN ARRAY[]::json[] ELSE
          CASE WHEN NOT EXISTS (SELECT 1 FROM ae WHERE ae.country_iso3 = pc.iso3) THEN
            ARRAY[${reason(
              'alignment_missing',
              `json_build_object('country', pc.iso3)`,
              `'No alignment to a national strategy of ' || pc.iso3 || ' is recorded.'`,
            )}]
          ELSE ARRAY(SELECT ${reason(
            'alignment_not_valid',
            `json_build_object('country', pc.iso3, 'alignmentId', ae.id, 'strategyTitle', ae.strategy_title, 'problems', ae.raw)`,
            `'The alignment of ' || pc.iso3 || ' to "' || ae.strategy_title || '" does not count: ' || ae.clauses || '.'`,
          )}
            FROM ae WHERE ae.country_iso3 = pc.iso3 ORDER BY ae.ord) END END) AS reasons
    FROM per_country pc
  ), losses AS (
    -- paragraph6Losses: judged on an earlier date, the consents that counted then and not today.
    SELECT jd.ord, jd.iso3, jd.consent_id,
           CASE WHEN n.status = 'withdrawn' THEN 'withdrawn'
                WHEN n.valid_until < $2::date OR n.status = 'expired' THEN 'expired' ELSE 'changed' END AS kind,
           CASE WHEN n.status = 'withdrawn' THEN n.withdrawn_on
                WHEN n.valid_until < $2::date THEN n.valid_until + 1 END AS lost_on
    FROM judged jd CROSS JOIN judging g JOIN consent_records r ON r.id = jd.consent_id
    LEFT JOIN LATERAL ${consentAsOn('r', '$2::date')} n ON true
    WHERE g.on_date < $2::date AND NOT coalesce(n.counts, false)
  )
  SELECT json_build_object(
    'projectId', p.id, 'code', p.code, 'title', p.title, 'stage', p.stage, 'on', (SELECT on_date FROM judging), 'basis', (SELECT basis FROM judging), 'projectStart', p.start_date,
    'status', CASE WHEN NOT EXISTS (SELECT 1 FROM judged)
                     THEN CASE WHEN (SELECT proposal FROM judging) THEN 'not_requested' ELSE 'non_compliant' END
                   WHEN EXISTS (SELECT 1 FROM judged WHERE status = 'non_compliant') THEN 'non_compliant'
                   WHEN EXISTS (SELECT 1 FROM judged WHERE status = 'pending') THEN 'pending'
                   WHEN EXISTS (SELECT 1 FROM judged WHERE status = 'not_requested') THEN 'not_requested'
                   ELSE 'compliant' END,
    'history', coalesce((SELECT json_agg(json_build_object('country', l.iso3, 'recordId', l.consent_id, 'kind', l.kind,
        'lostOn', l.lost_on, 'message', 'The consent of ' || l.iso3 || ' '
          || CASE l.kind WHEN 'withdrawn' THEN 'was withdrawn' WHEN 'expired' THEN 'expired' ELSE 'no longer counts' END
          || coalesce(' on ' || l.lost_on, '') || ', after the date judged.') ORDER BY l.ord) FROM losses l), '[]'),
    'paragraph6', json_build_object('citation', ${lit(domain.RESOLUTION_66_290_CITATION)},
                                    'text', ${lit(domain.RESOLUTION_66_290_PARAGRAPH_6)}),
    'reasons', ${compact(`ARRAY[
        CASE WHEN NOT EXISTS (SELECT 1 FROM judged) THEN ${reason(
          'no_recipient_country',
          `'{}'::json`,
          lit(domain.describeComplianceReason({ code: 'no_recipient_country', facts: {} })),
        )} END,
        CASE WHEN p.start_date IS NULL THEN ${reason(
          'project_start_missing',
          `'{}'::json`,
          lit(domain.describeComplianceReason({ code: 'project_start_missing', facts: {} })),
        )} END]`)},
    'countries', coalesce((SELECT json_agg(json_build_object(
        'country', j.iso3, 'countryName', j.name, 'status', j.status,
        'consent', json_build_object('holds', j.consent_id IS NOT NULL, 'recordId', j.consent_id, 'records', j.consent_records),
        'alignment', json_build_object('holds', j.alignment_id IS NOT NULL, 'alignmentId', j.alignment_id,
                                       'strategyId', j.strategy_id, 'records', j.alignment_records),
        'reasons', j.reasons) ORDER BY j.ord) FROM judged j), '[]'),
    'paragraph3', json_build_object(
      'status', CASE WHEN p.declares_no_coercion AND p.declares_distinct_from_r2p THEN 'declared' ELSE 'incomplete' END,
      'declarations', json_build_array(
        json_build_object('paragraph', '3(e)', 'quote', ${lit(domain.RESOLUTION_66_290_PARAGRAPH_3E)},
                          'declared', CASE WHEN p.declares_no_coercion THEN true END),
        json_build_object('paragraph', '3(d)', 'quote', ${lit(domain.RESOLUTION_66_290_PARAGRAPH_3D)},
                          'declared', CASE WHEN p.declares_distinct_from_r2p THEN true END)),
      'problems', ${compact(`ARRAY[
        CASE WHEN NOT p.declares_no_coercion THEN json_build_object('code', 'paragraph_3_declaration_missing',
          'facts', json_build_object('paragraph', '3(e)'), 'message', ${lit(
            domain.describeParagraph3Problem({
              code: 'paragraph_3_declaration_missing',
              facts: { paragraph: '3(e)' },
            }),
          )}) END,
        CASE WHEN NOT p.declares_distinct_from_r2p THEN json_build_object('code', 'paragraph_3_declaration_missing',
          'facts', json_build_object('paragraph', '3(d)'), 'message', ${lit(
            domain.describeParagraph3Problem({
              code: 'paragraph_3_declaration_missing',
              facts: { paragraph: '3(d)' },
            }),
          )}) END]`)})
  )::text AS body
  FROM project p`;

// ---------------------------------------------------------------------------------------------
// The assessment (libs/domain assessProposal and structuralIndicators), for one proposal, in SQL.

const PRINCIPLES = domain.PRINCIPLE_IDS.map((id, index) => ({
  id,
  index: index + 1,
  title: domain.principle(id).title,
}));
const principlesValues = PRINCIPLES.map((p) => `(${p.index}, ${lit(p.id)}, ${lit(p.title)})`).join(', ');
const scoreOf = (r) =>
  `CASE pr.id ${PRINCIPLES.map((p) => `WHEN ${lit(p.id)} THEN ${r}.score_${p.id}`).join(' ')} END`;
const labels = (record) =>
  `'${JSON.stringify(Object.fromEntries(Object.entries(record).map(([k, v]) => [k, v.toLowerCase()]))).replace(/'/g, "''")}'::jsonb`;
/** The exact mean sum/count, reduced, with its decimal rounded half away from zero (ExactMean). */
const exactMean = (sum, count) => `json_build_object(
    'numerator', ${sum} / gcd(${sum}, ${count}), 'denominator', ${count} / gcd(${sum}, ${count}),
    'decimal', ((${sum} * 200 + ${count}) / (2 * ${count}) / 100)::text || '.'
               || lpad(((${sum} * 200 + ${count}) / (2 * ${count}) % 100)::text, 2, '0'))`;
const roundJson = (r) =>
  `json_build_object('number', ${r}.number, 'openedAt', ${iso(`${r}.opened_at`)},
     'closedAt', ${iso(`${r}.closed_at`)}, 'counting', ${r}.counting)`;
const indicator = (principle, code, met, facts, description) =>
  `json_build_object('principle', ${lit(principle)}, 'code', ${lit(code)}, 'met', ${met}, 'facts', ${facts}, 'description', ${description})`;

/** GET /api/v1/projects/:id/assessment, as staff see it: the latest review round, the only one that counts. */
export const ASSESSMENT_SQL = `
  WITH project AS (
    SELECT p.*,
      (SELECT count(DISTINCT o.id)::int FROM organizations o WHERE o.kind = 'un_entity'
         AND (o.id = p.lead_organization_id
              OR o.id IN (SELECT po.organization_id FROM project_organizations po WHERE po.project_id = p.id))) AS un_organizations,
      ARRAY(SELECT pc.country_iso3::text FROM project_countries pc WHERE pc.project_id = p.id ORDER BY pc.country_iso3) AS countries,
      ARRAY(SELECT pc.country_iso3::text FROM project_countries pc WHERE pc.project_id = p.id
              AND NOT EXISTS (SELECT 1 FROM alignments a WHERE a.project_id = p.id AND a.country_iso3 = pc.country_iso3)
            ORDER BY pc.country_iso3) AS unaligned,
      ${distinctInOrder('p.vulnerable_groups')} AS groups, ${distinctInOrder('p.dimensions')} AS dims
    FROM projects p WHERE p.id = $1 AND p.deleted_at IS NULL
  ), settings AS (
    SELECT min_principle_mean, min_overall_mean, min_reviews, disagreement_spread FROM assessment_settings WHERE id
  ), rounds AS (
    SELECT rr.number, rr.opened_at, rr.closed_at,
           rr.number = max(rr.number) OVER () AS counting
    FROM review_rounds rr JOIN project ON project.id = rr.project_id
  ), latest AS (SELECT * FROM rounds WHERE counting
  ), principles(ord, id, title) AS (VALUES ${principlesValues}
  ), rv AS (
    SELECT r.*, u.name AS reviewer_name, row_number() OVER (ORDER BY r.created_at, r.id) AS ord,
           ARRAY(SELECT pr.title FROM principles pr WHERE ${scoreOf('r')} IS NULL ORDER BY pr.ord) AS unscored
    FROM reviews r JOIN users u ON u.id = r.reviewer_id JOIN project ON project.id = r.project_id
    JOIN latest ON latest.number = r.round
  ), tallied AS (
    SELECT rv.*, rv.status = 'submitted' AND rv.conflict_declared IS NOT TRUE AND cardinality(rv.unscored) = 0 AS counted FROM rv
  ), notes AS (
    SELECT n.*, u.name AS author_name, ${hasText('n.note')} AS present FROM moderation_notes n
    LEFT JOIN users u ON u.id = n.author_id JOIN latest ON latest.number = n.round WHERE n.project_id = $1
  ), stats AS (
    SELECT pr.ord, pr.id, pr.title, count(t.id)::int AS n, sum(${scoreOf('t')})::bigint AS total,
           min(${scoreOf('t')}) AS lo, max(${scoreOf('t')}) AS hi,
           coalesce(json_agg(${scoreOf('t')} ORDER BY t.ord) FILTER (WHERE t.id IS NOT NULL), '[]') AS scores,
           (SELECT n.note FROM notes n WHERE n.principle = pr.id AND n.present) AS note
    FROM principles pr LEFT JOIN tallied t ON t.counted GROUP BY pr.ord, pr.id, pr.title
  ), judged AS (
    SELECT s.*, CASE WHEN s.n > 0 THEN s.total >= st.min_principle_mean * s.n END AS meets,
           s.n > 0 AND s.hi - s.lo >= st.disagreement_spread AS disagreement
    FROM stats s CROSS JOIN settings st
  ), overall AS (
    SELECT CASE WHEN count(*) FILTER (WHERE n > 0) = ${PRINCIPLES.length} THEN sum(total)::bigint END AS total,
           max(n) * ${PRINCIPLES.length} AS n FROM judged
  ), counted AS (SELECT count(*)::int AS n FROM tallied WHERE counted)
  SELECT json_build_object(
    'projectId', p.id, 'code', p.code, 'title', p.title, 'stage', p.stage,
    'round', (SELECT ${roundJson('l')} FROM latest l),
    'rounds', coalesce((SELECT json_agg(${roundJson('r')} ORDER BY r.number) FROM rounds r), '[]'),
    'indicators', json_build_array(
      json_build_object('principle', 'people_centred',
        'allMet', coalesce(p.target_beneficiaries > 0, false) AND cardinality(p.groups) > 0,
        'indicators', json_build_array(
          ${indicator(
            'people_centred',
            'beneficiaries_counted',
            'coalesce(p.target_beneficiaries > 0, false)',
            `json_build_object('targetBeneficiaries', p.target_beneficiaries)`,
            `CASE WHEN p.target_beneficiaries > 0 THEN 'Target beneficiaries are counted: ' || p.target_beneficiaries || '.'
                  ELSE 'The target beneficiaries are not counted.' END`,
          )},
          ${indicator(
            'people_centred',
            'vulnerable_group_named',
            'cardinality(p.groups) > 0',
            `json_build_object('vulnerableGroups', p.groups)`,
            `CASE WHEN cardinality(p.groups) > 0 THEN 'Vulnerable groups named: ' || ${spoken(
              `ARRAY(SELECT ${labels(domain.VULNERABLE_GROUP_LABELS)} ->> g FROM unnest(p.groups) WITH ORDINALITY AS x(g, i) ORDER BY i)`,
            )} || '.' ELSE 'No vulnerable group is named.' END`,
          )})),
      json_build_object('principle', 'comprehensive',
        'allMet', cardinality(p.dims) >= ${domain.MIN_DIMENSIONS_FOR_COMPREHENSIVE}
                  AND p.un_organizations >= ${domain.MIN_UN_ORGANIZATIONS_FOR_COMPREHENSIVE},
        'indicators', json_build_array(
          ${indicator(
            'comprehensive',
            'several_dimensions',
            `cardinality(p.dims) >= ${domain.MIN_DIMENSIONS_FOR_COMPREHENSIVE}`,
            `json_build_object('dimensions', p.dims, 'count', cardinality(p.dims), 'required', ${domain.MIN_DIMENSIONS_FOR_COMPREHENSIVE})`,
            `(WITH named AS (SELECT ${spoken(
              `ARRAY(SELECT ${labels(domain.HUMAN_SECURITY_DIMENSION_LABELS)} ->> d FROM unnest(p.dims) WITH ORDINALITY AS x(d, i) ORDER BY i)`,
            )} AS t)
              SELECT CASE WHEN cardinality(p.dims) >= ${domain.MIN_DIMENSIONS_FOR_COMPREHENSIVE}
                THEN cardinality(p.dims) || ' human-security dimensions are addressed: ' || t || '.'
                ELSE cardinality(p.dims) || ' human-security dimension' || CASE WHEN cardinality(p.dims) = 1 THEN ' is' ELSE 's are' END
                     || ' addressed' || CASE WHEN t <> '' THEN ' (' || t || ')' ELSE '' END
                     || '; at least ${domain.MIN_DIMENSIONS_FOR_COMPREHENSIVE} are expected.' END FROM named)`,
          )},
          ${indicator(
            'comprehensive',
            'several_un_organizations',
            `p.un_organizations >= ${domain.MIN_UN_ORGANIZATIONS_FOR_COMPREHENSIVE}`,
            `json_build_object('count', p.un_organizations, 'required', ${domain.MIN_UN_ORGANIZATIONS_FOR_COMPREHENSIVE})`,
            `CASE WHEN p.un_organizations >= ${domain.MIN_UN_ORGANIZATIONS_FOR_COMPREHENSIVE}
                  THEN p.un_organizations || ' UN organizations take part.'
                  ELSE p.un_organizations || ' UN organization' || CASE WHEN p.un_organizations = 1 THEN ' takes' ELSE 's take' END
                       || ' part; at least ${domain.MIN_UN_ORGANIZATIONS_FOR_COMPREHENSIVE} are expected.' END`,
          )})),
      json_build_object('principle', 'context_specific',
        'allMet', cardinality(p.countries) > 0 AND cardinality(p.unaligned) = 0 AND ${hasText('p.narrative_context_specific')},
        'indicators', json_build_array(
          ${indicator(
            'context_specific',
            'every_country_aligned',
            'cardinality(p.countries) > 0 AND cardinality(p.unaligned) = 0',
            `json_build_object('countries', p.countries, 'withoutAlignment', p.unaligned)`,
            `CASE WHEN cardinality(p.countries) = 0 THEN 'No recipient country is named, so no alignment can exist.'
                  WHEN cardinality(p.unaligned) = 0 THEN 'Every recipient country has an alignment record.'
                  ELSE 'No alignment record for ' || ${spoken('p.unaligned')} || '.' END`,
          )},
          ${indicator(
            'context_specific',
            'every_country_has_context_narrative',
            `cardinality(p.countries) > 0 AND ${hasText('p.narrative_context_specific')}`,
            `json_build_object('countries', p.countries, 'withoutContextNarrative',
               CASE WHEN ${hasText('p.narrative_context_specific')} THEN ARRAY[]::text[] ELSE p.countries END)`,
            `CASE WHEN cardinality(p.countries) = 0 THEN 'No recipient country is named, so no context is described.'
                  WHEN ${hasText('p.narrative_context_specific')} THEN 'The context of every recipient country is described.'
                  ELSE 'The context of ' || ${spoken('p.countries')} || ' is not described.' END`,
          )})),
      json_build_object('principle', 'prevention_oriented', 'allMet', ${hasText('p.narrative_prevention_oriented')},
        'indicators', json_build_array(
          ${indicator(
            'prevention_oriented',
            'prevention_narrative_present',
            hasText('p.narrative_prevention_oriented'),
            `'{}'::json`,
            `CASE WHEN ${hasText('p.narrative_prevention_oriented')} THEN 'A prevention narrative is present.'
                  ELSE 'No prevention narrative is written.' END`,
          )})),
      json_build_object('principle', 'protection_empowerment',
        'allMet', ${hasText('p.protection_measures')} AND ${hasText('p.empowerment_measures')},
        'indicators', json_build_array(
          ${indicator(
            'protection_empowerment',
            'protection_measure_described',
            hasText('p.protection_measures'),
            `'{}'::json`,
            `CASE WHEN ${hasText('p.protection_measures')} THEN 'A protection measure is described.'
                  ELSE 'No protection measure is described.' END`,
          )},
          ${indicator(
            'protection_empowerment',
            'empowerment_measure_described',
            hasText('p.empowerment_measures'),
            `'{}'::json`,
            `CASE WHEN ${hasText('p.empowerment_measures')} THEN 'An empowerment measure is described.'
                  ELSE 'No empowerment measure is described.' END`,
          )}))),
    'thresholds', (SELECT json_build_object('minPrincipleMean', min_principle_mean::float8, 'minOverallMean', min_overall_mean::float8,
                     'minReviews', min_reviews, 'disagreementSpread', disagreement_spread) FROM settings),
    'countedReviews', (SELECT n FROM counted),
    'enoughReviews', (SELECT c.n >= s.min_reviews FROM counted c, settings s),
    'reviews', coalesce((SELECT json_agg(json_build_object(
        'reviewId', t.id, 'reviewerId', t.reviewer_id, 'reviewerName', t.reviewer_name, 'status', t.status,
        'counted', t.counted,
        'exclusions', ${compact(`ARRAY[
          CASE WHEN t.status <> 'submitted' THEN json_build_object('code', 'review_not_submitted',
            'facts', json_build_object('status', t.status),
            'message', 'The review is not submitted (it is ' || regexp_replace(t.status, '_', ' ') || ').') END,
          CASE WHEN t.conflict_declared THEN json_build_object('code', 'review_conflict_declared', 'facts', '{}'::json,
            'message', ${lit(domain.describeReviewExclusion({ code: 'review_conflict_declared', facts: {} }))}) END,
          CASE WHEN t.status = 'submitted' AND cardinality(t.unscored) > 0 THEN json_build_object(
            'code', 'review_scores_incomplete',
            'facts', json_build_object('principles', ARRAY(SELECT pr.id FROM principles pr WHERE pr.title = ANY(t.unscored) ORDER BY pr.ord)),
            'message', 'The review has no valid score for ' || array_to_string(t.unscored, ', ') || '.') END]`)},
        'recommendation', CASE WHEN t.counted THEN t.recommendation END) ORDER BY t.ord) FROM tallied t), '[]'),
    'principles', (SELECT json_agg(json_build_object(
        'principle', j.id, 'count', j.n, 'scores', j.scores,
        'mean', CASE WHEN j.n > 0 THEN ${exactMean('j.total', 'j.n')} END,
        'min', j.lo, 'max', j.hi, 'spread', j.hi - j.lo, 'meetsThreshold', j.meets, 'disagreement', j.disagreement,
        'moderated', j.note IS NOT NULL, 'moderationNote', j.note, 'title', j.title) ORDER BY j.ord) FROM judged j),
    'overallMean', (SELECT CASE WHEN o.total IS NOT NULL THEN ${exactMean('o.total', 'o.n')} END FROM overall o),
    'passes', (SELECT c.n >= s.min_reviews FROM counted c, settings s)
              AND NOT EXISTS (SELECT 1 FROM judged WHERE meets = false)
              AND (SELECT o.total IS NULL OR o.total >= s.min_overall_mean * o.n FROM overall o, settings s),
    'failures', array_to_json(
      ARRAY(SELECT json_build_object('code', 'too_few_reviews', 'facts', json_build_object('counted', c.n, 'required', s.min_reviews),
              'message', c.n || ' review' || CASE WHEN c.n = 1 THEN '' ELSE 's' END || ' count' || CASE WHEN c.n = 1 THEN 's' ELSE '' END
                || ' (submitted, without a declared conflict); at least ' || s.min_reviews || ' are needed.')
            FROM counted c, settings s WHERE c.n < s.min_reviews)
      || ARRAY(SELECT json_build_object('code', 'principle_mean_below_threshold',
              'facts', json_build_object('principle', j.id, 'mean', ${exactMean('j.total', 'j.n')}, 'threshold', s.min_principle_mean::text),
              'message', j.title || ' has a mean score of ' || (${exactMean('j.total', 'j.n')} ->> 'decimal')
                || ', below the required ' || s.min_principle_mean || '.')
            FROM judged j, settings s WHERE j.meets = false ORDER BY j.ord)
      || ARRAY(SELECT json_build_object('code', 'overall_mean_below_threshold',
              'facts', json_build_object('mean', ${exactMean('o.total', 'o.n')}, 'threshold', s.min_overall_mean::text),
              'message', 'The mean of the five principle means is ' || (${exactMean('o.total', 'o.n')} ->> 'decimal')
                || ', below the required ' || s.min_overall_mean || '.')
            FROM overall o, settings s WHERE o.total < s.min_overall_mean * o.n)),
    'disagreements', array_to_json(ARRAY(SELECT id FROM judged WHERE disagreement ORDER BY ord)),
    'unmoderatedDisagreements', array_to_json(ARRAY(SELECT id FROM judged WHERE disagreement AND note IS NULL ORDER BY ord)),
    'recommendations', (SELECT json_build_object(
        'approve', count(*) FILTER (WHERE recommendation = 'approve'), 'revise', count(*) FILTER (WHERE recommendation = 'revise'),
        'reject', count(*) FILTER (WHERE recommendation = 'reject')) FROM tallied WHERE counted),
    'moderationNotes', coalesce((SELECT json_agg(json_build_object(
        'id', n.id, 'projectId', n.project_id, 'round', n.round, 'principle', n.principle, 'note', n.note, 'authorId', n.author_id,
        'authorName', n.author_name, 'version', n.version, 'createdAt', ${iso('n.created_at')}, 'updatedAt', ${iso('n.updated_at')})
        ORDER BY pr.ord) FROM notes n JOIN principles pr ON pr.id = n.principle), '[]')
  )::text AS body
  FROM project p`;

// ---------------------------------------------------------------------------------------------
// Consent alerts (libs/domain consentAlerts), first page, in SQL.

const FUNDED = list(domain.FUNDED_STAGES);
const PROPOSAL = list(domain.PROPOSAL_STAGES);
const WARN = domain.CONSENT_EXPIRY_WARNING_DAYS;
const OVERDUE = domain.CONSENT_REQUEST_OVERDUE_DAYS;
/** The record `c` counts on the date $1 (evaluateConsentRecord(...).counts). */
const counts = (c) => `(${c}.status = 'granted' AND ${c}.withdrawn_on IS NULL AND ${c}.granted_on IS NOT NULL
  AND ${c}.granted_on <= $1::date AND (${c}.valid_until IS NULL OR ${c}.valid_until >= $1::date)
  AND ${hasText(`${c}.issuing_office`)} AND ${hasText(`${c}.signatory`)} AND ${hasText(`${c}.document_reference`)})`;

/**
 * What every project raising an alert meets, and each one that meets it raises at least one (the
 * schema holds one consent record per country): a funded project has a country without a consent
 * that counts beyond the warning window; a proposal has a live request older than the overdue window.
 * So 51 candidates of each stage, in code order, are enough for a page of 50. OFFSET 0 keeps each
 * test a per-row index probe rather than a hash over every record.
 */
const FUNDED_CANDIDATE = `EXISTS (SELECT 1 FROM project_countries k WHERE k.project_id = p.id AND NOT EXISTS (
    SELECT 1 FROM consent_records r WHERE r.project_id = k.project_id AND r.country_iso3 = k.country_iso3
      AND ${counts('r')} AND (r.valid_until IS NULL OR r.valid_until > $1::date + ${WARN}) OFFSET 0) OFFSET 0)`;
const PROPOSAL_CANDIDATE = `EXISTS (SELECT 1 FROM consent_records r WHERE r.project_id = p.id AND r.status = 'requested'
    AND NOT ${withdrawn('r')} AND r.requested_on < $1::date - ${OVERDUE} OFFSET 0)`;

/**
 * GET /api/v1/alerts (on today, UTC), first page of 50: the projects of the stages that can raise an
 * alert, each stage read in (code, id) order from its index and merged, narrowed by the condition
 * every alerting project meets; then one alert row per country and code. PostgreSQL stops at 51.
 */
export const ALERTS_SQL = `
  WITH alerts AS (
    SELECT p.code AS project_code, p.id AS project_id, p.title, p.stage, pc.country_iso3 AS country, c.name AS country_name,
           a.code, a.record_id, a.facts, a.message
    FROM (${[
      ...domain.FUNDED_STAGES.map((stage) => [stage, FUNDED_CANDIDATE]),
      ...domain.PROPOSAL_STAGES.map((stage) => [stage, PROPOSAL_CANDIDATE]),
    ]
      .map(
        ([
          stage,
          candidate,
        ]) => `(SELECT * FROM projects p WHERE p.stage = ${lit(stage)} AND p.deleted_at IS NULL
           AND ${candidate} ORDER BY p.code, p.id LIMIT 51)`,
      )
      .join(' UNION ALL ')}) p
    JOIN project_countries pc ON pc.project_id = p.id
    JOIN countries c ON c.iso3 = pc.country_iso3
    CROSS JOIN LATERAL (
      SELECT
        (SELECT r.id FROM consent_records r WHERE r.project_id = p.id AND r.country_iso3 = pc.country_iso3 AND ${counts('r')}
         ORDER BY r.granted_on DESC, r.created_at, r.id LIMIT 1) AS valid_id
    ) v
    LEFT JOIN consent_records vr ON vr.id = v.valid_id
    CROSS JOIN LATERAL (
      -- funded: expiring (valid, ending within the window), or withdrawn / expired / invalid (no valid one)
      SELECT 'funded_consent_expiring' AS code, vr.id AS record_id,
             json_build_object('projectId', p.id, 'stage', p.stage, 'country', pc.country_iso3, 'recordId', vr.id,
                               'validUntil', vr.valid_until, 'daysLeft', vr.valid_until - $1::date) AS facts,
             CASE WHEN vr.valid_until = $1::date THEN 'The consent of ' || pc.country_iso3 || ' expires today (' || vr.valid_until || ').'
                  ELSE 'The consent of ' || pc.country_iso3 || ' expires on ' || vr.valid_until || ', in ' || (vr.valid_until - $1::date)
                       || ' day' || CASE WHEN vr.valid_until - $1::date = 1 THEN '' ELSE 's' END || '.' END AS message
      WHERE p.stage IN (${FUNDED}) AND vr.id IS NOT NULL AND vr.valid_until <= $1::date + ${WARN}
      UNION ALL
      SELECT x.code, x.record_id, x.facts, x.message FROM (
        SELECT w.id AS w_id, w.withdrawn_on, e.id AS e_id, e.valid_until
        FROM (SELECT 1) one
        LEFT JOIN LATERAL (SELECT r.id, r.withdrawn_on FROM consent_records r
          WHERE r.project_id = p.id AND r.country_iso3 = pc.country_iso3 AND ${withdrawn('r')}
          ORDER BY r.withdrawn_on DESC NULLS LAST, r.created_at, r.id LIMIT 1) w ON true
        LEFT JOIN LATERAL (SELECT r.id, r.valid_until FROM consent_records r
          WHERE r.project_id = p.id AND r.country_iso3 = pc.country_iso3
            AND (r.status = 'expired' OR (r.status = 'granted' AND r.valid_until < $1::date))
          ORDER BY r.valid_until DESC NULLS LAST, r.created_at, r.id LIMIT 1) e ON true
      ) f
      CROSS JOIN LATERAL (SELECT
        CASE WHEN f.w_id IS NOT NULL THEN 'funded_consent_withdrawn' WHEN f.e_id IS NOT NULL THEN 'funded_consent_expired'
             ELSE 'funded_consent_invalid' END AS code,
        coalesce(f.w_id, f.e_id) AS record_id,
        CASE WHEN f.w_id IS NOT NULL THEN json_build_object('projectId', p.id, 'stage', p.stage, 'country', pc.country_iso3,
                                                            'recordId', f.w_id, 'withdrawnOn', f.withdrawn_on)
             WHEN f.e_id IS NOT NULL THEN json_build_object('projectId', p.id, 'stage', p.stage, 'country', pc.country_iso3,
                                                            'recordId', f.e_id, 'validUntil', f.valid_until)
             ELSE json_build_object('projectId', p.id, 'stage', p.stage, 'country', pc.country_iso3) END AS facts,
        CASE WHEN f.w_id IS NOT NULL THEN pc.country_iso3 || ' withdrew its consent' || coalesce(' on ' || f.withdrawn_on, '')
                                          || ' to a project that is ' || p.stage || '.'
             WHEN f.e_id IS NOT NULL THEN 'The consent of ' || pc.country_iso3 || ' to a project that is ' || p.stage
                                          || ' has expired' || coalesce(' (valid until ' || f.valid_until || ')', '') || '.'
             ELSE 'No valid consent of ' || pc.country_iso3 || ' is on file for a project that is ' || p.stage || '.' END AS message
      ) x
      WHERE p.stage IN (${FUNDED}) AND vr.id IS NULL
      UNION ALL
      -- proposals: each request awaited longer than the window, unless a valid consent is on file
      SELECT 'consent_request_overdue', r.id,
             json_build_object('projectId', p.id, 'stage', p.stage, 'country', pc.country_iso3, 'recordId', r.id,
                               'requestedOn', r.requested_on, 'daysWaiting', $1::date - r.requested_on),
             'The consent of ' || pc.country_iso3 || ' was requested on ' || r.requested_on || ', '
               || ($1::date - r.requested_on) || ' days ago, and is still awaited.'
      FROM consent_records r
      WHERE p.stage IN (${PROPOSAL}) AND vr.id IS NULL AND r.project_id = p.id AND r.country_iso3 = pc.country_iso3
        AND r.status = 'requested' AND r.withdrawn_on IS NULL AND r.requested_on IS NOT NULL
        AND $1::date - r.requested_on > ${OVERDUE}
    ) a
    ORDER BY p.code, p.id, pc.country_iso3, a.code
    LIMIT 51
  ), numbered AS (SELECT alerts.*, row_number() OVER (ORDER BY project_code, project_id, country, code) AS n FROM alerts)
  SELECT json_build_object(
    'on', $1::date,
    'items', coalesce(json_agg(json_build_object(
        'code', code, 'projectId', project_id, 'projectCode', project_code, 'projectTitle', title, 'stage', stage,
        'country', country, 'countryName', country_name, 'recordId', record_id, 'facts', facts, 'message', message,
        'proposedDecision', CASE WHEN code IN (${list(domain.PARAGRAPH_6_LOST_ALERTS)}) THEN 'suspended' END)
        ORDER BY n) FILTER (WHERE n <= 50), '[]'),
    'nextCursor', CASE WHEN count(*) > 50 THEN ${cursorOf(
      'min(project_code) FILTER (WHERE n = 50)',
      'min(project_id::text) FILTER (WHERE n = 50)',
      'min(country::text) FILTER (WHERE n = 50)',
      'min(code) FILTER (WHERE n = 50)',
    )} END
  )::text AS body
  FROM numbered`;

export { today as TODAY_SQL };

/**
 * Everything GET /api/v1/donors/:id/tracing replays, as one JSON document: pledges, receipts,
 * committed projects with their window, dimensions and countries, and the money they returned
 * (released balances of completed and closed projects, refunds and their reversals). The API reads
 * the same rows (receipts.repository.ts) and traces in Node; this is the database's share of it.
 */
export const TRACING_INPUT_SQL = `
  SELECT json_build_object(
    'contributions', (SELECT coalesce(json_agg(json_build_object('id', id, 'donorId', donor_id, 'status', status)), '[]')
                      FROM contributions),
    'receipts', (SELECT coalesce(json_agg(json_build_object(
                   'id', r.id, 'contributionId', r.contribution_id, 'kind', r.kind, 'reverses', r.reverses_id,
                   'on', r.received_on, 'usdAmount', r.usd_amount::text, 'earmarkKind', r.earmark_kind,
                   'earmarkTarget', r.earmark_target)), '[]')
                 FROM contribution_receipts r),
    'projects', (SELECT coalesce(json_agg(json_build_object(
                   'id', p.id, 'approvedBudget', p.approved_budget::text, 'decidedOn', coalesce(d.approved_on, p.start_date),
                   'decidedAt', d.approved_at, 'window', p."window", 'dimensions', p.dimensions,
                   'countries', p.country_codes)), '[]')
                 FROM projects p
                 LEFT JOIN (SELECT project_id, max(decided_on) AS approved_on, max(occurred_at) AS approved_at
                            FROM project_transitions WHERE to_stage = 'approved' GROUP BY project_id) d ON d.project_id = p.id
                 WHERE p.deleted_at IS NULL AND p.approved_budget IS NOT NULL
                   AND p.stage IN ('approved', 'active', 'suspended', 'completed', 'closed')),
    'returns', (SELECT coalesce(json_agg(json_build_object(
                  'projectId', e.project_id, 'on', e.transferred_on, 'at', e.created_at,
                  'amount', CASE WHEN e.kind = 'refund' THEN e.amount_usd ELSE -e.amount_usd END)), '[]')
                FROM transfers e LEFT JOIN transfers r ON r.id = e.reverses_id
                WHERE e.kind = 'refund' OR (e.kind = 'reversal' AND r.kind = 'refund')),
    'released', (SELECT coalesce(json_agg(json_build_object('projectId', p.id,
                   'amount', greatest(p.approved_budget - coalesce(s.transferred, 0), 0))), '[]')
                 FROM projects p
                 LEFT JOIN (SELECT e.project_id,
                                   sum(CASE WHEN e.kind = 'transfer' THEN e.amount_usd ELSE -e.amount_usd END) AS transferred
                            FROM transfers e LEFT JOIN transfers r ON r.id = e.reverses_id
                            WHERE e.kind = 'transfer' OR (e.kind = 'reversal' AND r.kind = 'transfer')
                            GROUP BY e.project_id) s ON s.project_id = p.id
                 WHERE p.deleted_at IS NULL AND p.approved_budget IS NOT NULL AND p.stage IN ('completed', 'closed'))
  )::text AS input`;
