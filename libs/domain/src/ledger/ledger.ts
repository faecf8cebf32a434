import type { Stage } from '../lifecycle/stages';
import { COMMITTED_STAGES, isStageIn } from '../lifecycle/stages';
import type { MoneyString } from '../money/money';
import { centsToMoney, formatMoney, toCents } from '../money/money';

/**
 * The Fund's arithmetic (DESIGN.md §4.4), with unit tests. Nothing calls it yet: the API sums the
 * ledger in SQL (apps/api/src/fund/fund.service.ts) and checks transfers in its transfers service with
 * no test comparing them to these functions, and the web shows the API's figures.
 */

export const CONTRIBUTION_STATUSES = ['pledged', 'received', 'cancelled'] as const;
export type ContributionStatus = (typeof CONTRIBUTION_STATUSES)[number];

export interface LedgerInput {
  contributions: readonly { status: ContributionStatus; usdAmount: MoneyString }[];
  projects: readonly { stage: Stage; approvedBudget: MoneyString | null }[];
  transfers: readonly { amount: MoneyString }[];
}

export interface FundLedger {
  /** Σ received contributions, in USD. */
  received: MoneyString;
  /** Σ approved budgets of every project that reached approval. */
  committed: MoneyString;
  /** Σ transfers: money that has left the Fund. */
  transferred: MoneyString;
  /** received − committed: what new approvals may still use. Negative only if the data is wrong. */
  available: MoneyString;
  /** Σ pledged contributions not yet received: promised, not spendable. */
  pledged: MoneyString;
}

export function fundLedger(input: LedgerInput): FundLedger {
  let received = 0n;
  let pledged = 0n;
  for (const c of input.contributions) {
    if (c.status === 'received') received += toCents(c.usdAmount);
    if (c.status === 'pledged') pledged += toCents(c.usdAmount);
  }
  let committed = 0n;
  for (const p of input.projects) {
    if (isStageIn(p.stage, COMMITTED_STAGES) && p.approvedBudget !== null)
      committed += toCents(p.approvedBudget);
  }
  let transferred = 0n;
  for (const t of input.transfers) transferred += toCents(t.amount);
  return {
    received: centsToMoney(received),
    committed: centsToMoney(committed),
    transferred: centsToMoney(transferred),
    available: centsToMoney(received - committed),
    pledged: centsToMoney(pledged),
  };
}

export type TransferProblem =
  | { code: 'transfer_amount_not_positive'; facts: { amount: MoneyString } }
  | { code: 'transfer_without_approved_budget'; facts: { amount: MoneyString } }
  | {
      code: 'transfer_exceeds_remaining_budget';
      facts: {
        amount: MoneyString;
        approvedBudget: MoneyString;
        alreadyTransferred: MoneyString;
        remaining: MoneyString;
      };
    };

/**
 * Why a transfer may not be recorded, or null when it may. The whole remaining budget may go in one
 * transfer; one cent more may not.
 */
export function transferProblem(
  approvedBudget: MoneyString | null,
  alreadyTransferred: MoneyString,
  amount: MoneyString,
): TransferProblem | null {
  const cents = toCents(amount);
  const canonicalAmount = centsToMoney(cents);
  if (cents <= 0n) return { code: 'transfer_amount_not_positive', facts: { amount: canonicalAmount } };
  if (approvedBudget === null)
    return { code: 'transfer_without_approved_budget', facts: { amount: canonicalAmount } };
  const remaining = toCents(approvedBudget) - toCents(alreadyTransferred);
  if (cents > remaining) {
    return {
      code: 'transfer_exceeds_remaining_budget',
      facts: {
        amount: canonicalAmount,
        approvedBudget: centsToMoney(toCents(approvedBudget)),
        alreadyTransferred: centsToMoney(toCents(alreadyTransferred)),
        remaining: centsToMoney(remaining),
      },
    };
  }
  return null;
}

export function describeTransferProblem(problem: TransferProblem): string {
  switch (problem.code) {
    case 'transfer_amount_not_positive':
      return `A transfer must be more than zero (it is ${formatMoney(problem.facts.amount)}).`;
    case 'transfer_without_approved_budget':
      return 'The project has no approved budget, so nothing can be transferred to it.';
    case 'transfer_exceeds_remaining_budget':
      return `A transfer of ${formatMoney(problem.facts.amount)} exceeds what remains of the approved budget: ${formatMoney(problem.facts.remaining)} (${formatMoney(problem.facts.approvedBudget)} approved, ${formatMoney(problem.facts.alreadyTransferred)} already transferred).`;
  }
}
