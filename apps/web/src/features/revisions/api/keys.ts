import { projectKeys } from '../../projects/api/keys';

/** A project's revision requests sit under the project's keys: a decision refreshes the whole page. */
export const revisionKeys = {
  list: (projectId: string) => [...projectKeys.one(projectId), 'revisions'] as const,
};
