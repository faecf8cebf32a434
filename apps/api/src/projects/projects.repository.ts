import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { preparedQuery } from '../database/prepared-query';
import { ReadReplicas } from '../database/read-replicas';
import { streamRows } from '../common/export/query-stream';
import { todayUtc } from '../compliance';
import {
  EXACT_COUNT_LIMIT,
  projectCountQueries,
  projectExportQuery,
  ProjectExportRow,
  projectListQuery,
} from './project-list.query';
import type { ProjectDto, ProjectQuery } from './projects.dto';

/**
 * A project as the API answers it, built by PostgreSQL: money as numeric(18,2) text ("0.00"),
 * timestamps as toISOString() writes them. Node passes the object on without mapping it.
 */
const detailSql = (key: 'id' | 'code', as: 'json' | 'text') => `
  SELECT json_build_object(
    'id', p.id, 'code', p.code, 'title', p.title, 'summary', p.summary,
    'titleTranslations', p.title_translations, 'summaryTranslations', p.summary_translations, 'window', p."window", 'stage', p.stage,
    'leadOrganizationId', p.lead_organization_id,
    'organizations', coalesce((SELECT json_agg(json_build_object(
        'organizationId', o.id, 'name', o.name, 'acronym', o.acronym, 'kind', o.kind,
        'budgetShare', po.budget_share::text, 'lead', o.id = p.lead_organization_id)
        ORDER BY o.id = p.lead_organization_id DESC, o.name)
      FROM project_organizations po JOIN organizations o ON o.id = po.organization_id
      WHERE po.project_id = p.id), '[]'),
    'recipientCountries', coalesce((SELECT json_agg(json_build_object(
        'iso3', c.iso3, 'iso2', c.iso2, 'name', c.name, 'region', c.region) ORDER BY c.name)
      FROM countries c
      -- By key: as a join, PostgreSQL scans all 249 countries once per project (4 ms for 50 projects).
      WHERE c.iso3 = ANY(ARRAY(SELECT pc.country_iso3 FROM project_countries pc WHERE pc.project_id = p.id))), '[]'),
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
    'version', p.version,
    'createdAt', to_char(p.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
    'updatedAt', to_char(p.updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
  )::${as} AS project
  FROM projects p WHERE p.${key} = $1 AND p.deleted_at IS NULL`;
const DETAIL_SQL = detailSql('id', 'json');
const DETAIL_BY_CODE_SQL = detailSql('code', 'json');
/** As text, for the route that sends it as it is (detailText). */
const DETAIL_TEXT_SQL = detailSql('id', 'text');
const DETAIL_TEXT_BY_CODE_SQL = detailSql('code', 'text');

/** The project `p` is assigned to the reviewer $2, who did not declare a conflict with it. */
export const ASSIGNED_REVIEWER = `AND EXISTS (SELECT 1 FROM reviews r WHERE r.project_id = p.id AND r.reviewer_id = $2
                                       AND r.status <> 'declined_conflict')`;

/**
 * Whether the project is live (and, with a `reviewerId`, assigned to that reviewer), for the routes
 * nested under it; held FOR SHARE when `forWrite`, so it cannot be deleted until the caller commits.
 */
export async function projectInScope(
  manager: EntityManager,
  projectId: string,
  forWrite: boolean,
  reviewerId: string | null,
): Promise<boolean> {
  const rows = await preparedQuery(
    manager,
    `SELECT p.id FROM projects p WHERE p.id = $1 AND p.deleted_at IS NULL
       ${reviewerId ? ASSIGNED_REVIEWER : ''} ${forWrite ? 'FOR SHARE' : ''}`,
    reviewerId ? [projectId, reviewerId] : [projectId],
  );
  return rows.length > 0;
}

/**
 * Every statement of the projects feature, and nothing else: what to check and what to refuse is
 * decided by ProjectsService. Each method takes the manager of the caller's transaction (or reads
 * outside one) and runs its statement through preparedQuery, the one query style of the API's
 * repositories.
 */
@Injectable()
export class ProjectsRepository {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly reads: ReadReplicas,
  ) {}

  /** A page of the list: each item as JSON text, with its sort key for the cursor. */
  listPage(query: ProjectQuery): Promise<{ item: string; id: string; sort_key: string }[]> {
    const { text, values } = projectListQuery(query, todayUtc());
    return this.reads.query(text, values);
  }

  /** How many projects the list's filters hold: exact up to EXACT_COUNT_LIMIT, else estimated. */
  async count(query: ProjectQuery): Promise<{ count: number; exact: boolean }> {
    const { exact, estimate } = projectCountQueries(query, todayUtc());
    const [counted] = await this.reads.query<{ count: number; judged?: number }>(exact.text, exact.values);
    const { count, judged } = counted!;
    if ((judged ?? count) <= EXACT_COUNT_LIMIT) return { count, exact: true };
    const [explained] = await this.dataSource.query<{ 'QUERY PLAN': [{ Plan: { 'Plan Rows': number } }] }[]>(
      estimate.text,
      estimate.values,
    );
    // Never fewer than were just counted: the estimate may be stale, the count is not.
    const planned = Math.round(explained!['QUERY PLAN'][0].Plan['Plan Rows']);
    if (judged !== undefined) {
      // A paragraph 6 filter: the share that matched among the projects judged, of all the others hold.
      return { count: Math.max(Math.round((planned * count) / judged), count), exact: false };
    }
    return { count: Math.max(planned, EXACT_COUNT_LIMIT + 1), exact: false };
  }

  /** Every project matching the list's filters, read through a cursor for an export. */
  exportRows(query: ProjectQuery): AsyncGenerator<ProjectExportRow> {
    const { text, values } = projectExportQuery(query, todayUtc());
    return streamRows<ProjectExportRow>(this.reads.poolForRead(), text, values);
  }

  /** The project as the API answers it; undefined when it does not exist or was deleted. */
  async detail(
    id: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<ProjectDto | undefined> {
    const [row] = await preparedQuery<{ project: ProjectDto }>(manager, DETAIL_SQL, [id]);
    return row?.project;
  }

  /** The project whose code (HS-2026-0004) is given, as detail() answers it. */
  async detailByCode(
    code: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<ProjectDto | undefined> {
    const [row] = await preparedQuery<{ project: ProjectDto }>(manager, DETAIL_BY_CODE_SQL, [code]);
    return row?.project;
  }

  /**
   * The project's JSON as PostgreSQL wrote it, for the route that answers it as it is: neither
   * parsed nor serialized again in Node (a tenth of a project's CPU per request, with the parse).
   */
  async detailText(key: { id: string } | { code: string }): Promise<string | undefined> {
    const [row] =
      'id' in key
        ? await preparedQuery<{ project: string }>(this.dataSource, DETAIL_TEXT_SQL, [key.id])
        : await preparedQuery<{ project: string }>(this.dataSource, DETAIL_TEXT_BY_CODE_SQL, [key.code]);
    return row?.project;
  }

  async codeTaken(manager: EntityManager, code: string): Promise<boolean> {
    const rows = await preparedQuery(manager, `SELECT 1 FROM projects WHERE code = $1`, [code]);
    return rows.length > 0;
  }

  /** The next free number of a year's codes, serialised per year by an advisory lock. */
  async nextCodeNumber(manager: EntityManager, year: string): Promise<number> {
    await preparedQuery(manager, `SELECT pg_advisory_xact_lock(hashtext('project-code-' || $1))`, [year]);
    const [row] = await preparedQuery<{ next: number }>(
      manager,
      `SELECT coalesce(max(substring(code FROM 9)::int), 0) + 1 AS next FROM projects WHERE code LIKE $1`,
      [`HS-${year}-%`],
    );
    return row!.next;
  }

  /** Inserts the columns given (column name → value) and returns the new id. */
  async insert(manager: EntityManager, columns: Record<string, unknown>): Promise<string> {
    const names = Object.keys(columns);
    const [row] = await preparedQuery<{ id: string }>(
      manager,
      `INSERT INTO projects (${names.map((n) => `"${n}"`).join(', ')})
       VALUES (${names.map((_, i) => `$${i + 1}`).join(', ')}) RETURNING id`,
      names.map((n) => columns[n]),
    );
    return row!.id;
  }

  /** Which of these organizations and countries exist. */
  async existing(
    manager: EntityManager,
    organizationIds: string[],
    countries: string[],
  ): Promise<{ organizations: string[]; countries: string[] }> {
    const [found] = await preparedQuery<{ organizations: string[]; countries: string[] }>(
      manager,
      `SELECT ARRAY(SELECT id::text FROM organizations WHERE id = ANY($1::uuid[])) AS organizations,
              ARRAY(SELECT iso3::text FROM countries WHERE iso3 = ANY($2::text[])) AS countries`,
      [organizationIds, countries],
    );
    return found!;
  }

  /** Of these recipient countries, those that still have a consent record or an alignment. */
  async countriesInUse(manager: EntityManager, id: string, countries: string[]): Promise<string[]> {
    const [used] = await preparedQuery<{ countries: string[] }>(
      manager,
      `SELECT ARRAY(SELECT DISTINCT country_iso3::text FROM (
          SELECT country_iso3 FROM consent_records WHERE project_id = $1 AND country_iso3 = ANY($2::text[])
          UNION SELECT country_iso3 FROM alignments WHERE project_id = $1 AND country_iso3 = ANY($2::text[])) x) AS countries`,
      [id, countries],
    );
    return used!.countries;
  }

  async removeCountries(manager: EntityManager, id: string, countries: string[]): Promise<void> {
    await preparedQuery(
      manager,
      `DELETE FROM project_countries WHERE project_id = $1 AND country_iso3 = ANY($2::text[])`,
      [id, countries],
    );
  }

  async addCountries(manager: EntityManager, id: string, countries: string[]): Promise<void> {
    await preparedQuery(
      manager,
      `INSERT INTO project_countries (project_id, country_iso3) SELECT $1, unnest($2::text[])`,
      [id, countries],
    );
  }

  /** Whether any of these organizations received a transfer for the project. */
  async receivedTransfers(manager: EntityManager, id: string, organizationIds: string[]): Promise<boolean> {
    const rows = await preparedQuery(
      manager,
      `SELECT 1 FROM transfers WHERE project_id = $1 AND organization_id = ANY($2::uuid[]) LIMIT 1`,
      [id, organizationIds],
    );
    return rows.length > 0;
  }

  async removeOrganizations(manager: EntityManager, id: string, organizationIds: string[]): Promise<void> {
    await preparedQuery(
      manager,
      `DELETE FROM project_organizations WHERE project_id = $1 AND organization_id = ANY($2::uuid[])`,
      [id, organizationIds],
    );
  }

  /** Adds the participants, or sets the budget share of those already taking part. */
  async putOrganizations(
    manager: EntityManager,
    id: string,
    organizations: { organizationId: string; budgetShare: string }[],
  ): Promise<void> {
    await preparedQuery(
      manager,
      `INSERT INTO project_organizations (project_id, organization_id, budget_share)
       SELECT $1, o.organization_id, o.budget_share
       FROM jsonb_to_recordset($2::jsonb) AS o(organization_id uuid, budget_share numeric)
       ON CONFLICT (project_id, organization_id) DO UPDATE SET budget_share = excluded.budget_share`,
      [
        id,
        JSON.stringify(
          organizations.map((o) => ({ organization_id: o.organizationId, budget_share: o.budgetShare })),
        ),
      ],
    );
  }
}
