import { randomUUID } from 'node:crypto';
import { FUND_FIRST_DAY, MAX_PLAUSIBLE_USD } from '@hstf/domain';
import { aProjectRequest } from '../projects/project-requests';
import { aDonor, asRole } from '../support/builders';
import { aContributionRequest } from '../support/fund-builders';
import { aProject } from '../support/portfolio-builders';
import { expectProblem } from '../support/problems';
import { count, createTestApp, TestApp } from '../support/test-app';

/** The largest amount numeric(18,2) holds: two of them sum past what that type can hold. */
const NUMERIC_18_2_MAX = '9999999999999999.99';
const ONE_CENT_OVER = '10000000000.01';

const todayUtc = () => new Date().toISOString().slice(0, 10);
const tomorrowUtc = () => new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);

/** Amounts above the domain's plausible bound and money dated outside the Fund's life are refused at entry. */
describe('money bounds', () => {
  let t: TestApp;
  let staff: { Authorization: string };

  beforeAll(async () => {
    t = await createTestApp();
    staff = (await asRole(t, 'staff')).auth;
  });
  afterAll(() => t.close());

  async function writes() {
    return {
      projects: await count(t.db, 'projects'),
      contributions: await count(t.db, 'contributions'),
      transfers: await count(t.db, 'transfers'),
      audit: await count(t.db, 'audit_entries'),
    };
  }

  /** Sends the request, expects 400 with exactly this field error, and proves nothing was written. */
  async function expectRefused(
    send: () => Promise<import('supertest').Response>,
    field: string,
    message: string,
  ) {
    const before = await writes();
    const problem = expectProblem(await send(), 400);
    expect(problem.errors).toEqual([{ field, message }]);
    await expect(writes()).resolves.toEqual(before);
  }

  const postProject = async (overrides: Record<string, unknown>) =>
    t
      .http()
      .post('/api/v1/projects')
      .set(staff)
      .send(await aProjectRequest(t, overrides));

  /** A project request whose budget, and the one organization's share, is `usd`. */
  const budgetOf = async (usd: string) => {
    const request = await aProjectRequest(t);
    const lead = request.leadOrganizationId as string;
    return {
      requestedBudget: usd,
      organizations: [{ organizationId: lead, budgetShare: usd }],
      leadOrganizationId: lead,
    };
  };

  describe('amounts', () => {
    const above = `must be at most ${MAX_PLAUSIBLE_USD} (USD 10,000,000,000.00)`;

    it.each([
      ['a requested budget', { requestedBudget: ONE_CENT_OVER }, 'requestedBudget'],
      ['an approved budget', { approvedBudget: ONE_CENT_OVER }, 'approvedBudget'],
      ['a co-funding', { coFunding: ONE_CENT_OVER }, 'coFunding'],
      ['the largest numeric(18,2) budget', { requestedBudget: NUMERIC_18_2_MAX }, 'requestedBudget'],
    ])('refuses %s above USD 10 billion with 400, writing nothing', async (_, overrides, field) => {
      await expectRefused(() => postProject(overrides), field, above);
    });

    it('refuses a budget share above the bound with 400 on the share, writing nothing', async () => {
      const { organizations } = await budgetOf(ONE_CENT_OVER);
      await expectRefused(() => postProject({ organizations }), 'organizations.0.budgetShare', above);
    });

    it('refuses a transfer above the bound with 400, writing nothing', async () => {
      await expectRefused(
        () =>
          t.http().post('/api/v1/transfers').set(staff).send({
            projectId: randomUUID(),
            organizationId: randomUUID(),
            amountUsd: ONE_CENT_OVER,
            transferredOn: '2024-03-31',
          }),
        'amountUsd',
        above,
      );
    });

    it('refuses a contribution whose US-dollar amount is above the bound, writing nothing', async () => {
      const donorId = await aDonor(t);
      await expectRefused(
        () =>
          t
            .http()
            .post('/api/v1/contributions')
            .set(staff)
            .send(aContributionRequest(donorId, { amount: ONE_CENT_OVER, usdAmount: ONE_CENT_OVER })),
        'usdAmount',
        above,
      );
    });

    it('accepts two budgets at the bound, and the overview still answers with their exact sum', async () => {
      for (let i = 0; i < 2; i++) {
        const response = await postProject({
          ...(await budgetOf(MAX_PLAUSIBLE_USD)),
          coFunding: MAX_PLAUSIBLE_USD,
        });
        expect(response.status).toBe(201);
        expect(response.body.requestedBudget).toBe(MAX_PLAUSIBLE_USD);
      }
      const overview = await t.http().get('/api/v1/dashboard/overview').set(staff);
      expect(overview.status).toBe(200);
      const conceptNotes = overview.body.pipeline.find((p: { stage: string }) => p.stage === 'concept_note');
      expect(conceptNotes.requested).toBe('20000000000.00');
    });
  });

  describe('sums', () => {
    it('never narrow: budgets stored before the bound that sum past numeric(18,2) still give an overview', async () => {
      for (let i = 0; i < 2; i++) {
        await aProject(t, {
          stage: 'approved',
          countries: ['KEN'],
          requestedBudget: NUMERIC_18_2_MAX,
          approvedBudget: NUMERIC_18_2_MAX,
          startDate: '2024-01-01',
          dimensions: ['food'],
        });
      }
      const response = await t.http().get('/api/v1/dashboard/overview').set(staff);
      expect(response.status).toBe(200);
      expect(response.body.ledger.committed).toBe('19999999999999999.98');
      const approved = response.body.pipeline.find((p: { stage: string }) => p.stage === 'approved');
      expect(approved.approved).toBe('19999999999999999.98');
      expect(response.body.byDimension).toContainEqual({
        key: 'food',
        projects: 2,
        approved: '19999999999999999.98',
      });
    });
  });

  describe('dates of money events', () => {
    const before = `must not be before ${FUND_FIRST_DAY}: the Fund was established in 1999`;
    const future = () => `must not be after today (${todayUtc()})`;

    const postTransfer = (transferredOn: string) =>
      t.http().post('/api/v1/transfers').set(staff).send({
        projectId: randomUUID(),
        organizationId: randomUUID(),
        amountUsd: '1000.00',
        transferredOn,
      });

    it.each([
      ['1900-01-01', before],
      ['1998-12-31', before],
    ])('refuses a transfer dated %s, before the Fund existed, writing nothing', async (date, message) => {
      await expectRefused(() => postTransfer(date), 'transferredOn', message);
    });

    it('refuses a transfer dated after today, writing nothing', async () => {
      await expectRefused(() => postTransfer(tomorrowUtc()), 'transferredOn', future());
      await expectRefused(() => postTransfer('2999-01-01'), 'transferredOn', future());
    });

    it('refuses a contribution pledged before 1999 or after today, writing nothing', async () => {
      const donorId = await aDonor(t);
      const post = (overrides: Record<string, unknown>) =>
        t.http().post('/api/v1/contributions').set(staff).send(aContributionRequest(donorId, overrides));
      await expectRefused(
        () => post({ pledgedOn: '1998-12-31', receivedOn: null, status: 'pledged' }),
        'pledgedOn',
        before,
      );
      await expectRefused(
        () => post({ pledgedOn: '9999-12-31', receivedOn: null, status: 'pledged' }),
        'pledgedOn',
        future(),
      );
    });

    it('refuses a contribution received after today, writing nothing', async () => {
      const donorId = await aDonor(t);
      await expectRefused(
        () =>
          t
            .http()
            .post('/api/v1/contributions')
            .set(staff)
            .send(aContributionRequest(donorId, { receivedOn: tomorrowUtc() })),
        'receivedOn',
        future(),
      );
    });

    it('refuses a contribution changed to a date outside the Fund’s life, leaving it as it was', async () => {
      const donorId = await aDonor(t);
      const created = await t
        .http()
        .post('/api/v1/contributions')
        .set(staff)
        .send(aContributionRequest(donorId));
      expect(created.status).toBe(201);
      await expectRefused(
        () =>
          t
            .http()
            .patch(`/api/v1/contributions/${created.body.id}`)
            .set(staff)
            .send({ version: created.body.version, pledgedOn: '1900-01-01' }),
        'pledgedOn',
        before,
      );
      const { rows } = await t.db.query(
        `SELECT pledged_on::text AS pledged_on, version FROM contributions WHERE id = $1`,
        [created.body.id],
      );
      expect(rows).toEqual([{ pledged_on: created.body.pledgedOn, version: created.body.version }]);
    });

    it('accepts money dated on the Fund’s first day and today', async () => {
      const donorId = await aDonor(t);
      const first = await t
        .http()
        .post('/api/v1/contributions')
        .set(staff)
        .send(aContributionRequest(donorId, { pledgedOn: FUND_FIRST_DAY, receivedOn: todayUtc() }));
      expect(first.status).toBe(201);
      expect(first.body).toMatchObject({ pledgedOn: FUND_FIRST_DAY, receivedOn: todayUtc() });
    });
  });
});
