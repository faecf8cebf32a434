import { asRole } from '../support/builders';
import {
  aModerationNote,
  aReadyProposal,
  aReview,
  availableBalance,
  fund,
  ReadyProposal,
  versionOf,
} from '../support/lifecycle-builders';
import { expectProblem } from '../support/problems';
import { count, createTestApp, TestApp } from '../support/test-app';

type Auth = { Authorization: string };

/**
 * DESIGN.md §4.3, to approved: paragraph 6 compliant on the decision date, the assessment passes,
 * disagreements moderated, the approved budget within the Fund's available balance. Each failing
 * gate alone refuses the approval with 422 and changes nothing; all of them holding approves.
 */
describe('the approval gate', () => {
  let t: TestApp;
  let staff: Auth;
  let staffId: string;

  beforeAll(async () => {
    t = await createTestApp();
    const signedIn = await asRole(t, 'staff');
    staff = signedIn.auth;
    staffId = signedIn.user.id;
  });
  afterAll(() => t.close());

  async function snapshot(projectId: string) {
    const { rows } = await t.db.query<{ stage: string; version: number }>(
      `SELECT stage, version FROM projects WHERE id = $1`,
      [projectId],
    );
    return {
      ...rows[0]!,
      audit: await count(t.db, 'audit_entries'),
      transitions: await count(t.db, 'project_transitions'),
    };
  }

  const approve = async (project: ReadyProposal) =>
    t
      .http()
      .post(`/api/v1/projects/${project.id}/transitions`)
      .set(staff)
      .set('If-Match', `"${await versionOf(t, project.id)}"`)
      .send({ to: 'approved', note: 'Approved by the Programme Review Committee.' });

  /** Approval refused with exactly these failed gates, and nothing written. */
  async function expectRefused(project: ReadyProposal, codes: string[]) {
    const before = await snapshot(project.id);
    const response = await approve(project);
    const problem = expectProblem(response, 422);
    expect(problem.type).toMatch(/transition-refused$/);
    const failures = problem.failures as { code: string; facts: unknown; message: string }[];
    expect(failures.map((f) => f.code)).toEqual(codes);
    for (const failure of failures) expect(failure.message).toMatch(/\w+.*\.$/);
    expect(problem.detail).toContain(failures[0]!.message);
    await expect(snapshot(project.id)).resolves.toEqual(before);
    return failures;
  }

  it('refuses a proposal without consent in one of its two countries', async () => {
    const project = await aReadyProposal(t);
    await t.db.query(`DELETE FROM consent_records WHERE id = $1`, [project.consents.UGA]);
    const [failure] = await expectRefused(project, ['paragraph_6_not_compliant']);
    // Not requested yet is not a failure of the proposal, but it is not compliant either.
    expect(failure!.facts).toMatchObject({
      status: 'not_requested',
      countries: [{ country: 'UGA', status: 'not_requested', reasons: [{ code: 'consent_not_requested' }] }],
    });
    expect(failure!.message).toContain('The consent of UGA has not been requested yet.');
  });

  it('refuses a proposal whose consent was withdrawn', async () => {
    const project = await aReadyProposal(t);
    await t.db.query(
      `UPDATE consent_records SET status = 'withdrawn', withdrawn_on = '2026-03-01',
         withdrawal_reason = 'Change of government' WHERE id = $1`,
      [project.consents.KEN],
    );
    const [failure] = await expectRefused(project, ['paragraph_6_not_compliant']);
    expect(failure!.facts).toMatchObject({
      countries: [
        { country: 'KEN', reasons: [{ code: 'consent_withdrawn', facts: { withdrawnOn: '2026-03-01' } }] },
      ],
    });
    expect(JSON.stringify(failure)).not.toContain('Change of government');
  });

  it('refuses a proposal whose consent has expired', async () => {
    const project = await aReadyProposal(t);
    await t.db.query(`UPDATE consent_records SET valid_until = '2026-01-31' WHERE id = $1`, [
      project.consents.UGA,
    ]);
    const [failure] = await expectRefused(project, ['paragraph_6_not_compliant']);
    expect(failure!.facts).toMatchObject({
      countries: [
        {
          country: 'UGA',
          reasons: [
            {
              code: 'consent_not_valid',
              facts: { problems: [{ code: 'consent_expired_on_date', facts: { validUntil: '2026-01-31' } }] },
            },
          ],
        },
      ],
    });
  });

  it('refuses a proposal without an alignment', async () => {
    const project = await aReadyProposal(t);
    await t.db.query(`DELETE FROM alignments WHERE id = $1`, [project.alignments.KEN]);
    const [failure] = await expectRefused(project, ['paragraph_6_not_compliant']);
    expect(failure!.facts).toMatchObject({
      countries: [{ country: 'KEN', reasons: [{ code: 'alignment_missing' }] }],
    });
  });

  it('refuses a proposal with one review only', async () => {
    const project = await aReadyProposal(t);
    await t.db.query(`DELETE FROM reviews WHERE id = $1`, [project.reviews[1]!.id]);
    const [failure] = await expectRefused(project, ['assessment_not_passing']);
    expect(failure!.facts).toEqual({
      failures: [{ code: 'too_few_reviews', facts: { counted: 1, required: 2 } }],
    });
  });

  it('does not count a review whose reviewer declared a conflict, nor a draft', async () => {
    const project = await aReadyProposal(t);
    await t.db.query(`DELETE FROM reviews WHERE id = $1`, [project.reviews[1]!.id]);
    await aReview(t, project.id, [4, 4, 4, 4, 4], 'declined_conflict');
    await aReview(t, project.id, [4, 4, 4, 4, 4], 'draft');
    await expectRefused(project, ['assessment_not_passing']);
  });

  it('refuses a proposal whose mean score fails', async () => {
    const project = await aReadyProposal(t);
    // Every principle mean at 2.0 or more, but the mean of the means 2.4 < 2.5.
    await t.db.query(
      `UPDATE reviews SET score_people_centred = 2, score_comprehensive = 2, score_context_specific = 3,
         score_prevention_oriented = 2, score_protection_empowerment = 3 WHERE project_id = $1`,
      [project.id],
    );
    const [failure] = await expectRefused(project, ['assessment_not_passing']);
    expect(failure!.facts).toMatchObject({
      failures: [{ code: 'overall_mean_below_threshold', facts: { threshold: '2.50' } }],
    });
  });

  it('refuses a proposal with a disagreement nobody moderated, and approves it once moderated', async () => {
    const project = await aReadyProposal(t);
    // Spread of exactly 2 on prevention (2 and 4): a disagreement; the means still pass.
    await t.db.query(`UPDATE reviews SET score_prevention_oriented = 4 WHERE id = $1`, [
      project.reviews[0]!.id,
    ]);
    const [failure] = await expectRefused(project, ['disagreement_not_moderated']);
    expect(failure!.facts).toEqual({ principles: ['prevention_oriented'] });

    await aModerationNote(t, project.id, 'prevention_oriented');
    expect((await approve(project)).status).toBe(201);
  });

  it('refuses an approved budget one cent above the available balance, and approves one equal to it', async () => {
    await fund(t, '1000.00');
    const available = await availableBalance(t);
    const cents = BigInt(available.replace('.', ''));
    const above = `${(cents + 1n) / 100n}.${String((cents + 1n) % 100n).padStart(2, '0')}`;
    const project = await aReadyProposal(t, { approvedBudget: above, funded: false });
    const [failure] = await expectRefused(project, ['approved_budget_exceeds_available_balance']);
    expect(failure!.facts).toEqual({ approvedBudget: above, availableBalance: available, shortfall: '0.01' });

    // The ledger route and the gate agree on the balance (DESIGN.md §4.4).
    const ledger = await t.http().get('/api/v1/fund/ledger').set(staff);
    expect(ledger.body.overall.available).toBe(available);

    await t.db.query(`UPDATE projects SET approved_budget = $2 WHERE id = $1`, [project.id, available]);
    expect((await approve(project)).status).toBe(201);
    await expect(availableBalance(t)).resolves.toBe('0.00');
  });

  it('lists every failing gate at once', async () => {
    const project = await aReadyProposal(t, { approvedBudget: '99999999.00', funded: false });
    await t.db.query(`DELETE FROM alignments WHERE id = $1`, [project.alignments.KEN]);
    await t.db.query(`DELETE FROM reviews WHERE id = $1`, [project.reviews[0]!.id]);
    await expectRefused(project, [
      'paragraph_6_not_compliant',
      'assessment_not_passing',
      'approved_budget_exceeds_available_balance',
    ]);
  });

  it('approves when every gate holds: stage, version, history with evidence, one audit entry, in one go', async () => {
    const project = await aReadyProposal(t);
    const before = await snapshot(project.id);
    const response = await approve(project);
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({
      projectId: project.id,
      stage: 'approved',
      version: before.version + 1,
      transition: {
        from: 'under_review',
        to: 'approved',
        note: 'Approved by the Programme Review Committee.',
        decidedOn: new Date().toISOString().slice(0, 10),
      },
    });
    await expect(snapshot(project.id)).resolves.toEqual({
      stage: 'approved',
      version: before.version + 1,
      audit: before.audit + 1,
      transitions: before.transitions + 1,
    });
    const { rows } = await t.db.query(
      `SELECT from_stage, to_stage, note, decided_on::text, actor_id, evidence FROM project_transitions WHERE project_id = $1`,
      [project.id],
    );
    expect(rows).toHaveLength(1);
    expect(rows[0].actor_id).toBe(staffId);
    expect(rows[0].evidence).toMatchObject({
      gate: 'approval',
      compliance: { status: 'compliant', countries: [{ status: 'compliant' }, { status: 'compliant' }] },
      assessment: { passes: true, countedReviews: 2 },
      approvedBudget: project.approvedBudget,
      availableBalance: expect.stringMatching(/^\d+\.\d{2}$/),
    });
    // The gate reads the assessment the assessment route shows (both call libs/domain's assessProposal).
    const assessment = await t.http().get(`/api/v1/projects/${project.id}/assessment`).set(staff);
    expect(assessment.status).toBe(200);
    expect(rows[0].evidence.assessment).toMatchObject({
      passes: assessment.body.passes,
      countedReviews: assessment.body.countedReviews,
      overallMean: assessment.body.overallMean,
      unmoderatedDisagreements: assessment.body.unmoderatedDisagreements,
    });
    const { rows: audit } = await t.db.query(
      `SELECT action, entity, before, after FROM audit_entries WHERE entity_id = $1`,
      [project.id],
    );
    expect(audit).toEqual([
      expect.objectContaining({
        action: 'transition',
        entity: 'project',
        before: { stage: 'under_review', version: before.version },
        after: expect.objectContaining({ stage: 'approved', version: before.version + 1 }),
      }),
    ]);
  });

  it('judges paragraph 6 on the decision date', async () => {
    const project = await aReadyProposal(t);
    // Granted on 2025-06-01: a decision recorded for the day before finds it only requested.
    const before = await snapshot(project.id);
    const response = await t
      .http()
      .post(`/api/v1/projects/${project.id}/transitions`)
      .set(staff)
      .send({ to: 'approved', note: 'Recorded late.', decidedOn: '2025-05-31', version: before.version });
    const problem = expectProblem(response, 422);
    expect(problem.failures).toMatchObject([
      {
        code: 'paragraph_6_not_compliant',
        facts: { on: '2025-05-31', countries: [{ reasons: [{ code: 'consent_requested' }] }, {}] },
      },
    ]);
    const ok = await t
      .http()
      .post(`/api/v1/projects/${project.id}/transitions`)
      .set(staff)
      .send({ to: 'approved', note: 'Recorded late.', decidedOn: '2025-06-01', version: before.version });
    expect(ok.status).toBe(201);
    expect(ok.body.transition.decidedOn).toBe('2025-06-01');
  });
});
