import { randomUUID } from 'node:crypto';
import { asRole, aUser } from '../support/builders';
import { aProject } from '../support/portfolio-builders';
import { expectProblem } from '../support/problems';
import { aReview, reviewRow } from '../support/review-builders';
import { count, createTestApp, TestApp } from '../support/test-app';

type Auth = { Authorization: string };

/** Staff assign reviewers to proposals under review, and take back what is not submitted. */
describe('assigning reviewers', () => {
  let t: TestApp;
  let staff: Auth;
  let admin: Auth;

  beforeAll(async () => {
    t = await createTestApp();
    staff = (await asRole(t, 'staff')).auth;
    admin = (await asRole(t, 'admin')).auth;
  });
  afterAll(() => t.close());

  const path = (projectId: string, reviewId?: string) =>
    `/api/v1/projects/${projectId}/reviews${reviewId ? `/${reviewId}` : ''}`;
  const written = async () => ({
    reviews: await count(t.db, 'reviews'),
    audit: await count(t.db, 'audit_entries'),
  });

  describe('assigning', () => {
    it('assigns an active reviewer to a proposal under review, with one audit entry', async () => {
      const project = await aProject(t, { stage: 'under_review' });
      const reviewer = await aUser(t, { role: 'reviewer' });
      const before = await written();
      const response = await t.http().post(path(project.id)).set(staff).send({ reviewerId: reviewer.id });
      expect(response.status).toBe(201);
      expect(response.body).toMatchObject({
        projectId: project.id,
        projectCode: project.code,
        reviewerId: reviewer.id,
        reviewerName: 'Test reviewer',
        status: 'assigned',
        conflict: null,
        contentVisible: false,
        scores: null,
        version: 1,
      });
      await expect(written()).resolves.toEqual({ reviews: before.reviews + 1, audit: before.audit + 1 });
      await expect(
        count(t.db, 'audit_entries', `entity = 'review' AND entity_id = $1 AND action = 'create'`, [
          response.body.id,
        ]),
      ).resolves.toBe(1);
    });

    it('lets admins assign too', async () => {
      const project = await aProject(t, { stage: 'under_review' });
      const reviewer = await aUser(t, { role: 'reviewer' });
      const response = await t.http().post(path(project.id)).set(admin).send({ reviewerId: reviewer.id });
      expect(response.status).toBe(201);
    });

    it.each([
      ['a staff member', { role: 'staff' as const }],
      ['an inactive reviewer', { role: 'reviewer' as const, active: false }],
    ])('refuses %s as reviewer with 400 on reviewerId and writes nothing', async (_, overrides) => {
      const project = await aProject(t, { stage: 'under_review' });
      const user = await aUser(t, overrides);
      const before = await written();
      const problem = expectProblem(
        await t.http().post(path(project.id)).set(staff).send({ reviewerId: user.id }),
        400,
      );
      expect(problem.errors).toEqual([{ field: 'reviewerId', message: 'is not an active reviewer' }]);
      await expect(written()).resolves.toEqual(before);
    });

    it('refuses an unknown user, a malformed id and unknown properties with 400', async () => {
      const project = await aProject(t, { stage: 'under_review' });
      const reviewer = await aUser(t, { role: 'reviewer' });
      const before = await written();
      for (const body of [
        { reviewerId: randomUUID() },
        { reviewerId: 'not-a-uuid' },
        {},
        { reviewerId: reviewer.id, status: 'submitted' },
      ]) {
        expectProblem(await t.http().post(path(project.id)).set(staff).send(body), 400);
      }
      await expect(written()).resolves.toEqual(before);
    });

    it.each(['full_proposal', 'approved', 'revision_requested'])(
      'refuses a proposal that is %s with 422 and writes nothing',
      async (stage) => {
        const project = await aProject(t, { stage });
        const reviewer = await aUser(t, { role: 'reviewer' });
        const before = await written();
        const problem = expectProblem(
          await t.http().post(path(project.id)).set(staff).send({ reviewerId: reviewer.id }),
          422,
        );
        expect(problem).toMatchObject({ code: 'proposal_not_under_review', facts: { stage } });
        await expect(written()).resolves.toEqual(before);
      },
    );

    it('refuses the same reviewer twice with 409 and writes nothing', async () => {
      const project = await aProject(t, { stage: 'under_review' });
      const reviewer = await aUser(t, { role: 'reviewer' });
      expect(
        (await t.http().post(path(project.id)).set(staff).send({ reviewerId: reviewer.id })).status,
      ).toBe(201);
      const before = await written();
      expectProblem(await t.http().post(path(project.id)).set(staff).send({ reviewerId: reviewer.id }), 409);
      await expect(written()).resolves.toEqual(before);
    });

    it('answers 404 for a project that does not exist or was deleted', async () => {
      const reviewer = await aUser(t, { role: 'reviewer' });
      const project = await aProject(t, { stage: 'under_review' });
      await t.db.query(`UPDATE projects SET deleted_at = now() WHERE id = $1`, [project.id]);
      for (const id of [randomUUID(), project.id]) {
        expectProblem(await t.http().post(path(id)).set(staff).send({ reviewerId: reviewer.id }), 404);
      }
    });

    it.each(['reviewer', 'donor'] as const)('refuses a %s with 403 and writes nothing', async (role) => {
      const { auth } = await asRole(t, role);
      const project = await aProject(t, { stage: 'under_review' });
      const reviewer = await aUser(t, { role: 'reviewer' });
      const before = await written();
      expectProblem(await t.http().post(path(project.id)).set(auth).send({ reviewerId: reviewer.id }), 403);
      await expect(written()).resolves.toEqual(before);
    });
  });

  describe('unassigning', () => {
    it.each(['assigned', 'draft', 'declined_conflict'] as const)(
      'unassigns a review that is %s with its version and one audit entry',
      async (state) => {
        const project = await aProject(t, { stage: 'under_review' });
        const reviewer = await aUser(t, { role: 'reviewer' });
        const review = await aReview(t, project.id, reviewer.id, state);
        const audit = await count(t.db, 'audit_entries');
        const response = await t.http().delete(path(project.id, review.id)).set(staff).set('If-Match', '"1"');
        expect(response.status).toBe(204);
        await expect(reviewRow(t, review.id)).resolves.toBeUndefined();
        await expect(count(t.db, 'audit_entries')).resolves.toBe(audit + 1);
        const { rows } = await t.db.query<{ before: Record<string, unknown> }>(
          `SELECT before FROM audit_entries WHERE entity = 'review' AND entity_id = $1 AND action = 'delete'`,
          [review.id],
        );
        // The audit log is read by staff: a draft's scores stay out of it.
        expect(rows[0]!.before).toMatchObject({ status: state, scores: null, justifications: null });
      },
    );

    it('refuses to unassign a submitted review with 422 and keeps it', async () => {
      const project = await aProject(t, { stage: 'under_review' });
      const reviewer = await aUser(t, { role: 'reviewer' });
      const review = await aReview(t, project.id, reviewer.id, 'submitted');
      const before = await written();
      const problem = expectProblem(
        await t.http().delete(path(project.id, review.id)).set(staff).set('If-Match', '"1"'),
        422,
      );
      expect(problem).toMatchObject({ code: 'review_submitted', detail: expect.stringMatching(/final/) });
      await expect(written()).resolves.toEqual(before);
    });

    it('refuses a stale version with 409 and keeps the review', async () => {
      const project = await aProject(t, { stage: 'under_review' });
      const reviewer = await aUser(t, { role: 'reviewer' });
      const review = await aReview(t, project.id, reviewer.id, 'draft');
      await t.db.query(`UPDATE reviews SET version = 2 WHERE id = $1`, [review.id]);
      const before = await written();
      const problem = expectProblem(
        await t.http().delete(path(project.id, review.id)).set(staff).set('If-Match', '"1"'),
        409,
      );
      expect(problem.currentVersion).toBe(2);
      await expect(written()).resolves.toEqual(before);
      expectProblem(await t.http().delete(path(project.id, review.id)).set(staff), 428);
    });

    it('answers 404 for a review of another project and keeps it', async () => {
      const project = await aProject(t, { stage: 'under_review' });
      const other = await aProject(t, { stage: 'under_review' });
      const reviewer = await aUser(t, { role: 'reviewer' });
      const review = await aReview(t, project.id, reviewer.id);
      expectProblem(await t.http().delete(path(other.id, review.id)).set(staff).set('If-Match', '"1"'), 404);
      await expect(reviewRow(t, review.id)).resolves.toBeDefined();
    });

    it.each(['reviewer', 'donor'] as const)('refuses a %s with 403 and keeps the review', async (role) => {
      const { user, auth } = await asRole(t, role);
      const project = await aProject(t, { stage: 'under_review' });
      const reviewer = role === 'reviewer' ? user : await aUser(t, { role: 'reviewer' });
      const review = await aReview(t, project.id, reviewer.id);
      expectProblem(await t.http().delete(path(project.id, review.id)).set(auth).set('If-Match', '"1"'), 403);
      await expect(reviewRow(t, review.id)).resolves.toBeDefined();
    });
  });
});
