import { AsyncLocalStorage } from 'node:async_hooks';

/** What a log line says of the request it was written for. */
export interface LoggedRequest {
  id: string;
  method: string;
  url: string;
  remoteAddress: string | undefined;
  userAgent: string | undefined;
}

/**
 * The request being answered, wherever its work goes (awaits included), so that a line logged on
 * its behalf names it. Entered by the request log's first hook (request-log.ts). It holds this
 * summary, not Node's request: a resource first opened inside a request (a pooled database
 * connection) keeps the scope it was created in for its own event callbacks, and would otherwise
 * keep the whole request (its headers, its credentials) alive with it. Such a callback's line names
 * that first request: only lines written from a request's own code name it reliably.
 */
export const requestScope = new AsyncLocalStorage<LoggedRequest>();
