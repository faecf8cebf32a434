import { ApiError } from '../../../lib/problem';

interface FetchResult<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/** The body of a successful call, or the problem document of a failed one thrown as an ApiError. */
export function unwrap<T>({ data, error, response }: FetchResult<T>): T {
  if (error !== undefined || data === undefined) throw ApiError.from(response, error);
  return data;
}

/** For calls answered 204: only the failure matters. */
export function ensureOk({ error, response }: FetchResult<unknown>): void {
  if (!response.ok) throw ApiError.from(response, error);
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
