import { asRole, aUser, BuiltUser } from '../support/builders';
import { aProject } from '../support/portfolio-builders';
import { expectProblem } from '../support/problems';
import { aReview, FiveScores } from '../support/review-builders';
import { createTestApp, TestApp } from '../support/test-app';

/**
 * Reviewer calibration: each reviewer's mean deviation from the panel mean across their counted
 * reviews. This file's database holds only the reviews below, so the numbers are computed by hand.
 */
describe('reviewer calibration', () => {
  let t: TestApp;
  let a: BuiltUser;
  let b: BuiltUser;
  let c: BuiltUser;
  let d: BuiltUser;

  beforeAll(async () => {
    t = await createTestApp();
    [a, b, c, d] = [
      await aUser(t, { role: 'reviewer' }),
      await aUser(t, { role: 'reviewer' }),
      await aUser(t, { role: 'reviewer' }),
      await aUser(t, { role: 'reviewer' }),
    ];
    const panel = async (
      ...reviews: [BuiltUser, 'submitted' | 'draft' | 'declined_conflict', FiveScores][]
    ) => {
      const project = await aProject(t, { stage: 'under_review' });
      for (const [reviewer, state, scores] of reviews)
        await aReview(t, project.id, reviewer.id, state, { scores });
    };
    // P1: panel means 3 everywhere. A +1 × 5 = +5, B −5.
    await panel([a, 'submitted', [4, 4, 4, 4, 4]], [b, 'submitted', [2, 2, 2, 2, 2]]);
    // P2: panel means 2 (people-centred), 3, 3, 3, 8/3 (protection).
    //   A: +1 + 1/3 = 4/3; B: 4/3; C: −2 − 2/3 = −8/3. D withdrew: not in the panel.
    await panel(
      [a, 'submitted', [3, 3, 3, 3, 3]],
      [b, 'submitted', [3, 3, 3, 3, 3]],
      [c, 'submitted', [0, 3, 3, 3, 2]],
      [d, 'declined_conflict', [0, 0, 0, 0, 0]],
    );
    // P3: a panel of one submitted review says nothing about calibration; drafts are not part of panels.
    await panel([c, 'submitted', [4, 4, 4, 4, 4]], [d, 'draft', [0, 0, 0, 0, 0]]);
  });
  afterAll(() => t.close());

  it("gives each reviewer's signed mean deviation from the panel, exactly, and their count", async () => {
    const { auth } = await asRole(t, 'staff');
    const response = await t.http().get('/api/v1/reviewers/calibration').set(auth);
    expect(response.status).toBe(200);
    const byReviewer = Object.fromEntries(
      (response.body.items as { reviewerId: string }[]).map((item) => [item.reviewerId, item]),
    );
    expect(Object.keys(byReviewer).sort()).toEqual([a.id, b.id, c.id].sort());
    // A: (5 + 4/3) / (2 reviews × 5 principles) = 19/30; B: (−5 + 4/3) / 10 = −11/30; C: (−8/3) / 5 = −8/15.
    expect(byReviewer[a.id]).toEqual({
      reviewerId: a.id,
      reviewerName: 'Test reviewer',
      reviews: 2,
      meanDeviation: { numerator: 19, denominator: 30, decimal: '0.63' },
    });
    expect(byReviewer[b.id]).toMatchObject({
      reviews: 2,
      meanDeviation: { numerator: -11, denominator: 30, decimal: '-0.37' },
    });
    expect(byReviewer[c.id]).toMatchObject({
      reviews: 1,
      meanDeviation: { numerator: -8, denominator: 15, decimal: '-0.53' },
    });
  });

  it.each(['reviewer', 'donor'] as const)('is for staff and admins: a %s gets 403', async (role) => {
    const { auth } = await asRole(t, role);
    expectProblem(await t.http().get('/api/v1/reviewers/calibration').set(auth), 403);
  });
});
