import {
  reportCarriesResults,
  reviewProblem,
  submissionProblem,
  trancheConditionProblem,
} from './report-rules';

describe('the moves of a report', () => {
  it('is handed in while due or returned, not once submitted or accepted', () => {
    expect(submissionProblem('due')).toBeNull();
    expect(submissionProblem('returned')).toBeNull();
    expect(submissionProblem('submitted')).toEqual({
      code: 'report_not_open',
      facts: { status: 'submitted' },
    });
    expect(submissionProblem('accepted')).toEqual({ code: 'report_not_open', facts: { status: 'accepted' } });
  });

  it('is accepted or returned by someone other than whoever submitted it', () => {
    expect(reviewProblem({ status: 'submitted', submittedBy: 'ana' }, 'ben')).toBeNull();
    expect(reviewProblem({ status: 'submitted', submittedBy: 'ana' }, 'ana')).toEqual({
      code: 'report_reviewer_is_submitter',
      facts: { submittedBy: 'ana' },
    });
    expect(reviewProblem({ status: 'due', submittedBy: null }, 'ben')).toEqual({
      code: 'report_not_submitted',
      facts: { status: 'due' },
    });
  });

  it('carries results in the narrative reports only', () => {
    expect(reportCarriesResults('progress')).toBe(true);
    expect(reportCarriesResults('final_narrative')).toBe(true);
    expect(reportCarriesResults('final_financial')).toBe(false);
  });
});

describe('a tranche conditional on a report', () => {
  it('is released once the report is accepted, and not before', () => {
    expect(trancheConditionProblem(null)).toBeNull();
    expect(trancheConditionProblem({ id: 'r', status: 'accepted' })).toBeNull();
    for (const status of ['due', 'submitted', 'returned'] as const) {
      expect(trancheConditionProblem({ id: 'r', status })).toEqual({
        code: 'tranche_report_not_accepted',
        facts: { reportId: 'r', status },
      });
    }
  });
});
