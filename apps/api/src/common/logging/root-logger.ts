import type { IncomingMessage, ServerResponse } from 'node:http';
import pino, { type DestinationStream, type Logger, stdSerializers } from 'pino';
import type { AppConfig } from '../../config/app-config';
import { readableLog } from '../../config/log-format';

/** The Nest token of the process's one pino logger. */
export const ROOT_LOGGER = Symbol('ROOT_LOGGER');

/**
 * The API's logger: JSON lines to stdout for machines, or readable ones for a person
 * (LOG_FORMAT=pretty), at LOG_LEVEL. `destination` replaces stdout (the tests read the lines).
 */
export function createRootLogger(config: AppConfig, destination?: DestinationStream): Logger {
  return pino(
    {
      level: config.logLevel,
      redact: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'],
      serializers: {
        // A log line needs these fields only: every header copied and redacted on each line made
        // each line 1 KB long and cost a tenth of a small request's CPU when it was done per request.
        req: (request: IncomingMessage & { id?: string }) => ({
          id: request.id,
          method: request.method,
          url: request.url,
          remoteAddress: request.socket?.remoteAddress,
          userAgent: request.headers['user-agent'],
        }),
        // The status is what a request line needs; the response headers are the same on every answer.
        res: (response: ServerResponse) => ({ statusCode: response.statusCode }),
        err: stdSerializers.err,
      },
    },
    destination ??
      (config.logFormat === 'pretty' ? readableLog() : pino.destination({ dest: 1, sync: true })),
  );
}
