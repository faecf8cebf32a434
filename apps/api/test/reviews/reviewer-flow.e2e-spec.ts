import { randomUUID } from 'node:crypto';
import { asRole } from '../support/builders';
import { anOrganization, aProject, BuiltProject } from '../support/portfolio-builders';
import { expectProblem } from '../support/problems';
import { aCompleteDraft, aReview, BuiltReview, reviewRow, ReviewState } from '../support/review-builders';
import { count, createTestApp, TestApp } from '../support/test-app';

type Auth = { Authorization: string };

/**
 * The reviewer's own flow: declare conflicts first; a declared conflict withdraws them; otherwise
 * draft, then submit a complete review, which is final.
 */
describe('a reviewer reviewing a proposal', () => {
  let t: TestApp;
  let staff: Auth;

  beforeAll(async () => {
    t = await createTestApp();
    staff = (await asRole(t, 'staff')).auth;
  });
  afterAll(() => t.close());

  const review = (id: string, action = '') => `/api/v1/reviews/${id}${action}`;
  const written = async () => ({
    reviews: await count(t.db, 'reviews'),
    audit: await count(t.db, 'audit_entries'),
  });

  /** A proposal under review in Kenya and Uganda, and one of its reviewers with a review in that state. */
  async function aReviewer(
    state: ReviewState = 'assigned',
    project?: BuiltProject,
  ): Promise<{ auth: Auth; userId: string; project: BuiltProject; review: BuiltReview }> {
    const on = project ?? (await aProject(t, { stage: 'under_review', countries: ['KEN', 'UGA'] }));
    const { user, auth } = await asRole(t, 'reviewer');
    return { auth, userId: user.id, project: on, review: await aReview(t, on.id, user.id, state) };
  }

  describe('the queue', () => {
    it("lists the reviewer's own reviews with the proposal, filtered by status and paged", async () => {
      const { auth, userId, review: first } = await aReviewer('assigned');
      const second = await aProject(t, { stage: 'under_review', countries: ['SOM'] });
      const secondReview = await aReview(t, second.id, userId, 'draft');
      await aReviewer('assigned', second); // someone else's review: not in this queue

      const all = await t.http().get('/api/v1/reviews/mine').set(auth);
      expect(all.status).toBe(200);
      expect(all.body.items.map((i: { id: string }) => i.id).sort()).toEqual(
        [first.id, secondReview.id].sort(),
      );
      const item = all.body.items.find((i: { id: string }) => i.id === secondReview.id);
      expect(item).toMatchObject({
        status: 'draft',
        projectId: second.id,
        code: second.code,
        stage: 'under_review',
        countries: ['SOM'],
        leadOrganization: expect.any(String),
        reviewerId: userId,
      });

      const drafts = await t.http().get('/api/v1/reviews/mine').query({ status: 'draft' }).set(auth);
      expect(drafts.body.items.map((i: { id: string }) => i.id)).toEqual([secondReview.id]);
      const page1 = await t.http().get('/api/v1/reviews/mine').query({ limit: 1 }).set(auth);
      const page2 = await t
        .http()
        .get('/api/v1/reviews/mine')
        .query({ limit: 1, cursor: page1.body.nextCursor })
        .set(auth);
      expect([...page1.body.items, ...page2.body.items].map((i: { id: string }) => i.id).sort()).toEqual(
        [first.id, secondReview.id].sort(),
      );
      expect(page2.body.nextCursor).toBeNull();
      expectProblem(await t.http().get('/api/v1/reviews/mine').query({ status: 'done' }).set(auth), 400);
    });

    it.each(['staff', 'donor'] as const)('is for reviewers: a %s gets 403', async (role) => {
      const { auth } = await asRole(t, role);
      expectProblem(await t.http().get('/api/v1/reviews/mine').set(auth), 403);
    });
  });

  describe('declaring conflicts first', () => {
    it('shows only what is needed to declare until the declaration, then the whole proposal', async () => {
      const { auth, review: own, project } = await aReviewer('assigned');
      const closed = await t.http().get(review(own.id)).set(auth);
      expect(closed.status).toBe(200);
      expect(Object.keys(closed.body.proposal).sort()).toEqual([
        'code',
        'countries',
        'id',
        'open',
        'organizations',
        'title',
      ]);
      expect(closed.body.proposal).toMatchObject({
        open: false,
        code: project.code,
        countries: [
          { iso3: 'KEN', name: 'Kenya' },
          { iso3: 'UGA', name: 'Uganda' },
        ],
      });
      expect(
        closed.body.proposal.organizations.map((o: { organizationId: string }) => o.organizationId),
      ).toEqual(expect.arrayContaining(project.organizationIds));
      expect(closed.body.proposal.organizations[0]).not.toHaveProperty('budgetShare');

      const declared = await t.http().post(review(own.id, '/conflict')).set(auth).send({ declared: false });
      expect(declared.status).toBe(200);
      expect(declared.body).toMatchObject({ status: 'assigned', conflict: { declared: false }, version: 2 });

      const open = await t.http().get(review(own.id)).set(auth);
      expect(open.body.proposal).toMatchObject({
        open: true,
        stage: 'under_review',
        requestedBudget: '1000000.00',
        dimensions: ['food', 'economic'],
        vulnerableGroups: ['women_and_girls'],
        targetBeneficiaries: 5000,
      });
      expect(open.body.proposal.organizations[0].budgetShare).toMatch(/^\d+\.\d{2}$/);
      expect(open.body.proposal.rubric).toHaveLength(5);
      const principles = open.body.proposal.principles as {
        principle: string;
        narrative: string;
        guidingQuestions: string[];
        indicators: { indicators: { code: string; met: boolean; description: string }[] };
      }[];
      expect(principles.map((p) => p.principle)).toEqual([
        'people_centred',
        'comprehensive',
        'context_specific',
        'prevention_oriented',
        'protection_empowerment',
      ]);
      expect(principles[0]!.guidingQuestions.length).toBeGreaterThanOrEqual(3);
      // Two UN organizations and two dimensions: comprehensive; no alignment yet: not every country aligned.
      const byCode = Object.fromEntries(
        principles.flatMap((p) => p.indicators.indicators).map((i) => [i.code, i]),
      );
      expect(byCode.several_dimensions).toMatchObject({ met: true });
      expect(byCode.several_un_organizations).toMatchObject({ met: true });
      expect(byCode.every_country_aligned).toMatchObject({
        met: false,
        description: 'No alignment record for KEN and UGA.',
      });
      expect(byCode.beneficiaries_counted).toMatchObject({ met: true });
    });

    it('withdraws a reviewer who declares a conflict: declined, told to staff, no longer able to score', async () => {
      const { auth, review: own, project } = await aReviewer('assigned');
      const response = await t
        .http()
        .post(review(own.id, '/conflict'))
        .set(auth)
        .send({
          declared: true,
          organizationIds: [project.leadOrganizationId],
          countries: ['uga'],
          note: 'I worked for the lead organization in Uganda until last year.',
        });
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({
        status: 'declined_conflict',
        conflict: {
          declared: true,
          organizationIds: [project.leadOrganizationId],
          countries: ['UGA'],
          note: 'I worked for the lead organization in Uganda until last year.',
        },
      });

      const queue = await t.http().get('/api/v1/reviews').query({ status: 'declined_conflict' }).set(staff);
      expect(queue.status).toBe(200);
      expect(queue.body.items.map((i: { id: string }) => i.id)).toContain(own.id);
      const listed = await t.http().get(`/api/v1/projects/${project.id}/reviews`).set(staff);
      expect(listed.body.items).toEqual([
        expect.objectContaining({ id: own.id, status: 'declined_conflict', conflict: expect.any(Object) }),
      ]);

      const before = await reviewRow(t, own.id);
      for (const call of [
        t
          .http()
          .patch(review(own.id))
          .set(auth)
          .send({ version: 2, scores: { comprehensive: 3 } }),
        t.http().post(review(own.id, '/submit')).set(auth).send({ version: 2 }),
        t.http().post(review(own.id, '/conflict')).set(auth).send({ declared: false }),
      ]) {
        expectProblem(await call, 422);
      }
      const refusal = expectProblem(
        await t
          .http()
          .patch(review(own.id))
          .set(auth)
          .send({ version: 2, scores: { comprehensive: 3 } }),
        422,
      );
      expect(refusal).toMatchObject({ code: 'withdrawn_for_conflict' });
      await expect(reviewRow(t, own.id)).resolves.toEqual(before);
      // Withdrawn: the proposal is closed to them again.
      expect((await t.http().get(review(own.id)).set(auth)).body.proposal.open).toBe(false);
    });

    it('refuses organizations and countries that are not the proposal’s with 400 and writes nothing', async () => {
      const { auth, review: own } = await aReviewer('assigned');
      const stranger = await anOrganization(t);
      const before = await written();
      const problem = expectProblem(
        await t
          .http()
          .post(review(own.id, '/conflict'))
          .set(auth)
          .send({ declared: true, organizationIds: [stranger], countries: ['SOM'] }),
        400,
      );
      expect(problem.errors).toEqual([
        { field: 'organizationIds', message: expect.stringContaining(stranger) },
        { field: 'countries', message: expect.stringContaining('SOM') },
      ]);
      for (const body of [
        { declared: true },
        { declared: false, countries: ['KEN'] },
        { declared: 'yes' },
        { declared: true, countries: ['Kenya'] },
        { declared: true, countries: ['KEN'], reason: 'unknown property' },
      ]) {
        expectProblem(await t.http().post(review(own.id, '/conflict')).set(auth).send(body), 400);
      }
      await expect(written()).resolves.toEqual(before);
      await expect(reviewRow(t, own.id)).resolves.toMatchObject({ conflict_declared: null, version: 1 });
    });

    it('refuses to draft or submit before the declaration with 422: declare conflicts first', async () => {
      const { auth, review: own } = await aReviewer('assigned');
      const before = await written();
      const problem = expectProblem(
        await t
          .http()
          .patch(review(own.id))
          .set(auth)
          .send({ version: 1, scores: { comprehensive: 2 } }),
        422,
      );
      expect(problem).toMatchObject({ code: 'conflicts_not_declared' });
      expect(problem.detail).toMatch(/declare conflicts of interest first/i);
      expectProblem(await t.http().post(review(own.id, '/submit')).set(auth).send({ version: 1 }), 422);
      await expect(written()).resolves.toEqual(before);
    });

    it('declares only once', async () => {
      const { auth, review: own } = await aReviewer('open');
      const problem = expectProblem(
        await t
          .http()
          .post(review(own.id, '/conflict'))
          .set(auth)
          .send({ declared: true, countries: ['KEN'] }),
        422,
      );
      expect(problem).toMatchObject({ code: 'conflicts_already_declared' });
      await expect(reviewRow(t, own.id)).resolves.toMatchObject({
        status: 'assigned',
        conflict_declared: false,
      });
    });
  });

  describe('drafting', () => {
    it('saves any subset of scores, justifications and the recommendation as a draft, one audit entry each', async () => {
      const { auth, review: own } = await aReviewer('open');
      const audit = await count(t.db, 'audit_entries');
      const first = await t
        .http()
        .patch(review(own.id))
        .set(auth)
        .send({ version: 1, scores: { people_centred: 3, comprehensive: 0 } });
      expect(first.status).toBe(200);
      expect(first.body).toMatchObject({
        status: 'draft',
        version: 2,
        contentVisible: true,
        scores: {
          people_centred: 3,
          comprehensive: 0,
          context_specific: null,
          prevention_oriented: null,
          protection_empowerment: null,
        },
        recommendation: null,
      });
      const second = await t
        .http()
        .patch(review(own.id))
        .set('If-Match', '"2"')
        .set(auth)
        .send({
          scores: { people_centred: null },
          justifications: { comprehensive: '  Duplicates the work of another programme.  ' },
          recommendation: 'revise',
        });
      expect(second.status).toBe(200);
      expect(second.body).toMatchObject({
        version: 3,
        scores: { people_centred: null, comprehensive: 0 },
        justifications: { comprehensive: 'Duplicates the work of another programme.' },
        recommendation: 'revise',
      });
      await expect(count(t.db, 'audit_entries')).resolves.toBe(audit + 2);
      // Staff read the audit log: a draft's content stays out of it.
      const { rows } = await t.db.query<{ after: Record<string, unknown> }>(
        `SELECT after FROM audit_entries WHERE entity = 'review' AND entity_id = $1`,
        [own.id],
      );
      for (const row of rows) expect(row.after).toMatchObject({ status: 'draft', scores: null });
    });

    it('writes nothing for a draft that changes nothing', async () => {
      const { auth, review: own } = await aReviewer('draft');
      const before = await written();
      const response = await t
        .http()
        .patch(review(own.id))
        .set(auth)
        .send({ version: 1, scores: { comprehensive: 3 } });
      expect(response.status).toBe(200);
      expect(response.body.version).toBe(1);
      await expect(written()).resolves.toEqual(before);
    });

    it.each([
      [{ scores: { comprehensive: 5 } }, 'scores.comprehensive'],
      [{ scores: { comprehensive: 2.5 } }, 'scores.comprehensive'],
      [{ scores: { comprehensive: '3' } }, 'scores.comprehensive'],
      [{ scores: { resilience: 3 } }, 'scores.resilience'],
      [{ scores: 3 }, 'scores'],
      [{ scores: null }, 'scores'],
      [{ recommendation: 'accept' }, 'recommendation'],
      [{ justifications: { comprehensive: 42 } }, 'justifications.comprehensive'],
      [{ status: 'submitted' }, 'status'],
    ])('refuses %j with 400 on %s and changes nothing', async (body, field) => {
      const { auth, review: own } = await aReviewer('open');
      const before = await reviewRow(t, own.id);
      const audit = await count(t.db, 'audit_entries');
      const problem = expectProblem(
        await t
          .http()
          .patch(review(own.id))
          .set(auth)
          .send({ version: 1, ...body }),
        400,
      );
      expect(problem.errors?.map((e) => e.field)).toContain(field);
      await expect(reviewRow(t, own.id)).resolves.toEqual(before);
      await expect(count(t.db, 'audit_entries')).resolves.toBe(audit);
    });

    it('refuses a stale version with 409 and changes nothing', async () => {
      const { auth, review: own } = await aReviewer('draft');
      await t.db.query(`UPDATE reviews SET version = 4 WHERE id = $1`, [own.id]);
      const before = await reviewRow(t, own.id);
      const audit = await count(t.db, 'audit_entries');
      const problem = expectProblem(
        await t
          .http()
          .patch(review(own.id))
          .set(auth)
          .send({ version: 3, scores: { comprehensive: 1 } }),
        409,
      );
      expect(problem.currentVersion).toBe(4);
      expectProblem(await t.http().post(review(own.id, '/submit')).set(auth).send({ version: 3 }), 409);
      expectProblem(
        await t
          .http()
          .patch(review(own.id))
          .set(auth)
          .send({ scores: { comprehensive: 1 } }),
        428,
      );
      await expect(reviewRow(t, own.id)).resolves.toEqual(before);
      await expect(count(t.db, 'audit_entries')).resolves.toBe(audit);
    });

    it('refuses drafts on a proposal that left review with 422', async () => {
      const { auth, review: own, project } = await aReviewer('draft');
      await t.db.query(`UPDATE projects SET stage = 'approved' WHERE id = $1`, [project.id]);
      const problem = expectProblem(
        await t
          .http()
          .patch(review(own.id))
          .set(auth)
          .send({ version: 1, scores: { comprehensive: 1 } }),
        422,
      );
      expect(problem).toMatchObject({ code: 'proposal_not_under_review', facts: { stage: 'approved' } });
    });
  });

  describe('submitting', () => {
    it('refuses an incomplete review with 422 naming everything missing, and changes nothing', async () => {
      const { auth, review: own } = await aReviewer('open');
      const saved = await t
        .http()
        .patch(review(own.id))
        .set(auth)
        .send({
          version: 1,
          scores: { people_centred: 3, comprehensive: 2, context_specific: 3, prevention_oriented: 4 },
          justifications: {
            people_centred: 'Communities co-designed it.',
            comprehensive: 'Three sectors.',
            context_specific: '   ',
            prevention_oriented: 'Early warning.',
            protection_empowerment: 'Committees and institutions.',
          },
        });
      expect(saved.status).toBe(200);
      const before = await reviewRow(t, own.id);
      const audit = await count(t.db, 'audit_entries');
      const problem = expectProblem(
        await t.http().post(review(own.id, '/submit')).set(auth).send({ version: 2 }),
        422,
      );
      expect(problem.type).toMatch(/review-incomplete$/);
      expect(problem.errors).toEqual([
        {
          field: 'justifications.context_specific',
          message: 'Context-specific has no written justification.',
        },
        { field: 'scores.protection_empowerment', message: 'Protection and empowerment has no score (0–4).' },
        { field: 'recommendation', message: 'No recommendation (approve, revise or reject) is given.' },
      ]);
      expect(problem.missing).toEqual([
        { code: 'justification_missing', facts: { principle: 'context_specific' } },
        { code: 'score_missing', facts: { principle: 'protection_empowerment' } },
        { code: 'recommendation_missing', facts: {} },
      ]);
      await expect(reviewRow(t, own.id)).resolves.toEqual(before);
      await expect(count(t.db, 'audit_entries')).resolves.toBe(audit);
    });

    it('submits a complete review with one audit entry; a submitted review is final', async () => {
      const { auth, review: own } = await aReviewer('open');
      const draft = await t
        .http()
        .patch(review(own.id))
        .set(auth)
        .send({ version: 1, ...aCompleteDraft([2, 3, 4, 0, 1], 'revise') });
      expect(draft.status).toBe(200);
      const audit = await count(t.db, 'audit_entries');
      const submitted = await t.http().post(review(own.id, '/submit')).set(auth).send({ version: 2 });
      expect(submitted.status).toBe(200);
      expect(submitted.body).toMatchObject({
        status: 'submitted',
        version: 3,
        submittedAt: expect.any(String),
        recommendation: 'revise',
        scores: { people_centred: 2, prevention_oriented: 0 },
      });
      await expect(count(t.db, 'audit_entries')).resolves.toBe(audit + 1);
      const { rows } = await t.db.query<{ after: Record<string, unknown> }>(
        `SELECT after FROM audit_entries WHERE entity = 'review' AND entity_id = $1 ORDER BY occurred_at DESC LIMIT 1`,
        [own.id],
      );
      expect(rows[0]!.after).toMatchObject({ status: 'submitted', scores: { people_centred: 2 } });

      const before = await reviewRow(t, own.id);
      for (const [call, code] of [
        [
          t
            .http()
            .patch(review(own.id))
            .set(auth)
            .send({ version: 3, scores: { people_centred: 4 } }),
          'review_submitted',
        ],
        [t.http().post(review(own.id, '/submit')).set(auth).send({ version: 3 }), 'review_submitted'],
        [
          t
            .http()
            .post(review(own.id, '/conflict'))
            .set(auth)
            .send({ declared: true, countries: ['KEN'] }),
          'review_submitted',
        ],
      ] as const) {
        const problem = expectProblem(await call, 422);
        expect(problem).toMatchObject({
          code,
          detail: 'A submitted review is final: it can no longer change.',
        });
      }
      await expect(reviewRow(t, own.id)).resolves.toEqual(before);
      await expect(count(t.db, 'audit_entries')).resolves.toBe(audit + 1);
    });

    it('refuses unknown properties in the submission with 400', async () => {
      const { auth, review: own } = await aReviewer('draft');
      expectProblem(
        await t.http().post(review(own.id, '/submit')).set(auth).send({ version: 1, final: true }),
        400,
      );
      await expect(reviewRow(t, own.id)).resolves.toMatchObject({ status: 'draft' });
    });
  });

  describe('another reviewer', () => {
    it("answers 404 on every route of someone else's review and changes nothing", async () => {
      const { review: theirs, project } = await aReviewer('open');
      const { auth: mine } = await aReviewer('open', project);
      const before = await reviewRow(t, theirs.id);
      expectProblem(await t.http().get(review(theirs.id)).set(mine), 404);
      expectProblem(
        await t.http().post(review(theirs.id, '/conflict')).set(mine).send({ declared: false }),
        404,
      );
      expectProblem(
        await t
          .http()
          .patch(review(theirs.id))
          .set(mine)
          .send({ version: 1, scores: { comprehensive: 0 } }),
        404,
      );
      expectProblem(await t.http().post(review(theirs.id, '/submit')).set(mine).send({ version: 1 }), 404);
      expectProblem(await t.http().get(review(randomUUID())).set(mine), 404);
      await expect(reviewRow(t, theirs.id)).resolves.toEqual(before);
    });

    it('is not staff: the reviewer routes that write refuse staff with 403', async () => {
      const { review: theirs } = await aReviewer('open');
      expectProblem(
        await t
          .http()
          .patch(review(theirs.id))
          .set(staff)
          .send({ version: 1, scores: { comprehensive: 0 } }),
        403,
      );
      expectProblem(
        await t.http().post(review(theirs.id, '/conflict')).set(staff).send({ declared: false }),
        403,
      );
    });
  });
});
