import pino, { type DestinationStream, type Logger, stdSerializers } from 'pino';
import type { AppConfig } from '../../config/app-config';
import { readableLog } from '../../config/log-format';

/** The Nest token of the process's one pino logger. */
export const ROOT_LOGGER = Symbol('ROOT_LOGGER');

/**
 * The API's logger: JSON lines to stdout for machines (pino's own asynchronous writer, flushed on
 * exit), or readable ones for a person (LOG_FORMAT=pretty), at LOG_LEVEL. `destination` replaces
 * stdout (the tests read the lines). No header reaches a line: a request is logged as its
 * five-field summary (request-scope.ts), an answer by its status.
 */
export function createRootLogger(config: AppConfig, destination?: DestinationStream): Logger {
  const options = { level: config.logLevel, serializers: { err: stdSerializers.err } };
  const output = destination ?? (config.logFormat === 'pretty' ? readableLog() : undefined);
  return output ? pino(options, output) : pino(options);
}
