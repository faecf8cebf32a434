import type { components } from '@hstf/api-client';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { fetchClient } from '../../../lib/api-client';
import { allPages, unwrap } from '../../../lib/request';
import { projectKeys } from '../../projects/api/keys';
import { reportKeys } from './keys';

export type Report = components['schemas']['ReportDto'];
export type ReportDocument = components['schemas']['ReportDocumentDto'];
export type OverdueReport = components['schemas']['OverdueReportDto'];
export type OverdueReportPage = components['schemas']['OverdueReportPage'];

/** GET /api/v1/projects/:id/reports: every report the project owes, by due date. */
export function projectReportsQueryOptions(projectId: string) {
  return queryOptions({
    queryKey: reportKeys.list(projectId),
    queryFn: ({ signal }): Promise<Report[]> =>
      allPages(async (cursor) =>
        unwrap(
          await fetchClient.GET('/api/v1/projects/{projectId}/reports', {
            params: { path: { projectId }, query: { limit: 200, ...(cursor ? { cursor } : {}) } },
            signal,
          }),
        ),
      ),
  });
}

export function useProjectReports(projectId: string) {
  return useQuery(projectReportsQueryOptions(projectId));
}

/** GET /api/v1/alerts/reports: the reports overdue today, across the portfolio. */
export function useOverdueReports(limit = 5, enabled = true) {
  return useQuery({
    queryKey: reportKeys.overdue(limit),
    queryFn: async ({ signal }): Promise<OverdueReportPage> =>
      unwrap(await fetchClient.GET('/api/v1/alerts/reports', { params: { query: { limit } }, signal })),
    enabled,
  });
}

function useRefresh(projectId: string) {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: projectKeys.one(projectId) }),
      queryClient.invalidateQueries({ queryKey: ['dashboard'] }),
      queryClient.invalidateQueries({ queryKey: ['results'] }),
    ]);
}

/** POST /api/v1/reports/:id/submission: a report handed in with its documents. */
export function useSubmitReport(projectId: string) {
  const refresh = useRefresh(projectId);
  return useMutation({
    mutationFn: async (input: { report: Report; documents: ReportDocument[] }): Promise<Report> =>
      unwrap(
        await fetchClient.POST('/api/v1/reports/{id}/submission', {
          params: { path: { id: input.report.id } },
          body: { version: input.report.version, documents: input.documents },
        }),
      ),
    onSuccess: refresh,
  });
}

/** POST /api/v1/reports/:id/review: accepted, or returned with comments, by another staff member. */
export function useReviewReport(projectId: string) {
  const refresh = useRefresh(projectId);
  return useMutation({
    mutationFn: async (input: {
      report: Report;
      outcome: 'accepted' | 'returned';
      comments: string | null;
    }): Promise<Report> =>
      unwrap(
        await fetchClient.POST('/api/v1/reports/{id}/review', {
          params: { path: { id: input.report.id } },
          body: { version: input.report.version, outcome: input.outcome, comments: input.comments },
        }),
      ),
    onSuccess: refresh,
  });
}
