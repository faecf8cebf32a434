import { PRINCIPLE_IDS } from '../principles/principles';
import type { ReviewContent, ReviewState } from './review-rules';
import {
  assignmentRefusal,
  conflictDeclarationProblems,
  describeConflictDeclarationProblem,
  describeReviewRefusal,
  describeSubmissionGap,
  reviewActionRefusal,
  seesOtherReviews,
  submissionGaps,
} from './review-rules';

const open: ReviewState = { status: 'draft', conflictDeclared: false, proposalStage: 'under_review' };
const fresh: ReviewState = { status: 'assigned', conflictDeclared: null, proposalStage: 'under_review' };
const withdrawn: ReviewState = {
  status: 'declined_conflict',
  conflictDeclared: true,
  proposalStage: 'under_review',
};
const submitted: ReviewState = {
  status: 'submitted',
  conflictDeclared: false,
  proposalStage: 'under_review',
};

const code = (state: ReviewState, action: Parameters<typeof reviewActionRefusal>[1]) =>
  reviewActionRefusal(state, action)?.code ?? null;

describe('review actions in an earlier round', () => {
  it('are all refused: a closed round stays as it was', () => {
    for (const action of ['declare_conflicts', 'edit_draft', 'submit', 'unassign'] as const) {
      expect(reviewActionRefusal({ ...open, earlierRound: 1 }, action)).toEqual({
        code: 'review_round_closed',
        facts: { round: 1 },
      });
    }
    expect(describeReviewRefusal({ code: 'review_round_closed', facts: { round: 1 } })).toBe(
      'Review round 1 is closed: its reviews stay as they were, for the record.',
    );
  });
});

describe('review actions: conflicts come first', () => {
  it('opens the declaration to a freshly assigned reviewer, and only once', () => {
    expect(code(fresh, 'declare_conflicts')).toBeNull();
    expect(code({ ...fresh, conflictDeclared: false }, 'declare_conflicts')).toBe(
      'conflicts_already_declared',
    );
    expect(code(withdrawn, 'declare_conflicts')).toBe('conflicts_already_declared');
  });

  it('refuses drafting and submitting before the declaration', () => {
    expect(code(fresh, 'edit_draft')).toBe('conflicts_not_declared');
    expect(code(fresh, 'submit')).toBe('conflicts_not_declared');
  });

  it('opens drafting once no conflict is declared, while the status is still assigned', () => {
    expect(code({ ...fresh, conflictDeclared: false }, 'edit_draft')).toBeNull();
    expect(code(open, 'edit_draft')).toBeNull();
    expect(code(open, 'submit')).toBeNull();
  });

  it('withdraws a reviewer who declared a conflict: no draft, no submission', () => {
    expect(code(withdrawn, 'edit_draft')).toBe('withdrawn_for_conflict');
    expect(code(withdrawn, 'submit')).toBe('withdrawn_for_conflict');
  });
});

describe('review actions: a submitted review is final', () => {
  it.each(['edit_draft', 'submit', 'declare_conflicts', 'unassign'] as const)('refuses %s', (action) => {
    expect(code(submitted, action)).toBe('review_submitted');
  });

  it('lets staff unassign any review that is not submitted', () => {
    for (const state of [fresh, open, withdrawn]) expect(code(state, 'unassign')).toBeNull();
  });
});

describe('review actions: only while the proposal is under review', () => {
  it.each(['approved', 'revision_requested', 'full_proposal'] as const)(
    'refuses a draft on a proposal that is %s, and says which stage it is in',
    (stage) => {
      const refusal = reviewActionRefusal({ ...open, proposalStage: stage }, 'edit_draft');
      expect(refusal).toEqual({ code: 'proposal_not_under_review', facts: { stage } });
      expect(describeReviewRefusal(refusal!)).toContain(stage.replace(/_/g, ' '));
    },
  );

  it('lets staff assign reviewers to a proposal under review only', () => {
    expect(assignmentRefusal('under_review')).toBeNull();
    expect(assignmentRefusal('full_proposal')).toEqual({
      code: 'proposal_not_under_review',
      facts: { stage: 'full_proposal' },
    });
  });

  it('still lets staff unassign on a proposal that left review', () => {
    expect(code({ ...open, proposalStage: 'rejected' }, 'unassign')).toBeNull();
  });

  it('describes every refusal in words', () => {
    for (const refusal of [
      reviewActionRefusal(fresh, 'edit_draft'),
      reviewActionRefusal(withdrawn, 'submit'),
      reviewActionRefusal(submitted, 'edit_draft'),
      reviewActionRefusal(withdrawn, 'declare_conflicts'),
    ]) {
      expect(describeReviewRefusal(refusal!).length).toBeGreaterThan(20);
    }
    expect(describeReviewRefusal(reviewActionRefusal(fresh, 'submit')!)).toMatch(/declare conflicts/i);
    expect(describeReviewRefusal(reviewActionRefusal(submitted, 'submit')!)).toMatch(/final/);
  });
});

function complete(): ReviewContent {
  return {
    scores: Object.fromEntries(PRINCIPLE_IDS.map((p) => [p, 3])),
    justifications: Object.fromEntries(PRINCIPLE_IDS.map((p) => [p, `Why ${p} scores 3.`])),
    recommendation: 'approve',
  };
}

describe('submission: what is missing', () => {
  it('finds nothing missing in a complete review, a score of 0 included', () => {
    expect(submissionGaps(complete())).toEqual([]);
    const zero = complete();
    zero.scores.comprehensive = 0;
    expect(submissionGaps(zero)).toEqual([]);
  });

  it('names every missing score, blank justification and the missing recommendation, in principle order', () => {
    const content = complete();
    content.scores.prevention_oriented = null;
    delete content.scores.people_centred;
    content.justifications.comprehensive = '   ';
    content.justifications.protection_empowerment = null;
    content.recommendation = null;
    expect(submissionGaps(content)).toEqual([
      { code: 'score_missing', facts: { principle: 'people_centred' } },
      { code: 'justification_missing', facts: { principle: 'comprehensive' } },
      { code: 'score_missing', facts: { principle: 'prevention_oriented' } },
      { code: 'justification_missing', facts: { principle: 'protection_empowerment' } },
      { code: 'recommendation_missing', facts: {} },
    ]);
  });

  it('treats a score outside 0–4 or not whole as missing', () => {
    const content = complete();
    content.scores.context_specific = 5;
    content.scores.comprehensive = 2.5;
    expect(submissionGaps(content).map((g) => g.code)).toEqual(['score_missing', 'score_missing']);
  });

  it('describes each gap with the principle title', () => {
    const gaps = submissionGaps({ scores: {}, justifications: {}, recommendation: null });
    expect(gaps).toHaveLength(11);
    expect(gaps.map(describeSubmissionGap)).toEqual(
      expect.arrayContaining([
        'People-centred has no score (0–4).',
        'Protection and empowerment has no written justification.',
        'No recommendation (approve, revise or reject) is given.',
      ]),
    );
  });
});

describe('conflict declarations', () => {
  const proposal = { organizationIds: ['org-a', 'org-b'], countries: ['KEN', 'UGA'] };

  it('accepts no conflict, and a conflict with an organization or country of the proposal', () => {
    const none = { declared: false, organizationIds: [], countries: [], note: null };
    expect(conflictDeclarationProblems(none, proposal)).toEqual([]);
    expect(
      conflictDeclarationProblems({ ...none, declared: true, organizationIds: ['org-b'] }, proposal),
    ).toEqual([]);
    expect(conflictDeclarationProblems({ ...none, declared: true, countries: ['UGA'] }, proposal)).toEqual(
      [],
    );
    expect(
      conflictDeclarationProblems({ ...none, declared: true, note: 'I advised the Government.' }, proposal),
    ).toEqual([]);
  });

  it('refuses organizations and countries that are not the proposal’s, naming them', () => {
    const problems = conflictDeclarationProblems(
      { declared: true, organizationIds: ['org-a', 'org-z'], countries: ['SOM', 'KEN'], note: null },
      proposal,
    );
    expect(problems).toEqual([
      {
        code: 'organization_not_in_proposal',
        field: 'organizationIds',
        facts: { organizationIds: ['org-z'] },
      },
      { code: 'country_not_in_proposal', field: 'countries', facts: { countries: ['SOM'] } },
    ]);
    expect(problems.map(describeConflictDeclarationProblem).join(' ')).toMatch(/org-z.*SOM/);
  });

  it('refuses a declared conflict with nothing named and no note', () => {
    expect(
      conflictDeclarationProblems(
        { declared: true, organizationIds: [], countries: [], note: ' ' },
        proposal,
      ),
    ).toEqual([{ code: 'conflict_without_subject', field: 'declared', facts: {} }]);
  });

  it('refuses naming parties while declaring no conflict', () => {
    expect(
      conflictDeclarationProblems(
        { declared: false, organizationIds: ['org-a'], countries: ['KEN'], note: null },
        proposal,
      ).map((p) => [p.code, p.field]),
    ).toEqual([
      ['subject_without_conflict', 'organizationIds'],
      ['subject_without_conflict', 'countries'],
    ]);
  });
});

describe('blind review', () => {
  it('shows the other reviews only to a reviewer whose own review is submitted', () => {
    expect(seesOtherReviews('submitted')).toBe(true);
    for (const status of ['assigned', 'draft', 'declined_conflict', null] as const) {
      expect(seesOtherReviews(status)).toBe(false);
    }
  });
});
