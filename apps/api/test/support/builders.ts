import { randomBytes } from 'node:crypto';
import type { Role } from '@hstf/domain';
import { hashPassword } from '../../src/users/passwords';
import type { TestApp } from './test-app';

export const TEST_PASSWORD = 'correct horse battery staple';
const passwordHash = hashPassword(TEST_PASSWORD);

const unique = () => randomBytes(4).toString('hex');

export interface BuiltUser {
  id: string;
  email: string;
  role: Role;
  donorId: string | null;
}

/** A donor record, inserted directly (donor management is its own feature). */
export async function aDonor(
  t: TestApp,
  overrides: { name?: string; country?: string } = {},
): Promise<string> {
  const { rows } = await t.db.query<{ id: string }>(
    `INSERT INTO donors (name, kind, country_iso3) VALUES ($1, 'member_state', $2) RETURNING id`,
    [overrides.name ?? `Donor ${unique()}`, overrides.country ?? 'JPN'],
  );
  return rows[0]!.id;
}

/** A user inserted directly, so tests of other features do not depend on the users API. */
export async function aUser(
  t: TestApp,
  overrides: { role?: Role; email?: string; active?: boolean; donorId?: string } = {},
): Promise<BuiltUser> {
  const role = overrides.role ?? 'staff';
  const donorId = role === 'donor' ? (overrides.donorId ?? (await aDonor(t))) : null;
  const email = overrides.email ?? `${role}.${unique()}@example.org`;
  const { rows } = await t.db.query<{ id: string }>(
    `INSERT INTO users (email, name, role, donor_id, password_hash, active) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
    [email, `Test ${role}`, role, donorId, await passwordHash, overrides.active ?? true],
  );
  return { id: rows[0]!.id, email, role, donorId };
}

/** Signs in through the API and returns the bearer token. */
export async function signIn(t: TestApp, user: BuiltUser, password = TEST_PASSWORD): Promise<string> {
  const response = await t.http().post('/api/v1/auth/login').send({ email: user.email, password });
  if (response.status !== 200)
    throw new Error(`sign-in failed: ${response.status} ${JSON.stringify(response.body)}`);
  return (response.body as { token: string }).token;
}

/** A signed-in user of that role: the bearer header to send. */
export async function asRole(
  t: TestApp,
  role: Role,
): Promise<{ user: BuiltUser; auth: { Authorization: string } }> {
  const user = await aUser(t, { role });
  return { user, auth: { Authorization: `Bearer ${await signIn(t, user)}` } };
}

export function anOrganizationRequest(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const id = unique();
  return { name: `Organization ${id}`, acronym: `ORG-${id}`, kind: 'un_entity', ...overrides };
}

export interface BuiltOrganization {
  id: string;
  name: string;
  acronym: string | null;
  kind: string;
  version: number;
}

/** An organization inserted directly (no audit entry), for tests that change or read one. */
export async function anOrganization(
  t: TestApp,
  overrides: { name?: string; acronym?: string | null; kind?: string } = {},
): Promise<BuiltOrganization> {
  const request = anOrganizationRequest(overrides) as { name: string; acronym: string | null; kind: string };
  const { rows } = await t.db.query<BuiltOrganization>(
    `INSERT INTO organizations (name, acronym, kind) VALUES ($1, $2, $3) RETURNING id, name, acronym, kind, version`,
    [request.name, request.acronym, request.kind],
  );
  return rows[0]!;
}

export function aUserRequest(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const id = unique();
  return {
    email: `new.user.${id}@example.org`,
    name: `New User ${id}`,
    role: 'staff',
    password: 'a long enough password',
    ...overrides,
  };
}
