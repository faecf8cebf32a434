import type { paths } from '@hstf/api-client';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { fetchClient } from '../../../lib/api-client';
import { unwrap } from '../../../lib/request';
import { reviewKeys } from './keys';

type Calibration = paths['/api/v1/reviewers/calibration']['get'];
export type ReviewerCalibration =
  Calibration['responses'][200]['content']['application/json']['items'][number];

/** GET /api/v1/reviewers/calibration: each reviewer's mean deviation from the panel mean. */
export const calibrationQueryOptions = queryOptions({
  queryKey: reviewKeys.calibration,
  queryFn: async ({ signal }): Promise<ReviewerCalibration[]> => {
    const data = unwrap(await fetchClient.GET('/api/v1/reviewers/calibration', { signal }));
    return data.items;
  },
});

export function useCalibration() {
  return useQuery(calibrationQueryOptions);
}
