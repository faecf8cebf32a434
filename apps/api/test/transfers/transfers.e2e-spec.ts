import { randomUUID } from 'node:crypto';
import type { Response } from 'supertest';
import { asRole } from '../support/builders';
import { aFundableProject } from '../support/lifecycle-builders';
import { anOrganization } from '../support/portfolio-builders';
import { expectProblem } from '../support/problems';
import { count, createTestApp, TestApp } from '../support/test-app';

describe('transfers', () => {
  let t: TestApp;
  let staff: { Authorization: string };
  let admin: { Authorization: string };

  beforeAll(async () => {
    t = await createTestApp();
    staff = (await asRole(t, 'staff')).auth;
    admin = (await asRole(t, 'admin')).auth;
  });
  afterAll(() => t.close());

  const post = (body: Record<string, unknown>, auth = staff) =>
    t.http().post('/api/v1/transfers').set(auth).send(body);
  const aTransfer = (
    project: { id: string; organizationIds: string[] },
    overrides: Record<string, unknown> = {},
  ) => ({
    projectId: project.id,
    organizationId: project.organizationIds[0],
    amountUsd: '100000.00',
    transferredOn: '2026-02-01',
    ...overrides,
  });
  const transferredTo = (projectId: string) =>
    t.db
      .query<{ n: number; total: string }>(
        `SELECT count(*)::int AS n, coalesce(sum(amount_usd), 0)::text AS total FROM transfers WHERE project_id = $1`,
        [projectId],
      )
      .then((r) => r.rows[0]!);

  /** Sends the request, expects `status` problem+json, and proves nothing was written. */
  async function expectNothingWritten(send: () => Promise<Response>, status: number) {
    const transfers = await count(t.db, 'transfers');
    const audit = await count(t.db, 'audit_entries');
    const problem = expectProblem(await send(), status);
    await expect(count(t.db, 'transfers')).resolves.toBe(transfers);
    await expect(count(t.db, 'audit_entries')).resolves.toBe(audit);
    return problem;
  }

  describe('create', () => {
    it('records a transfer to a participating organization with tranche 1, then 2, each with one audit entry', async () => {
      const project = await aFundableProject(t, { stage: 'approved', approvedBudget: '500000.00' });
      const first = await post(aTransfer(project, { reference: 'TR-1' }));
      expect(first.status).toBe(201);
      expect(first.body).toMatchObject({
        projectId: project.id,
        projectCode: project.code,
        organizationId: project.organizationIds[0],
        amountUsd: '100000.00',
        transferredOn: '2026-02-01',
        tranche: 1,
        reference: 'TR-1',
        version: 1,
      });
      const second = await post(
        aTransfer(project, { organizationId: project.organizationIds[1], amountUsd: '50000.5' }),
      );
      expect(second.body).toMatchObject({ tranche: 2, amountUsd: '50000.50' });
      for (const id of [first.body.id, second.body.id]) {
        await expect(
          count(t.db, 'audit_entries', `entity = 'transfer' AND entity_id = $1`, [id]),
        ).resolves.toBe(1);
      }
    });

    it.each(['approved', 'active'])('accepts a transfer to a project in stage %s', async (stage) => {
      const project = await aFundableProject(t, { stage, approvedBudget: '500000.00' });
      await expect(post(aTransfer(project))).resolves.toMatchObject({ status: 201 });
    });

    it('refuses an organization that does not participate in the project (400 on organizationId), writing nothing', async () => {
      const project = await aFundableProject(t, { stage: 'approved', approvedBudget: '500000.00' });
      const outsider = await anOrganization(t);
      const problem = await expectNothingWritten(
        () => post(aTransfer(project, { organizationId: outsider })),
        400,
      );
      expect(problem.errors?.map((e) => e.field)).toEqual(['organizationId']);
    });

    it('refuses an unknown project (400 on projectId), writing nothing', async () => {
      const problem = await expectNothingWritten(
        () => post({ ...aTransfer({ id: randomUUID(), organizationIds: [randomUUID()] }) }),
        400,
      );
      expect(problem.errors?.map((e) => e.field)).toEqual(['projectId']);
    });

    it.each([
      'concept_note',
      'full_proposal',
      'under_review',
      'revision_requested',
      'rejected',
      'withdrawn',
      'completed',
      'closed',
    ])('refuses a project in stage %s with 422, writing nothing', async (stage) => {
      const project = await aFundableProject(t, { stage, approvedBudget: '500000.00' });
      const problem = await expectNothingWritten(() => post(aTransfer(project)), 422);
      expect(problem).toMatchObject({ stage, type: expect.stringContaining('project-not-fundable') });
    });

    const refusals: [string, Record<string, unknown>, string][] = [
      ['a zero amount', { amountUsd: '0.00' }, 'amountUsd'],
      ['a negative amount', { amountUsd: '-10.00' }, 'amountUsd'],
      ['an amount sent as a JSON number', { amountUsd: 1000.5 }, 'amountUsd'],
      ['an amount with more than two decimals', { amountUsd: '1000.001' }, 'amountUsd'],
      ['a date that does not exist', { transferredOn: '2026-02-30' }, 'transferredOn'],
      ['a project id that is not a UUID', { projectId: '42' }, 'projectId'],
      ['a tranche chosen by the client', { tranche: 7 }, 'tranche'],
    ];
    it.each(refusals)(
      'refuses %s with 400 problem+json on the field, writing nothing',
      async (_, overrides, field) => {
        const project = await aFundableProject(t, { stage: 'approved', approvedBudget: '500000.00' });
        const problem = await expectNothingWritten(() => post(aTransfer(project, overrides)), 400);
        expect([...new Set(problem.errors?.map((e) => e.field))]).toEqual([field]);
      },
    );
  });

  describe("the approved budget and each organization's share of it", () => {
    it('takes each organization exactly to its share of the approved budget, then refuses one more cent with 422', async () => {
      const project = await aFundableProject(t, { stage: 'active', approvedBudget: '300000.10' });
      const [lead, partner] = project.organizationIds as [string, string];
      for (const [organizationId, amountUsd] of [
        [lead, '150000.05'],
        [partner, '100000.00'],
        [partner, '50000.05'],
      ]) {
        await expect(post(aTransfer(project, { organizationId, amountUsd }))).resolves.toMatchObject({
          status: 201,
        });
      }
      const problem = await expectNothingWritten(
        () => post(aTransfer(project, { organizationId: partner, amountUsd: '0.01' })),
        422,
      );
      expect(problem).toMatchObject({
        type: expect.stringContaining('over-share'),
        code: 'transfer_exceeds_organization_share',
        facts: {
          organizationId: partner,
          share: '150000.05',
          alreadyTransferred: '150000.05',
          remaining: '0.00',
        },
        remaining: '0.00',
      });
      await expect(transferredTo(project.id)).resolves.toEqual({ n: 3, total: '300000.10' });
    });

    it('caps an organization at its share of the approved budget, pro rata to its share of the requested one', async () => {
      // UNDP asked for 600,000 of 1,000,000; the Fund approved 800,000: UNDP may receive 480,000.
      const project = await aFundableProject(t, {
        requestedBudget: '1000000.00',
        approvedBudget: '800000.00',
      });
      await t.db.query(
        `UPDATE project_organizations SET budget_share = CASE WHEN organization_id = $2 THEN 600000 ELSE 400000 END
         WHERE project_id = $1`,
        [project.id, project.leadOrganizationId],
      );
      await expect(post(aTransfer(project, { amountUsd: '400000.00' }))).resolves.toMatchObject({
        status: 201,
      });
      const problem = await expectNothingWritten(
        () => post(aTransfer(project, { amountUsd: '80000.01' })),
        422,
      );
      expect(problem).toMatchObject({
        code: 'transfer_exceeds_organization_share',
        facts: { share: '480000.00', alreadyTransferred: '400000.00', remaining: '80000.00' },
      });
      expect(problem.detail).toContain('USD 80,000.00');
      await expect(post(aTransfer(project, { amountUsd: '80000.00' }))).resolves.toMatchObject({
        status: 201,
      });
    });

    it("refuses a transfer beyond the approved budget in total, even within the organization's share", async () => {
      const project = await aFundableProject(t, { approvedBudget: '250000.00' });
      // Recorded before shares were enforced: the lead already received the whole budget.
      await t.db.query(
        `INSERT INTO transfers (project_id, organization_id, amount_usd, transferred_on, tranche)
         VALUES ($1, $2, 250000, '2026-01-15', 1)`,
        [project.id, project.leadOrganizationId],
      );
      const problem = await expectNothingWritten(
        () => post(aTransfer(project, { organizationId: project.organizationIds[1], amountUsd: '0.01' })),
        422,
      );
      expect(problem).toMatchObject({
        type: expect.stringContaining('over-budget'),
        code: 'transfer_exceeds_remaining_budget',
        remaining: '0.00',
        approvedBudget: '250000.00',
        transferred: '250000.00',
      });
      expect(problem.errors).toEqual([{ field: 'amountUsd', message: 'must be at most the remaining 0.00' }]);
    });

    it('refuses any transfer to an approved project without an approved budget', async () => {
      const project = await aFundableProject(t, { stage: 'approved', approvedBudget: null });
      expect(await expectNothingWritten(() => post(aTransfer(project)), 422)).toMatchObject({
        remaining: '0.00',
      });
    });

    it("lets exactly one of two concurrent transfers through when together they exceed the organization's share", async () => {
      for (let round = 0; round < 5; round++) {
        const project = await aFundableProject(t, { approvedBudget: '1000.00' });
        const audit = await count(t.db, 'audit_entries');
        const responses = await Promise.all([
          post(aTransfer(project, { amountUsd: '300.00' })),
          post(aTransfer(project, { amountUsd: '300.00' }), admin),
        ]);
        expect(responses.map((r) => r.status).sort()).toEqual([201, 422]);
        expect(responses.find((r) => r.status === 422)!.body).toMatchObject({ remaining: '200.00' });
        await expect(transferredTo(project.id)).resolves.toEqual({ n: 1, total: '300.00' });
        await expect(count(t.db, 'audit_entries')).resolves.toBe(audit + 1);
      }
    });

    it('numbers concurrent transfers that fit the budget 1, 2, 3 without a gap or a duplicate', async () => {
      const project = await aFundableProject(t, { approvedBudget: '2000.00' });
      const responses = await Promise.all(
        [0, 1, 2].map(() => post(aTransfer(project, { amountUsd: '300.00' }))),
      );
      expect(responses.map((r) => r.status)).toEqual([201, 201, 201]);
      expect(responses.map((r) => r.body.tranche as number).sort()).toEqual([1, 2, 3]);
    });
  });

  describe('list and read', () => {
    it('filters by project, organization and year, and pages each transfer exactly once in date order', async () => {
      const project = await aFundableProject(t, { stage: 'active', approvedBudget: '1000000.00' });
      const [lead, partner] = project.organizationIds as [string, string];
      const made: { id: string; org: string; on: string }[] = [];
      for (const [org, on] of [
        [lead, '2025-06-02'],
        [partner, '2025-12-31'],
        [lead, '2026-01-01'],
        [partner, '2026-06-30'],
        [lead, '2026-11-01'],
      ] as const) {
        const response = await post(
          aTransfer(project, { organizationId: org, transferredOn: on, amountUsd: '1000.00' }),
        );
        made.push({ id: response.body.id, org, on });
      }
      const all = async (query: Record<string, unknown>) => {
        const ids: string[] = [];
        let cursor: string | null = null;
        do {
          const response: Response = await t
            .http()
            .get('/api/v1/transfers')
            .query({ projectId: project.id, limit: 2, ...query, ...(cursor ? { cursor } : {}) })
            .set(staff);
          expect(response.status).toBe(200);
          ids.push(...response.body.items.map((x: { id: string }) => x.id));
          cursor = response.body.nextCursor;
        } while (cursor);
        return ids;
      };
      await expect(all({})).resolves.toEqual(made.map((m) => m.id));
      await expect(all({ organizationId: partner })).resolves.toEqual(
        made.filter((m) => m.org === partner).map((m) => m.id),
      );
      await expect(all({ year: 2026 })).resolves.toEqual([made[2]!.id, made[3]!.id, made[4]!.id]);
      await expect(all({ year: 2026, organizationId: lead })).resolves.toEqual([made[2]!.id, made[4]!.id]);
    });

    it('lets donor users read transfers (the portfolio is public to donors) but not record them', async () => {
      const project = await aFundableProject(t, { stage: 'approved', approvedBudget: '5000.00' });
      const created = await post(aTransfer(project, { amountUsd: '10.00' }));
      const { auth } = await asRole(t, 'donor');
      await expect(t.http().get(`/api/v1/transfers/${created.body.id}`).set(auth)).resolves.toMatchObject({
        status: 200,
      });
      await expect(t.http().get('/api/v1/transfers').set(auth)).resolves.toMatchObject({ status: 200 });
      expectProblem(await post(aTransfer(project, { amountUsd: '10.00' }), auth), 403);
    });

    it('refuses reviewers with 403', async () => {
      const { auth } = await asRole(t, 'reviewer');
      expectProblem(await t.http().get('/api/v1/transfers').set(auth), 403);
      expectProblem(await t.http().get(`/api/v1/transfers/${randomUUID()}`).set(auth), 403);
    });

    it('answers 404 problem+json for an unknown transfer', async () => {
      expectProblem(await t.http().get(`/api/v1/transfers/${randomUUID()}`).set(staff), 404);
    });
  });

  describe('delete', () => {
    it('is for admins only: staff get 403 and nothing is deleted', async () => {
      const project = await aFundableProject(t, { approvedBudget: '5000.00' });
      const created = await post(aTransfer(project, { amountUsd: '10.00' }));
      expectProblem(await t.http().delete(`/api/v1/transfers/${created.body.id}`).set(staff), 403);
      await expect(count(t.db, 'transfers', 'id = $1', [created.body.id])).resolves.toBe(1);
    });

    it('never deletes: 422 pointing to the reversal route, the entry and the audit log untouched', async () => {
      const project = await aFundableProject(t, { approvedBudget: '5000.00' });
      const created = await post(aTransfer(project, { amountUsd: '10.00' }));
      const id = created.body.id as string;
      const problem = await expectNothingWritten(
        () => t.http().delete(`/api/v1/transfers/${id}`).set(admin).set('If-Match', '"1"'),
        422,
      );
      expect(problem).toMatchObject({
        type: expect.stringContaining('money-entries-append-only'),
        code: 'money_entries_append_only',
        facts: { entryId: id, kind: 'transfer', reversalRoute: `/api/v1/transfers/${id}/reversal` },
      });
      expectProblem(await t.http().delete(`/api/v1/transfers/${randomUUID()}`).set(admin), 404);
    });

    it('is refused by the database itself, whoever asks: entries are never updated or deleted', async () => {
      const project = await aFundableProject(t, { approvedBudget: '5000.00' });
      const created = await post(aTransfer(project, { amountUsd: '10.00' }));
      await expect(t.db.query('DELETE FROM transfers WHERE id = $1', [created.body.id])).rejects.toThrow(
        /append-only/,
      );
      await expect(
        t.db.query('UPDATE transfers SET amount_usd = 1 WHERE id = $1', [created.body.id]),
      ).rejects.toThrow(/append-only/);
      await expect(count(t.db, 'transfers', 'id = $1 AND amount_usd = 10', [created.body.id])).resolves.toBe(
        1,
      );
    });
  });
});
