import { asRole, BuiltUser, signIn } from '../support/builders';
import {
  aModerationNote,
  aReadyProposal,
  aReview,
  ReadyProposal,
  versionOf,
} from '../support/lifecycle-builders';
import { expectProblem } from '../support/problems';
import { aCompleteDraft } from '../support/review-builders';
import { count, createTestApp, TestApp } from '../support/test-app';

type Auth = { Authorization: string };

/**
 * Review rounds (DESIGN.md §4.3): returning a proposal for revision closes its round, resubmitting
 * it opens the next; only the latest round counts, in the assessment, the calibration and the
 * approval gate; the reviews of earlier rounds stay readable (staff all, each reviewer their own).
 */
describe('review rounds', () => {
  let t: TestApp;
  let staff: Auth;

  beforeAll(async () => {
    t = await createTestApp();
    staff = (await asRole(t, 'staff')).auth;
  });
  afterAll(() => t.close());

  const move = async (projectId: string, to: string) => {
    const response = await t
      .http()
      .post(`/api/v1/projects/${projectId}/transitions`)
      .set(staff)
      .set('If-Match', `"${await versionOf(t, projectId)}"`)
      .send({ to, note: `Moved to ${to} by the Programme Review Committee.` });
    return response;
  };
  const assessment = (projectId: string, auth: Auth, round?: number) =>
    t
      .http()
      .get(`/api/v1/projects/${projectId}/assessment${round ? `?round=${round}` : ''}`)
      .set(auth);
  const assign = (projectId: string, reviewerId: string, body: Record<string, unknown> = {}) =>
    t
      .http()
      .post(`/api/v1/projects/${projectId}/reviews`)
      .set(staff)
      .send({ reviewerId, ...body });
  const asReviewer = async (userId: string): Promise<Auth> => {
    const { rows } = await t.db.query<{ email: string }>(`SELECT email FROM users WHERE id = $1`, [userId]);
    const user: BuiltUser = { id: userId, email: rows[0]!.email, role: 'reviewer', donorId: null };
    return { Authorization: `Bearer ${await signIn(t, user)}` };
  };

  /** A proposal that passed round 1 (two submitted reviews), returned for revision and resubmitted. */
  async function inRoundTwo(): Promise<ReadyProposal> {
    const project = await aReadyProposal(t);
    expect((await move(project.id, 'revision_requested')).status).toBe(201);
    expect((await move(project.id, 'full_proposal')).status).toBe(201);
    expect((await move(project.id, 'under_review')).status).toBe(201);
    return project;
  }

  it('closes the round when the proposal is returned for revision and opens the next on resubmission', async () => {
    const project = await aReadyProposal(t);
    const first = await assessment(project.id, staff);
    expect(first.status).toBe(200);
    expect(first.body.round).toMatchObject({ number: 1, closedAt: null, counting: true });
    expect(first.body.countedReviews).toBe(2);

    const audit = await count(t.db, 'audit_entries');
    const returned = await move(project.id, 'revision_requested');
    expect(returned.status).toBe(201);
    // The round's closing is part of the transition: still one audit entry, which records it.
    await expect(count(t.db, 'audit_entries')).resolves.toBe(audit + 1);
    const { rows } = await t.db.query<{ after: { reviewRound: unknown } }>(
      `SELECT after FROM audit_entries WHERE entity_id = $1 AND action = 'transition'
       ORDER BY occurred_at DESC LIMIT 1`,
      [project.id],
    );
    expect(rows[0]!.after.reviewRound).toMatchObject({ number: 1, counting: true });
    expect((rows[0]!.after.reviewRound as { closedAt: string | null }).closedAt).not.toBeNull();

    await move(project.id, 'full_proposal');
    await move(project.id, 'under_review');
    const second = await assessment(project.id, staff);
    expect(second.body.round).toMatchObject({ number: 2, closedAt: null, counting: true });
    expect(second.body.rounds).toEqual([
      expect.objectContaining({ number: 1, counting: false, closedAt: expect.any(String) }),
      expect.objectContaining({ number: 2, counting: true, closedAt: null }),
    ]);
  });

  it("never counts the earlier round's reviews in the assessment or the approval gate", async () => {
    const project = await inRoundTwo();
    const latest = await assessment(project.id, staff);
    expect(latest.body).toMatchObject({
      countedReviews: 0,
      enoughReviews: false,
      passes: false,
      reviews: [],
    });

    const before = await versionOf(t, project.id);
    const refused = expectProblem(await move(project.id, 'approved'), 422);
    expect((refused.failures as { code: string; facts: unknown }[])[0]).toMatchObject({
      code: 'assessment_not_passing',
      facts: { failures: [{ code: 'too_few_reviews', facts: { counted: 0, required: 2 } }] },
    });
    await expect(versionOf(t, project.id)).resolves.toBe(before);

    // Staff read the earlier round as it was: its two reviews counted there, and it no longer counts.
    const earlier = await assessment(project.id, staff, 1);
    expect(earlier.status).toBe(200);
    expect(earlier.body).toMatchObject({
      round: { number: 1, counting: false },
      countedReviews: 2,
      passes: true,
    });

    // Two reviews of round 2 make it pass, and the proposal is approved.
    await aReview(t, project.id, [3, 3, 3, 3, 3]);
    await aReview(t, project.id, [3, 3, 3, 3, 3]);
    await expect(assessment(project.id, staff)).resolves.toMatchObject({
      body: { round: { number: 2 }, countedReviews: 2, passes: true },
    });
    expect((await move(project.id, 'approved')).status).toBe(201);
  });

  it("does not let a moderation note of the earlier round moderate the latest round's disagreement", async () => {
    const project = await aReadyProposal(t);
    await aModerationNote(t, project.id, 'people_centred');
    await move(project.id, 'revision_requested');
    await move(project.id, 'full_proposal');
    await move(project.id, 'under_review');
    await aReview(t, project.id, [4, 3, 3, 3, 3]);
    await aReview(t, project.id, [2, 3, 3, 3, 3]);

    const latest = await assessment(project.id, staff);
    expect(latest.body).toMatchObject({
      passes: true,
      unmoderatedDisagreements: ['people_centred'],
      moderationNotes: [],
    });
    const refused = expectProblem(await move(project.id, 'approved'), 422);
    expect((refused.failures as { code: string }[]).map((f) => f.code)).toEqual([
      'disagreement_not_moderated',
    ]);

    const note = await t
      .http()
      .put(`/api/v1/projects/${project.id}/moderation-notes/people_centred`)
      .set(staff)
      .send({ note: 'The second panel weighed the new participation plan differently.' });
    expect(note.status).toBe(201);
    expect(note.body.round).toBe(2);
    expect((await move(project.id, 'approved')).status).toBe(201);
  });

  it('assigns the same reviewer again in the new round, once per round', async () => {
    const project = await inRoundTwo();
    const again = project.reviews[0]!.reviewerId;
    const assigned = await assign(project.id, again);
    expect(assigned.status).toBe(201);
    expect(assigned.body).toMatchObject({ reviewerId: again, round: 2, status: 'assigned' });

    const reviews = await count(t.db, 'reviews');
    const twice = expectProblem(await assign(project.id, again), 409);
    expect(twice.errors).toEqual([
      { field: 'reviewerId', message: 'is already assigned to this round of the proposal' },
    ]);
    await expect(count(t.db, 'reviews')).resolves.toBe(reviews);

    // Staff list every round, the latest first; ?round= narrows it.
    const listed = await t.http().get(`/api/v1/projects/${project.id}/reviews`).set(staff);
    expect(listed.body.items.map((r: { round: number }) => r.round)).toEqual([2, 1, 1]);
    const earlier = await t.http().get(`/api/v1/projects/${project.id}/reviews?round=1`).set(staff);
    expect(earlier.body.items).toHaveLength(2);
  });

  it("lets a reviewer read their own earlier review, never another reviewer's", async () => {
    const project = await inRoundTwo();
    const [mine, theirs] = project.reviews;
    const auth = await asReviewer(mine!.reviewerId);
    const again = (await assign(project.id, mine!.reviewerId)).body as { id: string };

    const own = await t.http().get(`/api/v1/reviews/${mine!.id}`).set(auth);
    expect(own.status).toBe(200);
    expect(own.body.review).toMatchObject({ round: 1, status: 'submitted', contentVisible: true });
    expectProblem(await t.http().get(`/api/v1/reviews/${theirs!.id}`).set(auth), 404);

    const queue = await t.http().get('/api/v1/reviews/mine').set(auth);
    expect(
      queue.body.items
        .filter((r: { projectId: string }) => r.projectId === project.id)
        .map((r: { round: number; currentRound: boolean }) => [r.round, r.currentRound])
        .sort(),
    ).toEqual([
      [1, false],
      [2, true],
    ]);

    // Round 2 is blind until their review of it is submitted, whatever they submitted in round 1.
    expectProblem(await assessment(project.id, auth), 404);
    expectProblem(await t.http().get(`/api/v1/projects/${project.id}/reviews`).set(auth), 404);

    const other = await aReview(t, project.id, [3, 3, 3, 3, 3]);
    const declared = await t
      .http()
      .post(`/api/v1/reviews/${again.id}/conflict`)
      .set(auth)
      .send({ declared: false });
    const drafted = await t
      .http()
      .patch(`/api/v1/reviews/${again.id}`)
      .set(auth)
      .send({ version: declared.body.version, ...aCompleteDraft() });
    const submitted = await t
      .http()
      .post(`/api/v1/reviews/${again.id}/submit`)
      .set(auth)
      .send({ version: drafted.body.version });
    expect(submitted.status).toBe(200);

    const visible = await t.http().get(`/api/v1/projects/${project.id}/reviews`).set(auth);
    expect(visible.status).toBe(200);
    expect(visible.body.items.map((r: { id: string }) => r.id).sort()).toEqual(
      [again.id, other.id, mine!.id].sort(),
    );
    // The earlier round stays with staff: a reviewer asking for it is answered 404.
    expectProblem(await assessment(project.id, auth, 1), 404);
    await expect(assessment(project.id, auth)).resolves.toMatchObject({
      status: 200,
      body: { round: { number: 2 }, countedReviews: 2 },
    });
  });

  it("refuses any change to an earlier round's review", async () => {
    const project = await aReadyProposal(t);
    const draft = await aReview(t, project.id, [2, 2, 2, 2, 2], 'draft');
    await move(project.id, 'revision_requested');
    await move(project.id, 'full_proposal');
    await move(project.id, 'under_review');
    const auth = await asReviewer(draft.reviewerId);
    const { rows } = await t.db.query<{ version: number }>(`SELECT version FROM reviews WHERE id = $1`, [
      draft.id,
    ]);
    const audit = await count(t.db, 'audit_entries');
    const problem = expectProblem(
      await t
        .http()
        .patch(`/api/v1/reviews/${draft.id}`)
        .set(auth)
        .send({ version: rows[0]!.version, scores: { people_centred: 4 } }),
      422,
    );
    expect(problem).toMatchObject({ code: 'review_round_closed', facts: { round: 1 } });
    const unassign = expectProblem(
      await t
        .http()
        .delete(`/api/v1/projects/${project.id}/reviews/${draft.id}`)
        .set(staff)
        .set('If-Match', `"${rows[0]!.version}"`),
      422,
    );
    expect(unassign.code).toBe('review_round_closed');
    await expect(count(t.db, 'audit_entries')).resolves.toBe(audit);
  });

  it("leaves the earlier round's reviews out of reviewer calibration", async () => {
    const project = await aReadyProposal(t);
    const { rows } = await t.db.query<{ id: string }>(
      `UPDATE reviews SET score_people_centred = 0 WHERE id = $1 RETURNING id`,
      [project.reviews[1]!.id],
    );
    expect(rows).toHaveLength(1);
    const calibrated = async () => {
      const response = await t.http().get('/api/v1/reviewers/calibration').set(staff);
      expect(response.body.round).toBe('latest');
      return (response.body.items as { reviewerId: string }[]).map((i) => i.reviewerId);
    };
    await expect(calibrated()).resolves.toEqual(
      expect.arrayContaining(project.reviews.map((r) => r.reviewerId)),
    );
    await move(project.id, 'revision_requested');
    await move(project.id, 'full_proposal');
    await move(project.id, 'under_review');
    const after = await calibrated();
    for (const review of project.reviews) expect(after).not.toContain(review.reviewerId);
  });

  it('sets the due date from the settings unless staff give one, and refuses one before today', async () => {
    const project = await inRoundTwo();
    const { rows } = await t.db.query<{ today: string; due: string }>(
      `SELECT (now() AT TIME ZONE 'UTC')::date::text AS today,
              ((now() AT TIME ZONE 'UTC')::date + review_due_days)::text AS due
       FROM assessment_settings`,
    );
    const byDefault = await assign(project.id, project.reviews[0]!.reviewerId);
    expect(byDefault.body.dueOn).toBe(rows[0]!.due);
    const chosen = await assign(project.id, project.reviews[1]!.reviewerId, { dueOn: '2099-01-31' });
    expect(chosen.body.dueOn).toBe('2099-01-31');

    const { user } = await asRole(t, 'reviewer');
    const reviews = await count(t.db, 'reviews');
    const late = expectProblem(await assign(project.id, user.id, { dueOn: '2020-01-01' }), 400);
    expect(late.errors).toEqual([
      { field: 'dueOn', message: `must not be before today (${rows[0]!.today})` },
    ]);
    await expect(count(t.db, 'reviews')).resolves.toBe(reviews);
  });
});
