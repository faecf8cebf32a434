import type { paths } from '@hstf/api-client';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { fetchClient } from '../../../lib/api-client';
import { unwrap } from '../../../lib/request';
import { reviewKeys } from './keys';

type Settings = paths['/api/v1/assessment-settings'];
export type AssessmentSettings = Settings['get']['responses'][200]['content']['application/json'];
export type AssessmentSettingsInput = Settings['patch']['requestBody']['content']['application/json'];

export const assessmentSettingsQueryOptions = queryOptions({
  queryKey: reviewKeys.settings,
  queryFn: async ({ signal }): Promise<AssessmentSettings> => {
    return unwrap(await fetchClient.GET('/api/v1/assessment-settings', { signal }));
  },
});

export function useAssessmentSettings() {
  return useQuery(assessmentSettingsQueryOptions);
}

/** PATCH /api/v1/assessment-settings (admin) with the version read. */
export function useUpdateAssessmentSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (input: AssessmentSettingsInput & { version: number }) => {
      return unwrap(
        await fetchClient.PATCH('/api/v1/assessment-settings', {
          body: input,
        }),
      );
    },
    onSuccess: (settings) => queryClient.setQueryData(assessmentSettingsQueryOptions.queryKey, settings),
  });
}
