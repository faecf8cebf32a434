/**
 * The baseline: the practical limit for Node over PostgreSQL. A bare node:http server and a pg pool
 * answer the requests the bench measures with one hand-written statement each (queries.mjs), whose
 * JSON PostgreSQL builds; Node passes the text through. Before it, the same session check as the
 * API's (one statement on sessions by the token's SHA-256, touching last_seen_at once a minute) and
 * the route's roles. So each request costs two statements, as the API's cheapest route does. Both
 * are prepared statements, planned by PostgreSQL's plan cache.
 *
 *   DATABASE_URL=postgres://… PORT=3902 node bench/baseline/server.mjs
 */
import { createHash } from 'node:crypto';
import http from 'node:http';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  ALERTS_SQL,
  ALIGNMENTS_SQL,
  ASSESSMENT_SQL,
  BadRequest,
  COMPLIANCE_SQL,
  CONSENTS_SQL,
  LEDGER_SQL,
  OVERVIEW_SQL,
  PROJECT_SQL,
  projectList,
  SESSION_SQL,
} from './queries.mjs';

const require = createRequire(path.join(path.dirname(fileURLToPath(import.meta.url)), '../../package.json'));
const { Pool } = require('pg');

const pool = new Pool({
  connectionString: process.env.DATABASE_URL,
  // The API's default pool (DB_POOL_MAX=10), so both hold the same number of connections.
  max: Number(process.env.DB_POOL_MAX ?? 10),
  application_name: 'hstf-bench-baseline',
});
const IDLE_MINUTES = Number(process.env.SESSION_IDLE_MINUTES ?? 60);
const UUID = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}';
const STAFF = ['admin', 'staff'];
const READERS = ['admin', 'staff', 'donor'];

const today = () => new Date().toISOString().slice(0, 10);

/**
 * [pattern, roles, statement]: the statement gets the URL's id (when the pattern has one) and the
 * query string. Routes whose answer differs by role serve the staff view, and only staff and admin:
 * the bench signs in as staff.
 */
const ROUTES = [
  [/^\/api\/v1\/projects$/, READERS, (_, query) => projectList(query)],
  [new RegExp(`^/api/v1/projects/(${UUID})$`), READERS, (id) => ({ text: PROJECT_SQL, values: [id] })],
  [
    new RegExp(`^/api/v1/projects/(${UUID})/consents$`),
    STAFF,
    (id) => ({ text: CONSENTS_SQL, values: [id] }),
  ],
  [
    new RegExp(`^/api/v1/projects/(${UUID})/alignments$`),
    STAFF,
    (id) => ({ text: ALIGNMENTS_SQL, values: [id] }),
  ],
  [
    new RegExp(`^/api/v1/projects/(${UUID})/compliance$`),
    STAFF,
    (id) => ({ text: COMPLIANCE_SQL, values: [id, today()] }),
  ],
  [
    new RegExp(`^/api/v1/projects/(${UUID})/assessment$`),
    STAFF,
    (id) => ({ text: ASSESSMENT_SQL, values: [id] }),
  ],
  [/^\/api\/v1\/dashboard\/overview$/, READERS, () => ({ text: OVERVIEW_SQL, values: [] })],
  [/^\/api\/v1\/alerts$/, STAFF, () => ({ text: ALERTS_SQL, values: [today()] })],
  [/^\/api\/v1\/fund\/ledger$/, READERS, () => ({ text: LEDGER_SQL, values: [] })],
];

/**
 * Every statement is prepared once per connection (a named statement), so PostgreSQL parses it once
 * and plans it as its plan cache decides, as any tuned client would.
 */
const names = new Map();
function prepared(query) {
  let name = names.get(query.text);
  if (!name) {
    name = `b${createHash('sha1').update(query.text).digest('hex').slice(0, 16)}`;
    names.set(query.text, name);
  }
  return { ...query, name };
}

function problem(response, status, title) {
  const body = JSON.stringify({ type: 'about:blank', title, status });
  response.writeHead(status, {
    'content-type': 'application/problem+json',
    'content-length': Buffer.byteLength(body),
  });
  response.end(body);
}

function tokenOf(request) {
  const header = request.headers.authorization;
  if (header?.startsWith('Bearer ')) return header.slice(7).trim() || null;
  const cookie = /(?:^|;\s*)hstf_session=([^;]+)/.exec(request.headers.cookie ?? '');
  return cookie ? decodeURIComponent(cookie[1]) : null;
}

async function handle(request, response) {
  const url = new URL(request.url, 'http://baseline');
  if (request.method !== 'GET') return problem(response, 405, 'Method not allowed');
  const route = ROUTES.find(([pattern]) => pattern.test(url.pathname));
  if (!route) return problem(response, 404, 'Not found');
  const [pattern, roles, statement] = route;

  const token = tokenOf(request);
  if (!token) return problem(response, 401, 'Unauthenticated');
  const hash = createHash('sha256').update(token, 'utf8').digest();
  const { rows: users } = await pool.query(prepared({ text: SESSION_SQL, values: [hash, IDLE_MINUTES] }));
  if (!users.length) return problem(response, 401, 'Unauthenticated');
  if (!roles.includes(users[0].role)) return problem(response, 403, 'Forbidden');

  let query;
  try {
    // Only the list takes parameters here: the others answer their first page, on today.
    if (statement.length < 2 && url.search)
      throw new BadRequest('parameters (the baseline serves the default view)');
    query = statement(pattern.exec(url.pathname)[1], url.searchParams);
  } catch (error) {
    if (error instanceof BadRequest) return problem(response, 400, `Bad request: ${error.message}`);
    throw error;
  }
  const { rows } = await pool.query(prepared(query));
  if (!rows.length || rows[0].body === null) return problem(response, 404, 'Not found');
  const body = rows[0].body;
  response.writeHead(200, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(body),
  });
  response.end(body);
}

const server = http.createServer((request, response) => {
  handle(request, response).catch((error) => {
    process.stderr.write(`baseline: ${error.message}\n`);
    if (!response.headersSent) problem(response, 500, 'Internal error');
    else response.destroy();
  });
});
server.keepAliveTimeout = 65_000;
server.listen(Number(process.env.PORT ?? 3902), '127.0.0.1', () => {
  process.stdout.write(`baseline listening on ${server.address().port}\n`);
});

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    server.close();
    void pool.end().then(() => process.exit(0));
  });
}
