import type { components } from '@hstf/api-client';
import { FUNDED_STAGES, PROPOSAL_STAGES, type Stage } from '@hstf/domain';
import { queryOptions, useQueries } from '@tanstack/react-query';
import { fetchClient } from '../../../lib/api-client';
import { ApiError } from '../../../lib/problem';

export type CompliancePage = components['schemas']['CompliancePage'];
export type ComplianceStatus = CompliancePage['items'][number]['status'];

export const COMPLIANCE_STATUSES = [
  'compliant',
  'pending',
  'non_compliant',
] as const satisfies readonly ComplianceStatus[];

/**
 * The API lists projects by paragraph 6 status but does not count them; one page per status (the
 * largest the API gives) is read and counted. Past it, a count is a lower bound ("200+").
 */
export const COMPLIANCE_PAGE = 200;

export function complianceQueryOptions(status: ComplianceStatus) {
  return queryOptions({
    queryKey: ['compliance', 'list', { status, limit: COMPLIANCE_PAGE }] as const,
    queryFn: async ({ signal }): Promise<CompliancePage> => {
      const { data, error, response } = await fetchClient.GET('/api/v1/compliance', {
        params: { query: { status, limit: COMPLIANCE_PAGE } },
        signal,
      });
      if (error !== undefined || data === undefined) throw ApiError.from(response, error);
      return data;
    },
  });
}

export const COMPLIANCE_GROUPS = ['proposals', 'funded'] as const;
export type ComplianceGroup = (typeof COMPLIANCE_GROUPS)[number];

/** Proposals (concept note to under review) and funded projects (approved, active): where para 6 is at stake. */
export const GROUP_STAGES: Record<ComplianceGroup, readonly Stage[]> = {
  proposals: PROPOSAL_STAGES,
  funded: FUNDED_STAGES,
};

export interface ComplianceCount {
  count: number;
  /** More projects have this status than one page holds: `count` is a lower bound. */
  more: boolean;
}

export type ComplianceCounts = Record<ComplianceStatus, Record<ComplianceGroup, ComplianceCount>>;

export function countCompliance(pages: Record<ComplianceStatus, CompliancePage>): ComplianceCounts {
  const counts = {} as ComplianceCounts;
  for (const status of COMPLIANCE_STATUSES) {
    const page = pages[status];
    const more = page.nextCursor !== null;
    counts[status] = {
      proposals: { count: 0, more },
      funded: { count: 0, more },
    };
    for (const item of page.items) {
      for (const group of COMPLIANCE_GROUPS) {
        if ((GROUP_STAGES[group] as readonly string[]).includes(item.stage)) counts[status][group].count += 1;
      }
    }
  }
  return counts;
}

/** The three statuses side by side: counts once all have answered. */
export function useComplianceCounts() {
  return useQueries({
    queries: COMPLIANCE_STATUSES.map((status) => complianceQueryOptions(status)),
    combine: (results) => {
      const [compliant, pending, nonCompliant] = results;
      const data =
        compliant?.data && pending?.data && nonCompliant?.data
          ? countCompliance({
              compliant: compliant.data,
              pending: pending.data,
              non_compliant: nonCompliant.data,
            })
          : undefined;
      return {
        data,
        on: compliant?.data?.on,
        isPending: results.some((result) => result.isPending),
        isError: results.some((result) => result.isError),
        refetch: () => results.forEach((result) => void result.refetch()),
      };
    },
  });
}
