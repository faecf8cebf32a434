import {
  describeResultsRemovalProblem,
  indicatorRemovalProblem,
  outcomeRemovalProblem,
  outputRemovalProblem,
} from './removal';

describe('removal from the results framework', () => {
  it('keeps an indicator whose actual an accepted report records', () => {
    const problem = indicatorRemovalProblem({ acceptedReports: 1 });
    expect(problem).toEqual({ code: 'indicator_reported', facts: { acceptedReports: 1 } });
    expect(describeResultsRemovalProblem(problem!)).toBe(
      'The indicator cannot be deleted: an accepted report records its actual value.',
    );
  });

  it('lets an indicator go when no accepted report records it', () => {
    expect(indicatorRemovalProblem({ acceptedReports: 0 })).toBeNull();
  });

  it('lets an outcome go only once it holds no output and no indicator', () => {
    expect(outcomeRemovalProblem({ outputs: 0, indicators: 0 })).toBeNull();
    expect(outcomeRemovalProblem({ outputs: 1, indicators: 0 })?.code).toBe('outcome_not_empty');
    expect(outcomeRemovalProblem({ outputs: 0, indicators: 2 })?.code).toBe('outcome_not_empty');
  });

  it('lets an output go only once it holds no indicator', () => {
    expect(outputRemovalProblem({ indicators: 0 })).toBeNull();
    expect(describeResultsRemovalProblem(outputRemovalProblem({ indicators: 3 })!)).toBe(
      'The output cannot be deleted while it holds 3 indicator(s): delete them first.',
    );
  });
});
