import type { components } from '@hstf/api-client';
import { useQueries } from '@tanstack/react-query';
// The project page's query, key and all: a consent saved there refreshes this page too.
import { complianceQueryOptions } from '../../compliance';

export type ProjectCompliance = components['schemas']['ProjectComplianceDto'];
export type CountryCompliance = ProjectCompliance['countries'][number];

/**
 * Paragraph 6 is judged one project at a time (GET /projects/{id}/compliance); the country page asks
 * for the first projects only, so that a country with hundreds of projects does not fire hundreds of calls.
 */
export const COMPLIANCE_CHECKED = 20;

/** Each project's paragraph 6 result for one country, by project id (undefined while loading or on error). */
export function useCountryCompliance(projectIds: string[], iso3: string) {
  return useQueries({
    queries: projectIds.slice(0, COMPLIANCE_CHECKED).map((id) => complianceQueryOptions(id)),
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
