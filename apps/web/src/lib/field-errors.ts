import { ApiError } from './problem';

/** What a failed write means for a form: messages per field, the rest for the form, and whether it was stale. */
export interface WriteFailure {
  /** 400 (or 409 with field errors): the server's message for each field it rejected. */
  fields: Record<string, string>;
  /** Field errors on fields the form does not show. */
  others: string[];
  /** 409 stale version: someone saved the record after it was read. */
  stale: boolean;
  /** The server's status, or null when it could not be reached. */
  status: number | null;
}

const STALE_TYPE = /\/stale-version$/;

export function isStaleVersion(error: unknown): boolean {
  return (
    error instanceof ApiError &&
    error.status === 409 &&
    error.problem !== null &&
    (STALE_TYPE.test(error.problem.type) || 'currentVersion' in error.problem)
  );
}

/**
 * Splits a problem document into the fields a form knows and the rest. `known` lists the form's
 * fields; a nested field such as "scores.people_centred" is kept whole.
 */
export function writeFailureOf(error: unknown, known: readonly string[]): WriteFailure {
  const failure: WriteFailure = { fields: {}, others: [], stale: isStaleVersion(error), status: null };
  if (!(error instanceof ApiError)) return failure;
  failure.status = error.status;
  for (const item of error.problem?.errors ?? []) {
    if (known.includes(item.field)) failure.fields[item.field] ??= item.message;
    else failure.others.push(`${item.field}: ${item.message}`);
  }
  return failure;
}

/** The version to send with a write: as If-Match, which every versioned route of the API accepts. */
export function ifMatch(version: number): { 'If-Match': string } {
  return { 'If-Match': `"${version}"` };
}

/** The last segment of the problem's type ("stale-version", "donor-in-use"), to say it in the reader's language. */
export function problemSlug(error: unknown): string | null {
  if (!(error instanceof ApiError) || !error.problem) return null;
  return error.problem.type.split('/').pop() ?? null;
}
