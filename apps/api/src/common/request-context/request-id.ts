import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

const REQUEST_ID = /^[A-Za-z0-9._-]{1,100}$/;

/**
 * A caller's X-Request-Id when it is well-formed (so traces join up), a new one otherwise: Fastify's
 * id of the request (genReqId), kept on Node's request too, where the log lines read it.
 */
export function requestIdOf(request: IncomingMessage & { id?: unknown }): string {
  if (typeof request.id === 'string') return request.id;
  const given = request.headers['x-request-id'];
  const id = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
  request.id = id;
  return id;
}
