import type { Response } from 'supertest';
import { asRole } from '../support/builders';
import { aFundableProject, availableExactly } from '../support/lifecycle-builders';
import { aProject, type BuiltProject } from '../support/portfolio-builders';
import { expectProblem } from '../support/problems';
import { anApprovedProject, reviewed, submitted } from '../support/report-builders';
import { count, createTestApp, TestApp } from '../support/test-app';

type Auth = { Authorization: string };

interface Tranche {
  id: string;
  projectId: string;
  organizationId: string;
  plannedOn: string;
  amountUsd: string;
  condition: string;
  requiresReportId: string | null;
  requiresReportStatus: string | null;
  status: 'released' | 'overdue' | 'planned';
  releasedByTransferId: string | null;
  releasedOn: string | null;
  releasedAmountUsd: string | null;
  version: number;
}

const today = () => new Date().toISOString().slice(0, 10);
const daysFromToday = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/**
 * A project's planned tranche schedule: separate from the transfers made, each organization's planned
 * total within its share of the approved budget, written by staff with versions and one audit entry
 * each, read by donors, and released by the transfer recorded against it.
 */
describe('planned tranches', () => {
  let t: TestApp;
  let staff: Auth;
  let donor: Auth;
  let reviewer: Auth;

  beforeAll(async () => {
    t = await createTestApp();
    staff = (await asRole(t, 'staff')).auth;
    donor = (await asRole(t, 'donor')).auth;
    reviewer = (await asRole(t, 'reviewer')).auth;
  });
  afterAll(() => t.close());

  const plan = (projectId: string, body: Record<string, unknown>, auth: Auth = staff) =>
    t.http().post(`/api/v1/projects/${projectId}/tranches`).set(auth).send(body);
  const tranche = (project: BuiltProject, extra: Record<string, unknown> = {}) => ({
    organizationId: project.leadOrganizationId,
    plannedOn: '2027-09-30',
    amountUsd: '100000.00',
    condition: 'On signature of the agreement',
    ...extra,
  });
  const planned = async (projectId: string, body: Record<string, unknown>): Promise<Tranche> => {
    const response = await plan(projectId, body);
    expect(response.status).toBe(201);
    return response.body as Tranche;
  };
  const schedule = async (projectId: string, auth: Auth = staff, query = ''): Promise<Tranche[]> => {
    const response = await t.http().get(`/api/v1/projects/${projectId}/tranches${query}`).set(auth);
    expect(response.status).toBe(200);
    return (response.body as { items: Tranche[] }).items;
  };
  const transfer = (project: BuiltProject, extra: Record<string, unknown> = {}) =>
    t
      .http()
      .post('/api/v1/transfers')
      .set(staff)
      .send({
        projectId: project.id,
        organizationId: project.leadOrganizationId,
        amountUsd: '100000.00',
        transferredOn: '2026-03-02',
        ...extra,
      });

  async function expectNothingWritten(send: () => Promise<Response>, status: number) {
    const tranches = await count(t.db, 'planned_tranches');
    const transfers = await count(t.db, 'transfers');
    const audit = await count(t.db, 'audit_entries');
    const problem = expectProblem(await send(), status);
    await expect(count(t.db, 'planned_tranches')).resolves.toBe(tranches);
    await expect(count(t.db, 'transfers')).resolves.toBe(transfers);
    await expect(count(t.db, 'audit_entries')).resolves.toBe(audit);
    return problem;
  }

  describe('planning', () => {
    it("plans an organization's tranches up to its share exactly, each with one audit entry naming the project, and refuses one cent more", async () => {
      // 500,000 approved, two organizations with 250,000 each.
      const project = await aFundableProject(t);
      const first = await planned(project.id, tranche(project, { amountUsd: '150000.00' }));
      expect(first).toMatchObject({
        projectId: project.id,
        status: 'planned',
        version: 1,
        releasedByTransferId: null,
      });
      await planned(project.id, tranche(project, { amountUsd: '100000.00', plannedOn: '2027-03-31' }));
      const problem = await expectNothingWritten(
        () => plan(project.id, tranche(project, { amountUsd: '0.01' })),
        422,
      );
      expect(problem).toMatchObject({
        code: 'tranche_exceeds_organization_share',
        facts: { share: '250000.00', alreadyPlanned: '250000.00', remaining: '0.00' },
      });
      expect(problem.errors?.map((e) => e.field)).toEqual(['amountUsd']);
      // The other organization's share is its own.
      await planned(
        project.id,
        tranche(project, { organizationId: project.organizationIds[1], amountUsd: '250000.00' }),
      );
      const { rows } = await t.db.query<{ project_id: string; action: string }>(
        `SELECT project_id, action FROM audit_entries WHERE entity = 'tranche' AND entity_id = $1`,
        [first.id],
      );
      expect(rows).toEqual([{ project_id: project.id, action: 'create' }]);
    });

    it('refuses an organization that does not participate, a project not approved, and unknown fields, writing nothing', async () => {
      const project = await aFundableProject(t);
      const outsider = await aFundableProject(t);
      const wrong = await expectNothingWritten(
        () => plan(project.id, tranche(project, { organizationId: outsider.leadOrganizationId })),
        400,
      );
      expect(wrong.errors?.map((e) => e.field)).toEqual(['organizationId']);
      const proposal = await aProject(t, { stage: 'under_review' });
      const notApproved = await expectNothingWritten(() => plan(proposal.id, tranche(proposal)), 422);
      expect(notApproved.code).toBe('tranche_project_not_approved');
      await expectNothingWritten(
        () => plan(project.id, { ...tranche(project), releasedOn: '2026-01-01' }),
        400,
      );
      await expectNothingWritten(() => plan(project.id, tranche(project, { condition: '  ' })), 400);
    });

    it('is written by staff only: donors read the schedule but may not write it, reviewers read nothing', async () => {
      const project = await aFundableProject(t);
      const created = await planned(project.id, tranche(project));
      await expectNothingWritten(() => plan(project.id, tranche(project), donor), 403);
      await expectNothingWritten(
        () =>
          t.http().patch(`/api/v1/tranches/${created.id}`).set(donor).send({ version: 1, amountUsd: '1.00' }),
        403,
      );
      await expectNothingWritten(
        () => t.http().delete(`/api/v1/tranches/${created.id}`).set(donor).set('If-Match', '"1"'),
        403,
      );
      await expect(schedule(project.id, donor)).resolves.toEqual([
        expect.objectContaining({ id: created.id }),
      ]);
      expectProblem(await t.http().get(`/api/v1/projects/${project.id}/tranches`).set(reviewer), 403);
      expectProblem(
        await t.http().get(`/api/v1/projects/00000000-0000-4000-8000-000000000000/tranches`).set(donor),
        404,
      );
    });
  });

  describe('changing and removing', () => {
    it('changes a tranche at the version read (its own amount left out of the share), 409 on a stale one, one audit entry', async () => {
      const project = await aFundableProject(t);
      const created = await planned(project.id, tranche(project, { amountUsd: '200000.00' }));
      const change = (body: Record<string, unknown>) =>
        t.http().patch(`/api/v1/tranches/${created.id}`).set(staff).send(body);
      const changed = await change({ version: 1, amountUsd: '250000.00', plannedOn: '2026-10-31' });
      expect(changed.status).toBe(200);
      expect(changed.body).toMatchObject({ amountUsd: '250000.00', plannedOn: '2026-10-31', version: 2 });
      await expect(
        count(t.db, 'audit_entries', `entity = 'tranche' AND entity_id = $1 AND action = 'update'`, [
          created.id,
        ]),
      ).resolves.toBe(1);
      const stale = await expectNothingWritten(() => change({ version: 1, amountUsd: '1.00' }), 409);
      expect(stale).toMatchObject({ currentVersion: 2 });
      const over = await expectNothingWritten(() => change({ version: 2, amountUsd: '250000.01' }), 422);
      expect(over.code).toBe('tranche_exceeds_organization_share');
    });

    it('removes an unreleased tranche at the version read, with one delete audit entry', async () => {
      const project = await aFundableProject(t);
      const created = await planned(project.id, tranche(project));
      const response = await t
        .http()
        .delete(`/api/v1/tranches/${created.id}`)
        .set(staff)
        .set('If-Match', '"1"');
      expect(response.status).toBe(204);
      await expect(schedule(project.id)).resolves.toEqual([]);
      const { rows } = await t.db.query<{ project_id: string }>(
        `SELECT project_id FROM audit_entries WHERE entity = 'tranche' AND entity_id = $1 AND action = 'delete'`,
        [created.id],
      );
      expect(rows).toEqual([{ project_id: project.id }]);
    });
  });

  describe('release by a transfer', () => {
    it('shows a tranche released by the transfer recorded against it, then planned again once that transfer is reversed', async () => {
      const project = await aFundableProject(t);
      const created = await planned(project.id, tranche(project, { plannedOn: '2026-03-01' }));
      const other = project.organizationIds[1];
      const mismatch = await expectNothingWritten(
        () => transfer(project, { organizationId: other, plannedTrancheId: created.id }),
        400,
      );
      expect(mismatch.errors?.map((e) => e.field)).toEqual(['plannedTrancheId']);

      const sent = await transfer(project, { amountUsd: '90000.00', plannedTrancheId: created.id });
      expect(sent.status).toBe(201);
      expect(sent.body.plannedTrancheId).toBe(created.id);
      const [released] = await schedule(project.id, donor);
      expect(released).toMatchObject({
        status: 'released',
        releasedByTransferId: sent.body.id,
        releasedOn: '2026-03-02',
        releasedAmountUsd: '90000.00',
        amountUsd: '100000.00',
      });

      const again = await expectNothingWritten(
        () => transfer(project, { plannedTrancheId: created.id }),
        422,
      );
      expect(again.code).toBe('tranche_released');
      const edit = await expectNothingWritten(
        () =>
          t.http().patch(`/api/v1/tranches/${created.id}`).set(staff).send({ version: 1, amountUsd: '1.00' }),
        422,
      );
      expect(edit.code).toBe('tranche_released');

      const reversal = await t
        .http()
        .post(`/api/v1/transfers/${sent.body.id}/reversal`)
        .set(staff)
        .send({ transferredOn: '2026-03-05', reason: 'Sent before the agreement was signed.' });
      expect(reversal.status).toBe(201);
      const [reopened] = await schedule(project.id);
      expect(reopened).toMatchObject({ status: 'overdue', releasedByTransferId: null });
      // Named by a transfer, it stays in the record, but its terms may change.
      const removal = await expectNothingWritten(
        () => t.http().delete(`/api/v1/tranches/${created.id}`).set(staff).set('If-Match', '"1"'),
        422,
      );
      expect(removal.code).toBe('tranche_has_transfers');
      const moved = await t
        .http()
        .patch(`/api/v1/tranches/${created.id}`)
        .set(staff)
        .send({ version: 1, plannedOn: '2027-01-31' });
      expect(moved.status).toBe(200);
      expect(moved.body.status).toBe('planned');
    });

    it("refuses another project's tranche on a transfer, and a tranche on a refund", async () => {
      const project = await aFundableProject(t);
      const elsewhere = await aFundableProject(t);
      const foreign = await planned(elsewhere.id, tranche(elsewhere));
      const problem = await expectNothingWritten(
        () => transfer(project, { plannedTrancheId: foreign.id }),
        400,
      );
      expect(problem.errors?.map((e) => e.field)).toEqual(['plannedTrancheId']);
      expect((await transfer(project, { amountUsd: '10.00' })).status).toBe(201);
      const own = await planned(project.id, tranche(project));
      const refund = await expectNothingWritten(
        () => transfer(project, { kind: 'refund', amountUsd: '5.00', plannedTrancheId: own.id }),
        400,
      );
      expect(refund.errors?.map((e) => e.field)).toEqual(['plannedTrancheId']);
    });

    it('holds a tranche waiting for a report until the report is accepted, then releases it', async () => {
      // The other projects here are written directly; this one is approved through the API, on money.
      await availableExactly(t, '1000000.00');
      const project = await anApprovedProject(t, staff);
      const report = project.reports[0]!;
      const built: BuiltProject = project;
      const waiting = await planned(
        project.id,
        tranche(built, {
          amountUsd: '1000.00',
          condition: 'On acceptance of the first progress report',
          requiresReportId: report.id,
        }),
      );
      expect(waiting).toMatchObject({ requiresReportId: report.id, requiresReportStatus: 'due' });
      const held = await expectNothingWritten(
        () => transfer(built, { amountUsd: '1000.00', transferredOn: today(), plannedTrancheId: waiting.id }),
        422,
      );
      expect(held.code).toBe('tranche_report_not_accepted');

      const reviewer2 = (await asRole(t, 'staff')).auth;
      await reviewed(t, reviewer2, await submitted(t, staff, report));
      const sent = await transfer(built, {
        amountUsd: '1000.00',
        transferredOn: today(),
        plannedTrancheId: waiting.id,
      });
      expect(sent.status).toBe(201);
      expect(sent.body).toMatchObject({ requiresReportId: report.id, plannedTrancheId: waiting.id });
      await expect(schedule(project.id)).resolves.toEqual([
        expect.objectContaining({ status: 'released', requiresReportStatus: 'accepted' }),
      ]);
    });
  });

  describe('the schedule', () => {
    it('flags a tranche overdue the day after its planned date, by planned date, judged on the day asked', async () => {
      const project = await aFundableProject(t);
      await planned(project.id, tranche(project, { plannedOn: daysFromToday(-1), amountUsd: '1.00' }));
      await planned(project.id, tranche(project, { plannedOn: today(), amountUsd: '2.00' }));
      await expect(schedule(project.id)).resolves.toEqual([
        expect.objectContaining({ amountUsd: '1.00', status: 'overdue' }),
        expect.objectContaining({ amountUsd: '2.00', status: 'planned' }),
      ]);
      const tomorrow = await schedule(project.id, staff, `?on=${daysFromToday(1)}`);
      expect(tomorrow.map((item) => item.status)).toEqual(['overdue', 'overdue']);
    });

    it("shows the tranche's changes in the project's timeline, to staff and to donors", async () => {
      const project = await aFundableProject(t);
      const created = await planned(project.id, tranche(project));
      for (const auth of [staff, donor]) {
        const response = await t.http().get(`/api/v1/projects/${project.id}/timeline`).set(auth);
        expect(response.status).toBe(200);
        expect(response.body.items).toEqual(
          expect.arrayContaining([
            expect.objectContaining({ entity: 'tranche', entityId: created.id, action: 'create' }),
          ]),
        );
      }
    });
  });
});
