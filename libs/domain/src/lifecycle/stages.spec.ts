import type { Stage } from './stages';
import { STAGES, allowedTransitions, isStage, isTransitionAllowed } from './stages';
import { checkTransition } from './transitions';

// The lifecycle of DESIGN.md §4.3 written out pair by pair, independently of the table under test.
const LEGAL: readonly (readonly [Stage, Stage])[] = [
  ['concept_note', 'full_proposal'],
  ['full_proposal', 'under_review'],
  ['under_review', 'approved'],
  ['approved', 'active'],
  ['active', 'completed'],
  ['completed', 'closed'],
  ['approved', 'suspended'],
  ['active', 'suspended'],
  ['suspended', 'approved'],
  ['suspended', 'active'],
  ['under_review', 'revision_requested'],
  ['revision_requested', 'full_proposal'],
  ['concept_note', 'rejected'],
  ['under_review', 'rejected'],
  ['concept_note', 'withdrawn'],
  ['full_proposal', 'withdrawn'],
  ['under_review', 'withdrawn'],
  ['revision_requested', 'withdrawn'],
];

const isLegal = (from: Stage, to: Stage) => LEGAL.some(([f, t]) => f === from && t === to);
const allPairs = STAGES.flatMap((from) => STAGES.map((to) => [from, to] as const));

describe('lifecycle transitions', () => {
  it('knows the eleven stages', () => {
    expect(STAGES).toHaveLength(11);
    expect(isStage('under_review')).toBe(true);
    expect(isStage('archived')).toBe(false);
  });

  it.each(LEGAL)('allows %s → %s', (from, to) => {
    expect(isTransitionAllowed(from, to)).toBe(true);
    expect(allowedTransitions(from)).toContain(to);
    const failures = checkTransition(from, to).failures.map((f) => f.code);
    expect(failures).not.toContain('transition_not_allowed');
  });

  it.each(allPairs.filter(([from, to]) => !isLegal(from, to)))('refuses %s → %s', (from, to) => {
    expect(isTransitionAllowed(from, to)).toBe(false);
    const check = checkTransition(from, to, { activation: { transfersRecorded: 1 } });
    expect(check.allowed).toBe(false);
    expect(check.failures).toEqual([
      { code: 'transition_not_allowed', facts: { from, to, allowed: [...allowedTransitions(from)] } },
    ]);
  });

  it('allows withdrawal from every stage before approval and from none after', () => {
    const withdrawable = STAGES.filter((s) => isTransitionAllowed(s, 'withdrawn'));
    expect(withdrawable).toEqual(['concept_note', 'full_proposal', 'under_review', 'revision_requested']);
  });

  it('has no way out of closed, rejected or withdrawn', () => {
    for (const stage of ['closed', 'rejected', 'withdrawn'] as const)
      expect(allowedTransitions(stage)).toEqual([]);
  });
});
