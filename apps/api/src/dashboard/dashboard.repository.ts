import { Injectable } from '@nestjs/common';
import {
  commitmentYearSql,
  DONOR_YEARS_SQL,
  ledgerFiguresJson,
  ledgerMovementsSql,
  SUMMARY_LEDGER_MOVEMENTS,
} from '../fund';
import { ReadReplicas } from '../database/read-replicas';

/**
 * The overview computed from every row, in one statement: the definition the summary the writes
 * keep must equal (test/dashboard/summary-parity.e2e-spec.ts). Each figure set is a CTE, PostgreSQL builds the JSON, sums stay
 * numeric (money leaves as text). The ledger figures and the year a commitment falls in come from the
 * fund's ledger SQL (the definitions of libs/domain), so the overview and the ledger agree.
 */
// Money leaves as text with two decimals ("0.00", never "0"): round(…, 2), which, unlike a
// numeric(18,2) cast, cannot overflow on a large sum.
export const LIVE_OVERVIEW_SQL = `
  WITH live AS (
    SELECT id, stage, requested_budget, approved_budget, start_date, country_codes, region_codes, dimensions,
           stage = ANY($1::text[]) AS committed
    FROM projects WHERE deleted_at IS NULL
  ), ledger AS (${ledgerMovementsSql(false)}
  ), pipeline AS (
    SELECT stage, count(*)::int AS projects, sum(requested_budget) AS requested,
           coalesce(sum(approved_budget), 0) AS approved
    FROM live GROUP BY stage
  ), by_country AS (
    SELECT code AS iso3, count(*)::int AS projects,
           coalesce(sum(approved_budget / cardinality(country_codes)) FILTER (WHERE committed), 0) AS approved
    FROM live, unnest(country_codes) AS code GROUP BY code
  ), donor_years AS (${DONOR_YEARS_SQL}
  ), approvals AS (
    SELECT ${commitmentYearSql('l')} AS year, count(*)::int AS projects, sum(l.approved_budget) AS approved
    FROM live l WHERE l.committed GROUP BY 1
  ), by_region AS (
    SELECT code AS region_code, count(*)::int AS projects, coalesce(sum(approved_budget), 0) AS approved
    FROM live, unnest(region_codes) AS code WHERE committed GROUP BY code
  ), by_dimension AS (
    SELECT dimension, count(*)::int AS projects, coalesce(sum(approved_budget), 0) AS approved
    FROM live, unnest(dimensions) AS dimension WHERE committed GROUP BY dimension
  )
  SELECT json_build_object(
    'ledger', ${ledgerFiguresJson('ledger')},
    'pipeline', coalesce((SELECT json_agg(json_build_object('stage', stage, 'projects', projects,
                 'requested', round(requested, 2)::text, 'approved', round(approved, 2)::text) ORDER BY stage) FROM pipeline), '[]'),
    'countries', coalesce((SELECT json_agg(json_build_object('iso3', b.iso3, 'numeric', c.numeric, 'name', c.name,
                 'projects', b.projects, 'approved', round(b.approved, 2)::text, 'sids', c.sids) ORDER BY b.iso3)
                 FROM by_country b JOIN countries c ON c.iso3 = b.iso3), '[]'),
    'contributionsByYear', coalesce((SELECT json_agg(json_build_object('year', y.year, 'donorId', y.donor_id,
                 'donor', d.name, 'donorCountryIso3', d.country_iso3, 'received', round(y.received, 2)::text, 'pledged', round(y.pledged, 2)::text,
                 'outstanding', round(y.outstanding, 2)::text) ORDER BY y.year, d.name, y.donor_id)
                 FROM donor_years y JOIN donors d ON d.id = y.donor_id WHERE y.year IS NOT NULL), '[]'),
    'approvalsByYear', coalesce((SELECT json_agg(json_build_object('year', year, 'projects', projects,
                 'approved', round(approved, 2)::text) ORDER BY year) FROM approvals WHERE year IS NOT NULL), '[]'),
    'byRegion', coalesce((SELECT json_agg(json_build_object('key', r.region, 'projects', b.projects,
                 'approved', round(b.approved, 2)::text) ORDER BY r.region)
                 FROM by_region b JOIN (SELECT DISTINCT region_code, region FROM countries) r
                 ON r.region_code = b.region_code), '[]'),
    'byDimension', coalesce((SELECT json_agg(json_build_object('key', dimension, 'projects', projects,
                 'approved', round(approved, 2)::text) ORDER BY dimension) FROM by_dimension), '[]'),
    'generatedAt', to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
  )::text AS overview`;

/**
 * The overview from the summary the write transactions keep (migration 1763900001200's
 * dashboard_summary): a few hundred rows at any portfolio size, current with the last commit. The
 * same JSON as LIVE_OVERVIEW_SQL; the names of countries, regions and donors are joined as they are now.
 */
export const OVERVIEW_SQL = `
  WITH s AS (SELECT figure, key, n::int AS n, a, b, c FROM dashboard_summary WHERE n > 0 AND figure <> 'ledger'),
  ledger AS (${SUMMARY_LEDGER_MOVEMENTS}),
  donor_years AS (
    SELECT split_part(key, ' ', 1)::uuid AS donor_id, nullif(split_part(key, ' ', 2), '')::int AS year,
           a AS pledged, b AS received, c AS outstanding
    FROM s WHERE figure = 'donor_year'
  )
  SELECT json_build_object(
    'ledger', ${ledgerFiguresJson('ledger')},
    'pipeline', coalesce((SELECT json_agg(json_build_object('stage', key, 'projects', n,
                 'requested', round(a, 2)::text, 'approved', round(b, 2)::text) ORDER BY key)
                 FROM s WHERE figure = 'pipeline'), '[]'),
    'countries', coalesce((SELECT json_agg(json_build_object('iso3', s.key, 'numeric', c.numeric, 'name', c.name,
                 'projects', s.n, 'approved', round(s.a, 2)::text, 'sids', c.sids) ORDER BY s.key)
                 FROM s JOIN countries c ON c.iso3 = s.key WHERE s.figure = 'country'), '[]'),
    'contributionsByYear', coalesce((SELECT json_agg(json_build_object('year', y.year, 'donorId', y.donor_id,
                 'donor', d.name, 'donorCountryIso3', d.country_iso3, 'received', round(y.received, 2)::text, 'pledged', round(y.pledged, 2)::text,
                 'outstanding', round(y.outstanding, 2)::text) ORDER BY y.year, d.name, y.donor_id)
                 FROM donor_years y JOIN donors d ON d.id = y.donor_id WHERE y.year IS NOT NULL), '[]'),
    'approvalsByYear', coalesce((SELECT json_agg(json_build_object('year', key::int, 'projects', n,
                 'approved', round(a, 2)::text) ORDER BY key::int) FROM s WHERE figure = 'approvals' AND key <> ''), '[]'),
    'byRegion', coalesce((SELECT json_agg(json_build_object('key', r.region, 'projects', s.n,
                 'approved', round(s.a, 2)::text) ORDER BY r.region)
                 FROM s JOIN (SELECT DISTINCT region_code, region FROM countries) r
                 ON r.region_code = s.key WHERE s.figure = 'region'), '[]'),
    'byDimension', coalesce((SELECT json_agg(json_build_object('key', key, 'projects', n,
                 'approved', round(a, 2)::text) ORDER BY key) FROM s WHERE figure = 'dimension'), '[]'),
    'generatedAt', to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
  )::text AS overview`;

/** The SQL of the overview; DashboardService keeps it fresh. */
@Injectable()
export class DashboardRepository {
  constructor(private readonly reads: ReadReplicas) {}

  /**
   * The overview (a DashboardOverviewDto) as the JSON text PostgreSQL wrote, from a replica when one
   * has replayed every change this process knows of (so a refresh after a change reads it).
   */
  async overview(): Promise<string> {
    const [row] = await this.reads.query<{ overview: string }>(OVERVIEW_SQL, []);
    return row!.overview;
  }
}
