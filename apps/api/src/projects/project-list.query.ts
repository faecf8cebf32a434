import { PROPOSAL_STAGES } from '@hstf/domain';
import { decodeCursor, limitOf } from '../common/pagination/pagination';
import { paragraph6DateSql, projectStatusSql } from '../compliance';
import type { ProjectQuery } from './projects.dto';
import type { ProjectSort } from './project-vocabulary';

/** Each sort: the SQL expression (matching an index of the migration) and its type for the cursor. */
const SORTS: Record<ProjectSort, { expression: string; cast: string }> = {
  code: { expression: 'p.code', cast: 'text' },
  title: { expression: 'p.title', cast: 'text' },
  startDate: { expression: `coalesce(p.start_date, date '9999-12-31')`, cast: 'date' },
  approvedBudget: { expression: 'coalesce(p.approved_budget, -1)', cast: 'numeric' },
  updatedAt: { expression: 'p.updated_at', cast: 'timestamptz' },
};

export interface SqlQuery {
  text: string;
  values: unknown[];
}

/**
 * The project list as one SQL statement: filters combine with AND, each served by an index;
 * keyset paging on (sort key, id), so a deep page costs what the first does. The sort key is
 * returned as text so the cursor keeps full precision (timestamps carry microseconds).
 */
export function projectListQuery(query: ProjectQuery, today: string): SqlQuery {
  const values: unknown[] = [];
  const param = (value: unknown) => `$${values.push(value)}`;
  const where = projectFilters(query, param);
  // The paragraph 6 filter reads each candidate's status; without it the page is chosen first.
  const filterJoin = statusJoinIfFiltered(query, param, today);

  const { sort, descending, direction } = orderOf(query);
  const cursor = decodeCursor(query.cursor, 2);
  if (cursor) {
    where.push(
      `(${sort.expression}, p.id) ${descending ? '<' : '>'} (${param(cursor[0])}::${sort.cast}, ${param(cursor[1])}::uuid)`,
    );
  }
  const limit = limitOf(query);
  const order = `${sort.expression} ${direction}, p.id ${direction}`;
  const judged = query.include === 'paragraph6';

  // PostgreSQL writes each item's JSON (money as numeric(18,2) text: "0.00") as text, which Node
  // neither parses nor maps (ProjectsService.listJson); the sort key comes beside it for the cursor.
  const columns = `
      SELECT json_build_object(
               'id', p.id, 'code', p.code, 'title', p.title, 'titleTranslations', p.title_translations, 'window', p."window", 'stage', p.stage,
               'countries', p.country_codes,
               'leadOrganization', (SELECT coalesce(o.acronym, o.name) FROM organizations o
                                    WHERE o.id = p.lead_organization_id),
               'requestedBudget', p.requested_budget::text, 'approvedBudget', p.approved_budget::text,
               'startDate', p.start_date, 'endDate', p.end_date, 'dimensions', p.dimensions,
               'paragraph6', ${judged ? 'st.status' : 'NULL'}, 'version', p.version,
               'updatedAt', to_char(p.updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
             )::text AS item,
             p.id, (${sort.expression})::text AS sort_key`;
  const conditions = where.join('\n        AND ');

  // Nothing to judge: one flat statement, as a hand-written one would be, which PostgreSQL serves
  // from the sort's index with no subquery to carry every column of the page's rows.
  if (!judged && !filterJoin) {
    return {
      text: `${columns}
      FROM projects p
      WHERE ${conditions}
      ORDER BY ${order}
      LIMIT ${param(limit + 1)}`,
      values,
    };
  }

  // The page's rows are chosen first and judged on paragraph 6 after (only when asked: about 0.3 ms a
  // row under load), so however many projects the other filters hold, only the page's rows are judged.
  return {
    text: `${columns}
      FROM (SELECT p.* FROM projects p
            ${filterJoin}
            WHERE ${conditions}
            ORDER BY ${order}
            LIMIT ${param(limit + 1)}) p
      ${judged ? paragraph6Join(param(today)) : ''}
      ORDER BY ${order}`,
    values,
  };
}

/** Up to this many projects a count is exact; beyond, the planner's estimate answers at once. */
export const EXACT_COUNT_LIMIT = 10_000;

/**
 * How many projects the list's filters hold: `exact` counts at most EXACT_COUNT_LIMIT + 1 of them
 * (a few milliseconds on the indexes the pages use), `estimate` asks the planner for its row
 * estimate, which costs no scan however many match.
 *
 * With a paragraph 6 filter, each project must be judged (about 0.1 ms each), and a rare status
 * would mean judging the whole portfolio: `exact` then judges at most EXACT_COUNT_LIMIT + 1 of the
 * projects the other filters hold, and says how many it judged (`judged`); beyond that the count is
 * the planner's estimate of the other filters scaled by the share of the judged ones that matched.
 */
export function projectCountQueries(
  query: ProjectQuery,
  today: string,
): { exact: SqlQuery; estimate: SqlQuery } {
  const values: unknown[] = [];
  const param = (value: unknown) => `$${values.push(value)}`;
  if (!query.compliance?.length) {
    const matching = `SELECT 1 FROM projects p WHERE ${projectFilters(query, param).join(' AND ')}`;
    return {
      exact: {
        text: `SELECT count(*)::int AS count FROM (${matching} LIMIT ${EXACT_COUNT_LIMIT + 1}) capped`,
        values,
      },
      estimate: { text: `EXPLAIN (FORMAT JSON) ${matching}`, values },
    };
  }
  const others = `FROM projects p WHERE ${projectFilters({ ...query, compliance: undefined }, param).join(' AND ')}`;
  const estimate = { text: `EXPLAIN (FORMAT JSON) SELECT 1 ${others}`, values: [...values] };
  const statuses = param(query.compliance);
  return {
    exact: {
      text: `SELECT (count(*) FILTER (WHERE st.status = ANY(${statuses}::text[])))::int AS count, count(*)::int AS judged
             FROM (SELECT p.id, p.stage, p.start_date ${others} LIMIT ${EXACT_COUNT_LIMIT + 1}) p
             ${paragraph6Join(param(today))}`,
      values,
    },
    estimate,
  };
}

/** The filters of the list, shared by its pages and its export, each value as a parameter. */
function projectFilters(query: ProjectQuery, param: (value: unknown) => string): string[] {
  const where = ['p.deleted_at IS NULL'];
  // One stage as `=`, so the (stage, code, id) index serves both the filter and the order.
  if (query.stage?.length === 1) where.push(`p.stage = ${param(query.stage[0])}`);
  else if (query.stage?.length) where.push(`p.stage = ANY(${param(query.stage)}::text[])`);
  if (query.window) where.push(`p."window" = ${param(query.window)}`);
  if (query.country?.length) where.push(`p.country_codes && ${param(query.country)}::text[]`);
  if (query.region) {
    const region = param(query.region);
    where.push(`p.region_codes && ARRAY(SELECT DISTINCT region_code::text FROM countries
                                        WHERE region_code = ${region} OR lower(region) = lower(${region}))`);
  }
  if (query.organization) where.push(`p.organization_ids @> ARRAY[${param(query.organization)}::uuid]`);
  if (query.dimension) where.push(`p.dimensions @> ARRAY[${param(query.dimension)}]::text[]`);
  if (query.group) where.push(`p.vulnerable_groups @> ARRAY[${param(query.group)}]::text[]`);
  if (query.sdg) where.push(`p.sdgs @> ARRAY[${param(query.sdg)}]::smallint[]`);
  if (query.fromYear) where.push(`p.start_year >= ${param(query.fromYear)}`);
  if (query.toYear) where.push(`p.start_year <= ${param(query.toYear)}`);
  // Reads st, the status paragraph6Join computes: every query with this filter joins it.
  if (query.compliance?.length) {
    where.push(`st.status = ANY(${param(query.compliance)}::text[])`);
    // Only a proposal is not yet requested: without that filter, finding none means judging them all.
    if (query.compliance.every((status) => status === 'not_requested')) {
      where.push(`p.stage = ANY(${param(PROPOSAL_STAGES)}::text[])`);
    }
  }
  if (query.q) {
    const q = param(query.q);
    // English stemming for words, the simple configuration for codes like HS-2015-0042.
    // Chinese and Japanese write no spaces between words, so a whole title is one search word:
    // a query in those scripts also matches inside the translated titles.
    const unspaced = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u.test(query.q)
      ? ` OR strpos(p.title_translations::text, ${q}) > 0`
      : '';
    where.push(
      `(p.search @@ websearch_to_tsquery('english', ${q}) OR p.search @@ websearch_to_tsquery('simple', ${q})${unspaced})`,
    );
  }
  return where;
}

/**
 * Each project's paragraph 6 status as the detail answers it without a date: on the date its stage
 * is judged on (paragraph6DateSql), by the SQL that the parity test holds equal to the domain. As
 * lateral joins, so PostgreSQL judges only the rows it reads: a page, or until a filtered page fills.
 */
function paragraph6Join(today: string): string {
  return `CROSS JOIN LATERAL ${paragraph6DateSql('p', `${today}::date`)} d
      CROSS JOIN LATERAL (SELECT ${projectStatusSql('p', 'd.on')} AS status) st`;
}

/** The count and the export judge projects only when the paragraph 6 filter asks them to. */
function statusJoinIfFiltered(query: ProjectQuery, param: (value: unknown) => string, today: string): string {
  return query.compliance?.length ? paragraph6Join(param(today)) : '';
}

function orderOf(query: ProjectQuery) {
  const descending = query.sort?.startsWith('-') ?? false;
  const sort = SORTS[(query.sort?.replace(/^-/, '') ?? 'code') as ProjectSort];
  return { sort, descending, direction: descending ? 'DESC' : 'ASC' };
}

/** One row of the export: every value as PostgreSQL writes it as text, read by the export's columns. */
export interface ProjectExportRow {
  code: string;
  title: string;
  window: string;
  stage: string;
  countries: string[];
  lead_organization: string | null;
  requested_budget: string;
  approved_budget: string | null;
  start_date: string | null;
  end_date: string | null;
  dimensions: string[];
  version: number;
  updated_at: string;
}

/**
 * The whole list for an export: the same filters and order as the pages, without a limit or a
 * cursor, since an export holds every page. Read through a cursor (streamRows), never at once.
 */
export function projectExportQuery(query: ProjectQuery, today: string): SqlQuery {
  const values: unknown[] = [];
  const param = (value: unknown) => `$${values.push(value)}`;
  const where = projectFilters(query, param);
  const paragraph6 = statusJoinIfFiltered(query, param, today);
  const { sort, direction } = orderOf(query);
  return {
    text: `
      SELECT p.code, p.title, p."window" AS window, p.stage, p.country_codes AS countries,
             (SELECT coalesce(o.acronym, o.name) FROM organizations o
              WHERE o.id = p.lead_organization_id) AS lead_organization,
             p.requested_budget::text AS requested_budget, p.approved_budget::text AS approved_budget,
             p.start_date::text AS start_date, p.end_date::text AS end_date, p.dimensions, p.version,
             to_char(p.updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS updated_at
      FROM projects p
      ${paragraph6}
      WHERE ${where.join('\n        AND ')}
      ORDER BY ${sort.expression} ${direction}, p.id ${direction}`,
    values,
  };
}
