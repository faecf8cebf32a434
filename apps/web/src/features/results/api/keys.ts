import { projectKeys } from '../../projects/api/keys';

/** The cache keys of the results API: a project's under the project's key, the overview's apart. */
export const resultKeys = {
  project: (projectId: string) => [...projectKeys.one(projectId), 'results'] as const,
  report: (projectId: string, reportId: string) =>
    [...projectKeys.one(projectId), 'report-results', reportId] as const,
  overview: ['results', 'overview'] as const,
};
