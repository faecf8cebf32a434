import type { components } from '@hstf/api-client';
import { COMPLIANCE_STATUSES as DOMAIN_STATUSES } from '@hstf/domain';
import type { Stage } from '@hstf/domain';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { fetchClient } from '../../../lib/api-client';
import { unwrap } from '../../../lib/request';
import { dashboardKeys } from './keys';

export type ComplianceSummary = components['schemas']['ComplianceCountsDto'];
export type ComplianceStatus = ComplianceSummary['counts'][number]['status'];

/** Every status the API answers, in the order every screen lists them. */
export const COMPLIANCE_STATUSES: readonly ComplianceStatus[] = DOMAIN_STATUSES;

/**
 * Where paragraph 6 is at stake now: proposals under review, and funded projects (approved, active, and
 * suspended until it holds again).
 */
export const COMPLIANCE_GROUPS = ['review', 'funded'] as const;
export type ComplianceGroup = (typeof COMPLIANCE_GROUPS)[number];

export const GROUP_STAGES: Record<ComplianceGroup, readonly Stage[]> = {
  review: ['under_review'],
  funded: ['approved', 'active', 'suspended'],
};

/**
 * The project list showing the projects one count counts: the list judges each project on its
 * stage's date, which for these stages is today, the date of the counts.
 */
export function complianceListLink(status: ComplianceStatus, group: ComplianceGroup): string {
  const params = new URLSearchParams({ stage: GROUP_STAGES[group].join(','), compliance: status });
  return `/projects?${params.toString()}`;
}

export type ComplianceCounts = Record<ComplianceStatus, Record<ComplianceGroup, number>>;

/** The API's counts by stage and status, summed into the two groups the overview shows. */
export function countCompliance(summary: ComplianceSummary): ComplianceCounts {
  const counts = Object.fromEntries(
    COMPLIANCE_STATUSES.map((status) => [status, { review: 0, funded: 0 }]),
  ) as ComplianceCounts;
  for (const row of summary.counts) {
    for (const group of COMPLIANCE_GROUPS) {
      if (GROUP_STAGES[group].includes(row.stage)) counts[row.status][group] += row.projects;
    }
  }
  return counts;
}

/** GET /api/v1/compliance/summary: how many projects hold each paragraph 6 status, by stage, today. */
export const complianceSummaryQueryOptions = queryOptions({
  queryKey: dashboardKeys.complianceSummary,
  queryFn: async ({ signal }): Promise<ComplianceSummary> => {
    return unwrap(await fetchClient.GET('/api/v1/compliance/summary', { signal }));
  },
});

export function useComplianceCounts() {
  return useQuery({
    ...complianceSummaryQueryOptions,
    select: (summary) => ({ on: summary.on, counts: countCompliance(summary) }),
  });
}
