import { HttpException, HttpStatus } from '@nestjs/common';

export interface FieldError {
  field: string;
  message: string;
}

export interface ProblemDocument {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  errors?: FieldError[];
  [extension: string]: unknown;
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';
const TYPE_BASE = 'https://hstf-portfolio.org/problems/';

/**
 * An error answered as RFC 9457 problem details. `slug` names the problem type; extensions
 * (for example `currentVersion` on a conflict) travel beside the standard members.
 */
export class Problem extends HttpException {
  constructor(
    status: HttpStatus,
    readonly slug: string,
    readonly title: string,
    readonly detail?: string,
    readonly extensions: Record<string, unknown> = {},
  ) {
    super(detail ?? title, status);
  }

  toDocument(instance?: string): ProblemDocument {
    return {
      type: TYPE_BASE + this.slug,
      title: this.title,
      status: this.getStatus(),
      ...(this.detail ? { detail: this.detail } : {}),
      ...(instance ? { instance } : {}),
      ...this.extensions,
    };
  }

  static validation(errors: FieldError[], detail = 'The request has invalid fields.'): Problem {
    return new Problem(HttpStatus.BAD_REQUEST, 'validation', 'Invalid request', detail, { errors });
  }

  static notFound(what: string): Problem {
    return new Problem(HttpStatus.NOT_FOUND, 'not-found', 'Not found', `${what} was not found.`);
  }

  static conflict(slug: string, detail: string, extensions: Record<string, unknown> = {}): Problem {
    return new Problem(HttpStatus.CONFLICT, slug, 'Conflict', detail, extensions);
  }

  static staleVersion(entity: string, sentVersion: number, currentVersion: number): Problem {
    return new Problem(
      HttpStatus.CONFLICT,
      'stale-version',
      'The record was changed by someone else',
      `This ${entity} is at version ${currentVersion}, the change was based on version ${sentVersion}. ` +
        'Reload it, reapply the change, and send it again with the new version.',
      { currentVersion },
    );
  }

  static unauthenticated(detail = 'Sign in to continue.'): Problem {
    return new Problem(HttpStatus.UNAUTHORIZED, 'unauthenticated', 'Not signed in', detail);
  }

  static forbidden(detail = 'Your role does not allow this.'): Problem {
    return new Problem(HttpStatus.FORBIDDEN, 'forbidden', 'Forbidden', detail);
  }
}
