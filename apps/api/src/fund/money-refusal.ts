import { describeMoneyCheckProblem } from '@hstf/domain';
import type { MoneyCheckProblem } from '@hstf/domain';
import { HttpStatus } from '@nestjs/common';
import { Problem } from '../common/problem-details/problem';

/**
 * A money change refused by a rule of libs/domain: 422 problem+json whose `code` and `facts` are the
 * rule's (so the web words it in the reader's language) and whose detail is the reason in English.
 */
export function moneyRefusal(
  problem: MoneyCheckProblem,
  slug: string,
  title: string,
  extensions: Record<string, unknown> = {},
): Problem {
  return new Problem(HttpStatus.UNPROCESSABLE_ENTITY, slug, title, describeMoneyCheckProblem(problem), {
    code: problem.code,
    facts: problem.facts,
    ...extensions,
  });
}

/** The problem type of a change refused because the Fund's available balance would go below zero. */
export const OVER_COMMITTED = {
  slug: 'fund-over-committed',
  title: 'The Fund would be over-committed',
} as const;
