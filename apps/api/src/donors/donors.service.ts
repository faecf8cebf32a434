import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit';
import { changeVersioned, removeVersioned, sentColumns } from '../common/concurrency/versioned-update';
import { limitOf, Page, pageOf } from '../common/pagination/pagination';
import { FieldError, Problem } from '../common/problem-details/problem';
import { RequestContext } from '../common/request-context/request-context';
import { CreateDonorRequest, DonorDto, DonorKind, DonorQuery, UpdateDonorRequest } from './donors.dto';
import { DonorRow, DonorsRepository, toDonorDto as toDto } from './donors.repository';

const ENTITY = 'donor';

@Injectable()
export class DonorsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repository: DonorsRepository,
    private readonly audit: AuditService,
  ) {}

  /** The Fund's donors are public information: every role that may read donors reads them all. */
  async list(query: DonorQuery): Promise<Page<DonorDto>> {
    const rows = await this.repository.list(query, limitOf(query));
    return pageOf(rows, query, (row) => [row.name, row.id], toDto);
  }

  async get(id: string): Promise<DonorDto> {
    const row = await this.repository.get(id);
    if (!row) throw Problem.notFound('The donor');
    return toDto(row);
  }

  async create(ctx: RequestContext, request: CreateDonorRequest): Promise<DonorDto> {
    const country = request.countryIso3 ?? null;
    assertCountryFitsKind(request.kind, country, true);
    return this.dataSource.transaction(async (manager) => {
      await this.assertCountryExists(manager, country);
      await this.assertNameFree(manager, request.name, null);
      const created = toDto(await this.repository.insert(manager, request.name, request.kind, country));
      await this.audit.recordCreation(manager, ctx, ENTITY, created);
      return created;
    });
  }

  async update(
    ctx: RequestContext,
    id: string,
    expectedVersion: number,
    request: UpdateDonorRequest,
  ): Promise<DonorDto> {
    return this.dataSource.transaction((manager) =>
      changeVersioned<DonorRow, DonorDto>(manager, this.audit, ctx, {
        table: 'donors',
        entityLabel: ENTITY,
        id,
        expectedVersion,
        read: toDto,
        decide: async (current) => {
          const kind = request.kind ?? current.kind;
          const country = request.countryIso3 === undefined ? current.country_iso3 : request.countryIso3;
          assertCountryFitsKind(kind, country, request.countryIso3 !== undefined);
          if (request.countryIso3) await this.assertCountryExists(manager, request.countryIso3);
          if (request.name !== undefined) await this.assertNameFree(manager, request.name, id);
          const set = sentColumns(request, { name: 'name', kind: 'kind', countryIso3: 'country_iso3' });
          return { set };
        },
      }),
    );
  }

  async remove(ctx: RequestContext, id: string, expectedVersion: number): Promise<void> {
    await this.dataSource.transaction((manager) =>
      removeVersioned<DonorRow, DonorDto>(manager, this.audit, ctx, {
        table: 'donors',
        entityLabel: ENTITY,
        id,
        expectedVersion,
        read: toDto,
        remove: async () => {
          // The donor row is locked, so no contribution can be added for it until this commits.
          const usage = await this.repository.usage(manager, id);
          if (usage.contributions > 0 || usage.users > 0) {
            throw Problem.conflict(
              'donor-in-use',
              `This donor has ${usage.contributions} contribution(s) and ${usage.users} user account(s); ` +
                'it can be deleted only when it has none.',
              { contributions: usage.contributions, users: usage.users },
            );
          }
          await this.repository.delete(manager, id);
        },
      }),
    );
  }

  private async assertCountryExists(manager: EntityManager, iso3: string | null): Promise<void> {
    if (!iso3) return;
    if (!(await this.repository.countryExists(manager, iso3))) {
      throw Problem.validation([{ field: 'countryIso3', message: 'is not a known country' }]);
    }
  }

  private async assertNameFree(manager: EntityManager, name: string, exceptId: string | null): Promise<void> {
    if (await this.repository.nameTaken(manager, name, exceptId)) {
      const errors: FieldError[] = [{ field: 'name', message: 'is already used by another donor' }];
      throw Problem.conflict('duplicate-donor', 'This donor already exists.', { errors });
    }
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
