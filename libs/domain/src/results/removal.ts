/**
 * What may leave a project's results framework. An indicator whose actual an accepted report
 * records is part of the project's reported results and stays; an outcome or an output goes only
 * once it holds nothing, so removing one never takes indicators (and their actuals) with it unseen.
 */
export type ResultsRemovalProblem =
  | { code: 'indicator_reported'; facts: { acceptedReports: number } }
  | { code: 'outcome_not_empty'; facts: { outputs: number; indicators: number } }
  | { code: 'output_not_empty'; facts: { indicators: number } };

export function indicatorRemovalProblem(facts: { acceptedReports: number }): ResultsRemovalProblem | null {
  return facts.acceptedReports > 0 ? { code: 'indicator_reported', facts } : null;
}

export function outcomeRemovalProblem(facts: {
  outputs: number;
  indicators: number;
}): ResultsRemovalProblem | null {
  return facts.outputs > 0 || facts.indicators > 0 ? { code: 'outcome_not_empty', facts } : null;
}

export function outputRemovalProblem(facts: { indicators: number }): ResultsRemovalProblem | null {
  return facts.indicators > 0 ? { code: 'output_not_empty', facts } : null;
}

export function describeResultsRemovalProblem(problem: ResultsRemovalProblem): string {
  switch (problem.code) {
    case 'indicator_reported':
      return `The indicator cannot be deleted: ${problem.facts.acceptedReports === 1 ? 'an accepted report records' : `${problem.facts.acceptedReports} accepted reports record`} its actual value.`;
    case 'outcome_not_empty':
      return `The outcome cannot be deleted while it holds ${problem.facts.outputs} output(s) and ${problem.facts.indicators} indicator(s): delete them first.`;
    case 'output_not_empty':
      return `The output cannot be deleted while it holds ${problem.facts.indicators} indicator(s): delete them first.`;
  }
}
