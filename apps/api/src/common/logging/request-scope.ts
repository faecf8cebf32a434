import { AsyncLocalStorage } from 'node:async_hooks';
import type { IncomingMessage } from 'node:http';

/**
 * The request being answered, wherever its work goes (awaits included), so that a line logged on
 * its behalf names it. Entered by the request log's first hook (request-log.ts).
 */
export const requestScope = new AsyncLocalStorage<RequestWithId>();

/** Node's request, with the id Fastify gave it. */
export type RequestWithId = IncomingMessage & { id?: string };
