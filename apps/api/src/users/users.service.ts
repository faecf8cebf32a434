import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { describePasswordProblem, donorLinkProblem, passwordProblems, type Role } from '@hstf/domain';
import { AuditService } from '../audit';
import { changeVersioned } from '../common/concurrency/versioned-update';
import { decodeCursor, limitOf, Page, toPage } from '../common/pagination/pagination';
import { FieldError, Problem } from '../common/problem-details/problem';
import { RequestContext } from '../common/request-context/request-context';
import { hashPassword } from './passwords';
import { isCommonPassword } from './common-passwords';
import { CreateUserRequest, UpdateUserRequest, UserDto, UserQuery } from './users.dto';

interface UserRow {
  id: string;
  email: string;
  name: string;
  role: Role;
  donor_id: string | null;
  password_hash: string;
  active: boolean;
  last_sign_in_at: Date | null;
  version: number;
  created_at: Date;
  updated_at: Date;
}

const ENTITY = 'user';

@Injectable()
export class UsersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async findCredentials(
    email: string,
  ): Promise<{ id: string; passwordHash: string; active: boolean } | null> {
    const [row] = await this.dataSource.query<UserRow[]>(
      `SELECT id, password_hash, active FROM users WHERE email = $1`,
      [email],
    );
    return row ? { id: row.id, passwordHash: row.password_hash, active: row.active } : null;
  }

  async get(id: string): Promise<UserDto> {
    const [row] = await this.dataSource.query<UserRow[]>(`SELECT * FROM users WHERE id = $1`, [id]);
    if (!row) throw Problem.notFound('The user');
    return toDto(row);
  }

  async list(query: UserQuery): Promise<Page<UserDto>> {
    const limit = limitOf(query);
    const params: unknown[] = [];
    const param = (value: unknown) => `$${params.push(value)}`;
    const where: string[] = [];
    if (query.role) where.push(`role = ${param(query.role)}`);
    if (query.q) {
      const pattern = param(`%${query.q.replace(/[\\%_]/g, '\\$&')}%`);
      where.push(`(name ILIKE ${pattern} OR email ILIKE ${pattern})`);
    }
    const cursor = decodeCursor(query.cursor, 2);
    if (cursor) where.push(`(email, id) > (${param(cursor[0])}, ${param(cursor[1])}::uuid)`);
    const rows = await this.dataSource.query<UserRow[]>(
      `SELECT * FROM users ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY email, id LIMIT ${param(limit + 1)}`,
      params,
    );
    const page = toPage(rows, limit, (row) => [row.email, row.id]);
    return { ...page, items: page.items.map(toDto) };
  }

  async create(ctx: RequestContext, request: CreateUserRequest): Promise<UserDto> {
    this.assertValid(request.role, request.donorId ?? null, request.password, request.email);
    const passwordHash = await hashPassword(request.password);
    return this.dataSource.transaction(async (manager) => {
      await this.assertEmailFree(manager, request.email);
      await this.assertDonorExists(manager, request.donorId ?? null);
      const [row] = await manager.query<UserRow[]>(
        `INSERT INTO users (email, name, role, donor_id, password_hash) VALUES ($1, $2, $3, $4, $5) RETURNING *`,
        [request.email, request.name, request.role, request.donorId ?? null, passwordHash],
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

          const set: Record<string, unknown> = {};
          if (request.name !== undefined) set.name = request.name;
          if (request.role !== undefined) set.role = request.role;
          if (request.donorId !== undefined) set.donor_id = request.donorId;
          if (request.active !== undefined) set.active = request.active;
          if (passwordHash !== undefined) set.password_hash = passwordHash;
          const revokeSessions = request.active === false || passwordHash !== undefined;
          return {
            set,
            related: async () => {
              if (!revokeSessions) return;
              await manager.query(
                `UPDATE sessions SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL`,
                [id],
              );
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
    const rows = await manager.query<unknown[]>(`SELECT 1 FROM users WHERE email = $1`, [email]);
    if (rows.length) {
      throw Problem.conflict('duplicate-email', 'A user with this email already exists.', {
        errors: [{ field: 'email', message: 'is already used by another user' }],
      });
    }
  }

  private async assertDonorExists(manager: EntityManager, donorId: string | null): Promise<void> {
    if (!donorId) return;
    const rows = await manager.query<unknown[]>(`SELECT 1 FROM donors WHERE id = $1`, [donorId]);
    if (!rows.length) throw Problem.validation([{ field: 'donorId', message: 'is not a known donor' }]);
  }
}

/** Never includes the password hash. */
function toDto(row: UserRow): UserDto {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    donorId: row.donor_id,
    active: row.active,
    lastSignInAt: row.last_sign_in_at?.toISOString() ?? null,
    version: row.version,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}
