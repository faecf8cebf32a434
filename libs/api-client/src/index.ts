import createFetchClient from 'openapi-fetch';
import type { components, paths } from './schema.js';

export type { components, paths };

/** An RFC 9457 problem document, as every error of the API is shaped. */
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

export interface ApiClientOptions {
  /**
   * Where the API is served, without `/api`: `https://portfolio.example.org`. Leave it out in the
   * browser to call the page's own origin; outside a browser it is required.
   */
  baseUrl?: string;
  /**
   * A personal access token (`hstf_pat_…`, created on the account page) or the token sign-in
   * answers, sent as `Authorization: Bearer`. Without one the client relies on the browser's
   * httpOnly session cookie (cookie mode).
   */
  token?: string;
  /**
   * Whether the browser sends its cookies: `same-origin` by default in cookie mode, `omit` with a
   * token, so that a bearer client never also acts with a session it did not choose.
   */
  credentials?: 'omit' | 'same-origin' | 'include';
  /** Another fetch (a proxy agent, a test double); by default the global one, looked up on each call. */
  fetch?: (request: Request) => Promise<Response>;
}

/**
 * The typed client of the HSTF Portfolio API: `fetchClient` is an openapi-fetch client over every
 * route of the API's OpenAPI document (`fetchClient.GET('/api/v1/projects', …)`), answering
 * `{ data, error, response }`, where `error` is the problem document of a failed call.
 *
 * - From Node or any script: `createApiClient({ baseUrl, token })`.
 * - In the browser, signed in by the session cookie: `createApiClient()` (same origin).
 */
export function createApiClient(options: ApiClientOptions = {}) {
  const { baseUrl = '', token, fetch } = options;
  if (token !== undefined && token.trim() === '') throw new TypeError('The token is empty.');
  if (!baseUrl && typeof globalThis.location === 'undefined')
    throw new TypeError('baseUrl is required outside a browser, e.g. "https://portfolio.example.org".');
  // JSON only: lists also answer CSV and Excel files, which are downloaded by link, not by this client.
  const fetchClient = createFetchClient<paths, 'application/json'>({
    baseUrl: baseUrl.replace(/\/+$/, ''),
    credentials: options.credentials ?? (token ? 'omit' : 'same-origin'),
    ...(token ? { headers: { Authorization: `Bearer ${token.trim()}` } } : {}),
    // Looked up on each call rather than captured once, so polyfills and test doubles of fetch apply.
    fetch: fetch ?? ((request) => globalThis.fetch(request)),
  });
  return { fetchClient };
}

export type ApiClient = ReturnType<typeof createApiClient>;
export type FetchClient = ApiClient['fetchClient'];
