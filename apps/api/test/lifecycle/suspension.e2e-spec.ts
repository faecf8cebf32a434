import { asRole } from '../support/builders';
import { aFundableProject, aTransfer, versionOf } from '../support/lifecycle-builders';
import type { BuiltProject } from '../support/portfolio-builders';
import { expectProblem } from '../support/problems';
import { count, createTestApp, TestApp } from '../support/test-app';

type Auth = { Authorization: string };

/** DESIGN.md §4.3: suspended, from approved or active by a decision with a reason, and back. */
describe('suspension', () => {
  let t: TestApp;
  let staff: Auth;

  beforeAll(async () => {
    t = await createTestApp();
    staff = (await asRole(t, 'staff')).auth;
  });
  afterAll(() => t.close());

  const move = async (projectId: string, to: string, extra: Record<string, unknown> = {}) =>
    t
      .http()
      .post(`/api/v1/projects/${projectId}/transitions`)
      .set(staff)
      .send({ to, note: `Moved to ${to}.`, version: await versionOf(t, projectId), ...extra });

  const stageOf = async (projectId: string) =>
    (await t.db.query<{ stage: string }>(`SELECT stage FROM projects WHERE id = $1`, [projectId])).rows[0]!
      .stage;

  async function written() {
    return {
      audit: await count(t.db, 'audit_entries'),
      transitions: await count(t.db, 'project_transitions'),
      transfers: await count(t.db, 'transfers'),
    };
  }

  /** An active project (first transfer made) on which paragraph 6 holds in every country. */
  async function anActiveProject(): Promise<BuiltProject> {
    const project = await aFundableProject(t, { stage: 'active', countries: ['KEN'] });
    await aTransfer(t, project);
    return project;
  }

  /** Staff record a change of the consent of `country` through the API. */
  async function changeConsent(projectId: string, country: string, change: Record<string, unknown>) {
    const { rows } = await t.db.query<{ id: string; version: number }>(
      `SELECT id, version FROM consent_records WHERE project_id = $1 AND country_iso3 = $2`,
      [projectId, country],
    );
    const response = await t
      .http()
      .patch(`/api/v1/projects/${projectId}/consents/${rows[0]!.id}`)
      .set(staff)
      .send({ ...change, version: rows[0]!.version });
    expect(response.status).toBe(200);
  }

  const withdrawConsent = (projectId: string, country: string) =>
    changeConsent(projectId, country, {
      status: 'withdrawn',
      withdrawnOn: '2026-03-01',
      withdrawalReason: 'The Government asked to pause activities at the project sites.',
    });

  it('refuses a suspension without a reason, changing nothing', async () => {
    const project = await anActiveProject();
    const before = await written();
    const problem = expectProblem(await move(project.id, 'suspended'), 422);
    expect(problem.failures).toEqual([
      expect.objectContaining({ code: 'suspension_reason_missing', message: 'A suspension needs a reason.' }),
    ]);
    expectProblem(await move(project.id, 'suspended', { reason: '   ' }), 400);
    await expect(written()).resolves.toEqual(before);
    await expect(stageOf(project.id)).resolves.toBe('active');
  });

  it('refuses a reason on any other move', async () => {
    const project = await anActiveProject();
    const problem = expectProblem(await move(project.id, 'completed', { reason: 'Finished early' }), 400);
    expect(problem.errors).toEqual([expect.objectContaining({ field: 'reason' })]);
    await expect(stageOf(project.id)).resolves.toBe('active');
  });

  it('suspends an approved or an active project with its reason, in the history and one audit entry', async () => {
    for (const stage of ['approved', 'active']) {
      const project = await aFundableProject(t, { stage, countries: ['KEN'] });
      const audit = await count(t.db, 'audit_entries');
      const response = await move(project.id, 'suspended', { reason: 'Security incident at the sites.' });
      expect(response.status).toBe(201);
      expect(response.body).toMatchObject({
        stage: 'suspended',
        transition: {
          from: stage,
          to: 'suspended',
          evidence: { gate: 'suspension', reason: 'Security incident at the sites.' },
        },
      });
      await expect(count(t.db, 'audit_entries')).resolves.toBe(audit + 1);
    }
  });

  it('refuses every transfer while suspended with a problem naming the stage', async () => {
    const project = await anActiveProject();
    expect((await move(project.id, 'suspended', { reason: 'Consent under review.' })).status).toBe(201);
    const before = await written();
    const response = await t.http().post('/api/v1/transfers').set(staff).send({
      projectId: project.id,
      organizationId: project.organizationIds[0],
      amountUsd: '1000.00',
      transferredOn: '2026-02-01',
    });
    const problem = expectProblem(response, 422);
    expect(problem).toMatchObject({
      code: 'transfer_stage_not_fundable',
      facts: { stage: 'suspended', fundable: ['approved', 'active'] },
    });
    expect(problem.detail).toContain('The project is suspended');
    await expect(written()).resolves.toEqual(before);
  });

  it('offers suspension, not only completion, once a consent is withdrawn from an active project', async () => {
    const project = await anActiveProject();
    await withdrawConsent(project.id, 'KEN');
    const options = await t.http().get(`/api/v1/projects/${project.id}/transitions/options`).set(staff);
    expect(options.status).toBe(200);
    expect(options.body.options).toEqual([
      { to: 'completed', allowed: true, failures: [] },
      { to: 'suspended', allowed: true, failures: [] },
    ]);
  });

  it('resumes only once paragraph 6 holds again, and only to the stage it left', async () => {
    const project = await anActiveProject();
    await withdrawConsent(project.id, 'KEN');
    expect((await move(project.id, 'suspended', { reason: 'Kenya withdrew its consent.' })).status).toBe(201);

    const options = await t.http().get(`/api/v1/projects/${project.id}/transitions/options`).set(staff);
    expect(options.body.options).toEqual([
      expect.objectContaining({
        to: 'active',
        allowed: false,
        failures: [expect.objectContaining({ code: 'paragraph_6_not_compliant' })],
      }),
    ]);

    const before = await written();
    const refused = expectProblem(await move(project.id, 'active'), 422);
    expect(refused.failures).toEqual([expect.objectContaining({ code: 'paragraph_6_not_compliant' })]);
    expect(refused.detail).toContain('KEN');
    const elsewhere = expectProblem(await move(project.id, 'approved'), 422);
    expect((elsewhere.failures as { code: string }[]).map((f) => f.code)).toEqual([
      'resumption_to_other_stage',
      'paragraph_6_not_compliant',
    ]);
    await expect(written()).resolves.toEqual(before);
    await expect(stageOf(project.id)).resolves.toBe('suspended');

    // The Government grants its consent again.
    await changeConsent(project.id, 'KEN', { status: 'requested', requestedOn: '2026-04-01' });
    await changeConsent(project.id, 'KEN', {
      status: 'granted',
      grantedOn: '2026-05-01',
      issuingOffice: 'Ministry of Foreign Affairs',
      signatory: 'Permanent Secretary',
      documentReference: 'NV/2026/118',
    });
    const resumed = await move(project.id, 'active');
    expect(resumed.status).toBe(201);
    expect(resumed.body).toMatchObject({
      stage: 'active',
      transition: {
        from: 'suspended',
        to: 'active',
        evidence: { gate: 'resumption', suspendedFrom: 'active' },
      },
    });
  });

  it('raises an alert proposing suspension when paragraph 6 is lost on an active project', async () => {
    const project = await anActiveProject();
    const alertsOf = async () =>
      (
        (await t.http().get('/api/v1/alerts?limit=200').set(staff)).body.items as Record<string, unknown>[]
      ).filter((alert) => alert.projectId === project.id);
    await expect(alertsOf()).resolves.toEqual([]);

    await withdrawConsent(project.id, 'KEN');
    await expect(alertsOf()).resolves.toEqual([
      expect.objectContaining({
        code: 'funded_consent_withdrawn',
        country: 'KEN',
        proposedDecision: 'suspended',
      }),
    ]);

    expect((await move(project.id, 'suspended', { reason: 'Kenya withdrew its consent.' })).status).toBe(201);
    await expect(alertsOf()).resolves.toEqual([]);
  });
});
