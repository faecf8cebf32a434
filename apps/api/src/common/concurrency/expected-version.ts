import { createParamDecorator, ExecutionContext, HttpStatus } from '@nestjs/common';
import type { Request } from 'express';
import { Problem } from '../problem-details/problem';

/** `If-Match: "3"`, `If-Match: W/"3"` or `If-Match: 3` all mean version 3. */
export function parseIfMatch(header: string | undefined): number | null {
  if (!header) return null;
  const match = /^\s*(?:W\/)?"?(\d+)"?\s*$/.exec(header);
  return match ? Number(match[1]) : NaN;
}

export function etagOf(version: number): string {
  return `"${version}"`;
}

/**
 * The version the client read, from `If-Match` or the body's `version`. An update without one
 * is refused (428): accepting it would let a blind write overwrite someone else's change.
 */
export const ExpectedVersion = createParamDecorator((_: unknown, context: ExecutionContext): number => {
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
  if (version === undefined || version === null) {
    throw new Problem(
      HttpStatus.PRECONDITION_REQUIRED,
      'version-required',
      'Precondition required',
      'Send the version you read, in If-Match or as "version" in the body.',
    );
  }
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    throw Problem.validation([{ field: 'version', message: 'must be a positive integer' }]);
  }
  return version;
});
