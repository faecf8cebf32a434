import type { Response } from 'supertest';
import { asRole } from '../support/builders';
import {
  aFundableProject,
  aTransfer,
  availableBalance,
  availableExactly,
} from '../support/lifecycle-builders';
import { aProject } from '../support/portfolio-builders';
import { expectProblem } from '../support/problems';
import { count, createTestApp, TestApp } from '../support/test-app';

/**
 * After approval, a project's approved budget and end date change only through a budget revision or a
 * no-cost extension requested by one staff member and decided by another (DESIGN.md §4.3): a raise
 * within the Fund's available balance, an extension within every consent's validity.
 */
describe('budget revisions and extensions', () => {
  let t: TestApp;
  let asker: { Authorization: string };
  let decider: { Authorization: string };
  let askerId: string;
  let deciderId: string;

  beforeAll(async () => {
    t = await createTestApp();
    const a = await asRole(t, 'staff');
    const b = await asRole(t, 'staff');
    asker = a.auth;
    askerId = a.user.id;
    decider = b.auth;
    deciderId = b.user.id;
  });
  afterAll(() => t.close());

  const request = (projectId: string, body: Record<string, unknown>, auth = asker) =>
    t.http().post(`/api/v1/projects/${projectId}/revisions`).set(auth).send(body);
  const decide = (
    projectId: string,
    revision: { id: string; version: number },
    body: Record<string, unknown> = {},
    auth = decider,
  ) =>
    t
      .http()
      .post(`/api/v1/projects/${projectId}/revisions/${revision.id}/decision`)
      .set(auth)
      .send({
        decision: 'approve',
        comment: 'Justified by the mid-term review.',
        version: revision.version,
        ...body,
      });
  const raise = (approvedBudget: string) => ({
    kind: 'budget',
    approvedBudget,
    justification: 'A second drought season doubled the households in need.',
  });
  const project = async (id: string) =>
    (
      await t.db.query<{ approved_budget: string; end_date: string; version: number }>(
        `SELECT approved_budget::text, end_date::text, version FROM projects WHERE id = $1`,
        [id],
      )
    ).rows[0]!;

  /** The answer is a problem with this status, and neither the records nor the audit log changed. */
  async function expectNothingWritten(send: () => Promise<Response>, status: number) {
    const tables = ['project_revisions', 'audit_entries', 'project_transitions'];
    const before = await Promise.all(tables.map((table) => count(t.db, table)));
    const projects = (
      await t.db.query(`SELECT id, approved_budget, end_date, version FROM projects ORDER BY id`)
    ).rows;
    const shares = (
      await t.db.query(`SELECT * FROM project_organizations ORDER BY project_id, organization_id`)
    ).rows;
    const revisions = (await t.db.query(`SELECT id, status, version FROM project_revisions ORDER BY id`))
      .rows;
    const problem = expectProblem(await send(), status);
    await expect(Promise.all(tables.map((table) => count(t.db, table)))).resolves.toEqual(before);
    expect(
      (await t.db.query(`SELECT id, approved_budget, end_date, version FROM projects ORDER BY id`)).rows,
    ).toEqual(projects);
    expect(
      (await t.db.query(`SELECT * FROM project_organizations ORDER BY project_id, organization_id`)).rows,
    ).toEqual(shares);
    expect((await t.db.query(`SELECT id, status, version FROM project_revisions ORDER BY id`)).rows).toEqual(
      revisions,
    );
    return problem;
  }

  describe('a budget revision', () => {
    it('raises the approved budget only once a second staff member approves it, and the history says who and when', async () => {
      const built = await aFundableProject(t, { stage: 'active', approvedBudget: '500000.00' });
      await availableExactly(t, '100000.00');

      const asked = await request(built.id, raise('550000.00'));
      expect(asked.status).toBe(201);
      expect(asked.body).toMatchObject({
        projectId: built.id,
        kind: 'budget',
        status: 'pending',
        previousApprovedBudget: '500000.00',
        proposedApprovedBudget: '550000.00',
        requestedBy: { id: askerId },
        decidedBy: null,
      });
      expect((await project(built.id)).approved_budget).toBe('500000.00');

      const decided = await decide(built.id, asked.body);
      expect(decided.status).toBe(201);
      expect(decided.body).toMatchObject({
        status: 'approved',
        decidedBy: { id: deciderId },
        decisionComment: 'Justified by the mid-term review.',
        decidedAt: expect.any(String),
      });
      expect((await project(built.id)).approved_budget).toBe('550000.00');
      await expect(availableBalance(t)).resolves.toBe('50000.00');

      const history = await t.http().get(`/api/v1/projects/${built.id}/revisions`).set(decider);
      expect(history.status).toBe(200);
      expect(history.body.items).toEqual([
        expect.objectContaining({
          id: asked.body.id,
          status: 'approved',
          requestedBy: expect.objectContaining({ id: askerId }),
          requestedAt: asked.body.requestedAt,
          decidedBy: expect.objectContaining({ id: deciderId }),
        }),
      ]);
    });

    it('leaves exactly one audit entry for the request and one for the decision, each naming the project', async () => {
      const built = await aFundableProject(t, { stage: 'approved', approvedBudget: '1000.00' });
      await availableExactly(t, '500.00');
      const before = await count(t.db, 'audit_entries');
      const asked = await request(built.id, raise('1200.00'));
      expect(asked.status).toBe(201);
      await expect(count(t.db, 'audit_entries')).resolves.toBe(before + 1);
      const decided = await decide(built.id, asked.body);
      expect(decided.status).toBe(201);
      await expect(count(t.db, 'audit_entries')).resolves.toBe(before + 2);
      const { rows } = await t.db.query<{ action: string; project_id: string }>(
        `SELECT action, after->>'projectId' AS project_id FROM audit_entries
         WHERE entity = 'revision' AND entity_id = $1 ORDER BY occurred_at`,
        [asked.body.id],
      );
      expect(rows).toEqual([
        { action: 'create', project_id: built.id },
        { action: 'approve', project_id: built.id },
      ]);
    });

    it('is refused when the raise exceeds the available balance, saying by how much, and writes nothing', async () => {
      const built = await aFundableProject(t, { stage: 'active', approvedBudget: '500000.00' });
      await availableExactly(t, '1000.00');
      const problem = await expectNothingWritten(() => request(built.id, raise('502000.00')), 422);
      expect(problem).toMatchObject({
        type: expect.stringContaining('fund-over-committed'),
        code: 'budget_revision_raise_exceeds_available',
        facts: { increase: '2000.00', available: '1000.00', shortfall: '1000.00' },
      });
    });

    it('is refused at the decision when the balance has fallen since the request', async () => {
      const built = await aFundableProject(t, { stage: 'active', approvedBudget: '500000.00' });
      await availableExactly(t, '100000.00');
      const asked = await request(built.id, raise('560000.00'));
      expect(asked.status).toBe(201);
      await availableExactly(t, '10000.00');
      const problem = await expectNothingWritten(() => decide(built.id, asked.body), 422);
      expect(problem.code).toBe('budget_revision_raise_exceeds_available');
      expect((await project(built.id)).approved_budget).toBe('500000.00');
    });

    it('lowers the budget whatever the balance, and moves money between the organizations', async () => {
      const built = await aFundableProject(t, { stage: 'active', approvedBudget: '1000.00' });
      await availableExactly(t, '0.00');
      const [first, second] = built.organizationIds;
      const asked = await request(built.id, {
        ...raise('800.00'),
        shares: [
          { organizationId: first, budgetShare: '200.00' },
          { organizationId: second, budgetShare: '800.00' },
        ],
      });
      expect(asked.status).toBe(201);
      const decided = await decide(built.id, asked.body);
      expect(decided.status).toBe(201);
      expect(decided.body.proposedShares).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ organizationId: first, budgetShare: '200.00', part: '160.00' }),
          expect.objectContaining({ organizationId: second, budgetShare: '800.00', part: '640.00' }),
        ]),
      );
      const { rows } = await t.db.query(
        `SELECT organization_id, budget_share::text FROM project_organizations WHERE project_id = $1`,
        [built.id],
      );
      expect(rows).toEqual(
        expect.arrayContaining([
          { organization_id: first, budget_share: '200.00' },
          { organization_id: second, budget_share: '800.00' },
        ]),
      );
      expect((await project(built.id)).approved_budget).toBe('800.00');
      await expect(availableBalance(t)).resolves.toBe('200.00');
    });

    it('cannot leave an organization less than it was already sent', async () => {
      const built = await aFundableProject(t, { stage: 'active', approvedBudget: '2000.00' });
      await aTransfer(t, built, '900.00');
      const problem = await expectNothingWritten(
        () =>
          request(built.id, {
            ...raise('2000.00'),
            shares: [
              { organizationId: built.organizationIds[0], budgetShare: '500.00' },
              { organizationId: built.organizationIds[1], budgetShare: '1500.00' },
            ],
          }),
        422,
      );
      expect(problem).toMatchObject({
        code: 'budget_revision_below_transferred',
        facts: { organizationId: built.leadOrganizationId, part: '500.00', transferred: '900.00' },
      });
    });

    it('is refused for a project that is not approved or active', async () => {
      const proposal = await aProject(t, { stage: 'under_review', approvedBudget: '1000.00' });
      const problem = await expectNothingWritten(() => request(proposal.id, raise('1100.00')), 422);
      expect(problem.code).toBe('revision_stage_not_revisable');
    });
  });

  describe('four eyes', () => {
    it('refuses a decision by the staff member who made the request, and writes nothing', async () => {
      const built = await aFundableProject(t, { stage: 'active', approvedBudget: '1000.00' });
      await availableExactly(t, '500.00');
      const asked = await request(built.id, raise('1100.00'));
      expect(asked.status).toBe(201);
      const problem = await expectNothingWritten(() => decide(built.id, asked.body, {}, asker), 403);
      expect(problem).toMatchObject({
        type: expect.stringContaining('four-eyes'),
        code: 'revision_decider_is_requester',
      });
      const rejected = await expectNothingWritten(
        () => decide(built.id, asked.body, { decision: 'reject' }, asker),
        403,
      );
      expect(rejected.code).toBe('revision_decider_is_requester');
    });

    it('lets another staff member reject with a comment: the project keeps its budget and the request is decided once', async () => {
      const built = await aFundableProject(t, { stage: 'active', approvedBudget: '1000.00' });
      await availableExactly(t, '500.00');
      const asked = await request(built.id, raise('1100.00'));
      const rejected = await decide(built.id, asked.body, {
        decision: 'reject',
        comment: 'Not yet justified.',
      });
      expect(rejected.status).toBe(201);
      expect(rejected.body).toMatchObject({ status: 'rejected', decisionComment: 'Not yet justified.' });
      expect((await project(built.id)).approved_budget).toBe('1000.00');
      const again = await expectNothingWritten(() => decide(built.id, rejected.body), 409);
      expect(again.code).toBe('revision_decided_already');
    });

    it('answers a decision on a stale version with 409', async () => {
      const built = await aFundableProject(t, { stage: 'active', approvedBudget: '1000.00' });
      await availableExactly(t, '500.00');
      const asked = await request(built.id, raise('1100.00'));
      const problem = await expectNothingWritten(() => decide(built.id, { ...asked.body, version: 7 }), 409);
      expect(problem).toMatchObject({ currentVersion: 1 });
    });

    it('refuses a request whose project changed since it was made', async () => {
      const built = await aFundableProject(t, { stage: 'active', approvedBudget: '1000.00' });
      await availableExactly(t, '1000.00');
      const first = await request(built.id, raise('1100.00'));
      const second = await request(built.id, raise('1200.00'));
      expect((await decide(built.id, first.body)).status).toBe(201);
      const problem = await expectNothingWritten(() => decide(built.id, second.body), 409);
      expect(problem).toMatchObject({ code: 'revision_outdated' });
    });
  });

  describe('a no-cost extension', () => {
    it('moves the end date once approved while every consent is valid through it', async () => {
      const built = await aFundableProject(t, {
        stage: 'active',
        countries: ['KEN', 'UGA'],
        endDate: '2028-12-31',
      });
      const asked = await request(built.id, {
        kind: 'extension',
        endDate: '2029-06-30',
        justification: 'Floods closed the project sites for five months.',
      });
      expect(asked.status).toBe(201);
      expect(asked.body).toMatchObject({ previousEndDate: '2028-12-31', proposedEndDate: '2029-06-30' });
      expect((await project(built.id)).end_date).toBe('2028-12-31');
      const decided = await decide(built.id, asked.body);
      expect(decided.status).toBe(201);
      expect((await project(built.id)).end_date).toBe('2029-06-30');
    });

    it('is refused when a consent expires before the new end date, naming the country', async () => {
      const built = await aFundableProject(t, {
        stage: 'active',
        countries: ['KEN', 'UGA'],
        endDate: '2028-12-31',
      });
      // Every consent of the builder is valid until 2030-12-31; Uganda's runs longer.
      await t.db.query(
        `UPDATE consent_records SET valid_until = '2032-12-31' WHERE project_id = $1 AND country_iso3 = 'UGA'`,
        [built.id],
      );
      const problem = await expectNothingWritten(
        () =>
          request(built.id, {
            kind: 'extension',
            endDate: '2031-06-30',
            justification: 'Floods closed the project sites.',
          }),
        422,
      );
      expect(problem).toMatchObject({
        type: expect.stringContaining('paragraph-6-not-met'),
        code: 'extension_consent_not_valid_through',
        facts: { newEndDate: '2031-06-30', countries: [{ country: 'KEN', validUntil: '2030-12-31' }] },
      });
      expect(problem.detail).toContain('KEN is valid until 2030-12-31');
      expect(problem.detail).not.toContain('UGA');
      expect(problem.errors).toEqual([expect.objectContaining({ field: 'endDate' })]);
    });

    it('is refused at the decision when a consent was withdrawn since the request', async () => {
      const built = await aFundableProject(t, { stage: 'active', countries: ['KEN'], endDate: '2028-12-31' });
      const asked = await request(built.id, {
        kind: 'extension',
        endDate: '2029-06-30',
        justification: 'Floods closed the project sites.',
      });
      expect(asked.status).toBe(201);
      await t.db.query(
        `UPDATE consent_records SET status = 'withdrawn', withdrawn_on = '2026-01-15', withdrawal_reason = 'Note verbale'
         WHERE project_id = $1`,
        [built.id],
      );
      const problem = await expectNothingWritten(() => decide(built.id, asked.body), 422);
      expect(problem.facts).toEqual({
        newEndDate: '2029-06-30',
        countries: [{ country: 'KEN', validUntil: null }],
      });
    });
  });

  describe('an end date brought forward', () => {
    const shorten = (projectId: string, endDate: string) =>
      request(projectId, { kind: 'extension', endDate, justification: 'The second phase is dropped.' });

    it('shortens the project once decided, laying out again the reports it owes', async () => {
      const built = await aFundableProject(t, { stage: 'active', countries: ['KEN'], endDate: '2028-12-31' });
      const asked = await shorten(built.id, '2027-06-30');
      expect(asked.status).toBe(201);
      expect((await decide(built.id, asked.body)).status).toBe(201);
      expect((await project(built.id)).end_date).toBe('2027-06-30');
      const { rows } = await t.db.query(
        `SELECT kind, sequence, period_end::text FROM reports WHERE project_id = $1 ORDER BY due_on, kind`,
        [built.id],
      );
      expect(rows).toEqual([
        { kind: 'progress', sequence: 1, period_end: '2026-12-31' },
        { kind: 'final_narrative', sequence: 1, period_end: '2027-06-30' },
        { kind: 'final_financial', sequence: 1, period_end: '2027-06-30' },
      ]);
    });

    it('is refused before the latest transfer, an accepted report’s period end, or at the start', async () => {
      const built = await aFundableProject(t, { stage: 'active', countries: ['KEN'], endDate: '2028-12-31' });
      await aTransfer(t, built);
      const transferred = await expectNothingWritten(() => shorten(built.id, '2026-01-31'), 422);
      expect(transferred).toMatchObject({
        code: 'end_date_before_transfer',
        facts: { newEndDate: '2026-01-31', lastTransferOn: '2026-02-01' },
        errors: [expect.objectContaining({ field: 'endDate' })],
      });
      await t.db.query(
        `INSERT INTO reports (project_id, kind, sequence, period_start, period_end, due_on, status,
                              submitted_at, submitted_by, reviewed_at, reviewed_by)
         VALUES ($1, 'progress', 1, '2026-01-01', '2026-12-31', '2027-03-31', 'accepted', now(), $2, now(), $3)`,
        [built.id, askerId, deciderId],
      );
      const reported = await expectNothingWritten(() => shorten(built.id, '2026-09-30'), 422);
      expect(reported).toMatchObject({
        code: 'end_date_before_accepted_report',
        detail:
          'The new end date (2026-09-30) is before the end of a period an accepted report covers (2026-12-31).',
      });
      const started = await expectNothingWritten(() => shorten(built.id, '2026-01-01'), 422);
      expect((started.problems as { code: string }[]).map((p) => p.code)).toEqual([
        'end_date_not_after_start',
        'end_date_before_transfer',
        'end_date_before_accepted_report',
      ]);
    });
  });

  describe('the approved budget and end date of an approved project', () => {
    const patch = (id: string, body: Record<string, unknown>) =>
      t.http().patch(`/api/v1/projects/${id}`).set(asker).send(body);

    it('no longer change by a bare edit: the refusal points to the request', async () => {
      const built = await aFundableProject(t, { stage: 'active', approvedBudget: '1000.00' });
      const version = (await project(built.id)).version;
      const budget = await expectNothingWritten(
        () => patch(built.id, { version, approvedBudget: '1500.00' }),
        422,
      );
      expect(budget).toMatchObject({
        type: expect.stringContaining('approved-budget-fixed'),
        revisionsRoute: `/api/v1/projects/${built.id}/revisions`,
        errors: [expect.objectContaining({ field: 'approvedBudget' })],
      });
      const end = await expectNothingWritten(() => patch(built.id, { version, endDate: '2029-12-31' }), 422);
      expect(end).toMatchObject({
        type: expect.stringContaining('end-date-by-extension'),
        revisionsRoute: `/api/v1/projects/${built.id}/revisions`,
        errors: [expect.objectContaining({ field: 'endDate' })],
      });
      expect(end.detail).toContain(`POST /api/v1/projects/${built.id}/revisions`);
      const shares = await expectNothingWritten(
        () =>
          patch(built.id, {
            version,
            organizations: [
              { organizationId: built.organizationIds[0], budgetShare: '100.00' },
              { organizationId: built.organizationIds[1], budgetShare: '900.00' },
            ],
          }),
        422,
      );
      expect(shares.errors).toEqual([expect.objectContaining({ field: 'organizations' })]);
    });

    it('still accept edits that leave them as they are, and a proposal still edits its end date', async () => {
      const built = await aFundableProject(t, {
        stage: 'active',
        approvedBudget: '1000.00',
        endDate: '2028-12-31',
      });
      const unchanged = await patch(built.id, {
        version: (await project(built.id)).version,
        approvedBudget: '1000.00',
        endDate: '2028-12-31',
        title: 'Drought resilience, second phase',
      });
      expect(unchanged.status).toBe(200);
      const proposal = await aProject(t, { stage: 'full_proposal', endDate: '2028-12-31' });
      const moved = await patch(proposal.id, { version: 1, endDate: '2029-12-31' });
      expect(moved.status).toBe(200);
      expect(moved.body.endDate).toBe('2029-12-31');
    });
  });

  describe('bad input', () => {
    it.each([
      ['a budget revision without its budget', { kind: 'budget', justification: 'Needs grew.' }],
      ['an extension without its date', { kind: 'extension', justification: 'Floods.' }],
      [
        'an extension carrying a budget',
        { kind: 'extension', endDate: '2029-01-31', approvedBudget: '10.00', justification: 'x' },
      ],
      ['a blank justification', { kind: 'budget', approvedBudget: '1100.00', justification: '   ' }],
      ['an unknown kind', { kind: 'top_up', approvedBudget: '1100.00', justification: 'Needs grew.' }],
      ['a budget as a number', { kind: 'budget', approvedBudget: 1100, justification: 'Needs grew.' }],
      [
        'an unknown property',
        { kind: 'budget', approvedBudget: '1100.00', justification: 'Needs grew.', status: 'approved' },
      ],
    ])('refuses %s with 400 and writes nothing', async (_, body) => {
      const built = await aFundableProject(t, { stage: 'active', approvedBudget: '1000.00' });
      await expectNothingWritten(() => request(built.id, body), 400);
    });

    it('refuses a decision without a comment', async () => {
      const built = await aFundableProject(t, { stage: 'active', approvedBudget: '1000.00' });
      await availableExactly(t, '500.00');
      const asked = await request(built.id, raise('1100.00'));
      await expectNothingWritten(() => decide(built.id, asked.body, { comment: '' }), 400);
    });

    it('answers 404 for an unknown project and 403 to donors and reviewers', async () => {
      await expectNothingWritten(() => request('00000000-0000-4000-8000-000000000000', raise('10.00')), 404);
      const built = await aFundableProject(t, { stage: 'active', approvedBudget: '1000.00' });
      for (const role of ['donor', 'reviewer'] as const) {
        const { auth } = await asRole(t, role);
        await expectNothingWritten(() => request(built.id, raise('1100.00'), auth), 403);
        expectProblem(await t.http().get(`/api/v1/projects/${built.id}/revisions`).set(auth), 403);
      }
    });
  });
});
