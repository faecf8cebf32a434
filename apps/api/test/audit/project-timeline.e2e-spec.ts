import { randomUUID } from 'node:crypto';
import { asRole } from '../support/builders';
import { aFundableProject, anAlignment, versionOf } from '../support/lifecycle-builders';
import type { BuiltProject } from '../support/portfolio-builders';
import { expectProblem } from '../support/problems';
import { createTestApp, TestApp } from '../support/test-app';

type Auth = { Authorization: string };
type Event = {
  action: string;
  entity: string;
  entityId: string;
  actorName: string | null;
  actorEmail: string | null;
  changed: string[];
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
};

/** A project's whole story: audit entries carry their project; the timeline reads them by role. */
describe('project timeline', () => {
  let t: TestApp;
  let staff: Auth;
  let staffEmail: string;
  let donor: Auth;
  let reviewer: Auth;

  beforeAll(async () => {
    t = await createTestApp();
    const staffUser = await asRole(t, 'staff');
    staff = staffUser.auth;
    staffEmail = staffUser.user.email;
    donor = (await asRole(t, 'donor')).auth;
    reviewer = (await asRole(t, 'reviewer')).auth;
  });
  afterAll(() => t.close());

  /** Through the API, in this order: a consent recorded, a transfer, the consent withdrawn, a suspension. */
  async function aProjectWithAStory(): Promise<{
    project: BuiltProject;
    consentId: string;
    transferId: string;
  }> {
    const project = await aFundableProject(t, { stage: 'active', countries: ['KEN', 'UGA'] });
    // aFundableProject gives KEN its consent directly; UGA's is recorded through the API.
    await t.db.query(`DELETE FROM consent_records WHERE project_id = $1 AND country_iso3 = 'UGA'`, [
      project.id,
    ]);
    const consent = await t.http().post(`/api/v1/projects/${project.id}/consents`).set(staff).send({
      countryIso3: 'UGA',
      status: 'granted',
      requestedOn: '2025-05-01',
      grantedOn: '2025-06-01',
      issuingOffice: 'Ministry of Foreign Affairs',
      signatory: 'Permanent Secretary',
      documentReference: 'NV/2025/77',
    });
    expect(consent.status).toBe(201);
    const transfer = await t.http().post('/api/v1/transfers').set(staff).send({
      projectId: project.id,
      organizationId: project.organizationIds[0],
      amountUsd: '25000.00',
      transferredOn: '2026-02-01',
    });
    expect(transfer.status).toBe(201);
    const withdrawn = await t
      .http()
      .patch(`/api/v1/projects/${project.id}/consents/${consent.body.id}`)
      .set(staff)
      .send({
        status: 'withdrawn',
        withdrawnOn: '2026-03-01',
        withdrawalReason: 'The Government asked to pause activities.',
        version: consent.body.version,
      });
    expect(withdrawn.status).toBe(200);
    const suspended = await t
      .http()
      .post(`/api/v1/projects/${project.id}/transitions`)
      .set(staff)
      .send({
        to: 'suspended',
        note: 'Suspended until Uganda grants its consent again.',
        reason: 'Uganda withdrew its consent.',
        version: await versionOf(t, project.id),
      });
    expect(suspended.status).toBe(201);
    return { project, consentId: consent.body.id, transferId: transfer.body.id };
  }

  const timeline = (projectId: string, auth: Auth, query = '') =>
    t.http().get(`/api/v1/projects/${projectId}/timeline${query}`).set(auth);

  it('records the project of each consent and transfer entry, and filters the audit log by it', async () => {
    const { project, consentId, transferId } = await aProjectWithAStory();
    const { rows } = await t.db.query<{ entity: string; entity_id: string; project_id: string | null }>(
      `SELECT entity, entity_id, project_id FROM audit_entries WHERE entity_id = ANY($1::text[])`,
      [[consentId, transferId]],
    );
    expect(rows).toHaveLength(3);
    for (const row of rows) expect(row.project_id).toBe(project.id);

    const other = await aProjectWithAStory();
    const log = await t.http().get(`/api/v1/audit?projectId=${project.id}`).set(staff);
    expect(log.status).toBe(200);
    expect(
      (log.body.items as { entityId: string; projectId: string }[]).map((e) => e.entityId).sort(),
    ).toEqual([consentId, consentId, transferId, project.id].sort());
    expect(log.body.items.every((e: { projectId: string }) => e.projectId === project.id)).toBe(true);
    expect(log.body.items.map((e: { entityId: string }) => e.entityId)).not.toContain(other.consentId);
  });

  it("fills the project of an entry written without it, from the record's project id", async () => {
    const project = await aFundableProject(t, { stage: 'approved' });
    const { rows } = await t.db.query<{ project_id: string | null }>(
      `INSERT INTO audit_entries (action, entity, entity_id, after)
       VALUES ('create', 'project_transition', $1, jsonb_build_object('project_id', $2::text)),
              ('create', 'organization', $1, '{"name": "UNDP"}')
       RETURNING project_id`,
      [randomUUID(), project.id],
    );
    expect(rows.map((r) => r.project_id)).toEqual([project.id, null]);
  });

  it('tells staff every event of several kinds, newest first, with who and when', async () => {
    const { project, consentId, transferId } = await aProjectWithAStory();
    const response = await timeline(project.id, staff);
    expect(response.status).toBe(200);
    const events = response.body.items as Event[];
    expect(events.map((e) => [e.entity, e.action, e.entityId])).toEqual([
      ['project', 'transition', project.id],
      ['consent_record', 'update', consentId],
      ['transfer', 'create', transferId],
      ['consent_record', 'create', consentId],
    ]);
    expect(events[0]).toMatchObject({
      actorName: 'Test staff',
      actorEmail: staffEmail,
      after: {
        stage: 'suspended',
        transition: {
          from: 'active',
          to: 'suspended',
          note: 'Suspended until Uganda grants its consent again.',
          evidence: expect.objectContaining({ reason: 'Uganda withdrew its consent.' }),
        },
      },
    });
    expect(events[1]!.changed).toEqual(expect.arrayContaining(['status', 'withdrawnOn', 'withdrawalReason']));
    expect(events[1]!.after).toMatchObject({ countryIso3: 'UGA', status: 'withdrawn' });
  });

  it('pages newest first with a cursor', async () => {
    const { project } = await aProjectWithAStory();
    const first = await timeline(project.id, staff, '?limit=3');
    expect(first.body.items).toHaveLength(3);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await timeline(project.id, staff, `?limit=3&cursor=${first.body.nextCursor}`);
    expect(second.body).toMatchObject({ nextCursor: null });
    expect(second.body.items.map((e: Event) => e.entity)).toEqual(['consent_record']);
  });

  it('hides from a donor what it may not read: consents, who decided and why', async () => {
    const { project, transferId } = await aProjectWithAStory();
    await anAlignment(t, project.id, 'KEN');
    const response = await timeline(project.id, donor);
    expect(response.status).toBe(200);
    const events = response.body.items as Event[];
    expect(events.map((e) => [e.entity, e.action])).toEqual([
      ['project', 'transition'],
      ['transfer', 'create'],
    ]);
    const [transition, transfer] = events;
    expect(transition).toMatchObject({ actorName: null, actorEmail: null });
    const moved = transition!.after!.transition as Record<string, unknown>;
    expect(moved).toMatchObject({ from: 'active', to: 'suspended' });
    for (const field of ['note', 'evidence', 'actorId', 'actorName']) expect(moved).not.toHaveProperty(field);
    expect(transfer).toMatchObject({ entityId: transferId, after: { amountUsd: '25000.00' } });
    expect(transfer!.after).not.toHaveProperty('overrideJustification');
    expect(JSON.stringify(events)).not.toContain('Uganda');
  });

  it('is closed to reviewers and answers 404 for a project that does not exist', async () => {
    const { project } = await aProjectWithAStory();
    expectProblem(await timeline(project.id, reviewer), 403);
    expectProblem(await timeline(randomUUID(), staff), 404);
  });
});
