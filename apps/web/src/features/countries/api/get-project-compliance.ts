import type { components } from '@hstf/api-client';
import { queryOptions, useQueries } from '@tanstack/react-query';
import { fetchClient } from '../../../lib/api-client';
import { unwrap } from '../../../lib/request';

export type ProjectCompliance = components['schemas']['ProjectComplianceDto'];
export type CountryCompliance = ProjectCompliance['countries'][number];

/**
 * Paragraph 6 is judged one project at a time (GET /projects/{id}/compliance); the country page asks
 * for the first projects only, so that a country with hundreds of projects does not fire hundreds of calls.
 */
export const COMPLIANCE_CHECKED = 20;

export function projectComplianceQueryOptions(projectId: string) {
  return queryOptions({
    queryKey: ['projects', 'compliance', projectId] as const,
    queryFn: async ({ signal }): Promise<ProjectCompliance> => {
      return unwrap(
        await fetchClient.GET('/api/v1/projects/{id}/compliance', {
          params: { path: { id: projectId } },
          signal,
        }),
      );
    },
  });
}

/** Each project's paragraph 6 result for one country, by project id (undefined while loading or on error). */
export function useCountryCompliance(projectIds: string[], iso3: string) {
  return useQueries({
    queries: projectIds.slice(0, COMPLIANCE_CHECKED).map((id) => projectComplianceQueryOptions(id)),
    combine: (results) => {
      const byProject = new Map<
        string,
        { country: CountryCompliance | undefined; loading: boolean; failed: boolean }
      >();
      results.forEach((result, index) => {
        const id = projectIds[index];
        if (!id) return;
        byProject.set(id, {
          country: result.data?.countries.find((entry) => entry.country === iso3),
          loading: result.isPending,
          failed: result.isError,
        });
      });
      return byProject;
    },
  });
}
