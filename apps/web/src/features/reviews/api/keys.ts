/** The cache keys of the reviews API; a review's writes refresh everything under `all`. */
export const reviewKeys = {
  all: ['reviews'] as const,
  mineAll: ['reviews', 'mine'] as const,
  mine: <Q extends object>(query: Q) => [...reviewKeys.mineAll, query] as const,
  queue: <Q extends object>(query: Q) => ['reviews', 'queue', query] as const,
  proposals: <Q extends object>(query: Q) => ['reviews', 'proposals', query] as const,
  ofProject: (projectId: string) => ['reviews', 'project', projectId] as const,
  detail: (id: string) => ['reviews', 'detail', id] as const,
  calibration: ['reviews', 'calibration'] as const,
  settings: ['reviews', 'assessment-settings'] as const,
  reviewerChoices: ['reviews', 'reviewer-choices'] as const,
};
