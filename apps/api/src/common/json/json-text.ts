import type { FastifyReply } from 'fastify';

/**
 * Answers with JSON text PostgreSQL already wrote (or a cache kept as text), as it is: Fastify sends
 * a string untouched, so the body is neither parsed nor serialized again on each request. The route
 * keeps declaring its response type for the OpenAPI document.
 */
export function sendJsonText(reply: FastifyReply, text: string): string {
  reply.type('application/json; charset=utf-8');
  return text;
}
