import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit';
import { lockForUpdate, updateVersioned } from '../common/concurrency/versioned-update';
import { decodeCursor, limitOf, Page, toPage } from '../common/pagination/pagination';
import { FieldError, Problem } from '../common/problem-details/problem';
import { RequestContext } from '../common/request-context/request-context';
import {
  CreateOrganizationRequest,
  OrganizationDto,
  OrganizationKind,
  OrganizationQuery,
  UpdateOrganizationRequest,
} from './organizations.dto';

interface OrganizationRow {
  id: string;
  name: string;
  acronym: string | null;
  kind: OrganizationKind;
  version: number;
  created_at: Date;
  updated_at: Date;
}

const ENTITY = 'organization';

@Injectable()
export class OrganizationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(query: OrganizationQuery): Promise<Page<OrganizationDto>> {
    const limit = limitOf(query);
    const params: unknown[] = [];
    const param = (value: unknown) => `$${params.push(value)}`;
    const where: string[] = [];
    if (query.kind) where.push(`kind = ${param(query.kind)}`);
    if (query.q) {
      const pattern = param(`%${query.q.replace(/[\\%_]/g, '\\$&')}%`);
      where.push(`(name ILIKE ${pattern} OR acronym ILIKE ${pattern})`);
    }
    const cursor = decodeCursor(query.cursor, 2);
    if (cursor) where.push(`(name, id) > (${param(cursor[0])}, ${param(cursor[1])}::uuid)`);
    const rows = await this.dataSource.query<OrganizationRow[]>(
      `SELECT * FROM organizations ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY name, id LIMIT ${param(limit + 1)}`,
      params,
    );
    const page = toPage(rows, limit, (row) => [row.name, row.id]);
    return { ...page, items: page.items.map(toDto) };
  }

  async get(id: string): Promise<OrganizationDto> {
    const [row] = await this.dataSource.query<OrganizationRow[]>(
      `SELECT * FROM organizations WHERE id = $1`,
      [id],
    );
    if (!row) throw Problem.notFound('The organization');
    return toDto(row);
  }

  async create(ctx: RequestContext, request: CreateOrganizationRequest): Promise<OrganizationDto> {
    return this.dataSource.transaction(async (manager) => {
      await this.assertUnique(manager, request.name, request.acronym ?? null, null);
      const [row] = await manager.query<OrganizationRow[]>(
        `INSERT INTO organizations (name, acronym, kind) VALUES ($1, $2, $3) RETURNING *`,
        [request.name, request.acronym ?? null, request.kind],
      );
      const created = toDto(row!);
      await this.audit.record(manager, ctx, {
        action: 'create',
        entity: ENTITY,
        entityId: created.id,
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
    request: UpdateOrganizationRequest,
  ): Promise<OrganizationDto> {
    return this.dataSource.transaction(async (manager) => {
      const current = await lockForUpdate<OrganizationRow>(manager, 'organizations', ENTITY, id);
      // The version check comes first: a stale writer learns that before anything else.
      if (current.version !== expectedVersion) {
        throw Problem.staleVersion(ENTITY, expectedVersion, current.version);
      }
      await this.assertUnique(
        manager,
        request.name ?? current.name,
        request.acronym === undefined ? current.acronym : request.acronym,
        id,
      );
      const set: Record<string, unknown> = {};
      if (request.name !== undefined) set.name = request.name;
      if (request.acronym !== undefined) set.acronym = request.acronym;
      if (request.kind !== undefined) set.kind = request.kind;
      await updateVersioned(manager, {
        table: 'organizations',
        entityLabel: ENTITY,
        id,
        expectedVersion,
        set,
      });
      const [row] = await manager.query<OrganizationRow[]>(`SELECT * FROM organizations WHERE id = $1`, [id]);
      const updated = toDto(row!);
      await this.audit.record(manager, ctx, {
        action: 'update',
        entity: ENTITY,
        entityId: id,
        before: toDto(current),
        after: updated,
      });
      return updated;
    });
  }

  async remove(ctx: RequestContext, id: string, expectedVersion: number): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const current = await lockForUpdate<OrganizationRow>(manager, 'organizations', ENTITY, id);
      if (current.version !== expectedVersion) {
        throw Problem.staleVersion(ENTITY, expectedVersion, current.version);
      }
      await manager.query(`DELETE FROM organizations WHERE id = $1`, [id]);
      await this.audit.record(manager, ctx, {
        action: 'delete',
        entity: ENTITY,
        entityId: id,
        before: toDto(current),
        after: null,
      });
    });
  }

  private async assertUnique(
    manager: EntityManager,
    name: string,
    acronym: string | null,
    exceptId: string | null,
  ): Promise<void> {
    const rows = await manager.query<{ same_name: boolean; same_acronym: boolean | null }[]>(
      `SELECT lower(name) = lower($1) AS same_name, lower(acronym) = lower($2) AS same_acronym
       FROM organizations WHERE (lower(name) = lower($1) OR lower(acronym) = lower($2))
         AND id IS DISTINCT FROM $3::uuid`,
      [name, acronym, exceptId],
    );
    const errors: FieldError[] = [];
    if (rows.some((r) => r.same_name))
      errors.push({ field: 'name', message: 'is already used by another organization' });
    if (rows.some((r) => r.same_acronym)) {
      errors.push({ field: 'acronym', message: 'is already used by another organization' });
    }
    if (errors.length)
      throw Problem.conflict('duplicate-organization', 'This organization already exists.', { errors });
  }
}

function toDto(row: OrganizationRow): OrganizationDto {
  return {
    id: row.id,
    name: row.name,
    acronym: row.acronym,
    kind: row.kind,
    version: row.version,
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}
