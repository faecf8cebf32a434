import { Injectable, StreamableFile } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit';
import { exportFile } from '../common/export/export-file';
import { changeVersioned, removeVersioned, sentColumns } from '../common/concurrency/versioned-update';
import { limitOf, Page, pageOf } from '../common/pagination/pagination';
import { FieldError, Problem } from '../common/problem-details/problem';
import { RequestContext } from '../common/request-context/request-context';
import {
  CreateOrganizationRequest,
  OrganizationDto,
  OrganizationQuery,
  UpdateOrganizationRequest,
} from './organizations.dto';
import {
  OrganizationRow,
  OrganizationsRepository,
  ORGANIZATION_EXPORT_COLUMNS,
  toOrganizationDto as toDto,
} from './organizations.repository';

const ENTITY = 'organization';

/**
 * A contact is a person's name and address, kept for the Fund's own correspondence: donors and
 * reviewers read the organization without it.
 */
function readableBy(ctx: RequestContext, organization: OrganizationDto): OrganizationDto {
  const role = ctx.user?.role;
  if (role === 'admin' || role === 'staff') return organization;
  return { ...organization, contactName: null, contactEmail: null, contactLanguage: null };
}

@Injectable()
export class OrganizationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repository: OrganizationsRepository,
    private readonly audit: AuditService,
  ) {}

  async list(ctx: RequestContext, query: OrganizationQuery): Promise<Page<OrganizationDto>> {
    const rows = await this.repository.list(query, limitOf(query));
    return pageOf(
      rows,
      query,
      (row) => [row.name, row.id],
      (row) => readableBy(ctx, toDto(row)),
    );
  }

  /** The whole list, every page, as a CSV or Excel file, for the same filters as the pages. */
  export(
    request: FastifyRequest,
    reply: FastifyReply,
    query: OrganizationQuery & { format: 'csv' | 'xlsx' },
  ): StreamableFile {
    return exportFile(request, reply, {
      name: 'organizations',
      format: query.format,
      columns: ORGANIZATION_EXPORT_COLUMNS,
      rows: this.repository.exportRows(query),
    });
  }

  async get(ctx: RequestContext, id: string): Promise<OrganizationDto> {
    const row = await this.repository.get(id);
    if (!row) throw Problem.notFound('The organization');
    return readableBy(ctx, toDto(row));
  }

  async create(ctx: RequestContext, request: CreateOrganizationRequest): Promise<OrganizationDto> {
    return this.dataSource.transaction(async (manager) => {
      await this.assertUnique(manager, request.name, request.acronym ?? null, null);
      const created = toDto(
        await this.repository.insert(manager, {
          name: request.name,
          acronym: request.acronym ?? null,
          kind: request.kind,
          contactName: request.contactName ?? null,
          contactEmail: request.contactEmail ?? null,
          contactLanguage: request.contactLanguage ?? null,
        }),
      );
      await this.audit.recordCreation(manager, ctx, ENTITY, created);
      return created;
    });
  }

  async update(
    ctx: RequestContext,
    id: string,
    expectedVersion: number,
    request: UpdateOrganizationRequest,
  ): Promise<OrganizationDto> {
    return this.dataSource.transaction((manager) =>
      changeVersioned<OrganizationRow, OrganizationDto>(manager, this.audit, ctx, {
        table: 'organizations',
        entityLabel: ENTITY,
        id,
        expectedVersion,
        read: toDto,
        decide: async (current) => {
          await this.assertUnique(
            manager,
            request.name ?? current.name,
            request.acronym === undefined ? current.acronym : request.acronym,
            id,
          );
          const set = sentColumns(request, {
            name: 'name',
            acronym: 'acronym',
            kind: 'kind',
            contactName: 'contact_name',
            contactEmail: 'contact_email',
            contactLanguage: 'contact_language',
          });
          return { set };
        },
      }),
    );
  }

  async remove(ctx: RequestContext, id: string, expectedVersion: number): Promise<void> {
    await this.dataSource.transaction((manager) =>
      removeVersioned<OrganizationRow, OrganizationDto>(manager, this.audit, ctx, {
        table: 'organizations',
        entityLabel: ENTITY,
        id,
        expectedVersion,
        read: toDto,
        remove: () => this.repository.delete(manager, id),
      }),
    );
  }

  private async assertUnique(
    manager: EntityManager,
    name: string,
    acronym: string | null,
    exceptId: string | null,
  ): Promise<void> {
    const clash = await this.repository.clashes(manager, name, acronym, exceptId);
    const errors: FieldError[] = [];
    if (clash.name) errors.push({ field: 'name', message: 'is already used by another organization' });
    if (clash.acronym) {
      errors.push({ field: 'acronym', message: 'is already used by another organization' });
    }
    if (errors.length)
      throw Problem.conflict('duplicate-organization', 'This organization already exists.', { errors });
  }
}
