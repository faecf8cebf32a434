/**
 * Whether an error means the database could not be reached or did not answer in time, as opposed
 * to refusing the request: such errors are answered 503 with Retry-After, since the same request
 * may well succeed once PostgreSQL is back.
 */

// SQLSTATE classes and codes: 08 connection exception; 57P01 admin_shutdown, 57P02 crash_shutdown,
// 57P03 cannot_connect_now (starting up or in recovery); 53300 too_many_connections;
// 57014 query_canceled (statement_timeout; the API never cancels queries otherwise).
const UNAVAILABLE_SQLSTATES = new Set(['57P01', '57P02', '57P03', '53300', '57014']);

// What node-postgres and Node report when the server is unreachable, stopped, frozen or gone.
const UNAVAILABLE_ERRNOS = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
]);
const UNAVAILABLE_MESSAGES = [
  /^timeout exceeded when trying to connect$/i, // pg-pool: no connection within connectionTimeoutMillis
  /^Query read timeout$/i, // pg: query_timeout
  /^Connection terminated/i,
  /is not queryable$/i,
  /^Cannot use a pool after calling end on the pool$/i,
];

interface ErrorLike {
  code?: unknown;
  message?: unknown;
  driverError?: unknown;
  cause?: unknown;
  errors?: unknown;
}

export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== 'object' || depth > 5) return false;
  const { code, message, driverError, cause, errors } = error as ErrorLike;
  if (typeof code === 'string') {
    if (code.startsWith('08') && code.length === 5) return true;
    if (UNAVAILABLE_SQLSTATES.has(code) || UNAVAILABLE_ERRNOS.has(code)) return true;
  }
  if (typeof message === 'string' && UNAVAILABLE_MESSAGES.some((pattern) => pattern.test(message))) {
    return true;
  }
  // TypeORM wraps the driver's error; Node wraps several connection attempts in an AggregateError.
  if (isDatabaseUnavailable(driverError, depth + 1) || isDatabaseUnavailable(cause, depth + 1)) return true;
  return Array.isArray(errors) && errors.some((inner) => isDatabaseUnavailable(inner, depth + 1));
}
