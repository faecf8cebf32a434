import { isProblemDetails, type ProblemDetails } from '@hstf/api-client';

/** A failed API call: the problem document the server sent, plus what only the response headers say. */
export class ApiError extends Error {
  readonly status: number;
  readonly problem: ProblemDetails | null;
  /** Seconds to wait, from the Retry-After header of a 429 or 503. */
  readonly retryAfterSeconds: number | null;

  constructor(status: number, problem: ProblemDetails | null, retryAfterSeconds: number | null = null) {
    super(problem?.detail ?? problem?.title ?? `HTTP ${status}`);
    this.name = 'ApiError';
    this.status = status;
    this.problem = problem;
    this.retryAfterSeconds = retryAfterSeconds;
  }

  static from(response: Response, body: unknown): ApiError {
    return new ApiError(
      response.status,
      isProblemDetails(body) ? body : null,
      parseRetryAfter(response.headers.get('Retry-After')),
    );
  }
}

/** Retry-After is either a number of seconds or an HTTP date (RFC 9110 §10.2.3). */
export function parseRetryAfter(value: string | null, now: number = Date.now()): number | null {
  if (!value) return null;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return null;
  return Math.max(0, Math.ceil((date - now) / 1000));
}

/** The HTTP status of anything a query or mutation threw: an ApiError, or a bare problem document. */
export function statusOf(error: unknown): number | null {
  if (error instanceof ApiError) return error.status;
  if (isProblemDetails(error)) return error.status;
  return null;
}
