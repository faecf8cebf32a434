import { createParamDecorator, ExecutionContext, HttpStatus } from '@nestjs/common';
import type { Request } from 'express';
import { parseIfMatch } from '../common/concurrency/expected-version';
import { Problem } from '../common/problem-details/problem';

/**
 * The version the client read, from `If-Match` or the body's `version`, or null when it sent none:
 * for writes that may create the record (a moderation note) or that are one-time (a conflict
 * declaration), where a version is checked when given. Malformed or contradictory versions are 400.
 */
export const OptionalExpectedVersion = createParamDecorator(
  (_: unknown, context: ExecutionContext): number | null => {
    const request = context.switchToHttp().getRequest<Request>();
    const fromHeader = parseIfMatch(request.headers['if-match']);
    const fromBody = (request.body as { version?: unknown } | undefined)?.version;
    if (fromHeader !== null && Number.isNaN(fromHeader)) {
      throw Problem.validation([{ field: 'If-Match', message: 'must be a version number, like "3"' }]);
    }
    if (fromHeader !== null && fromBody !== undefined && fromHeader !== fromBody) {
      throw Problem.validation([{ field: 'version', message: 'differs from the If-Match header' }]);
    }
    const version = fromHeader ?? fromBody;
    if (version === undefined || version === null) return null;
    if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
      throw Problem.validation([{ field: 'version', message: 'must be a positive integer' }]);
    }
    return version;
  },
);

/** 428 when a record that exists is changed without the version it was read at. */
export function versionRequired(entity: string): Problem {
  return new Problem(
    HttpStatus.PRECONDITION_REQUIRED,
    'version-required',
    'Precondition required',
    `This ${entity} exists: send the version you read, in If-Match or as "version" in the body.`,
  );
}
