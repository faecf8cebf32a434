import type { IsoDate } from '../calendar/iso-date';
import type { Stage } from '../lifecycle/stages';
import { COMMITTED_STAGES, isStageIn } from '../lifecycle/stages';
import type { MoneyString } from '../money/money';
import { centsToMoney, toCents } from '../money/money';

/**
 * The Fund's ledger (DESIGN.md §4.4), defined once. The API computes the same figures in SQL for the
 * whole portfolio (apps/api/src/fund/ledger.sql.ts) and a parity test keeps the two equal; the web
 * and the API's decisions call these functions.
 *
 * - received: Σ receipts − Σ their reversals (USD at each receipt's rate) of contributions not
 *   cancelled (a contribution given without its receipts counts as one receipt of its USD amount on
 *   its receipt date once received, as the database records it);
 * - committed: Σ approved budgets of live projects that reached approval;
 * - transferred: Σ transfers minus Σ their reversals;
 * - released: Σ untransferred balances of live completed and closed projects, plus refunds from
 *   organizations (minus their reversals);
 * - available: received − committed + released.
 *
 * By year, on one calendar: a receipt by its date; a commitment by the date the approval was decided
 * (the project's start date where no decision is recorded); a transfer, refund or reversal by its
 * date; a released balance by the date the completion was decided (the project's end date where no
 * decision is recorded). Undated figures fall in the year null.
 */

export const CONTRIBUTION_STATUSES = ['pledged', 'received', 'cancelled'] as const;
export type ContributionStatus = (typeof CONTRIBUTION_STATUSES)[number];

/** Stages whose untransferred balance goes back to the Fund. */
export const RELEASING_STAGES = ['completed', 'closed'] as const;

/**
 * A money movement between the Fund and an organization: a transfer out, a refund back, or the
 * reversal of one of those (an append-only correction naming the entry it reverses).
 */
export const MONEY_ENTRY_KINDS = ['transfer', 'refund', 'reversal'] as const;
export type MoneyEntryKind = (typeof MONEY_ENTRY_KINDS)[number];

export interface LedgerContribution {
  status: ContributionStatus;
  usdAmount: MoneyString;
  receivedOn: IsoDate | null;
  /** Its receipts and their reversals; when left out, the one receipt its status implies. */
  receipts?: readonly { kind: 'receipt' | 'reversal'; usdAmount: MoneyString; on: IsoDate }[];
}

/** The receipts a contribution counts for in the ledger (none once cancelled). */
export function ledgerReceipts(
  c: LedgerContribution,
): readonly { kind: 'receipt' | 'reversal'; usdAmount: MoneyString; on: IsoDate | null }[] {
  if (c.status === 'cancelled') return [];
  if (c.receipts) return c.receipts;
  return c.status === 'received' ? [{ kind: 'receipt', usdAmount: c.usdAmount, on: c.receivedOn }] : [];
}

export interface LedgerProject {
  id: string;
  stage: Stage;
  deleted?: boolean;
  approvedBudget: MoneyString | null;
  /** The date the approval was decided, if recorded. */
  approvedOn: IsoDate | null;
  startDate: IsoDate | null;
  /** The date the completion was decided, if recorded. */
  completedOn: IsoDate | null;
  endDate: IsoDate | null;
}

export interface MoneyEntry {
  id: string;
  projectId: string;
  organizationId: string;
  kind: MoneyEntryKind;
  /** Always positive: the kind says which way the money went. */
  amount: MoneyString;
  on: IsoDate;
  /** For a reversal: the entry it reverses. */
  reverses: string | null;
}

export interface LedgerInput {
  contributions: readonly LedgerContribution[];
  projects: readonly LedgerProject[];
  entries: readonly MoneyEntry[];
}

export interface LedgerFigures {
  received: MoneyString;
  committed: MoneyString;
  transferred: MoneyString;
  released: MoneyString;
  /** received − committed + released: what new approvals may still use. Never negative. */
  available: MoneyString;
}

export interface LedgerYear extends LedgerFigures {
  year: number | null;
}

export interface FundLedger {
  overall: LedgerFigures;
  /** Oldest first, null last; the years add up to the overall figures. */
  byYear: LedgerYear[];
}

interface Cents {
  received: bigint;
  committed: bigint;
  transferred: bigint;
  released: bigint;
}

const yearOf = (date: IsoDate | null): number | null => (date ? Number(date.slice(0, 4)) : null);

/** Whether the project's approved budget counts as committed. */
export function isCommitted(project: Pick<LedgerProject, 'stage' | 'deleted' | 'approvedBudget'>): boolean {
  return !project.deleted && project.approvedBudget !== null && isStageIn(project.stage, COMMITTED_STAGES);
}

/** Whether the project has ended, so what was not transferred goes back to the Fund. */
export function releasesBalance(
  project: Pick<LedgerProject, 'stage' | 'deleted' | 'approvedBudget'>,
): boolean {
  return isCommitted(project) && isStageIn(project.stage, RELEASING_STAGES);
}

/**
 * What each entry does to the ledger: +1 or −1 on transferred or on refunded. A reversal takes the
 * figure of the entry it reverses with the opposite sign; a reversal naming nothing known counts for
 * nothing.
 */
export function entryEffect(
  entry: MoneyEntry,
  byId: ReadonlyMap<string, MoneyEntry>,
): { figure: 'transferred' | 'refunded'; sign: 1n | -1n } | null {
  if (entry.kind === 'transfer') return { figure: 'transferred', sign: 1n };
  if (entry.kind === 'refund') return { figure: 'refunded', sign: 1n };
  const reversed = entry.reverses ? byId.get(entry.reverses) : undefined;
  if (!reversed || reversed.kind === 'reversal') return null;
  return { figure: reversed.kind === 'transfer' ? 'transferred' : 'refunded', sign: -1n };
}

export interface ProjectMoney {
  approvedBudget: MoneyString;
  /** Transfers minus their reversals. */
  transferred: MoneyString;
  /** Refunds minus their reversals. */
  refunded: MoneyString;
  /** approved − transferred, never below zero. */
  untransferred: MoneyString;
  /** The untransferred balance once the project has completed or closed, else zero. */
  released: MoneyString;
  /** Per organization: transfers minus reversals, refunds minus reversals. */
  organizations: Record<string, { transferred: MoneyString; refunded: MoneyString }>;
}

/** One project's money, from its own entries. */
export function projectMoney(project: LedgerProject, entries: readonly MoneyEntry[]): ProjectMoney {
  const byId = new Map(entries.map((e) => [e.id, e]));
  let transferred = 0n;
  let refunded = 0n;
  const organizations = new Map<string, { transferred: bigint; refunded: bigint }>();
  for (const entry of entries) {
    if (entry.projectId !== project.id) continue;
    const effect = entryEffect(entry, byId);
    if (!effect) continue;
    const amount = effect.sign * toCents(entry.amount);
    const organization = organizations.get(entry.organizationId) ?? { transferred: 0n, refunded: 0n };
    organization[effect.figure] += amount;
    organizations.set(entry.organizationId, organization);
    if (effect.figure === 'transferred') transferred += amount;
    else refunded += amount;
  }
  const approved = project.approvedBudget === null ? 0n : toCents(project.approvedBudget);
  const untransferred = approved > transferred ? approved - transferred : 0n;
  return {
    approvedBudget: centsToMoney(approved),
    transferred: centsToMoney(transferred),
    refunded: centsToMoney(refunded),
    untransferred: centsToMoney(untransferred),
    released: centsToMoney(releasesBalance(project) ? untransferred : 0n),
    organizations: Object.fromEntries(
      [...organizations].map(([id, o]) => [
        id,
        { transferred: centsToMoney(o.transferred), refunded: centsToMoney(o.refunded) },
      ]),
    ),
  };
}

function figures(c: Cents): LedgerFigures {
  return {
    received: centsToMoney(c.received),
    committed: centsToMoney(c.committed),
    transferred: centsToMoney(c.transferred),
    released: centsToMoney(c.released),
    available: centsToMoney(c.received - c.committed + c.released),
  };
}

/** The whole ledger, overall and by year. */
export function fundLedger(input: LedgerInput): FundLedger {
  const years = new Map<number | null, Cents>();
  const add = (year: number | null, figure: keyof Cents, cents: bigint) => {
    const y = years.get(year) ?? { received: 0n, committed: 0n, transferred: 0n, released: 0n };
    y[figure] += cents;
    years.set(year, y);
  };
  for (const c of input.contributions) {
    for (const r of ledgerReceipts(c)) {
      add(yearOf(r.on), 'received', (r.kind === 'receipt' ? 1n : -1n) * toCents(r.usdAmount));
    }
  }
  const byId = new Map(input.entries.map((e) => [e.id, e]));
  const transferredByProject = new Map<string, bigint>();
  for (const entry of input.entries) {
    const effect = entryEffect(entry, byId);
    if (!effect) continue;
    const amount = effect.sign * toCents(entry.amount);
    if (effect.figure === 'transferred') {
      add(yearOf(entry.on), 'transferred', amount);
      transferredByProject.set(entry.projectId, (transferredByProject.get(entry.projectId) ?? 0n) + amount);
    } else {
      add(yearOf(entry.on), 'released', amount);
    }
  }
  for (const p of input.projects) {
    if (!isCommitted(p)) continue;
    const approved = toCents(p.approvedBudget!);
    add(yearOf(p.approvedOn ?? p.startDate), 'committed', approved);
    if (releasesBalance(p)) {
      const transferred = transferredByProject.get(p.id) ?? 0n;
      if (approved > transferred) add(yearOf(p.completedOn ?? p.endDate), 'released', approved - transferred);
    }
  }
  const total: Cents = { received: 0n, committed: 0n, transferred: 0n, released: 0n };
  for (const y of years.values()) {
    total.received += y.received;
    total.committed += y.committed;
    total.transferred += y.transferred;
    total.released += y.released;
  }
  const order = [...years.keys()].sort((a, b) => (a === null ? 1 : b === null ? -1 : a - b));
  return {
    overall: figures(total),
    byYear: order.map((year) => ({ year, ...figures(years.get(year)!) })),
  };
}

/** What a contribution adds to received: its USD amount once received, else nothing. */
export function receivedBy(contribution: Pick<LedgerContribution, 'status' | 'usdAmount'>): MoneyString {
  return contribution.status === 'received' ? centsToMoney(toCents(contribution.usdAmount)) : '0.00';
}
