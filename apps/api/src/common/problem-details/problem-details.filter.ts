import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { unreadRequests } from '../http/json-limits';
import { QueryFailedError } from 'typeorm';
import { isDatabaseUnavailable } from './database-unavailable';
import { PROBLEM_CONTENT_TYPE, Problem, ProblemDocument } from './problem';

/** How long a client is asked to wait before retrying while the database is unavailable. */
export const DATABASE_RETRY_AFTER_SECONDS = 5;

const GENERIC_TITLES: Record<number, string> = {
  400: 'Bad request',
  401: 'Not signed in',
  403: 'Forbidden',
  404: 'Not found',
  405: 'Method not allowed',
  409: 'Conflict',
  413: 'Payload too large',
  415: 'Unsupported media type',
  422: 'Unprocessable content',
  428: 'Precondition required',
  429: 'Too many requests',
};

/**
 * Every error leaves as application/problem+json. Unexpected errors are logged with their stack
 * and answered with a generic 500: no stack trace, SQL or internal message reaches a client.
 */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const reply = http.getResponse<FastifyReply>();
    const request = http.getRequest<FastifyRequest>();
    const document = this.toProblem(exception, request);
    if (document.status >= 500) {
      this.logger.error({ err: exception, requestId: request.id }, 'Unhandled error');
    }
    if (reply.sent || reply.raw.headersSent) return;
    if (typeof document.retryAfterSeconds === 'number') {
      reply.header('Retry-After', String(document.retryAfterSeconds));
    }
    // The body was refused before it was read to its end: the connection cannot carry another request.
    if (unreadRequests.has(request.raw)) reply.header('Connection', 'close');
    void reply.status(document.status).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(document));
  }

  private toProblem(exception: unknown, request: FastifyRequest): ProblemDocument {
    const instance = request.url?.split('?')[0];
    if (exception instanceof Problem) return exception.toDocument(instance);
    if (exception instanceof HttpException) return this.fromHttpException(exception, instance);
    const fastify = this.fromFastifyError(exception, instance);
    if (fastify) return fastify;
    const database = this.fromDatabaseError(exception, instance);
    if (database) return database;
    if (isDatabaseUnavailable(exception)) {
      return {
        type: 'https://hstf-portfolio.org/problems/unavailable',
        title: 'Service unavailable',
        status: HttpStatus.SERVICE_UNAVAILABLE,
        detail: 'The database is not answering; try again shortly.',
        retryAfterSeconds: DATABASE_RETRY_AFTER_SECONDS,
        instance,
      };
    }
    return {
      type: 'https://hstf-portfolio.org/problems/internal',
      title: 'Internal error',
      status: HttpStatus.INTERNAL_SERVER_ERROR,
      detail: 'Something went wrong on our side. The error was logged; try again later.',
      instance,
    };
  }

  private fromHttpException(exception: HttpException, instance?: string): ProblemDocument {
    const status = exception.getStatus();
    const body = exception.getResponse();
    // Nest's own errors (body-parser, routing) carry a message; keep it only for client errors.
    const message: unknown =
      typeof body === 'string' ? body : ((body as { message?: unknown }).message ?? exception.message);
    const text = Array.isArray(message)
      ? message.map(String).join('; ')
      : typeof message === 'string'
        ? message
        : '';
    const detail = status < 500 && text ? text : undefined;
    return {
      type: status === 404 ? 'https://hstf-portfolio.org/problems/not-found' : 'about:blank',
      title: GENERIC_TITLES[status] ?? (status >= 500 ? 'Internal error' : 'Request refused'),
      status,
      ...(detail ? { detail } : {}),
      instance,
    };
  }

  /**
   * Fastify's own refusals of a request (an upload over its limits, a body it cannot read) carry
   * their client-error status, as Express's did through http-errors.
   */
  private fromFastifyError(exception: unknown, instance?: string): ProblemDocument | null {
    const { statusCode, code, message } = (exception ?? {}) as {
      statusCode?: unknown;
      code?: unknown;
      message?: unknown;
    };
    if (typeof statusCode !== 'number' || statusCode < 400 || statusCode >= 500) return null;
    if (typeof code !== 'string' || !code.startsWith('FST_')) return null;
    return this.fromHttpException(
      new HttpException(typeof message === 'string' ? message : '', statusCode),
      instance,
    );
  }

  /** Constraint violations the services did not anticipate still answer as the client's error. */
  private fromDatabaseError(exception: unknown, instance?: string): ProblemDocument | null {
    if (!(exception instanceof QueryFailedError)) return null;
    const code = (exception.driverError as { code?: string } | undefined)?.code;
    const constraint = (exception.driverError as { constraint?: string } | undefined)?.constraint;
    if (code === '23505') {
      return {
        type: 'https://hstf-portfolio.org/problems/duplicate',
        title: 'Conflict',
        status: 409,
        detail: 'A record with the same unique value already exists.',
        constraint,
        instance,
      };
    }
    if (code === '23503') {
      return {
        type: 'https://hstf-portfolio.org/problems/reference',
        title: 'Conflict',
        status: 409,
        detail: 'The record refers to, or is referred to by, another record.',
        constraint,
        instance,
      };
    }
    // 22007/22008: a malformed or out-of-range date, e.g. in a forged keyset cursor;
    // 23502: a required value sent as null that no validator caught.
    if (
      code === '23502' ||
      code === '23514' ||
      code === '22P02' ||
      code === '22003' ||
      code === '22001' ||
      code === '22007' ||
      code === '22008'
    ) {
      return {
        type: 'https://hstf-portfolio.org/problems/validation',
        title: 'Invalid request',
        status: 400,
        detail: 'A value is out of range or not allowed.',
        constraint,
        instance,
      };
    }
    return null;
  }
}
