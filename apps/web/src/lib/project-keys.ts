/**
 * The query keys of a project's data. Every cached answer about one project sits under
 * `projectKeys.one(id)`, so the features that change a project (its own form, reviews, consents,
 * transfers, transitions) refresh all of it with one invalidation without importing each other.
 */
export const projectKeys = {
  all: ['projects'] as const,
  lists: ['projects', 'list'] as const,
  one: (id: string) => ['projects', id] as const,
};
