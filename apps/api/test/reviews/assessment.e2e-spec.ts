import { randomUUID } from 'node:crypto';
import { asRole, aUser } from '../support/builders';
import { aProject } from '../support/portfolio-builders';
import { expectProblem } from '../support/problems';
import { aModerationNote, aReview, FiveScores } from '../support/review-builders';
import { count, createTestApp, TestApp } from '../support/test-app';

type Auth = { Authorization: string };

/**
 * The assessment of a proposal (DESIGN.md §4.1) as the API answers it: libs/domain's rules over the
 * stored reviews, moderation notes and configured thresholds.
 */
describe('the assessment of a proposal', () => {
  let t: TestApp;
  let staff: Auth;
  let admin: Auth;

  beforeAll(async () => {
    t = await createTestApp();
    staff = (await asRole(t, 'staff')).auth;
    admin = (await asRole(t, 'admin')).auth;
  });
  afterAll(() => t.close());

  const assessmentOf = async (projectId: string, auth: Auth = staff) => {
    const response = await t.http().get(`/api/v1/projects/${projectId}/assessment`).set(auth);
    expect(response.status).toBe(200);
    return response.body as Record<string, unknown> & {
      principles: {
        principle: string;
        mean: { numerator: number; denominator: number; decimal: string } | null;
      }[];
      failures: { code: string; facts: Record<string, unknown>; message: string }[];
    };
  };
  const principleOf = (body: Awaited<ReturnType<typeof assessmentOf>>, id: string) =>
    body.principles.find((p) => p.principle === id) as Record<string, unknown>;

  /** A proposal under review with one submitted review per score set given. */
  async function aProposalScored(...panel: FiveScores[]) {
    const project = await aProject(t, { stage: 'under_review' });
    for (const scores of panel) {
      const reviewer = await aUser(t, { role: 'reviewer' });
      await aReview(t, project.id, reviewer.id, 'submitted', { scores });
    }
    return project;
  }

  describe('which reviews count', () => {
    it('counts only submitted reviews of reviewers who declared no conflict', async () => {
      const project = await aProposalScored([3, 3, 3, 3, 3], [3, 3, 3, 3, 3]);
      const add = async (state: 'assigned' | 'open' | 'draft' | 'declined_conflict') => {
        const reviewer = await aUser(t, { role: 'reviewer' });
        return aReview(t, project.id, reviewer.id, state, { scores: [0, 0, 0, 0, 0] });
      };
      await add('assigned');
      await add('draft');
      const conflicted = await add('declined_conflict');
      // Even scores left on a withdrawn reviewer's row do not count.
      await t.db.query(`UPDATE reviews SET score_people_centred = 0 WHERE id = $1`, [conflicted.id]);

      const body = await assessmentOf(project.id);
      expect(body).toMatchObject({ countedReviews: 2, enoughReviews: true, passes: true, failures: [] });
      expect(principleOf(body, 'people_centred')).toMatchObject({
        count: 2,
        scores: [3, 3],
        mean: { numerator: 3, denominator: 1, decimal: '3.00' },
      });
      const tallies = body.reviews as { status: string; counted: boolean; exclusions: { code: string }[] }[];
      expect(tallies.map((r) => [r.status, r.counted, r.exclusions.map((e) => e.code)])).toEqual(
        expect.arrayContaining([
          ['submitted', true, []],
          ['assigned', false, ['review_not_submitted']],
          ['draft', false, ['review_not_submitted']],
          ['declined_conflict', false, ['review_not_submitted', 'review_conflict_declared']],
        ]),
      );
      expect(tallies).toHaveLength(5);
    });

    it('needs two counted reviews: one, however good, does not pass', async () => {
      const one = await assessmentOf((await aProposalScored([4, 4, 4, 4, 4])).id);
      expect(one).toMatchObject({ countedReviews: 1, enoughReviews: false, passes: false });
      expect(one.failures).toEqual([
        {
          code: 'too_few_reviews',
          facts: { counted: 1, required: 2 },
          message: '1 review counts (submitted, without a declared conflict); at least 2 are needed.',
        },
      ]);
      const two = await assessmentOf((await aProposalScored([4, 4, 4, 4, 4], [4, 4, 4, 4, 4])).id);
      expect(two).toMatchObject({ countedReviews: 2, enoughReviews: true, passes: true });
    });
  });

  describe('disagreement', () => {
    it('flags a spread of exactly 2, not of 1, and unflags nothing until a moderation note is recorded', async () => {
      const project = await aProposalScored([2, 3, 3, 3, 3], [4, 4, 3, 3, 3]);
      const body = await assessmentOf(project.id);
      expect(principleOf(body, 'people_centred')).toMatchObject({
        min: 2,
        max: 4,
        spread: 2,
        disagreement: true,
        moderated: false,
      });
      expect(principleOf(body, 'comprehensive')).toMatchObject({ spread: 1, disagreement: false });
      expect(body).toMatchObject({
        disagreements: ['people_centred'],
        unmoderatedDisagreements: ['people_centred'],
        passes: true,
      });

      const put = await t
        .http()
        .put(`/api/v1/projects/${project.id}/moderation-notes/people_centred`)
        .set(staff)
        .send({ note: 'The lower score overlooked the community committees described in annex 2.' });
      expect(put.status).toBe(201);
      const moderated = await assessmentOf(project.id);
      expect(principleOf(moderated, 'people_centred')).toMatchObject({
        disagreement: true,
        moderated: true,
        moderationNote: 'The lower score overlooked the community committees described in annex 2.',
      });
      expect(moderated).toMatchObject({ disagreements: ['people_centred'], unmoderatedDisagreements: [] });
      expect(moderated.moderationNotes).toEqual([
        expect.objectContaining({ principle: 'people_centred', version: 1, authorName: 'Test staff' }),
      ]);
    });
  });

  describe('passing', () => {
    it('passes at an overall mean of exactly 2.5 with every principle at 2.0 or more, kept exact', async () => {
      const body = await assessmentOf((await aProposalScored([2, 2, 3, 3, 2], [2, 3, 2, 3, 3])).id);
      // Means 2, 5/2, 5/2, 3, 5/2: overall 25/10 = 5/2.
      expect(body.principles.map((p) => p.mean)).toEqual([
        { numerator: 2, denominator: 1, decimal: '2.00' },
        { numerator: 5, denominator: 2, decimal: '2.50' },
        { numerator: 5, denominator: 2, decimal: '2.50' },
        { numerator: 3, denominator: 1, decimal: '3.00' },
        { numerator: 5, denominator: 2, decimal: '2.50' },
      ]);
      expect(body).toMatchObject({
        overallMean: { numerator: 5, denominator: 2, decimal: '2.50' },
        passes: true,
        failures: [],
      });
    });

    it('fails just under: an overall mean of 2.4, and says why', async () => {
      const body = await assessmentOf((await aProposalScored([2, 2, 3, 2, 2], [2, 3, 2, 3, 3])).id);
      expect(body).toMatchObject({
        overallMean: { numerator: 12, denominator: 5, decimal: '2.40' },
        passes: false,
      });
      expect(body.failures).toEqual([
        {
          code: 'overall_mean_below_threshold',
          facts: { mean: { numerator: 12, denominator: 5, decimal: '2.40' }, threshold: '2.50' },
          message: 'The mean of the five principle means is 2.40, below the required 2.50.',
        },
      ]);
    });

    it('fails when one principle is below 2.0 whatever the overall mean, naming it', async () => {
      const body = await assessmentOf((await aProposalScored([1, 4, 4, 4, 4], [2, 4, 4, 4, 4])).id);
      expect(body.passes).toBe(false);
      expect(body.failures).toEqual([
        expect.objectContaining({
          code: 'principle_mean_below_threshold',
          facts: {
            principle: 'people_centred',
            mean: { numerator: 3, denominator: 2, decimal: '1.50' },
            threshold: '2.00',
          },
          message: 'People-centred has a mean score of 1.50, below the required 2.00.',
        }),
      ]);
    });

    it('carries the structural indicators and the thresholds used', async () => {
      const body = await assessmentOf((await aProposalScored([3, 3, 3, 3, 3], [3, 3, 3, 3, 3])).id);
      expect(body.thresholds).toEqual({
        minPrincipleMean: 2,
        minOverallMean: 2.5,
        minReviews: 2,
        disagreementSpread: 2,
      });
      const indicators = body.indicators as {
        principle: string;
        indicators: { code: string; met: boolean }[];
      }[];
      expect(indicators.map((g) => g.principle)).toHaveLength(5);
      expect(indicators.flatMap((g) => g.indicators.map((i) => i.code))).toEqual(
        expect.arrayContaining([
          'beneficiaries_counted',
          'several_dimensions',
          'prevention_narrative_present',
        ]),
      );
    });

    it('answers 404 for a project that does not exist', async () => {
      expectProblem(await t.http().get(`/api/v1/projects/${randomUUID()}/assessment`).set(staff), 404);
    });
  });

  describe('the thresholds', () => {
    const settings = '/api/v1/assessment-settings';

    it('uses changed thresholds, which only an admin changes, with one audit entry', async () => {
      const project = await aProposalScored([2, 2, 3, 3, 2], [2, 3, 2, 3, 3]);
      expect((await assessmentOf(project.id)).passes).toBe(true);
      const read = await t.http().get(settings).set(staff);
      expect(read.body).toMatchObject({
        minPrincipleMean: 2,
        minOverallMean: 2.5,
        minReviews: 2,
        version: 1,
      });

      expectProblem(await t.http().patch(settings).set(staff).send({ version: 1, minOverallMean: 3 }), 403);
      const audit = await count(t.db, 'audit_entries');
      const changed = await t
        .http()
        .patch(settings)
        .set(admin)
        .send({ version: 1, minOverallMean: 2.75, minReviews: 3, disagreementSpread: 3 });
      expect(changed.status).toBe(200);
      expect(changed.body).toMatchObject({
        minOverallMean: 2.75,
        minReviews: 3,
        disagreementSpread: 3,
        version: 2,
      });
      await expect(count(t.db, 'audit_entries', `entity = 'assessment_settings'`)).resolves.toBe(1);
      await expect(count(t.db, 'audit_entries')).resolves.toBe(audit + 1);

      try {
        const body = await assessmentOf(project.id);
        expect(body.thresholds).toEqual({
          minPrincipleMean: 2,
          minOverallMean: 2.75,
          minReviews: 3,
          disagreementSpread: 3,
        });
        expect(body.passes).toBe(false);
        expect(body.failures.map((f) => [f.code, f.facts.threshold ?? f.facts.required])).toEqual([
          ['too_few_reviews', 3],
          ['overall_mean_below_threshold', '2.75'],
        ]);
        const spread = await assessmentOf((await aProposalScored([2, 3, 3, 3, 3], [4, 3, 3, 3, 3])).id);
        expect(principleOf(spread, 'people_centred')).toMatchObject({ spread: 2, disagreement: false });
      } finally {
        const restored = await t
          .http()
          .patch(settings)
          .set(admin)
          .send({ version: 2, minOverallMean: 2.5, minReviews: 2, disagreementSpread: 2 });
        expect(restored.status).toBe(200);
      }
    });

    it('refuses bad thresholds with 400 and a stale version with 409, changing nothing', async () => {
      const current = (await t.http().get(settings).set(admin)).body as { version: number };
      const audit = await count(t.db, 'audit_entries');
      for (const body of [
        { minOverallMean: 2.555 },
        { minOverallMean: 4.5 },
        { minPrincipleMean: -1 },
        { minReviews: 0 },
        { minReviews: 1.5 },
        { disagreementSpread: 5 },
        { minOverallMean: '2.5' },
        { minOverallMean: null },
        { passMark: 3 },
      ]) {
        expectProblem(
          await t
            .http()
            .patch(settings)
            .set(admin)
            .send({ version: current.version, ...body }),
          400,
        );
      }
      const stale = expectProblem(
        await t
          .http()
          .patch(settings)
          .set(admin)
          .send({ version: current.version - 1 || 99, minReviews: 4 }),
        409,
      );
      expect(stale.currentVersion).toBe(current.version);
      expect((await t.http().get(settings).set(admin)).body).toEqual(current);
      await expect(count(t.db, 'audit_entries')).resolves.toBe(audit);
    });
  });

  describe('moderation notes', () => {
    const notePath = (projectId: string, principle = 'comprehensive') =>
      `/api/v1/projects/${projectId}/moderation-notes/${principle}`;

    it('records a note, then changes it only with the version read, one audit entry per change', async () => {
      const project = await aProject(t, { stage: 'under_review' });
      const audit = await count(t.db, 'audit_entries');
      const created = await t.http().put(notePath(project.id)).set(staff).send({ note: 'First reading.' });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({ principle: 'comprehensive', note: 'First reading.', version: 1 });
      await expect(count(t.db, 'audit_entries')).resolves.toBe(audit + 1);

      expectProblem(
        await t.http().put(notePath(project.id)).set(staff).send({ note: 'Blind overwrite.' }),
        428,
      );
      await t.db.query(`UPDATE moderation_notes SET version = 2 WHERE id = $1`, [created.body.id]);
      const stale = expectProblem(
        await t.http().put(notePath(project.id)).set(staff).send({ version: 1, note: 'Stale.' }),
        409,
      );
      expect(stale.currentVersion).toBe(2);
      await expect(count(t.db, 'audit_entries')).resolves.toBe(audit + 1);

      const changed = await t
        .http()
        .put(notePath(project.id))
        .set(admin)
        .set('If-Match', '"2"')
        .send({ note: 'Second reading, after the panel call.' });
      expect(changed.status).toBe(200);
      expect(changed.body).toMatchObject({ note: 'Second reading, after the panel call.', version: 3 });
      await expect(count(t.db, 'audit_entries')).resolves.toBe(audit + 2);

      const same = await t
        .http()
        .put(notePath(project.id))
        .set(admin)
        .send({ version: 3, note: 'Second reading, after the panel call.' });
      expect(same.status).toBe(200);
      await expect(count(t.db, 'audit_entries')).resolves.toBe(audit + 2);

      await aModerationNote(t, project.id, 'people_centred');
      const list = await t.http().get(`/api/v1/projects/${project.id}/moderation-notes`).set(staff);
      expect(list.body.items.map((n: { principle: string }) => n.principle)).toEqual([
        'people_centred',
        'comprehensive',
      ]);
    });

    it('shows the notes and rounds in the assessment as their own reads do, to the millisecond', async () => {
      const project = await aProject(t, { stage: 'under_review' });
      await t.http().put(notePath(project.id, 'prevention_oriented')).set(staff).send({ note: 'Later.' });
      await t.http().put(notePath(project.id, 'people_centred')).set(staff).send({ note: 'First.' });
      // Microseconds, as PostgreSQL keeps them: the assessment reads its snapshot as JSON text.
      await t.db.query(
        `UPDATE moderation_notes SET created_at = '2026-03-04 05:06:07.891234+00' WHERE project_id = $1`,
        [project.id],
      );

      const assessment = await assessmentOf(project.id);
      const notes = await t.http().get(`/api/v1/projects/${project.id}/moderation-notes`).set(staff);
      expect(assessment.moderationNotes).toEqual(notes.body.items);
      expect(
        notes.body.items.map((n: { principle: string; createdAt: string }) => [n.principle, n.createdAt]),
      ).toEqual([
        ['people_centred', '2026-03-04T05:06:07.891Z'],
        ['prevention_oriented', '2026-03-04T05:06:07.891Z'],
      ]);
      await t.db.query(
        `UPDATE review_rounds SET opened_at = '2026-03-01 01:02:03.456789+00' WHERE project_id = $1`,
        [project.id],
      );
      await expect(assessmentOf(project.id)).resolves.toMatchObject({
        rounds: [{ number: 1, openedAt: '2026-03-01T01:02:03.456Z', closedAt: null, counting: true }],
      });
    });
    it('refuses an unknown principle, a blank note and unknown properties with 400, writing nothing', async () => {
      const project = await aProject(t, { stage: 'under_review' });
      const before = await count(t.db, 'moderation_notes');
      const audit = await count(t.db, 'audit_entries');
      const unknown = expectProblem(
        await t.http().put(notePath(project.id, 'resilience')).set(staff).send({ note: 'x' }),
        400,
      );
      expect(unknown.errors?.[0]?.field).toBe('principle');
      for (const body of [{ note: '   ' }, {}, { note: null }, { note: 'ok', moderated: true }]) {
        expectProblem(await t.http().put(notePath(project.id)).set(staff).send(body), 400);
      }
      await expect(count(t.db, 'moderation_notes')).resolves.toBe(before);
      await expect(count(t.db, 'audit_entries')).resolves.toBe(audit);
    });

    it('is for staff and admins: a reviewer gets 403, an unknown project 404', async () => {
      const project = await aProject(t, { stage: 'under_review' });
      const { auth: reviewer } = await asRole(t, 'reviewer');
      expectProblem(await t.http().put(notePath(project.id)).set(reviewer).send({ note: 'Mine.' }), 403);
      expectProblem(await t.http().put(notePath(randomUUID())).set(staff).send({ note: 'Nowhere.' }), 404);
    });
  });
});
