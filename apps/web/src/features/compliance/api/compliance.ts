import { queryOptions, useQuery } from '@tanstack/react-query';
import { fetchClient } from '../../../lib/api-client';
import { projectKeys } from '../../projects/api/keys';
import { unwrap } from '../../../lib/request';
import type { ProjectCompliance } from '../../projects';

/** GET /api/v1/projects/:id/compliance: resolution 66/290 paragraph 6 per recipient country, today. */
export function complianceQueryOptions(id: string) {
  return queryOptions({
    queryKey: projectKeys.compliance(id),
    queryFn: async ({ signal }): Promise<ProjectCompliance> =>
      unwrap(await fetchClient.GET('/api/v1/projects/{id}/compliance', { params: { path: { id } }, signal })),
  });
}

export function useCompliance(id: string) {
  return useQuery(complianceQueryOptions(id));
}
