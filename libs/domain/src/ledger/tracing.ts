import { compareIsoDates, type IsoDate } from '../calendar/iso-date';
import type { MoneyString } from '../money/money';
import { centsToMoney, formatMoney, toCents } from '../money/money';
import type { ContributionStatus } from './ledger';
import type { Earmark, EarmarkKind, Receipt } from './receipts';

/**
 * Where each donor's money went (DESIGN.md §4.4). Replayed in date order from the receipts and the
 * approvals: each approval draws first on the money earmarked to it (the oldest receipt first), then
 * on the unearmarked pool pro rata of what each receipt still had at the decision (to the cent,
 * largest remainder). What the pool cannot cover came from money returned to the Fund (released
 * balances, refunds), which no donor paid. A reversed receipt takes its money back from the projects
 * it was drawn on, and the receipts of a cancelled pledge count for nothing, as in the ledger. So
 * for every donor, Σ traced + unallocated = what it paid (its received USD), exactly.
 */

export const TRACING_METHOD =
  'Earmarked money is counted exactly against the project it paid for. Unearmarked money is shared ' +
  'pro rata: each approval draws on the unearmarked pool in proportion to what each receipt still had ' +
  'unspent on the decision date.';

export interface TracedProject {
  id: string;
  /** Committed (approved and live): its approved budget is drawn on the Fund. */
  committed: boolean;
  approvedBudget: MoneyString | null;
  /** The approval decision date (else the start date); undated approvals come last. */
  decidedOn: IsoDate | null;
  /** When the approval was recorded (an ISO timestamp), to order approvals decided the same day. */
  decidedAt?: string | null;
  window: string;
  dimensions: readonly string[];
  countries: readonly string[];
}

export interface TracingInput {
  contributions: readonly { id: string; donorId: string; status: ContributionStatus }[];
  receipts: readonly Receipt[];
  projects: readonly TracedProject[];
}

export interface DonorTrace {
  donorId: string;
  /** Its received USD: Σ receipts − Σ reversals of pledges not cancelled. */
  paid: MoneyString;
  projects: { projectId: string; earmarked: MoneyString; proRata: MoneyString }[];
  /** Paid and not (yet) drawn on by any approval. */
  unallocated: MoneyString;
}

export interface EarmarkedBalance {
  receiptId: string;
  earmark: Earmark;
  remaining: MoneyString;
}

export interface FundTrace {
  donors: DonorTrace[];
  /** Earmarked receipts with money still unspent, oldest first. */
  earmarked: EarmarkedBalance[];
}

/** Whether the project is what the earmark reserves the money for. */
export function earmarkMatches(
  earmark: Earmark,
  project: Pick<TracedProject, 'id' | 'window' | 'dimensions' | 'countries'>,
): boolean {
  switch (earmark.kind) {
    case 'none':
      return true;
    case 'window':
      return project.window === earmark.target;
    case 'dimension':
      return project.dimensions.includes(earmark.target ?? '');
    case 'country':
      return project.countries.includes(earmark.target ?? '');
    case 'project':
      return project.id === earmark.target;
  }
}

interface Source {
  receiptId: string;
  donorId: string;
  on: IsoDate;
  earmark: Earmark;
  remaining: bigint;
  drawn: { projectId: string; cents: bigint; earmarked: boolean }[];
}

/** Splits `total` cents over the weights in proportion, exactly (largest remainder, first listed wins ties). */
export function proRata(total: bigint, weights: readonly bigint[]): bigint[] {
  const sum = weights.reduce((a, b) => a + b, 0n);
  if (sum <= 0n) return weights.map(() => 0n);
  const parts = weights.map((w, index) => ({
    index,
    cents: (total * w) / sum,
    remainder: (total * w) % sum,
  }));
  let left = total - parts.reduce((a, p) => a + p.cents, 0n);
  for (const part of [...parts].sort((a, b) =>
    a.remainder === b.remainder ? a.index - b.index : a.remainder > b.remainder ? -1 : 1,
  )) {
    if (left <= 0n) break;
    part.cents += 1n;
    left -= 1n;
  }
  return parts.map((p) => p.cents);
}

type Event =
  | { on: IsoDate | null; order: 0; at: string; id: string; receipt: Receipt }
  | { on: IsoDate | null; order: 1; at: string; id: string; receipt: Receipt }
  | { on: IsoDate | null; order: 2; at: string; id: string; project: TracedProject };

/** The replay described above; see TRACING_METHOD for the words shown to donors. */
export function traceFunds(input: TracingInput): FundTrace {
  const contributions = new Map(input.contributions.map((c) => [c.id, c]));
  const events: Event[] = [];
  for (const r of input.receipts) {
    const c = contributions.get(r.contributionId);
    if (!c || c.status === 'cancelled') continue;
    events.push({ on: r.on, order: r.kind === 'receipt' ? 0 : 1, at: '', id: r.id, receipt: r });
  }
  for (const p of input.projects) {
    if (p.committed && p.approvedBudget !== null)
      events.push({ on: p.decidedOn, order: 2, at: p.decidedAt ?? '', id: p.id, project: p });
  }
  events.sort((a, b) => {
    if (a.on !== b.on) {
      if (a.on === null) return 1;
      if (b.on === null) return -1;
      return compareIsoDates(a.on, b.on);
    }
    if (a.order !== b.order) return a.order - b.order;
    if (a.at !== b.at) return a.at < b.at ? -1 : 1;
    return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  });

  const sources = new Map<string, Source>();
  for (const event of events) {
    if (event.order === 0) {
      const r = event.receipt;
      sources.set(r.id, {
        receiptId: r.id,
        donorId: contributions.get(r.contributionId)!.donorId,
        on: r.on,
        earmark: r.earmark,
        remaining: toCents(r.usdAmount),
        drawn: [],
      });
    } else if (event.order === 1) {
      // The whole receipt goes back: unspent first, then what projects had drawn on it.
      const source = event.receipt.reverses ? sources.get(event.receipt.reverses) : undefined;
      if (source) {
        source.remaining = 0n;
        source.drawn = [];
      }
    } else {
      const project = event.project;
      let need = toCents(project.approvedBudget!);
      const open = [...sources.values()].filter((s) => s.remaining > 0n);
      for (const s of open) {
        if (need <= 0n) break;
        if (s.earmark.kind === 'none' || !earmarkMatches(s.earmark, project)) continue;
        const take = s.remaining < need ? s.remaining : need;
        s.remaining -= take;
        s.drawn.push({ projectId: project.id, cents: take, earmarked: true });
        need -= take;
      }
      const pool = open.filter((s) => s.earmark.kind === 'none' && s.remaining > 0n);
      const poolTotal = pool.reduce((a, s) => a + s.remaining, 0n);
      const take = poolTotal < need ? poolTotal : need;
      const parts = proRata(
        take,
        pool.map((s) => s.remaining),
      );
      pool.forEach((s, i) => {
        if (parts[i]! <= 0n) return;
        s.remaining -= parts[i]!;
        s.drawn.push({ projectId: project.id, cents: parts[i]!, earmarked: false });
      });
    }
  }

  const donors = new Map<
    string,
    { paid: bigint; unallocated: bigint; projects: Map<string, [bigint, bigint]> }
  >();
  for (const c of input.contributions) {
    if (!donors.has(c.donorId)) donors.set(c.donorId, { paid: 0n, unallocated: 0n, projects: new Map() });
  }
  for (const s of sources.values()) {
    const donor = donors.get(s.donorId)!;
    const drawn = s.drawn.reduce((a, d) => a + d.cents, 0n);
    donor.paid += s.remaining + drawn;
    donor.unallocated += s.remaining;
    for (const d of s.drawn) {
      const figures = donor.projects.get(d.projectId) ?? [0n, 0n];
      figures[d.earmarked ? 0 : 1] += d.cents;
      donor.projects.set(d.projectId, figures);
    }
  }
  return {
    donors: [...donors].map(([donorId, d]) => ({
      donorId,
      paid: centsToMoney(d.paid),
      unallocated: centsToMoney(d.unallocated),
      projects: [...d.projects]
        .filter(([, [e, p]]) => e + p > 0n)
        .map(([projectId, [e, p]]) => ({ projectId, earmarked: centsToMoney(e), proRata: centsToMoney(p) })),
    })),
    earmarked: [...sources.values()]
      .filter((s) => s.earmark.kind !== 'none' && s.remaining > 0n)
      .sort((a, b) => compareIsoDates(a.on, b.on) || (a.receiptId < b.receiptId ? -1 : 1))
      .map((s) => ({ receiptId: s.receiptId, earmark: s.earmark, remaining: centsToMoney(s.remaining) })),
  };
}

interface EarmarkFacts {
  available: MoneyString;
  earmarkedElsewhere: MoneyString;
  usable: MoneyString;
  earmarks: { kind: EarmarkKind; target: string | null; amount: MoneyString }[];
}

export type EarmarkProblem =
  | { code: 'approval_uses_earmarked_money'; facts: EarmarkFacts & { approvedBudget: MoneyString } }
  | { code: 'raise_uses_earmarked_money'; facts: EarmarkFacts & { increase: MoneyString } };

/**
 * An approval may use the available balance except the money earmarked to other windows,
 * dimensions, countries or projects. Null when the approved budget fits.
 */
export function earmarkProblem(
  project: Pick<TracedProject, 'id' | 'window' | 'dimensions' | 'countries'>,
  approvedBudget: MoneyString,
  available: MoneyString,
  earmarked: readonly EarmarkedBalance[],
): Extract<EarmarkProblem, { code: 'approval_uses_earmarked_money' }> | null {
  const elsewhere = new Map<string, { kind: EarmarkKind; target: string | null; cents: bigint }>();
  for (const e of earmarked) {
    if (earmarkMatches(e.earmark, project)) continue;
    const key = `${e.earmark.kind}:${e.earmark.target}`;
    const entry = elsewhere.get(key) ?? { kind: e.earmark.kind, target: e.earmark.target, cents: 0n };
    entry.cents += toCents(e.remaining);
    elsewhere.set(key, entry);
  }
  const reserved = [...elsewhere.values()].reduce((a, e) => a + e.cents, 0n);
  const usable = toCents(available) - reserved;
  if (reserved === 0n || toCents(approvedBudget) <= usable) return null;
  return {
    code: 'approval_uses_earmarked_money',
    facts: {
      approvedBudget: centsToMoney(toCents(approvedBudget)),
      available: centsToMoney(toCents(available)),
      earmarkedElsewhere: centsToMoney(reserved),
      usable: centsToMoney(usable > 0n ? usable : 0n),
      earmarks: [...elsewhere.values()].map((e) => ({
        kind: e.kind,
        target: e.target,
        amount: centsToMoney(e.cents),
      })),
    },
  };
}

/**
 * A raise of an approved budget draws on the Fund as an approval does: the increase may use the
 * available balance except the money earmarked for something else (the project's current budget
 * has already drawn its share). Null when the increase fits or there is none.
 */
export function raiseEarmarkProblem(
  project: Pick<TracedProject, 'id' | 'window' | 'dimensions' | 'countries'>,
  increase: MoneyString,
  available: MoneyString,
  earmarked: readonly EarmarkedBalance[],
): EarmarkProblem | null {
  if (toCents(increase) <= 0n) return null;
  const problem = earmarkProblem(project, increase, available, earmarked);
  if (!problem) return null;
  const { approvedBudget, ...facts } = problem.facts;
  return { code: 'raise_uses_earmarked_money', facts: { ...facts, increase: approvedBudget } };
}

/** English wording of the earmark refusal, for the API's problem documents. */
export function describeEarmarkProblem(problem: EarmarkProblem): string {
  const f = problem.facts;
  const list = f.earmarks.map((e) => `${e.kind} ${e.target}: ${formatMoney(e.amount)}`).join('; ');
  const reserved =
    `Of the Fund's available ${formatMoney(f.available)}, ${formatMoney(f.earmarkedElsewhere)} is earmarked by donors ` +
    `for other purposes (${list}), so at most ${formatMoney(f.usable)}`;
  return problem.code === 'approval_uses_earmarked_money'
    ? `${reserved} can go to this project, not ${formatMoney(problem.facts.approvedBudget)}.`
    : `${reserved} can be added to this project's approved budget, not a raise of ${formatMoney(problem.facts.increase)}.`;
}
