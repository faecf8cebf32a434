import { compareIsoDates, type IsoDate } from '../calendar/iso-date';
import type { Stage } from '../lifecycle/stages';
import { isStageIn } from '../lifecycle/stages';
import type { MoneyString } from '../money/money';
import { centsToMoney, toCents } from '../money/money';
import { organizationCaps } from './money-checks';

/**
 * The planned tranche schedule of an approved project: when each participating organization is
 * expected to receive how much, and on what condition. It is a plan, separate from the transfers
 * made: a transfer recorded against a planned tranche releases it, and reversing that transfer puts
 * the tranche back in the plan.
 */

/** Stages in which a schedule is planned or changed: approved and not yet finished. */
export const TRANCHE_PLANNING_STAGES = ['approved', 'active', 'suspended'] as const;

export type TrancheStatus = 'released' | 'overdue' | 'planned';

export interface PlannedTranche {
  id: string;
  organizationId: string;
  amount: MoneyString;
  plannedOn: IsoDate;
  /** The transfer that released it (not reversed), if any. */
  releasedBy: string | null;
}

export type TrancheProblem =
  | { code: 'tranche_project_not_approved'; facts: { stage: Stage; stages: readonly Stage[] } }
  | { code: 'tranche_amount_not_positive'; facts: { amount: MoneyString } }
  | {
      code: 'tranche_exceeds_organization_share';
      facts: {
        organizationId: string;
        amount: MoneyString;
        share: MoneyString;
        alreadyPlanned: MoneyString;
        remaining: MoneyString;
      };
    }
  | { code: 'tranche_released'; facts: { trancheId: string; transferId: string } }
  | {
      code: 'tranche_organization_mismatch';
      facts: { trancheId: string; trancheOrganizationId: string; organizationId: string };
    };

export interface TranchePlanFacts {
  stage: Stage;
  approvedBudget: MoneyString | null;
  shares: readonly { organizationId: string; budgetShare: MoneyString }[];
  /** The project's other planned tranches (the one being changed left out). */
  others: readonly Pick<PlannedTranche, 'organizationId' | 'amount'>[];
  organizationId: string;
  amount: MoneyString;
}

/**
 * Why a tranche may not be planned (or changed to these terms), or null: the project is approved and
 * not finished, the amount is positive, and the organization's planned tranches together stay within
 * its share of the approved budget (the same share a transfer is capped at).
 */
export function tranchePlanProblem(f: TranchePlanFacts): TrancheProblem | null {
  if (!isStageIn(f.stage, TRANCHE_PLANNING_STAGES) || f.approvedBudget === null) {
    return {
      code: 'tranche_project_not_approved',
      facts: { stage: f.stage, stages: TRANCHE_PLANNING_STAGES },
    };
  }
  const cents = toCents(f.amount);
  if (cents <= 0n) return { code: 'tranche_amount_not_positive', facts: { amount: centsToMoney(cents) } };
  const share = toCents(organizationCaps(f.approvedBudget, f.shares)[f.organizationId] ?? '0.00');
  const planned = f.others
    .filter((t) => t.organizationId === f.organizationId)
    .reduce((sum, t) => sum + toCents(t.amount), 0n);
  if (planned + cents > share) {
    return {
      code: 'tranche_exceeds_organization_share',
      facts: {
        organizationId: f.organizationId,
        amount: centsToMoney(cents),
        share: centsToMoney(share),
        alreadyPlanned: centsToMoney(planned),
        remaining: centsToMoney(share - planned > 0n ? share - planned : 0n),
      },
    };
  }
  return null;
}

/** A released tranche is history: it is neither changed nor removed (reverse its transfer first). */
export function trancheChangeProblem(
  tranche: Pick<PlannedTranche, 'id' | 'releasedBy'>,
): TrancheProblem | null {
  if (tranche.releasedBy) {
    return { code: 'tranche_released', facts: { trancheId: tranche.id, transferId: tranche.releasedBy } };
  }
  return null;
}

/** Why a transfer to the organization may not release the tranche, or null. */
export function trancheReleaseProblem(
  tranche: Pick<PlannedTranche, 'id' | 'organizationId' | 'releasedBy'>,
  organizationId: string,
): TrancheProblem | null {
  const released = trancheChangeProblem(tranche);
  if (released) return released;
  if (tranche.organizationId !== organizationId) {
    return {
      code: 'tranche_organization_mismatch',
      facts: { trancheId: tranche.id, trancheOrganizationId: tranche.organizationId, organizationId },
    };
  }
  return null;
}

/** Released once a transfer stands against it; overdue when its date has passed (UTC day) without one. */
export function trancheStatus(
  tranche: Pick<PlannedTranche, 'plannedOn' | 'releasedBy'>,
  today: IsoDate,
): TrancheStatus {
  if (tranche.releasedBy) return 'released';
  return compareIsoDates(tranche.plannedOn, today) < 0 ? 'overdue' : 'planned';
}

export interface TrancheScheduleSummary {
  planned: MoneyString;
  released: MoneyString;
  overdue: number;
  /** The earliest tranche not yet released (overdue ones first, by date), or null. */
  next: PlannedTranche | null;
}

/** Planned against released, how many are overdue, and which tranche is due next. */
export function trancheScheduleSummary(
  tranches: readonly PlannedTranche[],
  today: IsoDate,
): TrancheScheduleSummary {
  let planned = 0n;
  let released = 0n;
  let overdue = 0;
  let next: PlannedTranche | null = null;
  for (const tranche of tranches) {
    planned += toCents(tranche.amount);
    const status = trancheStatus(tranche, today);
    if (status === 'released') {
      released += toCents(tranche.amount);
      continue;
    }
    if (status === 'overdue') overdue += 1;
    if (!next || compareIsoDates(tranche.plannedOn, next.plannedOn) < 0) next = tranche;
  }
  return { planned: centsToMoney(planned), released: centsToMoney(released), overdue, next };
}
