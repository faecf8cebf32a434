import createFetchClient from 'openapi-fetch';
import type { components, paths } from './schema';

export type { components, paths };

/** An RFC 9457 problem document, as every error of the API is shaped (DESIGN.md §6). */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail?: string;
  errors?: { field: string; message: string }[];
}

/** True when a value thrown by the client (the parsed error body) is a problem document. */
export function isProblemDetails(value: unknown): value is ProblemDetails {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { status?: unknown }).status === 'number' &&
    typeof (value as { title?: unknown }).title === 'string'
  );
}

/**
 * The typed client of the HSTF Portfolio API.
 * `fetchClient` is the plain openapi-fetch client; the web wraps each call in its own request helper
 * (apps/web/src/lib/request.ts), so that every failure becomes one error type.
 * The web relies on the httpOnly session cookie, so requests stay same-origin and carry credentials.
 */
export function createApiClient(baseUrl = '') {
  // JSON only: lists also answer CSV and Excel files, which the web downloads by link, not by fetch.
  const fetchClient = createFetchClient<paths, 'application/json'>({
    baseUrl,
    credentials: 'same-origin',
    // Looked up on each call rather than captured once, so polyfills and test doubles of fetch apply.
    fetch: (request) => globalThis.fetch(request),
  });
  return { fetchClient };
}

export type ApiClient = ReturnType<typeof createApiClient>;
export type FetchClient = ApiClient['fetchClient'];
