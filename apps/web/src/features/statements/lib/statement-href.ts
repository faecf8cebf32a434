/**
 * The addresses of the printable statements, in the reader's language (a link cannot set
 * Accept-Language). They are plain links: the session cookie signs them and the browser saves the file.
 */
export function donorStatementHref(donorId: string, from: string, to: string, language: string): string {
  const params = new URLSearchParams();
  if (from) params.set('from', from);
  if (to) params.set('to', to);
  params.set('lang', language);
  return `/api/v1/donors/${encodeURIComponent(donorId)}/statement.pdf?${params.toString()}`;
}

export function factSheetHref(projectId: string, language: string): string {
  return `/api/v1/projects/${encodeURIComponent(projectId)}/factsheet.pdf?lang=${encodeURIComponent(language)}`;
}

/** The period a statement covers unless the reader changes it: this year, up to today. */
export function defaultPeriod(today: string): { from: string; to: string } {
  return { from: `${today.slice(0, 4)}-01-01`, to: today };
}
