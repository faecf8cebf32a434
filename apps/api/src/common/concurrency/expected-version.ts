import { applyDecorators, createParamDecorator, ExecutionContext, HttpStatus } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, Min } from 'class-validator';
import type { FastifyRequest } from 'fastify';
import { Problem } from '../problem-details/problem';
import { Optional } from '../validation/optional';

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
 * The version the client read, from `If-Match` or the body's `version`. An update without one is
 * refused (428): accepting it would let a blind write overwrite someone else's change. With
 * `{ optional: true }` (writes that may create the record, such as a moderation note, or that are
 * one-time, such as a conflict declaration) a missing version is null and is checked when given.
 * Malformed or contradictory versions are 400 either way.
 */
export const ExpectedVersion = createParamDecorator(
  (options: { optional?: boolean } | undefined, context: ExecutionContext): number | null => {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
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
      if (options?.optional) return null;
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

/**
 * The body's `version`, for clients that cannot send If-Match: a positive integer when sent (null
 * is refused); ExpectedVersion reads it and checks it against the header.
 */
export function VersionRead(description = 'The version read; or send If-Match'): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({ description, type: 'integer', minimum: 1, example: 3 }),
    Optional(),
    IsInt(),
    Min(1),
  );
}
