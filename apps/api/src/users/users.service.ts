import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { describePasswordProblem, donorLinkProblem, passwordProblems, type Role } from '@hstf/domain';
import { AuditService } from '../audit';
import { changeVersioned, sentColumns } from '../common/concurrency/versioned-update';
import { limitOf, Page, pageOf } from '../common/pagination/pagination';
import { FieldError, Problem } from '../common/problem-details/problem';
import { RequestContext } from '../common/request-context/request-context';
import { hashPassword } from './passwords';
import { isCommonPassword } from './common-passwords';
import { CreateUserRequest, UpdateUserRequest, UserDto, UserQuery } from './users.dto';
import { toUserDto as toDto, UserRow, UsersRepository } from './users.repository';

const ENTITY = 'user';

@Injectable()
export class UsersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repository: UsersRepository,
    private readonly audit: AuditService,
  ) {}

  async findCredentials(
    email: string,
  ): Promise<{ id: string; passwordHash: string; active: boolean } | null> {
    const row = await this.repository.credentials(email);
    return row ? { id: row.id, passwordHash: row.password_hash, active: row.active } : null;
  }

  async recordSignIn(id: string): Promise<void> {
    await this.repository.recordSignIn(id);
  }

  async get(id: string): Promise<UserDto> {
    const row = await this.repository.get(id);
    if (!row) throw Problem.notFound('The user');
    return toDto(row);
  }

  async list(query: UserQuery): Promise<Page<UserDto>> {
    const rows = await this.repository.list(query, limitOf(query));
    return pageOf(rows, query, (row) => [row.email, row.id], toDto);
  }

  async create(ctx: RequestContext, request: CreateUserRequest): Promise<UserDto> {
    this.assertValid(request.role, request.donorId ?? null, request.password, request.email);
    const passwordHash = await hashPassword(request.password);
    return this.dataSource.transaction(async (manager) => {
      await this.assertEmailFree(manager, request.email);
      await this.assertDonorExists(manager, request.donorId ?? null);
      const created = toDto(
        await this.repository.insert(manager, {
          email: request.email,
          name: request.name,
          role: request.role,
          donorId: request.donorId ?? null,
          passwordHash,
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
    request: UpdateUserRequest,
  ): Promise<UserDto> {
    const passwordHash = request.password === undefined ? undefined : await hashPassword(request.password);
    return this.dataSource.transaction((manager) =>
      changeVersioned<UserRow, UserDto>(manager, this.audit, ctx, {
        table: 'users',
        entityLabel: ENTITY,
        id,
        expectedVersion,
        read: toDto,
        decide: async (current) => {
          const role = request.role ?? current.role;
          const donorId = request.donorId === undefined ? current.donor_id : request.donorId;
          this.assertValid(role, donorId, request.password, current.email);
          if (
            ctx.user?.id === id &&
            (request.active === false || (request.role && request.role !== 'admin'))
          ) {
            throw Problem.conflict(
              'own-account',
              'You cannot deactivate your own account or remove your own admin role.',
            );
          }
          await this.assertDonorExists(manager, request.donorId ?? null);

          const set = sentColumns(request, {
            name: 'name',
            role: 'role',
            donorId: 'donor_id',
            active: 'active',
          });
          if (passwordHash !== undefined) set.password_hash = passwordHash;
          const revokeSessions = request.active === false || passwordHash !== undefined;
          return {
            set,
            related: async () => {
              if (revokeSessions) await this.repository.revokeSessions(manager, id);
            },
          };
        },
      }),
    );
  }

  private assertValid(role: Role, donorId: string | null, password: string | undefined, email: string): void {
    const errors: FieldError[] = [];
    const link = donorLinkProblem(role, donorId);
    if (link) errors.push({ field: 'donorId', message: link });
    if (password !== undefined) {
      for (const problem of passwordProblems(password, email, isCommonPassword)) {
        errors.push({ field: 'password', message: describePasswordProblem(problem) });
      }
    }
    if (errors.length) throw Problem.validation(errors);
  }

  private async assertEmailFree(manager: EntityManager, email: string): Promise<void> {
    if (await this.repository.emailTaken(manager, email)) {
      throw Problem.conflict('duplicate-email', 'A user with this email already exists.', {
        errors: [{ field: 'email', message: 'is already used by another user' }],
      });
    }
  }

  private async assertDonorExists(manager: EntityManager, donorId: string | null): Promise<void> {
    if (!donorId) return;
    if (!(await this.repository.donorExists(manager, donorId)))
      throw Problem.validation([{ field: 'donorId', message: 'is not a known donor' }]);
  }
}
