export type Translations = { [key: string]: string | Translations };

/** The strings of several files as one tree: each file holds top-level keys of its own. */
export function merged(files: Record<string, unknown>): Translations {
  return Object.assign({}, ...Object.values(files)) as Translations;
}
