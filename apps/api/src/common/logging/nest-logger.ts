import type { LoggerService } from '@nestjs/common';
import type { Level, Logger } from 'pino';
import { requestScope } from './request-scope';

/**
 * Nest's logger (its own lines, and every `new Logger(context)` of the API) written by pino: one
 * JSON line each, `context` the part of the API that speaks, `req` the request it works for when
 * there is one. As nestjs-pino's Logger wrote them: an object as the message is merged into the
 * line, an Error becomes `err`, and Nest's own (message, stack, context) for errors becomes `err`
 * with that stack.
 */
export class NestPinoLogger implements LoggerService {
  constructor(private readonly root: Logger) {}

  verbose(message: unknown, ...optional: unknown[]): void {
    this.write('trace', message, optional);
  }
  debug(message: unknown, ...optional: unknown[]): void {
    this.write('debug', message, optional);
  }
  log(message: unknown, ...optional: unknown[]): void {
    this.write('info', message, optional);
  }
  warn(message: unknown, ...optional: unknown[]): void {
    this.write('warn', message, optional);
  }
  error(message: unknown, ...optional: unknown[]): void {
    this.write('error', message, optional);
  }
  fatal(message: unknown, ...optional: unknown[]): void {
    this.write('fatal', message, optional);
  }

  private write(level: Level, message: unknown, optional: unknown[]): void {
    // Decided before anything is built: most lines (trace, debug) are below the level.
    if (!this.root.isLevelEnabled(level)) return;
    const request = requestScope.getStore();
    const fields: Record<string, unknown> = request ? { req: request } : {};
    // Nest passes the context last; error() with a context and no stack passes an undefined stack
    // before it, which pino would otherwise read as a printf argument ("50%" → "50undefined").
    const params = optional.slice(0, -1);
    while (params.length && params.at(-1) === undefined) params.pop();
    if (optional.length) fields.context = optional.at(-1);
    if (message instanceof Error) {
      this.root[level]({ ...fields, err: message }, ...(params as []));
    } else if (typeof message === 'object' && message !== null) {
      this.root[level]({ ...fields, ...message }, ...(params as []));
    } else if (
      level === 'error' &&
      params.length === 1 &&
      typeof params[0] === 'string' &&
      isStack(params[0])
    ) {
      const err = new Error(String(message));
      err.stack = params[0];
      this.root.error({ ...fields, err });
    } else {
      this.root[level](fields, String(message), ...(params as []));
    }
  }
}

/** Whether Nest's second argument to error() is a stack trace ("Error: …\n    at …"). */
function isStack(text: string): boolean {
  return /\n\s+at /.test(text);
}
