import { ApiError } from './problem';

/** What every call of the openapi-fetch client (lib/api-client) resolves to. */
interface FetchResult<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/**
 * The body of a successful call, or the problem document of a failed one thrown as an ApiError.
 * Every query and mutation goes through here (or ensureOk), so a failure reaches the screens in one shape.
 */
export function unwrap<T>(result: FetchResult<T>): T {
  if (result.error !== undefined || result.data === undefined) fail(result);
  return result.data;
}

/** For calls answered 204: only the failure matters. */
export function ensureOk(result: FetchResult<unknown>): void {
  if (!result.response.ok) fail(result);
}

function fail({ error, response }: FetchResult<unknown>): never {
  throw ApiError.from(response, error);
}

/** Every page of a keyset-paged list, for the short lists a screen needs whole (a project's transfers). */
export async function allPages<T>(
  fetchPage: (cursor: string | undefined) => Promise<{ items: T[]; nextCursor: string | null }>,
  maxPages = 20,
): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < maxPages; page += 1) {
    const result = await fetchPage(cursor);
    items.push(...result.items);
    if (!result.nextCursor) break;
    cursor = result.nextCursor;
  }
  return items;
}
