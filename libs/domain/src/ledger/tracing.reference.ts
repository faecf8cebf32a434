import { compareIsoDates, type IsoDate } from '../calendar/iso-date';
import { centsToMoney, toCents } from '../money/money';
import type { Earmark } from './receipts';
import type { FundTrace, TracedProject, TracedReturn, TracingInput } from './tracing';
import { earmarkMatches, replayEvents } from './tracing';

/**
 * The tracing replay written plainly, kept for tests only: every source is walked at every event, with
 * no open lists and no funders index. The faster traceFunds must give the same answers to the cent
 * (tracing.parity.spec.ts). Unearmarked money is one pool per donor; earmarked money stays per receipt.
 */

/** A receipt's money on one project: drawn (earmarked or pro rata) and returned (released or refunded). */
interface Drawn {
  earmarked: bigint;
  proRata: bigint;
  released: bigint;
  refunded: bigint;
}

/** A donor's unearmarked pool (no receipt id), or one earmarked receipt. */
interface Source {
  receiptId: string;
  donorId: string;
  on: IsoDate;
  earmark: Earmark;
  remaining: bigint;
  drawn: Map<string, Drawn>;
  /** The step of the replay at which it first drew on each project. */
  drawnAt: Map<string, number>;
  /** The step at which a project's refund first came to it, while it holds some of that project's refunds. */
  refundedAt: Map<string, number>;
  /** Of an earmarked receipt: what lapsed into its donor's pool when its project gave money back. */
  lapsedOut: bigint;
}

/** Splits `total` cents over the weights in proportion, exactly (largest remainder, first listed wins ties). */
function proRata(total: bigint, weights: readonly bigint[]): bigint[] {
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

const noneDrawn = (): Drawn => ({ earmarked: 0n, proRata: 0n, released: 0n, refunded: 0n });
const min = (a: bigint, b: bigint) => (a < b ? a : b);

/** The replay written plainly: every donor's pool shares each approval, one by one. */
export function traceFundsReference(input: TracingInput): FundTrace {
  const contributions = new Map(input.contributions.map((c) => [c.id, c]));
  const { events, budgets } = replayEvents(input);

  const pools = new Map<string, Source>();
  for (const donorId of [...new Set(input.contributions.map((c) => c.donorId))].sort()) {
    pools.set(donorId, {
      receiptId: '',
      donorId,
      on: '0000-01-01',
      earmark: { kind: 'none', target: null },
      remaining: 0n,
      drawn: new Map(),
      drawnAt: new Map(),
      refundedAt: new Map(),
      lapsedOut: 0n,
    });
  }
  const sources = new Map<string, Source>();
  const pooled = new Map<string, { donorId: string; cents: bigint }>();
  /** Per project: what no donor paid of it, and what of that came back. */
  const unpaid = new Map<string, Drawn>();
  let step = 0;
  for (const event of events) {
    step += 1;
    if (event.order === 0) {
      const r = event.receipt;
      const donorId = contributions.get(r.contributionId)!.donorId;
      if (r.earmark.kind === 'none') {
        pooled.set(r.id, { donorId, cents: toCents(r.usdAmount) });
        pools.get(donorId)!.remaining += toCents(r.usdAmount);
      } else {
        sources.set(r.id, {
          receiptId: r.id,
          donorId,
          on: r.on,
          earmark: r.earmark,
          remaining: toCents(r.usdAmount),
          drawn: new Map(),
          drawnAt: new Map(),
          refundedAt: new Map(),
          lapsedOut: 0n,
        });
      }
    } else if (event.order === 1) {
      const id = event.receipt.reverses ?? '';
      const unearmarked = pooled.get(id);
      const source = sources.get(id);
      if (unearmarked) {
        pooled.delete(id);
        giveUp(pools.get(unearmarked.donorId)!, unearmarked.cents);
      } else if (source) {
        giveUp(pools.get(source.donorId)!, source.lapsedOut);
        source.remaining = 0n;
        source.drawn = new Map();
        source.drawnAt = new Map();
        source.refundedAt = new Map();
        source.lapsedOut = 0n;
      }
    } else if ('project' in event) {
      draw(event.project, everySource(pools, sources), step);
    } else {
      giveBack(
        event.back,
        budgets.get(event.back.projectId)!,
        everySource(pools, sources),
        pools,
        unpaid,
        step,
      );
    }
  }

  const donors = new Map<string, { paid: bigint; unallocated: bigint; projects: Map<string, Drawn> }>();
  for (const c of input.contributions) {
    if (!donors.has(c.donorId)) donors.set(c.donorId, { paid: 0n, unallocated: 0n, projects: new Map() });
  }
  const all = everySource(pools, sources);
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

/** The donors' pools by donor id, then the earmarked receipts as they came. */
function everySource(pools: ReadonlyMap<string, Source>, sources: ReadonlyMap<string, Source>): Source[] {
  return [...pools.values(), ...sources.values()];
}

/**
 * Money leaving a source (a pool when a receipt is reversed, the source a refund went to when it is
 * reversed): unspent first, then its projects pro rata of what they hold; for a refund reversed, the
 * projects drawn after `since` (when the refund came) first, then the others, the project named last
 * after all of them.
 */
function giveUp(source: Source, cents: bigint, last: string | null = null, since = -1): void {
  const unspent = source.remaining < cents ? source.remaining : cents;
  source.remaining -= unspent;
  let rest = cents - unspent;
  const holds = (d: Drawn) => {
    const left = d.earmarked + d.proRata - d.released - d.refunded;
    return left > 0n ? left : 0n;
  };
  const shrink = (d: Drawn, cents: bigint) => {
    const fromPool = min(d.proRata, cents);
    d.proRata -= fromPool;
    d.earmarked -= cents - fromPool;
  };
  const others = [...source.drawn].filter(([id]) => id !== last);
  const newer = others.filter(([id]) => last !== null && source.drawnAt.get(id)! > since);
  for (const tier of last === null ? [others] : [newer, others]) {
    const held = tier.map(([, d]) => ({ d, left: holds(d) }));
    const total = held.reduce((a, h) => a + h.left, 0n);
    const parts = proRata(
      min(rest, total),
      held.map((h) => h.left),
    );
    held.forEach((h, i) => shrink(h.d, parts[i]!));
    rest -= parts.reduce((a, p) => a + p, 0n);
  }
  const own = last === null ? undefined : source.drawn.get(last);
  if (own && rest > 0n) shrink(own, min(rest, holds(own)));
}

/** An approval: the money earmarked to it first, then the unearmarked pool pro rata. */

function draw(project: TracedProject, open: readonly Source[], step: number): void {
  let need = toCents(project.approvedBudget!);
  const drawnOn = (s: Source) => {
    const d = s.drawn.get(project.id) ?? noneDrawn();
    if (!s.drawn.has(project.id)) s.drawnAt.set(project.id, step);
    s.drawn.set(project.id, d);
    return d;
  };
  for (const s of open) {
    if (need <= 0n) break;
    if (s.remaining <= 0n || s.earmark.kind === 'none' || !earmarkMatches(s.earmark, project)) continue;
    const take = min(s.remaining, need);
    s.remaining -= take;
    drawnOn(s).earmarked += take;
    need -= take;
  }
  const pool = open.filter((s) => s.earmark.kind === 'none' && s.remaining > 0n);
  const take = min(
    pool.reduce((a, s) => a + s.remaining, 0n),
    need,
  );
  const parts = proRata(
    take,
    pool.map((s) => s.remaining),
  );
  pool.forEach((s, i) => {
    if (parts[i]! <= 0n) return;
    s.remaining -= parts[i]!;
    drawnOn(s).proRata += parts[i]!;
  });
}

/**
 * Money back from a project, to the receipts that funded it in the proportions they did (what no
 * donor paid keeps its part); a negative refund takes back all that refunds gave (see giveUp).
 */
function giveBack(
  back: TracedReturn,
  budget: bigint,
  sources: readonly Source[],
  pools: ReadonlyMap<string, Source>,
  unpaid: Map<string, Drawn>,
  step: number,
): void {
  const projectId = back.projectId;
  const funders = sources.filter((s) => s.drawn.has(projectId));
  const nobody = unpaid.get(projectId) ?? noneDrawn();
  unpaid.set(projectId, nobody);
  const amount = toCents(back.amount);
  // A receipt earmarked to this very project: its money lapses into its donor's pool.
  const lapses = (s: Source) => s.earmark.kind === 'project' && s.earmark.target === projectId;
  const holder = (s: Source): Source => (lapses(s) ? pools.get(s.donorId)! : s);
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
        h.refundedAt.set(projectId, step);
      h.remaining += parts[i]!;
      if (lapses(s)) s.lapsedOut += parts[i]!;
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
      giveUp(holder(s), parts[i]!, projectId, holder(s).refundedAt.get(projectId) ?? -1);
    });
    for (const s of funders) {
      const h = holder(s);
      if (!funders.some((f) => holder(f) === h && f.drawn.get(projectId)!.refunded > 0n))
        h.refundedAt.delete(projectId);
    }
    nobody[back.kind] -= parts[funders.length]!;
  }
}
