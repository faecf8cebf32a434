import { projectKeys } from '../../projects/api/keys';

/**
 * The cache keys of the reports API. A project's schedule sits under the project's own key, so a
 * write to the project (its dates, its approval) refreshes it; the overdue alerts sit with the
 * dashboard's figures.
 */
export const reportKeys = {
  list: (projectId: string) => [...projectKeys.one(projectId), 'reports'] as const,
  overdue: (limit: number) => ['dashboard', 'overdue-reports', { limit }] as const,
};
