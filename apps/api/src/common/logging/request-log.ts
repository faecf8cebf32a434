import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import { type RequestWithId, requestScope } from './request-scope';

/** Answers that say nothing worth a line: the health check is polled every few seconds. */
const UNLOGGED_PATH = /^\/api\/health(?:[/?]|$)/;

/**
 * One line per answered request, at info: method, path, status and time, with the request's id
 * ("request completed", or "request errored" with the error for a 5xx). A request whose client went
 * away before its answer gets "request aborted".
 *
 * Fastify hooks rather than pino-http as a middleware: the middleware layer (middie), a child logger
 * built for every request and three listeners on every response cost about a tenth of a small
 * request's CPU (6 of 6 alternating turns), even at LOG_LEVEL=warn, where no line is written. Here
 * a request costs nothing when info is off, and a line is serialized only when it is written.
 */
export function registerRequestLog(fastify: FastifyInstance, logger: Logger): void {
  fastify.addHook('onRequest', (request, _reply, done) => {
    // Fastify's id (a well-formed X-Request-Id, or a new one), where the lines' serializer reads it.
    (request.raw as RequestWithId).id = request.id;
    // Everything the request does from here runs in its scope: lines logged on its behalf name it.
    requestScope.run(request.raw, done);
  });
  fastify.addHook('onResponse', (request, reply, done) => {
    if (logger.isLevelEnabled('info') && !UNLOGGED_PATH.test(request.url)) logAnswer(logger, request, reply);
    done();
  });
  fastify.addHook('onRequestAbort', (request, done) => {
    if (logger.isLevelEnabled('info')) {
      logger.info({ req: request.raw }, 'request aborted');
    }
    done();
  });
}

function logAnswer(logger: Logger, request: FastifyRequest, reply: FastifyReply): void {
  const fields = { req: request.raw, res: reply.raw, responseTime: Math.round(reply.elapsedTime) };
  if (reply.statusCode >= 500) {
    logger.info(
      { ...fields, err: new Error(`failed with status code ${reply.statusCode}`) },
      'request errored',
    );
  } else {
    logger.info(fields, 'request completed');
  }
}
