import type { components, paths } from '@hstf/api-client';
import {
  infiniteQueryOptions,
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { fetchClient } from '../../../lib/api-client';
import { ifMatch } from '../../../lib/field-errors';
import { allPages, ensureOk, unwrap } from '../../../lib/request';
import { lessonKeys } from './keys';

type ListLessons = paths['/api/v1/lessons']['get'];
export type LessonsQuery = NonNullable<ListLessons['parameters']['query']>;
export type LessonPage = ListLessons['responses'][200]['content']['application/json'];
export type Lesson = components['schemas']['LessonDto'];
export type CreateLessonBody = components['schemas']['CreateLessonRequest'];
export type UpdateLessonBody = components['schemas']['UpdateLessonRequest'];
type ProjectSummary = components['schemas']['ProjectSummaryDto'];

export interface LessonFilters {
  q: string;
  principle: string;
  dimension: string;
  country: string;
}

function queryOf(filters: LessonFilters): LessonsQuery {
  const query: LessonsQuery = { limit: 50 };
  if (filters.q.trim()) query.q = filters.q.trim();
  if (filters.principle) query.principle = filters.principle as LessonsQuery['principle'];
  if (filters.dimension) query.dimension = filters.dimension as LessonsQuery['dimension'];
  if (filters.country) query.country = filters.country;
  return query;
}

/** GET /api/v1/lessons, newest first, searched and filtered, page by page. */
export function lessonsQueryOptions(filters: LessonFilters) {
  const query = queryOf(filters);
  return infiniteQueryOptions({
    queryKey: lessonKeys.list(query),
    initialPageParam: null as string | null,
    queryFn: async ({ pageParam, signal }): Promise<LessonPage> =>
      unwrap(
        await fetchClient.GET('/api/v1/lessons', {
          params: { query: pageParam ? { ...query, cursor: pageParam } : query },
          signal,
        }),
      ),
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? null,
    placeholderData: keepPreviousData,
  });
}

export function useLessons(filters: LessonFilters) {
  return useInfiniteQuery(lessonsQueryOptions(filters));
}

/** The closed projects lessons are written from, for the form's project picker. */
export function useClosedProjects(enabled: boolean) {
  return useQuery({
    queryKey: lessonKeys.closedProjects,
    enabled,
    queryFn: ({ signal }): Promise<ProjectSummary[]> =>
      allPages(async (cursor) =>
        unwrap(
          await fetchClient.GET('/api/v1/projects', {
            params: { query: { stage: ['closed'], limit: 200, ...(cursor ? { cursor } : {}) } },
            signal,
          }),
        ),
      ),
  });
}

export function useSaveLesson() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (
      input: { id: null; body: CreateLessonBody } | { id: string; version: number; body: UpdateLessonBody },
    ): Promise<Lesson> =>
      input.id === null
        ? unwrap(await fetchClient.POST('/api/v1/lessons', { body: input.body }))
        : unwrap(
            await fetchClient.PATCH('/api/v1/lessons/{id}', {
              params: { path: { id: input.id } },
              headers: ifMatch(input.version),
              body: input.body,
            }),
          ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: lessonKeys.all }),
  });
}

/** DELETE /api/v1/lessons/:id on the version read. */
export function useRemoveLesson() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, version }: { id: string; version: number }) =>
      ensureOk(
        await fetchClient.DELETE('/api/v1/lessons/{id}', {
          params: { path: { id } },
          headers: ifMatch(version),
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: lessonKeys.all }),
  });
}
