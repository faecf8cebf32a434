import { HttpStatus, Injectable, StreamableFile } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DataSource, EntityManager } from 'typeorm';
import { describeProjectProblem, projectProblems, toCents } from '@hstf/domain';
import { AuditService } from '../audit';
import { exportFile, type ExportRequest } from '../common/export/export-file';
import { changeVersioned, removeVersioned, updateVersioned } from '../common/concurrency/versioned-update';
import { limitOf, toPage } from '../common/pagination/pagination';
import { FieldError, Problem } from '../common/problem-details/problem';
import { RequestContext } from '../common/request-context/request-context';
import { ReportsService } from '../reports';
import { PROJECT_EXPORT_COLUMNS } from './project-export';
import type { ProjectExportRow } from './project-list.query';
import { COMMITTED_STAGES, Stage } from './project-vocabulary';
import { ProjectsRepository } from './projects.repository';
import {
  CreateProjectRequest,
  ProjectCount,
  ProjectDto,
  ProjectQuery,
  UpdateProjectRequest,
} from './projects.dto';

const ENTITY = 'project';
/** Stages in which a project may still be deleted: nothing was committed from the Fund. */
const DELETABLE: readonly Stage[] = [
  'concept_note',
  'full_proposal',
  'revision_requested',
  'rejected',
  'withdrawn',
];

/** The languages given, in a plain object (the request's is a class instance), blanks left out. */
function written(translations: object): Record<string, string> {
  return Object.fromEntries(
    Object.entries(translations).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
  );
}

/** Request fields → columns; absent fields are left as they are. */
function columnsOf(request: CreateProjectRequest | UpdateProjectRequest): Record<string, unknown> {
  const set: Record<string, unknown> = {};
  const put = (column: string, value: unknown) => {
    if (value !== undefined) set[column] = value;
  };
  put('title', request.title);
  put('summary', request.summary);
  put('title_translations', request.titleTranslations && JSON.stringify(written(request.titleTranslations)));
  put(
    'summary_translations',
    request.summaryTranslations && JSON.stringify(written(request.summaryTranslations)),
  );
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

/**
 * Once approved, the approved budget, its split between the organizations and the end date change
 * only through a revision or extension request decided by a second staff member (DESIGN.md §4.3):
 * a bare edit of them is refused, pointing to the request.
 */
function assertHeldByDecisions(before: ProjectDto, request: UpdateProjectRequest): void {
  const route = `/api/v1/projects/${before.id}/revisions`;
  const errors: FieldError[] = [];
  if (request.approvedBudget !== undefined && request.approvedBudget !== before.approvedBudget) {
    errors.push({
      field: 'approvedBudget',
      message: `changes only through a budget revision (POST ${route})`,
    });
  }
  if (request.organizations !== undefined) {
    const current = new Map(before.organizations.map((o) => [o.organizationId, toCents(o.budgetShare)]));
    const moved =
      request.organizations.length !== current.size ||
      request.organizations.some((o) => current.get(o.organizationId) !== toCents(o.budgetShare));
    if (moved) {
      errors.push({
        field: 'organizations',
        message: `budget shares change only through a budget revision (POST ${route})`,
      });
    }
  }
  if (request.endDate !== undefined && request.endDate !== before.endDate) {
    errors.push({ field: 'endDate', message: `changes only through an extension request (POST ${route})` });
  }
  if (!errors.length) return;
  const budget = errors.some((e) => e.field !== 'endDate');
  throw new Problem(
    HttpStatus.UNPROCESSABLE_ENTITY,
    budget ? 'approved-budget-fixed' : 'end-date-by-extension',
    budget ? 'The approved budget is fixed' : 'The end date moves by extension',
    `The project is ${before.stage}: its ${errors.map((e) => (e.field === 'endDate' ? 'end date' : e.field === 'organizations' ? 'budget shares' : 'approved budget')).join(' and ')} change only through a request decided by another staff member. Request it with POST ${route}.`,
    { errors, revisionsRoute: route },
  );
}

/** A project's address: its id, or its code in capitals. */
export type ProjectKey = { id: string } | { code: string };

@Injectable()
export class ProjectsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repository: ProjectsRepository,
    private readonly audit: AuditService,
    private readonly reports: ReportsService,
  ) {}

  /**
   * A page of the list as JSON text ({ items, nextCursor }, as ProjectPage): the items come from
   * PostgreSQL already written as JSON and are joined as they are, since parsing them only to
   * serialize them again was a fifth of the list's CPU in Node.
   */
  async listJson(query: ProjectQuery): Promise<string> {
    const rows = await this.repository.listPage(query);
    const page = toPage(rows, limitOf(query), (row) => [row.sort_key, row.id]);
    return `{"items":[${page.items.map((row) => row.item).join(',')}],"nextCursor":${JSON.stringify(page.nextCursor)}}`;
  }

  count(query: ProjectQuery): Promise<ProjectCount> {
    return this.repository.count(query);
  }

  /** The whole list, every page, as a CSV or Excel file, for the same filters as the pages. */
  export(
    request: FastifyRequest,
    reply: FastifyReply,
    query: ProjectQuery & { format: 'csv' | 'xlsx' },
  ): StreamableFile {
    return exportFile(request, reply, this.exportRequest(query));
  }

  /** What the export writes, for the download in the request and for one prepared in the background. */
  exportRequest(query: ProjectQuery & { format: 'csv' | 'xlsx' }): ExportRequest<ProjectExportRow> {
    return {
      name: 'projects',
      format: query.format,
      columns: PROJECT_EXPORT_COLUMNS,
      rows: this.repository.exportRows(query),
    };
  }

  async get(id: string, manager: EntityManager = this.dataSource.manager): Promise<ProjectDto> {
    const project = await this.repository.detail(id, manager);
    if (!project) throw Problem.notFound('The project');
    return project;
  }

  /** A project addressed by its id or by its code (HS-2026-0004), answered alike, as JSON text. */
  async getJsonByKey(key: ProjectKey): Promise<string> {
    const project = await this.repository.detailText(key);
    if (!project) throw Problem.notFound('The project');
    return project;
  }

  /** The project at `key`, or undefined when there is none. */
  find(key: ProjectKey): Promise<ProjectDto | undefined> {
    return 'id' in key ? this.repository.detail(key.id) : this.repository.detailByCode(key.code);
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
      if (await this.repository.codeTaken(manager, code)) {
        throw Problem.conflict('duplicate-code', `A project with the code ${code} already exists.`, {
          errors: [{ field: 'code', message: 'is already used by another project' }],
        });
      }
      const columns: Record<string, unknown> = { code, ...columnsOf(request) };
      const id = await this.repository.insert(manager, columns);
      await this.writeCountries(manager, id, countries, []);
      await this.writeOrganizations(manager, id, organizations, []);
      const created = await this.get(id, manager);
      await this.audit.recordCreation(manager, ctx, ENTITY, created);
      return created;
    });
  }

  async update(
    ctx: RequestContext,
    id: string,
    expectedVersion: number,
    request: UpdateProjectRequest,
  ): Promise<ProjectDto> {
    return this.dataSource.transaction((manager) =>
      changeVersioned<{ version: number; deleted_at: Date | null }, ProjectDto>(manager, this.audit, ctx, {
        table: 'projects',
        entityLabel: ENTITY,
        id,
        expectedVersion,
        absent: (row) => row.deleted_at !== null,
        read: () => this.get(id, manager),
        decide: async (_, before) => {
          if ((COMMITTED_STAGES as readonly Stage[]).includes(before.stage)) {
            assertHeldByDecisions(before, request);
          }
          const organizations =
            request.organizations ??
            before.organizations.map((o) => ({
              organizationId: o.organizationId,
              budgetShare: o.budgetShare,
            }));
          const countries = request.recipientCountries ?? before.recipientCountries.map((c) => c.iso3);
          this.assertRules({
            requestedBudget: request.requestedBudget ?? before.requestedBudget,
            approvedBudget:
              request.approvedBudget === undefined ? before.approvedBudget : request.approvedBudget,
            startDate: request.startDate === undefined ? before.startDate : request.startDate,
            endDate: request.endDate === undefined ? before.endDate : request.endDate,
            leadOrganizationId:
              request.leadOrganizationId === undefined
                ? before.leadOrganizationId
                : request.leadOrganizationId,
            organizations,
            recipientCountries: countries,
          });
          await this.assertReferences(
            manager,
            organizations.map((o) => o.organizationId),
            countries,
          );

          return {
            set: columnsOf(request),
            related: async () => {
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
              // An approved project's reports follow its dates: laid out again when one moves.
              const datesMoved =
                (request.startDate !== undefined && request.startDate !== before.startDate) ||
                (request.endDate !== undefined && request.endDate !== before.endDate);
              if (datesMoved && (COMMITTED_STAGES as readonly Stage[]).includes(before.stage)) {
                await this.reports.layOutSchedule(manager, id);
              }
            },
          };
        },
      }),
    );
  }

  async remove(ctx: RequestContext, id: string, expectedVersion: number): Promise<void> {
    await this.dataSource.transaction((manager) =>
      removeVersioned<{ version: number; deleted_at: Date | null; stage: Stage }, ProjectDto>(
        manager,
        this.audit,
        ctx,
        {
          table: 'projects',
          entityLabel: ENTITY,
          id,
          expectedVersion,
          absent: (row) => row.deleted_at !== null,
          read: () => this.get(id, manager),
          remove: async (locked) => {
            if (!DELETABLE.includes(locked.stage)) {
              throw new Problem(
                HttpStatus.UNPROCESSABLE_ENTITY,
                'project-not-deletable',
                'The project cannot be deleted',
                `The project is ${locked.stage}; only projects that were never approved can be deleted.`,
              );
            }
            await updateVersioned(manager, {
              table: 'projects',
              entityLabel: ENTITY,
              id,
              expectedVersion,
              set: { deleted_at: new Date() },
            });
          },
        },
      ),
    );
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
    const found = await this.repository.existing(manager, organizationIds, countries);
    const errors: FieldError[] = [];
    const unknownOrganizations = organizationIds.filter((id) => !found.organizations.includes(id));
    const unknownCountries = countries.filter((iso3) => !found.countries.includes(iso3));
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
    const next = await this.repository.nextCodeNumber(manager, year);
    return `HS-${year}-${String(next).padStart(4, '0')}`;
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
      const used = await this.repository.countriesInUse(manager, id, removed);
      if (used.length) {
        throw Problem.conflict(
          'recipient-in-use',
          `Remove the consent records and alignments of ${used.join(', ')} before removing them as recipients.`,
          {
            errors: [
              {
                field: 'recipientCountries',
                message: `${used.join(', ')} still have consent or alignment records`,
              },
            ],
          },
        );
      }
      await this.repository.removeCountries(manager, id, removed);
    }
    const added = next.filter((iso3) => !current.includes(iso3));
    if (added.length) {
      await this.repository.addCountries(manager, id, added);
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
      if (await this.repository.receivedTransfers(manager, id, removed)) {
        throw Problem.conflict(
          'participant-has-transfers',
          'An organization that received transfers cannot be removed.',
          {
            errors: [{ field: 'organizations', message: 'removes an organization that received transfers' }],
          },
        );
      }
      await this.repository.removeOrganizations(manager, id, removed);
    }
    if (next.length) {
      await this.repository.putOrganizations(manager, id, next);
    }
  }
}
