import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { describeProjectProblem, projectProblems } from '@hstf/domain';
import { AuditService } from '../audit';
import { lockForUpdate, updateVersioned } from '../common/concurrency/versioned-update';
import { limitOf, toPage } from '../common/pagination/pagination';
import { FieldError, Problem } from '../common/problem-details/problem';
import { RequestContext } from '../common/request-context/request-context';
import { preparedQuery } from '../database/prepared-query';
import { FundService } from '../fund';
import { projectListQuery } from './project-list.query';
import { COMMITTED_STAGES, Stage } from './project-vocabulary';
import { CreateProjectRequest, ProjectDto, ProjectQuery, UpdateProjectRequest } from './projects.dto';

const ENTITY = 'project';
/** Stages in which a project may still be deleted: nothing was committed from the Fund. */
const DELETABLE: readonly Stage[] = [
  'concept_note',
  'full_proposal',
  'revision_requested',
  'rejected',
  'withdrawn',
];

/**
 * A project as the API answers it, built by PostgreSQL: money as numeric(18,2) text ("0.00"),
 * timestamps as toISOString() writes them. Node passes the object on without mapping it.
 */
const DETAIL_SQL = `
  SELECT json_build_object(
    'id', p.id, 'code', p.code, 'title', p.title, 'summary', p.summary, 'window', p."window", 'stage', p.stage,
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
  ) AS project
  FROM projects p WHERE p.id = $1 AND p.deleted_at IS NULL`;

/** Request fields → columns; absent fields are left as they are. */
function columnsOf(request: CreateProjectRequest | UpdateProjectRequest): Record<string, unknown> {
  const set: Record<string, unknown> = {};
  const put = (column: string, value: unknown) => {
    if (value !== undefined) set[column] = value;
  };
  put('title', request.title);
  put('summary', request.summary);
  put('window', request.window);
  put('lead_organization_id', request.leadOrganizationId);
  put('requested_budget', request.requestedBudget);
  put('approved_budget', request.approvedBudget);
  put('co_funding', request.coFunding);
  put('start_date', request.startDate);
  put('end_date', request.endDate);
  put('dimensions', request.dimensions);
  put('target_beneficiaries', request.targetBeneficiaries);
  put('vulnerable_groups', request.vulnerableGroups);
  put('sdgs', request.sdgs);
  put('narrative_people_centred', request.narratives?.peopleCentred);
  put('narrative_comprehensive', request.narratives?.comprehensive);
  put('narrative_context_specific', request.narratives?.contextSpecific);
  put('narrative_prevention_oriented', request.narratives?.preventionOriented);
  put('narrative_protection_empowerment', request.narratives?.protectionEmpowerment);
  put('protection_measures', request.protectionMeasures);
  put('empowerment_measures', request.empowermentMeasures);
  put('declares_no_coercion', request.declarations?.noCoercion);
  put('declares_distinct_from_r2p', request.declarations?.distinctFromR2p);
  return set;
}

@Injectable()
export class ProjectsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly fund: FundService,
  ) {}

  /**
   * A page of the list as JSON text ({ items, nextCursor }, as ProjectPage): the items come from
   * PostgreSQL already written as JSON and are joined as they are, since parsing them only to
   * serialize them again was a fifth of the list's CPU in Node.
   */
  async listJson(query: ProjectQuery): Promise<string> {
    const { text, values } = projectListQuery(query);
    const rows = await preparedQuery<{ item: string; id: string; sort_key: string }>(
      this.dataSource,
      text,
      values,
    );
    const page = toPage(rows, limitOf(query), (row) => [row.sort_key, row.id]);
    return `{"items":[${page.items.map((row) => row.item).join(',')}],"nextCursor":${JSON.stringify(page.nextCursor)}}`;
  }

  async get(id: string, manager: EntityManager = this.dataSource.manager): Promise<ProjectDto> {
    const [row] = await preparedQuery<{ project: ProjectDto }>(manager, DETAIL_SQL, [id]);
    if (!row) throw Problem.notFound('The project');
    return row.project;
  }

  async create(ctx: RequestContext, request: CreateProjectRequest): Promise<ProjectDto> {
    const organizations = request.organizations ?? [];
    const countries = request.recipientCountries ?? [];
    this.assertRules({
      requestedBudget: request.requestedBudget ?? '0',
      approvedBudget: request.approvedBudget ?? null,
      startDate: request.startDate ?? null,
      endDate: request.endDate ?? null,
      leadOrganizationId: request.leadOrganizationId ?? null,
      organizations,
      recipientCountries: countries,
    });
    return this.dataSource.transaction(async (manager) => {
      await this.assertReferences(
        manager,
        organizations.map((o) => o.organizationId),
        countries,
      );
      const code = request.code ?? (await this.nextCode(manager, request.startDate ?? null));
      const existing = await manager.query<unknown[]>(`SELECT 1 FROM projects WHERE code = $1`, [code]);
      if (existing.length) {
        throw Problem.conflict('duplicate-code', `A project with the code ${code} already exists.`, {
          errors: [{ field: 'code', message: 'is already used by another project' }],
        });
      }
      const columns: Record<string, unknown> = { code, ...columnsOf(request) };
      const names = Object.keys(columns);
      const [row] = await manager.query<{ id: string }[]>(
        `INSERT INTO projects (${names.map((n) => `"${n}"`).join(', ')})
         VALUES (${names.map((_, i) => `$${i + 1}`).join(', ')}) RETURNING id`,
        names.map((n) => columns[n]),
      );
      const id = row!.id;
      await this.writeCountries(manager, id, countries, []);
      await this.writeOrganizations(manager, id, organizations, []);
      const created = await this.get(id, manager);
      await this.audit.record(manager, ctx, {
        action: 'create',
        entity: ENTITY,
        entityId: id,
        before: null,
        after: created,
      });
      return created;
    });
  }

  async update(
    ctx: RequestContext,
    id: string,
    expectedVersion: number,
    request: UpdateProjectRequest,
  ): Promise<ProjectDto> {
    const updated = await this.dataSource.transaction(async (manager) => {
      const locked = await lockForUpdate<{ version: number; deleted_at: Date | null }>(
        manager,
        'projects',
        ENTITY,
        id,
      );
      if (locked.deleted_at) throw Problem.notFound('The project');
      if (locked.version !== expectedVersion)
        throw Problem.staleVersion(ENTITY, expectedVersion, locked.version);
      const before = await this.get(id, manager);

      if (
        request.approvedBudget !== undefined &&
        request.approvedBudget !== before.approvedBudget &&
        (COMMITTED_STAGES as readonly Stage[]).includes(before.stage)
      ) {
        throw new Problem(
          HttpStatus.UNPROCESSABLE_ENTITY,
          'approved-budget-fixed',
          'The approved budget is fixed',
          `The project is ${before.stage}: its approved budget is committed from the Fund and cannot change here.`,
          { errors: [{ field: 'approvedBudget', message: 'cannot change once the project is approved' }] },
        );
      }
      const organizations =
        request.organizations ??
        before.organizations.map((o) => ({ organizationId: o.organizationId, budgetShare: o.budgetShare }));
      const countries = request.recipientCountries ?? before.recipientCountries.map((c) => c.iso3);
      this.assertRules({
        requestedBudget: request.requestedBudget ?? before.requestedBudget,
        approvedBudget: request.approvedBudget === undefined ? before.approvedBudget : request.approvedBudget,
        startDate: request.startDate === undefined ? before.startDate : request.startDate,
        endDate: request.endDate === undefined ? before.endDate : request.endDate,
        leadOrganizationId:
          request.leadOrganizationId === undefined ? before.leadOrganizationId : request.leadOrganizationId,
        organizations,
        recipientCountries: countries,
      });
      await this.assertReferences(
        manager,
        organizations.map((o) => o.organizationId),
        countries,
      );

      await updateVersioned(manager, {
        table: 'projects',
        entityLabel: ENTITY,
        id,
        expectedVersion,
        set: columnsOf(request),
      });
      if (request.recipientCountries) {
        await this.writeCountries(
          manager,
          id,
          countries,
          before.recipientCountries.map((c) => c.iso3),
        );
      }
      if (request.organizations) {
        await this.writeOrganizations(
          manager,
          id,
          organizations,
          before.organizations.map((o) => o.organizationId),
        );
      }
      const after = await this.get(id, manager);
      await this.audit.record(manager, ctx, {
        action: 'update',
        entity: ENTITY,
        entityId: id,
        before,
        after,
      });
      return after;
    });
    // The ledger counts a committed project's approved budget in the year of its start.
    if (request.startDate !== undefined || request.approvedBudget !== undefined) this.fund.changed();
    return updated;
  }

  async remove(ctx: RequestContext, id: string, expectedVersion: number): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const locked = await lockForUpdate<{ version: number; deleted_at: Date | null; stage: Stage }>(
        manager,
        'projects',
        ENTITY,
        id,
      );
      if (locked.deleted_at) throw Problem.notFound('The project');
      if (locked.version !== expectedVersion)
        throw Problem.staleVersion(ENTITY, expectedVersion, locked.version);
      if (!DELETABLE.includes(locked.stage)) {
        throw new Problem(
          HttpStatus.UNPROCESSABLE_ENTITY,
          'project-not-deletable',
          'The project cannot be deleted',
          `The project is ${locked.stage}; only projects that were never approved can be deleted.`,
        );
      }
      const before = await this.get(id, manager);
      await updateVersioned(manager, {
        table: 'projects',
        entityLabel: ENTITY,
        id,
        expectedVersion,
        set: { deleted_at: new Date() },
      });
      await this.audit.record(manager, ctx, {
        action: 'delete',
        entity: ENTITY,
        entityId: id,
        before,
        after: null,
      });
    });
  }

  private assertRules(shape: Parameters<typeof projectProblems>[0]): void {
    const errors: FieldError[] = projectProblems(shape).map((problem) => ({
      field: problem.field,
      message: describeProjectProblem(problem),
    }));
    if (errors.length) throw Problem.validation(errors);
  }

  private async assertReferences(
    manager: EntityManager,
    organizationIds: string[],
    countries: string[],
  ): Promise<void> {
    const [found] = await manager.query<{ organizations: string[]; countries: string[] }[]>(
      `SELECT ARRAY(SELECT id::text FROM organizations WHERE id = ANY($1::uuid[])) AS organizations,
              ARRAY(SELECT iso3::text FROM countries WHERE iso3 = ANY($2::text[])) AS countries`,
      [organizationIds, countries],
    );
    const errors: FieldError[] = [];
    const unknownOrganizations = organizationIds.filter((id) => !found!.organizations.includes(id));
    const unknownCountries = countries.filter((iso3) => !found!.countries.includes(iso3));
    if (unknownOrganizations.length) {
      errors.push({
        field: 'organizations',
        message: `holds unknown organizations: ${unknownOrganizations.join(', ')}`,
      });
    }
    if (unknownCountries.length) {
      errors.push({
        field: 'recipientCountries',
        message: `holds unknown countries: ${unknownCountries.join(', ')}`,
      });
    }
    if (errors.length) throw Problem.validation(errors);
  }

  /** HS-<start year or this year>-<next number that year>, serialised per year by an advisory lock. */
  private async nextCode(manager: EntityManager, startDate: string | null): Promise<string> {
    const year = startDate ? startDate.slice(0, 4) : String(new Date().getUTCFullYear());
    await manager.query(`SELECT pg_advisory_xact_lock(hashtext('project-code-' || $1))`, [year]);
    const [row] = await manager.query<{ next: number }[]>(
      `SELECT coalesce(max(substring(code FROM 9)::int), 0) + 1 AS next FROM projects WHERE code LIKE $1`,
      [`HS-${year}-%`],
    );
    return `HS-${year}-${String(row!.next).padStart(4, '0')}`;
  }

  /**
   * Recipient countries carry consent records and alignments: removing a country that has any
   * is refused rather than silently deleting the State's consent.
   */
  private async writeCountries(
    manager: EntityManager,
    id: string,
    next: string[],
    current: string[],
  ): Promise<void> {
    const removed = current.filter((iso3) => !next.includes(iso3));
    if (removed.length) {
      const [used] = await manager.query<{ countries: string[] }[]>(
        `SELECT ARRAY(SELECT DISTINCT country_iso3::text FROM (
            SELECT country_iso3 FROM consent_records WHERE project_id = $1 AND country_iso3 = ANY($2::text[])
            UNION SELECT country_iso3 FROM alignments WHERE project_id = $1 AND country_iso3 = ANY($2::text[])) x) AS countries`,
        [id, removed],
      );
      if (used!.countries.length) {
        throw Problem.conflict(
          'recipient-in-use',
          `Remove the consent records and alignments of ${used!.countries.join(', ')} before removing them as recipients.`,
          {
            errors: [
              {
                field: 'recipientCountries',
                message: `${used!.countries.join(', ')} still have consent or alignment records`,
              },
            ],
          },
        );
      }
      await manager.query(
        `DELETE FROM project_countries WHERE project_id = $1 AND country_iso3 = ANY($2::text[])`,
        [id, removed],
      );
    }
    const added = next.filter((iso3) => !current.includes(iso3));
    if (added.length) {
      await manager.query(
        `INSERT INTO project_countries (project_id, country_iso3) SELECT $1, unnest($2::text[])`,
        [id, added],
      );
    }
  }

  private async writeOrganizations(
    manager: EntityManager,
    id: string,
    next: { organizationId: string; budgetShare: string }[],
    current: string[],
  ): Promise<void> {
    const keep = next.map((o) => o.organizationId);
    const removed = current.filter((organizationId) => !keep.includes(organizationId));
    if (removed.length) {
      const used = await manager.query<unknown[]>(
        `SELECT 1 FROM transfers WHERE project_id = $1 AND organization_id = ANY($2::uuid[]) LIMIT 1`,
        [id, removed],
      );
      if (used.length) {
        throw Problem.conflict(
          'participant-has-transfers',
          'An organization that received transfers cannot be removed.',
          {
            errors: [{ field: 'organizations', message: 'removes an organization that received transfers' }],
          },
        );
      }
      await manager.query(
        `DELETE FROM project_organizations WHERE project_id = $1 AND organization_id = ANY($2::uuid[])`,
        [id, removed],
      );
    }
    if (next.length) {
      await manager.query(
        `INSERT INTO project_organizations (project_id, organization_id, budget_share)
         SELECT $1, o.organization_id, o.budget_share
         FROM jsonb_to_recordset($2::jsonb) AS o(organization_id uuid, budget_share numeric)
         ON CONFLICT (project_id, organization_id) DO UPDATE SET budget_share = excluded.budget_share`,
        [
          id,
          JSON.stringify(
            next.map((o) => ({ organization_id: o.organizationId, budget_share: o.budgetShare })),
          ),
        ],
      );
    }
  }
}
