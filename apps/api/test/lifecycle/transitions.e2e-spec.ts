import { randomUUID } from 'node:crypto';
import { asRole } from '../support/builders';
import { aReadyProposal, aTransfer, completeProposal, fund, versionOf } from '../support/lifecycle-builders';
import { aProject } from '../support/portfolio-builders';
import { expectProblem } from '../support/problems';
import { count, createTestApp, TestApp } from '../support/test-app';

type Auth = { Authorization: string };

/** DESIGN.md §4.3: the other gates, the moves that do not exist, versions, roles, history, options. */
describe('project transitions', () => {
  let t: TestApp;
  let staff: Auth;
  let admin: Auth;
  let donor: Auth;
  let reviewer: Auth;

  beforeAll(async () => {
    t = await createTestApp();
    staff = (await asRole(t, 'staff')).auth;
    admin = (await asRole(t, 'admin')).auth;
    donor = (await asRole(t, 'donor')).auth;
    reviewer = (await asRole(t, 'reviewer')).auth;
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

  const move = async (
    projectId: string,
    to: string,
    auth: Auth = staff,
    extra: Record<string, unknown> = {},
  ) =>
    t
      .http()
      .post(`/api/v1/projects/${projectId}/transitions`)
      .set(auth)
      .send({ to, note: `Moved to ${to}.`, version: await versionOf(t, projectId), ...extra });

  async function expectRefused(projectId: string, to: string, codes: string[]) {
    const before = await snapshot(projectId);
    const problem = expectProblem(await move(projectId, to), 422);
    expect((problem.failures as { code: string }[]).map((f) => f.code)).toEqual(codes);
    await expect(snapshot(projectId)).resolves.toEqual(before);
    return problem;
  }

  it('refuses under_review while required fields are missing, naming each', async () => {
    const project = await aProject(t, { stage: 'full_proposal' });
    const problem = await expectRefused(project.id, 'under_review', ['required_fields_missing']);
    expect(problem.failures).toMatchObject([
      {
        facts: {
          fields: [
            'narratives.people_centred',
            'narratives.comprehensive',
            'narratives.context_specific',
            'narratives.prevention_oriented',
            'narratives.protection_empowerment',
          ],
        },
        message: expect.stringMatching(/^Required fields are missing: People-centred narrative, /),
      },
    ]);
    await completeProposal(t, project.id);
    const response = await move(project.id, 'under_review');
    expect(response.status).toBe(201);
    expect(response.body.transition.evidence).toMatchObject({ gate: 'proposal', missingFields: [] });
  });

  it('refuses under_review without a recipient country or a lead organization', async () => {
    const project = await aProject(t, { stage: 'full_proposal', countries: [] });
    await completeProposal(t, project.id);
    await t.db.query(`UPDATE projects SET lead_organization_id = NULL WHERE id = $1`, [project.id]);
    await expectRefused(project.id, 'under_review', [
      'recipient_country_missing',
      'lead_organization_missing',
    ]);
  });

  it('refuses active without a transfer, and activates with the first one', async () => {
    const project = await aProject(t, { stage: 'approved', approvedBudget: '100000.00' });
    await fund(t, '100000.00');
    const problem = await expectRefused(project.id, 'active', ['first_transfer_missing']);
    expect(problem.failures).toEqual([
      {
        code: 'first_transfer_missing',
        facts: {},
        message: 'A project becomes active with its first transfer; none is recorded.',
      },
    ]);
    await aTransfer(t, project, '2500.00');
    const response = await move(project.id, 'active');
    expect(response.status).toBe(201);
    expect(response.body.transition.evidence).toMatchObject({
      gate: 'activation',
      transfersRecorded: 1,
      firstTransfer: { amountUsd: '2500.00', transferredOn: '2026-02-01' },
    });
  });

  it.each([
    ['concept_note', 'approved'],
    ['concept_note', 'active'],
    ['full_proposal', 'approved'],
    ['approved', 'withdrawn'],
    ['closed', 'active'],
    ['rejected', 'under_review'],
    ['under_review', 'under_review'],
  ])('refuses the move from %s to %s, which does not exist', async (from, to) => {
    const project = await aProject(t, { stage: from });
    const problem = await expectRefused(project.id, to, ['transition_not_allowed']);
    expect(problem.failures).toMatchObject([{ facts: { from, to } }]);
    expect(problem.detail).toMatch(/cannot move from/);
  });

  it('walks a project from concept note to closure, keeping the history in order', async () => {
    const project = await aReadyProposal(t, { stage: 'concept_note' });
    for (const to of ['full_proposal', 'under_review', 'approved']) {
      expect((await move(project.id, to, admin)).status).toBe(201);
    }
    await aTransfer(t, project);
    for (const to of ['active', 'completed', 'closed']) expect((await move(project.id, to)).status).toBe(201);

    const history = await t.http().get(`/api/v1/projects/${project.id}/history`).set(staff);
    expect(history.status).toBe(200);
    expect(history.body.items.map((i: { from: string; to: string }) => `${i.from}→${i.to}`)).toEqual([
      'concept_note→full_proposal',
      'full_proposal→under_review',
      'under_review→approved',
      'approved→active',
      'active→completed',
      'completed→closed',
    ]);
    expect(history.body.items[0]).toMatchObject({ note: 'Moved to full_proposal.', actorName: 'Test admin' });

    const paged = await t.http().get(`/api/v1/projects/${project.id}/history?limit=4`).set(staff);
    const rest = await t
      .http()
      .get(`/api/v1/projects/${project.id}/history?limit=4&cursor=${paged.body.nextCursor}`)
      .set(staff);
    expect([...paged.body.items, ...rest.body.items]).toEqual(history.body.items);
    expect(rest.body.nextCursor).toBeNull();

    // Donors see the moves and their dates; not the notes, the actors or the evidence.
    const forDonor = await t.http().get(`/api/v1/projects/${project.id}/history`).set(donor);
    expect(forDonor.status).toBe(200);
    for (const item of forDonor.body.items) {
      expect(Object.keys(item).sort()).toEqual(['decidedOn', 'from', 'id', 'occurredAt', 'projectId', 'to']);
    }
  });

  it('withdraws a proposal at any stage before approval', async () => {
    for (const stage of ['concept_note', 'full_proposal', 'under_review', 'revision_requested']) {
      const project = await aProject(t, { stage });
      const response = await move(project.id, 'withdrawn');
      expect(response.status).toBe(201);
      expect(response.body.transition.evidence).toEqual({ gate: null });
    }
  });

  it('needs the version read: 428 without it, 409 when stale, and nothing changes', async () => {
    const project = await aProject(t, { stage: 'concept_note' });
    const before = await snapshot(project.id);
    const missing = await t
      .http()
      .post(`/api/v1/projects/${project.id}/transitions`)
      .set(staff)
      .send({ to: 'full_proposal', note: 'Invited.' });
    expectProblem(missing, 428);
    const stale = await t
      .http()
      .post(`/api/v1/projects/${project.id}/transitions`)
      .set(staff)
      .set('If-Match', `"${before.version + 1}"`)
      .send({ to: 'full_proposal', note: 'Invited.' });
    expect(expectProblem(stale, 409).currentVersion).toBe(before.version);
    await expect(snapshot(project.id)).resolves.toEqual(before);
  });

  it('validates the request: a stage, a note, a decision date neither in the future nor before the last', async () => {
    const project = await aProject(t, { stage: 'concept_note' });
    const before = await snapshot(project.id);
    const cases: [Record<string, unknown>, string][] = [
      [{ to: 'nowhere', note: 'x' }, 'to'],
      [{ to: 'full_proposal', note: '   ' }, 'note'],
      [{ to: 'full_proposal' }, 'note'],
      [{ to: 'full_proposal', note: 'x', decidedOn: '2026-02-30' }, 'decidedOn'],
      [{ to: 'full_proposal', note: 'x', decidedOn: '2999-01-01' }, 'decidedOn'],
      [{ to: 'full_proposal', note: 'x', stage: 'approved' }, 'stage'],
    ];
    for (const [body, field] of cases) {
      const response = await t
        .http()
        .post(`/api/v1/projects/${project.id}/transitions`)
        .set(staff)
        .send({ version: before.version, ...body });
      const problem = expectProblem(response, 400);
      expect(problem.errors?.map((e) => e.field)).toContain(field);
    }
    await expect(snapshot(project.id)).resolves.toEqual(before);

    expect((await move(project.id, 'full_proposal', staff, { decidedOn: '2025-03-01' })).status).toBe(201);
    const earlier = await move(project.id, 'withdrawn', staff, { decidedOn: '2025-02-28' });
    expect(expectProblem(earlier, 400).errors).toEqual([
      { field: 'decidedOn', message: 'must not be before 2025-03-01, the date of the previous decision' },
    ]);
  });

  it('answers 404 for an unknown or deleted project, and refuses reviewers and donors', async () => {
    const unknown = randomUUID();
    expectProblem(
      await t
        .http()
        .post(`/api/v1/projects/${unknown}/transitions`)
        .set(staff)
        .set('If-Match', '"1"')
        .send({ to: 'withdrawn', note: 'x' }),
      404,
    );
    expectProblem(await t.http().get(`/api/v1/projects/${unknown}/history`).set(staff), 404);
    expectProblem(await t.http().get(`/api/v1/projects/${unknown}/transitions/options`).set(staff), 404);
    const deleted = await aProject(t, { stage: 'concept_note' });
    await t.db.query(`UPDATE projects SET deleted_at = now() WHERE id = $1`, [deleted.id]);
    expectProblem(await move(deleted.id, 'withdrawn'), 404);
    expectProblem(await t.http().get(`/api/v1/projects/${deleted.id}/history`).set(donor), 404);

    const project = await aProject(t, { stage: 'concept_note' });
    expectProblem(await move(project.id, 'withdrawn', donor), 403);
    expectProblem(await move(project.id, 'withdrawn', reviewer), 403);
    expectProblem(await t.http().get(`/api/v1/projects/${project.id}/transitions/options`).set(donor), 403);
    expectProblem(await t.http().get(`/api/v1/projects/${project.id}/history`).set(reviewer), 403);
  });

  it('lists the moves open now, with whether each would pass and why not, changing nothing', async () => {
    const ready = await aReadyProposal(t);
    await t.db.query(`DELETE FROM alignments WHERE id = $1`, [ready.alignments.UGA]);
    const before = await snapshot(ready.id);
    const response = await t.http().get(`/api/v1/projects/${ready.id}/transitions/options`).set(staff);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      projectId: ready.id,
      stage: 'under_review',
      version: before.version,
      on: new Date().toISOString().slice(0, 10),
    });
    expect(response.body.options).toEqual([
      {
        to: 'approved',
        allowed: false,
        failures: [
          expect.objectContaining({
            code: 'paragraph_6_not_compliant',
            message: expect.stringContaining('No alignment to a national strategy of UGA is recorded.'),
          }),
        ],
      },
      { to: 'revision_requested', allowed: true, failures: [] },
      { to: 'rejected', allowed: true, failures: [] },
      { to: 'withdrawn', allowed: true, failures: [] },
    ]);
    await expect(snapshot(ready.id)).resolves.toEqual(before);

    const closed = await aProject(t, { stage: 'closed' });
    const none = await t.http().get(`/api/v1/projects/${closed.id}/transitions/options`).set(admin);
    expect(none.body.options).toEqual([]);
  });
});
