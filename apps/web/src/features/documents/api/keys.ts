import { projectKeys } from '../../projects/api/keys';

/**
 * The cache keys of the documents API. A record's documents sit under its project's key, so the
 * project's timeline and its other screens refresh with an attachment, and it with them.
 */
export const documentKeys = {
  record: (projectId: string, recordKind: string, recordId: string) =>
    [...projectKeys.one(projectId), 'documents', recordKind, recordId] as const,
  timeline: (projectId: string) => [...projectKeys.one(projectId), 'timeline'] as const,
};
