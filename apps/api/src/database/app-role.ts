import { Client } from 'pg';

/** The role requests are served as; the migrations grant it what the API needs and no more. */
export const APP_ROLE = 'hstf_app';

/** The same server and database as `url`, signed in as another role. */
export function urlAs(url: string, user: string, password: string): string {
  const parsed = new URL(url);
  parsed.username = encodeURIComponent(user);
  parsed.password = encodeURIComponent(password);
  return parsed.toString();
}

/**
 * Makes `hstf_app` a login role with this password, as a role allowed to create roles (the
 * embedded cluster's and the test server's superuser). Safe to run on every start.
 */
export async function ensureAppLoginRole(adminUrl: string, password: string): Promise<void> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ exists: boolean }>(
      `SELECT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = $1) AS exists`,
      [APP_ROLE],
    );
    const literal = client.escapeLiteral(password);
    await client.query(
      rows[0]!.exists
        ? `ALTER ROLE ${APP_ROLE} LOGIN PASSWORD ${literal}`
        : `CREATE ROLE ${APP_ROLE} LOGIN PASSWORD ${literal}`,
    );
  } catch (error) {
    // Two processes starting at once on one server may both find the role missing.
    const code = (error as { code?: string }).code;
    if (code !== '23505' && code !== '42710') throw error;
  } finally {
    await client.end();
  }
}

/** Whether `url` signs in as a superuser: the audit log's protections do not hold against one. */
export async function isSuperuser(url: string): Promise<boolean> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ rolsuper: boolean }>(
      `SELECT rolsuper FROM pg_roles WHERE rolname = current_user`,
    );
    return rows[0]?.rolsuper ?? false;
  } finally {
    await client.end();
  }
}
