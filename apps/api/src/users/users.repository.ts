import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { Role } from '@hstf/domain';
import { decodeCursor } from '../common/pagination/pagination';
import { preparedQuery } from '../database/prepared-query';
import type { UserDto, UserQuery } from './users.dto';

export interface UserRow {
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

export interface NewUser {
  email: string;
  name: string;
  role: Role;
  donorId: string | null;
  passwordHash: string;
}

/** The SQL of user accounts and their mapping to the API's shape; UsersService decides. */
@Injectable()
export class UsersRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async credentials(email: string): Promise<Pick<UserRow, 'id' | 'password_hash' | 'active'> | undefined> {
    const [row] = await preparedQuery<Pick<UserRow, 'id' | 'password_hash' | 'active'>>(
      this.dataSource,
      `SELECT id, password_hash, active FROM users WHERE email = $1`,
      [email],
    );
    return row;
  }

  async recordSignIn(id: string): Promise<void> {
    await preparedQuery(this.dataSource, `UPDATE users SET last_sign_in_at = now() WHERE id = $1`, [id]);
  }

  async get(id: string): Promise<UserRow | undefined> {
    const [row] = await preparedQuery<UserRow>(this.dataSource, `SELECT * FROM users WHERE id = $1`, [id]);
    return row;
  }

  /** By email; one more row than `limit`, for the next page's cursor. */
  list(query: UserQuery, limit: number): Promise<UserRow[]> {
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
    return preparedQuery<UserRow>(
      this.dataSource,
      `SELECT * FROM users ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY email, id LIMIT ${param(limit + 1)}`,
      params,
    );
  }

  async insert(manager: EntityManager, user: NewUser): Promise<UserRow> {
    const [row] = await preparedQuery<UserRow>(
      manager,
      `INSERT INTO users (email, name, role, donor_id, password_hash) VALUES ($1, $2, $3, $4, $5) RETURNING *`,
      [user.email, user.name, user.role, user.donorId, user.passwordHash],
    );
    return row!;
  }

  async emailTaken(manager: EntityManager, email: string): Promise<boolean> {
    const rows = await preparedQuery(manager, `SELECT 1 FROM users WHERE email = $1`, [email]);
    return rows.length > 0;
  }

  async donorExists(manager: EntityManager, donorId: string): Promise<boolean> {
    const rows = await preparedQuery(manager, `SELECT 1 FROM donors WHERE id = $1`, [donorId]);
    return rows.length > 0;
  }

  /** Ends every open session of the user. */
  async revokeSessions(manager: EntityManager, userId: string): Promise<void> {
    await preparedQuery(
      manager,
      `UPDATE sessions SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL`,
      [userId],
    );
  }
}

/** Never includes the password hash. */
export function toUserDto(row: UserRow): UserDto {
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
