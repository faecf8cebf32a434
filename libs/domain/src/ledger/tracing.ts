import { compareIsoDates, type IsoDate } from '../calendar/iso-date';
import type { MoneyString } from '../money/money';
import { centsToMoney, formatMoney, toCents } from '../money/money';
import type { ContributionStatus } from './ledger';
import type { Earmark, EarmarkKind, Receipt } from './receipts';

/**
 * Where each donor's money went (DESIGN.md §4.4), and what came back. Replayed in date order from the
 * receipts, the approvals and the money returned to the Fund: each approval draws first on the money
 * earmarked to it (the oldest receipt first), then on the unearmarked pool pro rata of what each
 * donor still had unearmarked at the decision (to the cent, largest remainder). What the pool cannot
 * cover was paid by no donor. Money a project returns (its released balance on completion or
 * closure, a refund from an organization) goes back to the donors' pools and earmarked receipts that
 * funded that project, in the proportions they funded it (the part no donor paid stays with the
 * Fund), keeping its earmark, except an earmark to the project itself, which lapses: that money joins
 * its donor's unearmarked pool. A refund reversed takes back, in the same proportions, all the
 * refund gave: from what is unspent first; what later approvals already drew of it leaves the
 * projects that source paid for since the refund, pro rata of what each still holds of it (they are
 * then partly paid by no donor, as when a receipt is reversed), and only then older ones. A
 * reversed earmarked receipt takes its money back from the projects it was drawn on; a reversed unearmarked receipt (or the lapsed money of a reversed
 * earmarked one) leaves its donor's pool, from what is unspent first, then from the projects the pool
 * paid for, pro rata of what each still holds of it. The receipts of a cancelled pledge count for
 * nothing, as in the ledger. So for every donor, Σ (paid for − returned) + unallocated = what it paid
 * (its received USD), exactly.
 *
 * Sharing the pool per donor, not per receipt, keeps each approval's work to the donors (and the
 * earmarked receipts still unspent), whatever the number of receipts: the replay stays linear in the
 * history.
 */

export const TRACING_METHOD =
  'Earmarked money is counted exactly against the project it paid for. Unearmarked money is shared ' +
  'pro rata: each approval draws on the unearmarked pool in proportion to the unearmarked money each ' +
  'donor still had unspent on the decision date. Money a project returns to the Fund (its unspent balance released at ' +
  'completion or closure, or a refund from an organization) goes back to each donor in the same ' +
  "proportions as that donor's money funded that project, and is available again.";

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

export const RETURN_KINDS = ['released', 'refunded'] as const;
export type ReturnKind = (typeof RETURN_KINDS)[number];

/**
 * Money a project gave back to the Fund: its released balance (dated at completion) or a refund
 * (negative for a refund reversed, dated at the reversal).
 */
export interface TracedReturn {
  projectId: string;
  kind: ReturnKind;
  on: IsoDate | null;
  /** When it was recorded (an ISO timestamp), to order it among approvals and returns of the same day. */
  at?: string | null;
  amount: MoneyString;
}

export interface TracingInput {
  contributions: readonly { id: string; donorId: string; status: ContributionStatus }[];
  receipts: readonly Receipt[];
  projects: readonly TracedProject[];
  returns?: readonly TracedReturn[];
}

export interface DonorProjectTrace {
  projectId: string;
  /** Paid for the project: earmarked to it exactly, and its pro rata part of the unearmarked pool. */
  earmarked: MoneyString;
  proRata: MoneyString;
  /** Came back from the project: its share of the released balance, and of the refunds. */
  released: MoneyString;
  refunded: MoneyString;
  /** earmarked + proRata − released − refunded: what the donor's money paid for in the end. */
  net: MoneyString;
}

export interface DonorTrace {
  donorId: string;
  /** Its received USD: Σ receipts − Σ reversals of pledges not cancelled. */
  paid: MoneyString;
  projects: DonorProjectTrace[];
  /** Paid, or returned, and not (yet) drawn on by any approval. */
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

/** A receipt's money on one project: drawn (earmarked or pro rata) and returned (released or refunded). */
interface Drawn {
  earmarked: bigint;
  proRata: bigint;
  released: bigint;
  refunded: bigint;
}

/** A donor's unearmarked pool, or one earmarked receipt. */
interface Source {
  /** The earmarked receipt's id; empty for a donor's pool. */
  receiptId: string;
  donorId: string;
  on: IsoDate;
  earmark: Earmark;
  remaining: bigint;
  drawn: Map<string, Drawn>;
  /** When (the replay's step) it first drew on each project. */
  drawnAt: Map<string, number>;
  /** When a project's refund first came to it, while some of that project's refunds are still with it. */
  refundedAt: Map<string, number>;
  /** Of an earmarked receipt: its money returned by the project it was earmarked to, now in the pool. */
  lapsedOut: bigint;
  /** Its place among the sources: the donors' pools by donor id, then earmarked receipts as they came. */
  rank: number;
  /** Whether it is in its open list (the unearmarked pool, or the earmarked money). */
  listed: boolean;
}

/**
 * The sources that may still have money, in rank order. Each approval walks only these, not every
 * receipt ever recorded: a source leaves when it is spent and comes back when money returns to it.
 */
class OpenSources {
  private items: Source[] = [];
  private sorted = true;

  add(s: Source): void {
    if (s.listed || s.remaining <= 0n) return;
    s.listed = true;
    const last = this.items[this.items.length - 1];
    if (last && last.rank > s.rank) this.sorted = false;
    this.items.push(s);
  }

  /** Those with money left, in rank order. */
  open(): Source[] {
    const live: Source[] = [];
    for (const s of this.items) {
      if (s.remaining > 0n) live.push(s);
      else s.listed = false;
    }
    if (!this.sorted) live.sort((a, b) => a.rank - b.rank);
    this.sorted = true;
    this.items = live;
    return live;
  }
}

/** Splits `total` cents over the weights in proportion, exactly (largest remainder, first listed wins ties). */
export function proRata(total: bigint, weights: readonly bigint[]): bigint[] {
  const sum = weights.reduce((a, b) => a + b, 0n);
  if (sum <= 0n) return weights.map(() => 0n);
  const cents = new Array<bigint>(weights.length);
  const remainders = new Array<bigint>(weights.length);
  let left = total;
  for (let i = 0; i < weights.length; i++) {
    const product = total * weights[i]!;
    cents[i] = product / sum;
    remainders[i] = product % sum;
    left -= cents[i]!;
  }
  if (left > 0n) {
    // Fewer cents are left than parts: only the parts with a remainder compete for them.
    const order: number[] = [];
    for (let i = 0; i < weights.length; i++) if (remainders[i]! > 0n) order.push(i);
    order.sort((a, b) =>
      remainders[a] === remainders[b] ? a - b : remainders[a]! > remainders[b]! ? -1 : 1,
    );
    for (const i of order) {
      if (left <= 0n) break;
      cents[i] = cents[i]! + 1n;
      left -= 1n;
    }
  }
  return cents;
}

export type ReplayEvent =
  | { on: IsoDate | null; order: 0; at: string; id: string; receipt: Receipt }
  | { on: IsoDate | null; order: 1; at: string; id: string; receipt: Receipt }
  | { on: IsoDate | null; order: 2; at: string; id: string; project: TracedProject }
  | { on: IsoDate | null; order: 2; at: string; id: string; back: TracedReturn };

const noneDrawn = (): Drawn => ({ earmarked: 0n, proRata: 0n, released: 0n, refunded: 0n });
const min = (a: bigint, b: bigint) => (a < b ? a : b);

/** The state of the replay: the open sources, each donor's pool, and per project the sources that funded it. */
interface Books {
  pool: OpenSources;
  earmarked: OpenSources;
  pools: Map<string, Source>;
  funders: Map<string, Source[]>;
  /** The step of the replay being applied. */
  clock: number;
}

function reopen(books: Books, s: Source): void {
  (s.earmark.kind === 'none' ? books.pool : books.earmarked).add(s);
}

/**
 * What the replay applies, in its order: receipts and reversals of live contributions, committed
 * approvals and the returns of approved projects, by date (undated last), receipts before reversals
 * before approvals on a day, then by moment, an approval before the returns of the same moment, then by
 * id. With each approved project's budget in cents. Shared by the replay and its plain reference
 * (tracing.reference.ts), which check each other's arithmetic, not this order.
 */
export function replayEvents(input: TracingInput): { events: ReplayEvent[]; budgets: Map<string, bigint> } {
  const contributions = new Map(input.contributions.map((c) => [c.id, c]));
  const events: ReplayEvent[] = [];
  for (const r of input.receipts) {
    const c = contributions.get(r.contributionId);
    if (!c || c.status === 'cancelled') continue;
    events.push({ on: r.on, order: r.kind === 'receipt' ? 0 : 1, at: '', id: r.id, receipt: r });
  }
  const budgets = new Map<string, bigint>();
  for (const p of input.projects) {
    if (!p.committed || p.approvedBudget === null) continue;
    budgets.set(p.id, toCents(p.approvedBudget));
    events.push({ on: p.decidedOn, order: 2, at: p.decidedAt ?? '', id: p.id, project: p });
  }
  (input.returns ?? []).forEach((back, index) => {
    if (budgets.has(back.projectId))
      events.push({
        on: back.on,
        order: 2,
        at: back.at ?? '',
        id: `~${String(index).padStart(12, '0')}`,
        back,
      });
  });
  events.sort((a, b) => {
    if (a.on !== b.on) {
      if (a.on === null) return 1;
      if (b.on === null) return -1;
      return compareIsoDates(a.on, b.on);
    }
    if (a.order !== b.order) return a.order - b.order;
    if (a.at !== b.at) return a.at < b.at ? -1 : 1;
    // An approval before the returns of the same moment: a project returns only what it was given.
    const aBack = 'back' in a;
    if (aBack !== 'back' in b) return aBack ? 1 : -1;
    return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  });
  return { events, budgets };
}

/** The replay described above; see TRACING_METHOD for the words shown to donors. */
export function traceFunds(input: TracingInput): FundTrace {
  const contributions = new Map(input.contributions.map((c) => [c.id, c]));
  const { events, budgets } = replayEvents(input);

  const books: Books = {
    pool: new OpenSources(),
    earmarked: new OpenSources(),
    pools: donorPools(input.contributions),
    funders: new Map(),
    clock: 0,
  };
  /** The earmarked receipts, and the unearmarked ones (what each brought to its donor's pool). */
  const sources = new Map<string, Source>();
  const pooled = new Map<string, { donorId: string; cents: bigint }>();
  /** Per project: what no donor paid of it, and what of that came back. */
  const unpaid = new Map<string, Drawn>();
  for (const event of events) {
    books.clock += 1;
    if (event.order === 0) {
      const r = event.receipt;
      const donorId = contributions.get(r.contributionId)!.donorId;
      if (r.earmark.kind === 'none') {
        const pool = books.pools.get(donorId)!;
        pooled.set(r.id, { donorId, cents: toCents(r.usdAmount) });
        pool.remaining += toCents(r.usdAmount);
        reopen(books, pool);
        continue;
      }
      const source: Source = {
        receiptId: r.id,
        donorId,
        on: r.on,
        earmark: r.earmark,
        remaining: toCents(r.usdAmount),
        drawn: new Map(),
        drawnAt: new Map(),
        refundedAt: new Map(),
        lapsedOut: 0n,
        rank: sources.get(r.id)?.rank ?? books.pools.size + sources.size,
        listed: false,
      };
      sources.set(r.id, source);
      reopen(books, source);
    } else if (event.order === 1) {
      const id = event.receipt.reverses;
      const unearmarked = id ? pooled.get(id) : undefined;
      const source = id ? sources.get(id) : undefined;
      if (unearmarked) {
        pooled.delete(id!);
        giveUp(books.pools.get(unearmarked.donorId)!, unearmarked.cents);
      } else if (source) {
        // The whole receipt goes back: unspent and drawn, and what of it lapsed into the pool.
        giveUp(books.pools.get(source.donorId)!, source.lapsedOut);
        source.remaining = 0n;
        source.drawn = new Map();
        source.drawnAt = new Map();
        source.refundedAt = new Map();
        source.lapsedOut = 0n;
      }
    } else if ('project' in event) {
      draw(event.project, books);
    } else {
      giveBack(event.back, budgets.get(event.back.projectId)!, books, unpaid);
    }
  }

  const donors = new Map<string, { paid: bigint; unallocated: bigint; projects: Map<string, Drawn> }>();
  for (const c of input.contributions) {
    if (!donors.has(c.donorId)) donors.set(c.donorId, { paid: 0n, unallocated: 0n, projects: new Map() });
  }
  const all = [...books.pools.values(), ...sources.values()];
  for (const s of all) {
    const donor = donors.get(s.donorId)!;
    donor.unallocated += s.remaining;
    donor.paid += s.remaining;
    for (const [projectId, d] of s.drawn) {
      donor.paid += d.earmarked + d.proRata - d.released - d.refunded;
      const figures = donor.projects.get(projectId) ?? noneDrawn();
      figures.earmarked += d.earmarked;
      figures.proRata += d.proRata;
      figures.released += d.released;
      figures.refunded += d.refunded;
      donor.projects.set(projectId, figures);
    }
  }
  return {
    donors: [...donors].map(([donorId, d]) => ({
      donorId,
      paid: centsToMoney(d.paid),
      unallocated: centsToMoney(d.unallocated),
      projects: [...d.projects]
        .filter(([, f]) => f.earmarked + f.proRata + f.released + f.refunded > 0n)
        .map(([projectId, f]) => ({
          projectId,
          earmarked: centsToMoney(f.earmarked),
          proRata: centsToMoney(f.proRata),
          released: centsToMoney(f.released),
          refunded: centsToMoney(f.refunded),
          net: centsToMoney(f.earmarked + f.proRata - f.released - f.refunded),
        })),
    })),
    earmarked: all
      .filter((s) => s.earmark.kind !== 'none' && s.remaining > 0n)
      .sort((a, b) => compareIsoDates(a.on, b.on) || (a.receiptId < b.receiptId ? -1 : 1))
      .map((s) => ({ receiptId: s.receiptId, earmark: s.earmark, remaining: centsToMoney(s.remaining) })),
  };
}

/** One empty unearmarked pool per donor, in donor id order (the order that settles a tie of remainders). */
function donorPools(contributions: TracingInput['contributions']): Map<string, Source> {
  const ids = [...new Set(contributions.map((c) => c.donorId))].sort();
  return new Map(
    ids.map((donorId, rank): [string, Source] => [
      donorId,
      {
        receiptId: '',
        donorId,
        on: '0000-01-01',
        earmark: { kind: 'none', target: null },
        remaining: 0n,
        drawn: new Map(),
        drawnAt: new Map(),
        refundedAt: new Map(),
        lapsedOut: 0n,
        rank,
        listed: false,
      },
    ]),
  );
}

/**
 * Money a source gives up: a donor's pool when a receipt is reversed, or the source a refund went to
 * when the refund is reversed. From what is unspent first, then from the projects it paid for, pro
 * rata of what each still holds of it (in the order first drawn). For a refund reversed (`last`, the
 * project that refunded, and `since`, when its refund came), the projects drawn since come first,
 * as they spent the money; then the older ones; the refunding project itself last, since the
 * reversal gives it its money back.
 */
function giveUp(source: Source, cents: bigint, last: string | null = null, since = -1): void {
  const unspent = min(source.remaining, cents);
  source.remaining -= unspent;
  let rest = cents - unspent;
  const tiers = last === null ? [() => true] : [(id: string) => source.drawnAt.get(id)! > since, () => true];
  for (const inTier of tiers) {
    if (rest <= 0n) return;
    const held: Drawn[] = [];
    for (const [projectId, d] of source.drawn) if (projectId !== last && inTier(projectId)) held.push(d);
    const weights = held.map(stillHeld);
    const parts = proRata(
      min(
        rest,
        weights.reduce((a, w) => a + w, 0n),
      ),
      weights,
    );
    held.forEach((d, i) => {
      lessDrawn(d, parts[i]!);
      rest -= parts[i]!;
    });
  }
  const own = last === null ? undefined : source.drawn.get(last);
  if (own && rest > 0n) lessDrawn(own, min(rest, stillHeld(own)));
}

/** What a source's draw on a project still holds: drawn, less what came back. */
function stillHeld(d: Drawn): bigint {
  const left = d.earmarked + d.proRata - d.released - d.refunded;
  return left > 0n ? left : 0n;
}

/** A draw made smaller (a source draws either pro rata or earmarked, never both). */
function lessDrawn(d: Drawn, cents: bigint): void {
  const fromPool = min(d.proRata, cents);
  d.proRata -= fromPool;
  d.earmarked -= cents - fromPool;
}

/** A source's money on the project, recorded the first time it draws on it. */
function drawnOn(books: Books, s: Source, projectId: string): Drawn {
  let d = s.drawn.get(projectId);
  if (!d) {
    d = noneDrawn();
    s.drawn.set(projectId, d);
    s.drawnAt.set(projectId, books.clock);
    const funders = books.funders.get(projectId) ?? [];
    funders.push(s);
    books.funders.set(projectId, funders);
  }
  return d;
}

/** An approval: the money earmarked to it first, then the unearmarked pool pro rata. */
function draw(project: TracedProject, books: Books): void {
  let need = toCents(project.approvedBudget!);
  for (const s of books.earmarked.open()) {
    if (need <= 0n) break;
    if (!earmarkMatches(s.earmark, project)) continue;
    const take = min(s.remaining, need);
    s.remaining -= take;
    drawnOn(books, s, project.id).earmarked += take;
    need -= take;
  }
  if (need <= 0n) return;
  const pool = books.pool.open();
  let sum = 0n;
  for (const s of pool) sum += s.remaining;
  const parts = proRata(
    min(sum, need),
    pool.map((s) => s.remaining),
  );
  pool.forEach((s, i) => {
    if (parts[i]! <= 0n) return;
    s.remaining -= parts[i]!;
    drawnOn(books, s, project.id).proRata += parts[i]!;
  });
}

/**
 * Money back from a project, to the receipts that funded it in the proportions they did (what no
 * donor paid keeps its part); a negative refund takes back what refunds gave (see giveUp).
 */
function giveBack(back: TracedReturn, budget: bigint, books: Books, unpaid: Map<string, Drawn>): void {
  const projectId = back.projectId;
  // Those still holding a part of it (a reversed receipt gave its part up), in rank order.
  const funders = (books.funders.get(projectId) ?? []).filter((s) => s.drawn.has(projectId));
  funders.sort((a, b) => a.rank - b.rank);
  books.funders.set(projectId, funders);
  const nobody = unpaid.get(projectId) ?? noneDrawn();
  unpaid.set(projectId, nobody);
  const amount = toCents(back.amount);
  // A receipt earmarked to this very project: its money lapses into its donor's pool.
  const lapses = (s: Source) => s.earmark.kind === 'project' && s.earmark.target === projectId;
  const holder = (s: Source): Source => (lapses(s) ? books.pools.get(s.donorId)! : s);
  if (amount > 0n) {
    const left = (d: Drawn) => d.earmarked + d.proRata - d.released - d.refunded;
    const weights = [...funders.map((s) => left(s.drawn.get(projectId)!)), 0n];
    const funded = funders.reduce(
      (a, s) => a + s.drawn.get(projectId)!.earmarked + s.drawn.get(projectId)!.proRata,
      0n,
    );
    // What no donor paid: the budget less what live receipts funded, less what of it came back.
    weights[funders.length] = budget - funded - nobody.released - nobody.refunded;
    const total = weights.reduce((a, w) => a + (w > 0n ? w : 0n), 0n);
    const parts = proRata(
      min(amount, total),
      weights.map((w) => (w > 0n ? w : 0n)),
    );
    funders.forEach((s, i) => {
      s.drawn.get(projectId)![back.kind] += parts[i]!;
      const h = holder(s);
      if (back.kind === 'refunded' && parts[i]! > 0n && !h.refundedAt.has(projectId))
        h.refundedAt.set(projectId, books.clock);
      h.remaining += parts[i]!;
      if (lapses(s)) s.lapsedOut += parts[i]!;
      reopen(books, h);
    });
    nobody[back.kind] += parts[funders.length]!;
  } else if (amount < 0n) {
    const weights = [...funders.map((s) => s.drawn.get(projectId)![back.kind]), nobody[back.kind]];
    const parts = proRata(
      min(
        -amount,
        weights.reduce((a, w) => a + w, 0n),
      ),
      weights,
    );
    funders.forEach((s, i) => {
      s.drawn.get(projectId)![back.kind] -= parts[i]!;
      if (lapses(s)) s.lapsedOut -= parts[i]!;
      const h = holder(s);
      giveUp(h, parts[i]!, projectId, h.refundedAt.get(projectId) ?? -1);
    });
    // A holder none of whose funders keeps a refund from the project no longer dates one.
    for (const s of funders) {
      const h = holder(s);
      if (!funders.some((f) => holder(f) === h && f.drawn.get(projectId)!.refunded > 0n))
        h.refundedAt.delete(projectId);
    }
    nobody[back.kind] -= parts[funders.length]!;
  }
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

/** All the money ever received under one earmark: Σ USD of its receipts still standing. */
export interface EarmarkCeiling {
  earmark: Earmark;
  received: MoneyString;
}

/**
 * The live (unreversed) earmarked receipts of pledges not cancelled, summed per earmark: what no
 * earmarked balance can exceed, since a receipt never has more unspent than it brought in.
 */
export function earmarkCeilings(input: Pick<TracingInput, 'contributions' | 'receipts'>): EarmarkCeiling[] {
  const cancelled = new Set(input.contributions.filter((c) => c.status === 'cancelled').map((c) => c.id));
  const reversed = new Set(input.receipts.filter((r) => r.kind === 'reversal').map((r) => r.reverses));
  const sums = new Map<string, EarmarkCeiling & { cents: bigint }>();
  for (const r of input.receipts) {
    if (r.kind !== 'receipt' || r.earmark.kind === 'none') continue;
    if (cancelled.has(r.contributionId) || reversed.has(r.id)) continue;
    const key = `${r.earmark.kind}:${r.earmark.target}`;
    const entry = sums.get(key) ?? { earmark: r.earmark, received: '0.00', cents: 0n };
    entry.cents += toCents(r.usdAmount);
    sums.set(key, entry);
  }
  return [...sums.values()].map((e) => ({ earmark: e.earmark, received: centsToMoney(e.cents) }));
}

/**
 * True when `amount` fits in the available balance even if every earmark for something else still
 * held all the money received under it: then earmarkProblem and raiseEarmarkProblem find nothing,
 * whatever the replay says, and an approval or a raise needs no tracing replay to be allowed.
 */
export function fitsBesideEveryEarmark(
  project: Pick<TracedProject, 'id' | 'window' | 'dimensions' | 'countries'>,
  amount: MoneyString,
  available: MoneyString,
  ceilings: readonly EarmarkCeiling[],
): boolean {
  const elsewhere = ceilings
    .filter((c) => !earmarkMatches(c.earmark, project))
    .reduce((a, c) => a + toCents(c.received), 0n);
  return elsewhere === 0n || toCents(amount) <= toCents(available) - elsewhere;
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
