/** A list's filters as the dashboard holds them for its API query. */
export type QueryValue = string | number | boolean | readonly (string | number)[] | null | undefined;

export const EXPORT_FORMATS = ['csv', 'xlsx'] as const;

/**
 * The address of the whole list as a file: the screen's filters, the format, and the reader's
 * language for the headers (a link cannot set Accept-Language). Arrays repeat their name, as the
 * API client sends them.
 */
export function exportHref(
  path: string,
  query: Readonly<Record<string, QueryValue>>,
  format: (typeof EXPORT_FORMATS)[number],
  language: string,
): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (name === 'limit' || name === 'cursor' || value === undefined || value === null || value === '')
      continue;
    if (Array.isArray(value))
      for (const item of value as readonly (string | number)[]) params.append(name, String(item));
    else params.set(name, String(value));
  }
  params.set('format', format);
  params.set('lang', language);
  return `${path}?${params.toString()}`;
}
