import type { ComplianceStatus } from '@hstf/domain';
import { decodeCursor, limitOf } from '../common/pagination/pagination';
import type { ComplianceListQuery } from './compliance.dto';
import type { ComplianceBasis } from './compliance.dto';
import {
  countryStatusesSql,
  paragraph6DateSql,
  projectStatusSql,
  statusCandidateSql,
} from './paragraph-6.sql';

export interface SqlQuery {
  text: string;
  values: unknown[];
}

/**
 * Projects by paragraph 6 status on a date, as one SQL statement, keyset-paged on (code, id).
 *
 * Without a shortcut (no status, or non_compliant: most of a portfolio once its consents have run
 * out), the projects are walked in code order on ix_projects_sort_code and judged one by one until
 * the page is full. For compliant and pending, the candidates come from an index on consent_records
 * first (statusCandidateSql), are ordered in a subquery that the planner keeps (its ORDER BY stops
 * it being flattened), and only then judged, one by one, until the page is full.
 */
export function complianceListQuery(query: ComplianceListQuery, on: string, byStage: boolean): SqlQuery {
  const values: unknown[] = [on];
  const param = (value: unknown) => `$${values.push(value)}`;
  // By stage, each project on its own date (paragraph6Date), computed once per project in d.
  const date = byStage ? 'd.on' : '$1::date';
  const where = ['p.deleted_at IS NULL'];
  const cursor = decodeCursor(query.cursor, 2);
  if (cursor) where.push(`(p.code, p.id) > (${param(cursor[0])}, ${param(cursor[1])}::uuid)`);
  // The shortcuts read one date for all: by stage, only the one that reads no date is kept.
  const candidate =
    query.status && (!byStage || query.status === 'not_requested')
      ? statusCandidateSql(query.status, 'p', '$1::date')
      : null;
  const statusCondition = query.status ? [`st.status = ${param(query.status)}`] : [];
  const limit = param(limitOf(query) + 1);

  const projects = candidate
    ? `(SELECT p.id, p.code, p.title, p.stage, p.start_date FROM projects p
        WHERE ${[...where, candidate].join(' AND ')} ORDER BY p.code, p.id) p`
    : 'projects p';
  const outerWhere = candidate ? statusCondition : [...where, ...statusCondition];

  return {
    text: `
      SELECT p.id, p.code, p.title, p.stage, d.on::text AS on, d.basis, st.status,
             (SELECT json_agg(json_build_object('country', k.country_iso3, 'status', k.status) ORDER BY k.country_iso3)
              FROM ${countryStatusesSql('p', date)} k) AS countries
      FROM ${projects}
      CROSS JOIN LATERAL ${byStage ? paragraph6DateSql('p', '$1::date') : `(SELECT $1::date AS on, 'asked' AS basis)`} d
      CROSS JOIN LATERAL (SELECT ${projectStatusSql('p', date)} AS status) st
      WHERE ${outerWhere.join(' AND ')}
      ORDER BY p.code, p.id
      LIMIT ${limit}`,
    values,
  };
}

export interface ComplianceListRow {
  id: string;
  code: string;
  title: string;
  stage: string;
  on: string;
  basis: ComplianceBasis;
  status: ComplianceStatus;
  countries: { country: string; status: ComplianceStatus }[] | null;
}
