import { asRole, aUser } from '../support/builders';
import { aProject } from '../support/portfolio-builders';
import { expectProblem, rawBody } from '../support/problems';
import { aCompleteDraft, aModerationNote, aReview } from '../support/review-builders';
import { createTestApp, TestApp } from '../support/test-app';

type Auth = { Authorization: string };

/**
 * Reviews are blind: a reviewer sees the other reviews of a proposal, not even their number, only
 * once their own is submitted. Staff read every submitted review, never another's draft. Donors
 * never see reviews.
 */
describe('blind review', () => {
  let t: TestApp;
  let staff: Auth;
  let admin: Auth;

  beforeAll(async () => {
    t = await createTestApp();
    staff = (await asRole(t, 'staff')).auth;
    admin = (await asRole(t, 'admin')).auth;
  });
  afterAll(() => t.close());

  const projectReviews = (id: string) => `/api/v1/projects/${id}/reviews`;
  const assessment = (id: string) => `/api/v1/projects/${id}/assessment`;
  const notes = (id: string) => `/api/v1/projects/${id}/moderation-notes`;

  /** A proposal with a submitted review (scores 4,4,4,4,4) by someone else, and the caller's review. */
  async function aPanel() {
    const project = await aProject(t, { stage: 'under_review' });
    const other = await aUser(t, { role: 'reviewer' });
    const submitted = await aReview(t, project.id, other.id, 'submitted', { scores: [4, 4, 4, 4, 4] });
    const drafting = await aUser(t, { role: 'reviewer' });
    const draft = await aReview(t, project.id, drafting.id, 'draft', { scores: [1, 1, 1, 1, 1] });
    await aModerationNote(t, project.id, 'comprehensive');
    const { user, auth } = await asRole(t, 'reviewer');
    const mine = await aReview(t, project.id, user.id, 'open');
    return { project, submitted, draft, mine, auth };
  }

  it('answers 404 to a reviewer on every route that would reveal another review, until theirs is submitted', async () => {
    const { project, submitted, draft, mine, auth } = await aPanel();
    for (const path of [
      projectReviews(project.id),
      `${projectReviews(project.id)}?status=submitted`,
      `/api/v1/reviews/${submitted.id}`,
      `/api/v1/reviews/${draft.id}`,
      assessment(project.id),
      notes(project.id),
    ]) {
      const response = await t.http().get(path).set(auth);
      expectProblem(response, 404);
      expect(rawBody(response)).not.toMatch(/"count"|"items"|"scores"/);
    }
    // Their own review they can read, and it tells nothing of the others.
    const own = await t.http().get(`/api/v1/reviews/${mine.id}`).set(auth);
    expect(own.status).toBe(200);
    expect(rawBody(own)).not.toContain(submitted.id);
  });

  it('shows the other submitted reviews, and the assessment, once the reviewer submitted theirs', async () => {
    const { project, submitted, draft, mine, auth } = await aPanel();
    expect(
      (
        await t
          .http()
          .patch(`/api/v1/reviews/${mine.id}`)
          .set(auth)
          .send({ version: 1, ...aCompleteDraft([2, 2, 2, 2, 2]) })
      ).status,
    ).toBe(200);
    expect(
      (await t.http().post(`/api/v1/reviews/${mine.id}/submit`).set(auth).send({ version: 2 })).status,
    ).toBe(200);

    const list = await t.http().get(projectReviews(project.id)).set(auth);
    expect(list.status).toBe(200);
    const items = list.body.items as { id: string; reviewerName: string; scores: unknown }[];
    // Theirs and the other submitted one; the draft stays invisible, not even counted.
    expect(items.map((i) => i.id).sort()).toEqual([submitted.id, mine.id].sort());
    expect(items.find((i) => i.id === submitted.id)).toMatchObject({
      reviewerName: 'Test reviewer',
      status: 'submitted',
      recommendation: 'approve',
      scores: { people_centred: 4, comprehensive: 4 },
      justifications: { people_centred: 'Why people_centred scores 4.' },
    });
    expect(rawBody(list)).not.toContain(draft.id);

    const other = await t.http().get(`/api/v1/reviews/${submitted.id}`).set(auth);
    expect(other.status).toBe(200);
    expect(other.body.review.scores.protection_empowerment).toBe(4);
    expectProblem(await t.http().get(`/api/v1/reviews/${draft.id}`).set(auth), 404);

    const assessed = await t.http().get(assessment(project.id)).set(auth);
    expect(assessed.status).toBe(200);
    expect(assessed.body.countedReviews).toBe(2);
    expect(assessed.body.reviews.map((r: { reviewId: string }) => r.reviewId).sort()).toEqual(
      [submitted.id, mine.id].sort(),
    );
    expect((await t.http().get(notes(project.id)).set(auth)).body.items).toHaveLength(1);
  });

  it('keeps a reviewer out of the reviews of proposals they are not assigned to, or withdrew from', async () => {
    const { project } = await aPanel();
    const { auth: outsider } = await asRole(t, 'reviewer');
    const { user, auth: conflicted } = await asRole(t, 'reviewer');
    await aReview(t, project.id, user.id, 'declined_conflict');
    for (const auth of [outsider, conflicted]) {
      expectProblem(await t.http().get(projectReviews(project.id)).set(auth), 404);
      expectProblem(await t.http().get(assessment(project.id)).set(auth), 404);
    }
  });

  it("shows staff and admins every review with its status, but never the content of another's draft", async () => {
    const { project, submitted, draft, mine } = await aPanel();
    for (const auth of [staff, admin]) {
      const list = await t.http().get(projectReviews(project.id)).set(auth);
      expect(list.status).toBe(200);
      const byId = Object.fromEntries(
        (list.body.items as { id: string }[]).map((item) => [item.id, item as Record<string, unknown>]),
      );
      expect(Object.keys(byId).sort()).toEqual([submitted.id, draft.id, mine.id].sort());
      expect(byId[submitted.id]).toMatchObject({ contentVisible: true, scores: { comprehensive: 4 } });
      expect(byId[draft.id]).toMatchObject({
        status: 'draft',
        contentVisible: false,
        scores: null,
        justifications: null,
        recommendation: null,
      });
      expect(byId[mine.id]).toMatchObject({
        status: 'assigned',
        conflict: { declared: false },
        scores: null,
      });
      expect(rawBody(list)).not.toContain('scores 1.');

      const one = await t.http().get(`/api/v1/reviews/${draft.id}`).set(auth);
      expect(one.status).toBe(200);
      expect(one.body.review).toMatchObject({ scores: null, justifications: null });
      expect(one.body.proposal.open).toBe(true);

      const filtered = await t
        .http()
        .get(projectReviews(project.id))
        .query({ status: 'submitted' })
        .set(auth);
      expect(filtered.body.items.map((i: { id: string }) => i.id)).toEqual([submitted.id]);
    }
  });

  it('refuses donors with 403 on every review and assessment route', async () => {
    const { project, submitted } = await aPanel();
    const { auth: donor } = await asRole(t, 'donor');
    const calls = [
      t.http().get(projectReviews(project.id)),
      t.http().post(projectReviews(project.id)).send({ reviewerId: submitted.reviewerId }),
      t
        .http()
        .delete(`${projectReviews(project.id)}/${submitted.id}`)
        .set('If-Match', '"1"'),
      t.http().get('/api/v1/reviews'),
      t.http().get('/api/v1/reviews/mine'),
      t.http().get(`/api/v1/reviews/${submitted.id}`),
      t.http().post(`/api/v1/reviews/${submitted.id}/conflict`).send({ declared: false }),
      t.http().patch(`/api/v1/reviews/${submitted.id}`).send({ version: 1 }),
      t.http().post(`/api/v1/reviews/${submitted.id}/submit`).send({ version: 1 }),
      t.http().get(assessment(project.id)),
      t.http().get(notes(project.id)),
      t
        .http()
        .put(`${notes(project.id)}/comprehensive`)
        .send({ note: 'x' }),
      t.http().get('/api/v1/assessment-settings'),
      t.http().patch('/api/v1/assessment-settings').send({ version: 1, minReviews: 3 }),
      t.http().get('/api/v1/reviewers/calibration'),
    ];
    for (const call of calls) expectProblem(await call.set(donor), 403);
  });
});
