import { randomUUID } from 'node:crypto';
import type { Response } from 'supertest';
import { asRole } from '../support/builders';
import { cents, money } from '../support/fund-builders';
import { aConsent, aFundableProject, anAlignment } from '../support/lifecycle-builders';
import { aProject } from '../support/portfolio-builders';
import { expectProblem } from '../support/problems';
import { count, createTestApp, TestApp } from '../support/test-app';

/**
 * The Fund's money entries are append-only (a wrong one is corrected by a reversal naming it, and the
 * ledger shows both), and a transfer follows paragraph 6 of resolution 66/290 on its date unless staff
 * record why it must go ahead.
 */
describe('money entries', () => {
  let t: TestApp;
  let staff: { Authorization: string };
  let donor: { Authorization: string };

  beforeAll(async () => {
    t = await createTestApp();
    staff = (await asRole(t, 'staff')).auth;
    donor = (await asRole(t, 'donor')).auth;
  });
  afterAll(() => t.close());

  const post = (body: Record<string, unknown>, auth = staff) =>
    t.http().post('/api/v1/transfers').set(auth).send(body);
  const reverse = (id: string, body: Record<string, unknown> = {}) =>
    t
      .http()
      .post(`/api/v1/transfers/${id}/reversal`)
      .set(staff)
      .send({ transferredOn: '2026-03-01', reason: 'Sent to the wrong organization.', ...body });
  const ledger = async () => {
    const response = await t.http().get('/api/v1/fund/ledger').set(staff);
    expect(response.status).toBe(200);
    return response.body.overall as Record<string, string>;
  };

  async function expectNothingWritten(send: () => Promise<Response>, status: number) {
    const entries = await count(t.db, 'transfers');
    const audit = await count(t.db, 'audit_entries');
    const problem = expectProblem(await send(), status);
    await expect(count(t.db, 'transfers')).resolves.toBe(entries);
    await expect(count(t.db, 'audit_entries')).resolves.toBe(audit);
    return problem;
  }

  describe('reversals', () => {
    it('correct a transfer by an entry naming it: the ledger keeps both and transferred falls back', async () => {
      const project = await aFundableProject(t, { stage: 'active', approvedBudget: '1000.00' });
      const sent = await post({
        projectId: project.id,
        organizationId: project.leadOrganizationId,
        amountUsd: '500.00',
        transferredOn: '2026-02-01',
      });
      expect(sent.status).toBe(201);
      const before = await ledger();

      const reversal = await reverse(sent.body.id, { reference: 'CORR-1' });
      expect(reversal.status).toBe(201);
      expect(reversal.body).toMatchObject({
        kind: 'reversal',
        reversesId: sent.body.id,
        projectId: project.id,
        organizationId: project.leadOrganizationId,
        amountUsd: '500.00',
        transferredOn: '2026-03-01',
        tranche: null,
        reason: 'Sent to the wrong organization.',
        reference: 'CORR-1',
      });
      await expect(
        count(t.db, 'audit_entries', `entity = 'transfer' AND entity_id = $1 AND action = 'reverse'`, [
          reversal.body.id,
        ]),
      ).resolves.toBe(1);

      const list = await t.http().get('/api/v1/transfers').query({ projectId: project.id }).set(staff);
      expect(list.body.items).toEqual([
        expect.objectContaining({ id: sent.body.id, kind: 'transfer', reversedById: reversal.body.id }),
        expect.objectContaining({ id: reversal.body.id, kind: 'reversal', reversedById: null }),
      ]);
      expect((await ledger()).transferred).toBe(money(cents(before.transferred!) - 50000n));

      // The organization's share is free again.
      const again = await post({
        projectId: project.id,
        organizationId: project.leadOrganizationId,
        amountUsd: '500.00',
        transferredOn: '2026-03-01',
      });
      expect(again.status).toBe(201);
      expect(again.body.tranche).toBe(2);
    });

    it('reverse an entry once, never a reversal, never before the entry, and 404 for an unknown one', async () => {
      const project = await aFundableProject(t, { approvedBudget: '1000.00' });
      const sent = await post({
        projectId: project.id,
        organizationId: project.leadOrganizationId,
        amountUsd: '100.00',
        transferredOn: '2026-02-01',
      });
      const reversal = await reverse(sent.body.id);
      expect(reversal.status).toBe(201);
      const twice = await expectNothingWritten(() => reverse(sent.body.id), 422);
      expect(twice).toMatchObject({
        code: 'entry_already_reversed',
        facts: { entryId: sent.body.id, reversalId: reversal.body.id },
      });
      const ofReversal = await expectNothingWritten(() => reverse(reversal.body.id), 422);
      expect(ofReversal.code).toBe('reversal_target_is_reversal');

      const other = await post({
        projectId: project.id,
        organizationId: project.leadOrganizationId,
        amountUsd: '100.00',
        transferredOn: '2026-02-01',
      });
      const early = await expectNothingWritten(
        () => reverse(other.body.id, { transferredOn: '2026-01-31' }),
        422,
      );
      expect(early).toMatchObject({ code: 'reversal_before_entry', facts: { entryDate: '2026-02-01' } });
      const blank = await expectNothingWritten(() => reverse(other.body.id, { reason: '  ' }), 400);
      expect(blank.errors?.map((e) => e.field)).toEqual(['reason']);
      await expectNothingWritten(() => reverse(randomUUID()), 404);
      const asDonor = await t
        .http()
        .post(`/api/v1/transfers/${other.body.id}/reversal`)
        .set(donor)
        .send({ transferredOn: '2026-03-01', reason: 'No.' });
      expectProblem(asDonor, 403);
    });
  });

  describe('paragraph 6 on the transfer date', () => {
    /** A project in Kenya and Peru; Peru granted consent on 2025-06-01 and withdrew it on 2026-03-01. */
    async function peruWithdrew() {
      const project = await aProject(t, {
        stage: 'active',
        countries: ['KEN', 'PER'],
        requestedBudget: '200000.00',
        approvedBudget: '200000.00',
      });
      await aConsent(t, project.id, 'KEN', 'granted');
      await aConsent(t, project.id, 'PER', 'withdrawn', { withdrawn_on: '2026-03-01' });
      for (const country of ['KEN', 'PER']) await anAlignment(t, project.id, country);
      return project;
    }
    const transfer = (
      project: { id: string; leadOrganizationId: string },
      extra: Record<string, unknown> = {},
    ) => ({
      projectId: project.id,
      organizationId: project.leadOrganizationId,
      amountUsd: '50000.00',
      transferredOn: '2026-03-02',
      ...extra,
    });

    it('refuses a transfer dated after a consent was withdrawn, naming the country, writing nothing', async () => {
      const project = await peruWithdrew();
      const problem = await expectNothingWritten(() => post(transfer(project)), 422);
      expect(problem).toMatchObject({
        type: expect.stringContaining('paragraph-6-not-met'),
        code: 'transfer_without_paragraph_6',
        facts: { date: '2026-03-02', countries: ['PER'] },
      });
      expect(problem.detail).toContain('PER');
    });

    it('keeps no override on a transfer that paragraph 6 allows', async () => {
      const project = await aFundableProject(t);
      const response = await post(
        transfer(project, { amountUsd: '10.00', overrideJustification: 'Not needed.' }),
      );
      expect(response.status).toBe(201);
      expect(response.body.overrideJustification).toBeNull();
    });

    it('accepts it with an override justification, kept with the transfer and in the audit entry, shown to staff only', async () => {
      const project = await peruWithdrew();
      const justification = 'Life-saving food distribution agreed with the resident coordinator.';
      const blank = await expectNothingWritten(
        () => post(transfer(project, { overrideJustification: '   ' })),
        400,
      );
      expect(blank.errors?.map((e) => e.field)).toEqual(['overrideJustification']);
      const response = await post(transfer(project, { overrideJustification: justification }));
      expect(response.status).toBe(201);
      expect(response.body.overrideJustification).toBe(justification);
      const { rows } = await t.db.query<{ after: { overrideJustification: string } }>(
        `SELECT after FROM audit_entries WHERE entity = 'transfer' AND entity_id = $1`,
        [response.body.id],
      );
      expect(rows.map((r) => r.after.overrideJustification)).toEqual([justification]);
      const asDonor = await t.http().get(`/api/v1/transfers/${response.body.id}`).set(donor);
      expect(asDonor.body.overrideJustification).toBeNull();
    });

    it('refuses a transfer dated after today with 400 on transferredOn', async () => {
      const project = await aFundableProject(t);
      const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
      const problem = await expectNothingWritten(
        () => post(transfer(project, { transferredOn: tomorrow, amountUsd: '10.00' })),
        400,
      );
      expect(problem.errors?.map((e) => e.field)).toEqual(['transferredOn']);
    });

    it('accepts a transfer dated today, and refuses one dated before 1999 with 400 on transferredOn', async () => {
      const project = await aFundableProject(t);
      const today = new Date().toISOString().slice(0, 10);
      expect((await post(transfer(project, { transferredOn: today, amountUsd: '10.00' }))).status).toBe(201);
      const problem = await expectNothingWritten(
        () =>
          post(
            transfer(project, {
              transferredOn: '1998-12-31',
              amountUsd: '10.00',
              overrideJustification: 'Recorded from the 1998 archive.',
            }),
          ),
        400,
      );
      expect(problem.errors?.map((e) => e.field)).toEqual(['transferredOn']);
    });
  });
});
