import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit';
import { lockForUpdate, updateVersioned } from '../common/concurrency/versioned-update';
import { decodeCursor, limitOf, Page, toPage } from '../common/pagination/pagination';
import { FieldError, Problem } from '../common/problem-details/problem';
import { RequestContext } from '../common/request-context/request-context';
import { CreateDonorRequest, DonorDto, DonorKind, DonorQuery, UpdateDonorRequest } from './donors.dto';

interface DonorRow {
  id: string;
  name: string;
  kind: DonorKind;
  country_iso3: string | null;
  version: number;
  created_at: Date;
  updated_at: Date;
}

const ENTITY = 'donor';

@Injectable()
export class DonorsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  /** The Fund's donors are public information: every role that may read donors reads them all. */
  async list(query: DonorQuery): Promise<Page<DonorDto>> {
    const limit = limitOf(query);
    const params: unknown[] = [];
    const param = (value: unknown) => `$${params.push(value)}`;
    const where: string[] = [];
    if (query.kind) where.push(`kind = ${param(query.kind)}`);
    if (query.q) where.push(`name ILIKE ${param(`%${query.q.replace(/[\\%_]/g, '\\$&')}%`)}`);
    const cursor = decodeCursor(query.cursor, 2);
    if (cursor) where.push(`(name, id) > (${param(cursor[0])}, ${param(cursor[1])}::uuid)`);
    const rows = await this.dataSource.query<DonorRow[]>(
      `SELECT * FROM donors ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY name, id LIMIT ${param(limit + 1)}`,
      params,
    );
    const page = toPage(rows, limit, (row) => [row.name, row.id]);
    return { ...page, items: page.items.map(toDto) };
  }

  async get(id: string): Promise<DonorDto> {
    const [row] = await this.dataSource.query<DonorRow[]>(`SELECT * FROM donors WHERE id = $1`, [id]);
    if (!row) throw Problem.notFound('The donor');
    return toDto(row);
  }

  async create(ctx: RequestContext, request: CreateDonorRequest): Promise<DonorDto> {
    const country = request.countryIso3 ?? null;
    assertCountryFitsKind(request.kind, country, true);
    return this.dataSource.transaction(async (manager) => {
      await assertCountryExists(manager, country);
      await assertNameFree(manager, request.name, null);
      const [row] = await manager.query<DonorRow[]>(
        `INSERT INTO donors (name, kind, country_iso3) VALUES ($1, $2, $3) RETURNING *`,
        [request.name, request.kind, country],
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
    request: UpdateDonorRequest,
  ): Promise<DonorDto> {
    return this.dataSource.transaction(async (manager) => {
      const current = await lockForUpdate<DonorRow>(manager, 'donors', ENTITY, id);
      if (current.version !== expectedVersion) {
        throw Problem.staleVersion(ENTITY, expectedVersion, current.version);
      }
      const kind = request.kind ?? current.kind;
      const country = request.countryIso3 === undefined ? current.country_iso3 : request.countryIso3;
      assertCountryFitsKind(kind, country, request.countryIso3 !== undefined);
      if (request.countryIso3) await assertCountryExists(manager, request.countryIso3);
      if (request.name !== undefined) await assertNameFree(manager, request.name, id);

      const set: Record<string, unknown> = {};
      if (request.name !== undefined) set.name = request.name;
      if (request.kind !== undefined) set.kind = request.kind;
      if (request.countryIso3 !== undefined) set.country_iso3 = request.countryIso3;
      await updateVersioned(manager, { table: 'donors', entityLabel: ENTITY, id, expectedVersion, set });
      const [row] = await manager.query<DonorRow[]>(`SELECT * FROM donors WHERE id = $1`, [id]);
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
      const current = await lockForUpdate<DonorRow>(manager, 'donors', ENTITY, id);
      if (current.version !== expectedVersion) {
        throw Problem.staleVersion(ENTITY, expectedVersion, current.version);
      }
      // The donor row is locked, so no contribution can be added for it until this commits.
      const [usage] = await manager.query<{ contributions: number; users: number }[]>(
        `SELECT (SELECT count(*)::int FROM contributions WHERE donor_id = $1) AS contributions,
                (SELECT count(*)::int FROM users WHERE donor_id = $1) AS users`,
        [id],
      );
      if (usage!.contributions > 0 || usage!.users > 0) {
        throw Problem.conflict(
          'donor-in-use',
          `This donor has ${usage!.contributions} contribution(s) and ${usage!.users} user account(s); ` +
            'it can be deleted only when it has none.',
          { contributions: usage!.contributions, users: usage!.users },
        );
      }
      await manager.query(`DELETE FROM donors WHERE id = $1`, [id]);
      await this.audit.record(manager, ctx, {
        action: 'delete',
        entity: ENTITY,
        entityId: id,
        before: toDto(current),
        after: null,
      });
    });
  }
}

/** A Member State names its country; no other kind of donor has one. */
function assertCountryFitsKind(kind: DonorKind, country: string | null, countrySent: boolean): void {
  if (kind === 'member_state' && !country) {
    throw Problem.validation([{ field: 'countryIso3', message: 'is required for a Member State' }]);
  }
  if (kind !== 'member_state' && country) {
    throw Problem.validation([
      {
        field: 'countryIso3',
        message: countrySent
          ? 'must be empty unless the donor is a Member State'
          : 'must be sent as null when the donor stops being a Member State',
      },
    ]);
  }
}

async function assertCountryExists(manager: EntityManager, iso3: string | null): Promise<void> {
  if (!iso3) return;
  const rows = await manager.query<unknown[]>(`SELECT 1 FROM countries WHERE iso3 = $1`, [iso3]);
  if (!rows.length) throw Problem.validation([{ field: 'countryIso3', message: 'is not a known country' }]);
}

async function assertNameFree(manager: EntityManager, name: string, exceptId: string | null): Promise<void> {
  const rows = await manager.query<unknown[]>(
    `SELECT 1 FROM donors WHERE lower(name) = lower($1) AND id IS DISTINCT FROM $2::uuid`,
    [name, exceptId],
  );
  if (rows.length) {
    const errors: FieldError[] = [{ field: 'name', message: 'is already used by another donor' }];
    throw Problem.conflict('duplicate-donor', 'This donor already exists.', { errors });
  }
}

function toDto(row: DonorRow): DonorDto {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    countryIso3: row.country_iso3,
    version: row.version,
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}
