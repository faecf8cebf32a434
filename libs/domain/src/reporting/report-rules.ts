import type { ReportKind, ReportStatus } from './schedule';

/** Why a move of a report is refused; the API words it, the web translates the code. */
export type ReportProblem =
  | { code: 'report_not_open'; facts: { status: ReportStatus } }
  | { code: 'report_not_submitted'; facts: { status: ReportStatus } }
  | { code: 'report_reviewer_is_submitter'; facts: { submittedBy: string } };

/** A report is handed in while it is due or was returned for another version. */
export function submissionProblem(status: ReportStatus): ReportProblem | null {
  return status === 'due' || status === 'returned' ? null : { code: 'report_not_open', facts: { status } };
}

/**
 * Accepting or returning a report: it must be submitted, and four eyes see it: whoever handed it in
 * cannot be the one who accepts or returns it.
 */
export function reviewProblem(
  report: { status: ReportStatus; submittedBy: string | null },
  reviewerId: string,
): ReportProblem | null {
  if (report.status !== 'submitted')
    return { code: 'report_not_submitted', facts: { status: report.status } };
  if (report.submittedBy !== null && report.submittedBy === reviewerId) {
    return { code: 'report_reviewer_is_submitter', facts: { submittedBy: report.submittedBy } };
  }
  return null;
}

/** The reports that carry results (indicator actuals and people reached): the narrative ones. */
export function reportCarriesResults(kind: ReportKind): boolean {
  return kind === 'progress' || kind === 'final_narrative';
}

/** A tranche conditional on a report is released only once that report is accepted. */
export function trancheConditionProblem(
  report: { id: string; status: ReportStatus } | null,
): { code: 'tranche_report_not_accepted'; facts: { reportId: string; status: ReportStatus } } | null {
  if (!report || report.status === 'accepted') return null;
  return { code: 'tranche_report_not_accepted', facts: { reportId: report.id, status: report.status } };
}
