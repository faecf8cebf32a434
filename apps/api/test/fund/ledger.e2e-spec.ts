import { asRole } from '../support/builders';
import { aContribution, aContributionRequest, aDonorOfKind, cents, money } from '../support/fund-builders';
import { aReadyProposal, versionOf } from '../support/lifecycle-builders';
import { aProject } from '../support/portfolio-builders';
import { expectProblem } from '../support/problems';
import { createTestApp, TestApp } from '../support/test-app';

interface Figures {
  received: bigint;
  committed: bigint;
  transferred: bigint;
  released: bigint;
}

const asStrings = (f: Figures) => ({
  received: money(f.received),
  committed: money(f.committed),
  transferred: money(f.transferred),
  released: money(f.released),
  available: money(f.received - f.committed + f.released),
});

/**
 * The ledger (DESIGN.md §4.4) against sums the test computes itself, in BigInt cents, from the
 * rows it inserted: through the API for contributions and transfers, with builders for projects.
 */
describe("the Fund's ledger", () => {
  let t: TestApp;
  let staff: { Authorization: string };
  const expected = {
    overall: { received: 0n, committed: 0n, transferred: 0n, released: 0n },
    byYear: new Map<number | null, Figures>(),
  };
  const year = (y: number | null) => {
    if (!expected.byYear.has(y))
      expected.byYear.set(y, { received: 0n, committed: 0n, transferred: 0n, released: 0n });
    return expected.byYear.get(y)!;
  };
  const add = (figure: keyof Figures, y: number | null, amount: string) => {
    expected.overall[figure] += cents(amount);
    year(y)[figure] += cents(amount);
  };

  beforeAll(async () => {
    t = await createTestApp();
    staff = (await asRole(t, 'staff')).auth;
    const japan = await aDonorOfKind(t, 'member_state');
    const foundation = await aDonorOfKind(t, 'foundation');

    const contributions: Record<string, unknown>[] = [
      {
        donorId: japan,
        pledgedOn: '2007-01-10',
        receivedOn: '2007-02-01',
        amount: '0.10',
        usdAmount: '0.10',
      },
      {
        donorId: japan,
        pledgedOn: '2007-03-01',
        receivedOn: '2007-04-01',
        amount: '0.20',
        usdAmount: '0.20',
      },
      {
        donorId: foundation,
        pledgedOn: '2007-05-01',
        receivedOn: '2007-05-20',
        amount: '1000.05',
        currency: 'EUR',
        exchangeRate: '0.5',
        usdAmount: '500.03',
      },
      {
        donorId: foundation,
        pledgedOn: '2008-06-01',
        receivedOn: '2009-01-02',
        amount: '333.33',
        usdAmount: '333.33',
      },
      {
        donorId: japan,
        pledgedOn: '2008-02-01',
        receivedOn: null,
        status: 'pledged',
        amount: '5000.00',
        usdAmount: '5000.00',
      },
      {
        donorId: japan,
        pledgedOn: '2009-02-01',
        receivedOn: null,
        status: 'cancelled',
        amount: '7.77',
        usdAmount: '7.77',
      },
    ];
    for (const body of contributions) {
      const response = await t
        .http()
        .post('/api/v1/contributions')
        .set(staff)
        .send(aContributionRequest(body.donorId as string, body));
      expect(response.status).toBe(201);
      if (response.body.status === 'received')
        add('received', Number(response.body.receivedOn.slice(0, 4)), response.body.usdAmount);
    }
    // More cents than a double holds exactly (> 2^53): a float sum would be off. The API refuses an
    // amount this large (above the domain's plausible bound), so it is inserted as a row kept from
    // before that bound, which the ledger must still sum to the cent.
    await aContribution(t, japan, {
      pledgedOn: '2008-01-01',
      receivedOn: '2008-12-31',
      usdAmount: '98765432109876.54',
    });
    add('received', 2008, '98765432109876.54');

    const projects: { stage: string; budget: string; start: string | null; deleted?: boolean }[] = [
      { stage: 'approved', budget: '1000000.01', start: '2007-07-01' },
      { stage: 'active', budget: '2000000.02', start: '2008-01-01' },
      { stage: 'completed', budget: '0.03', start: '2007-01-01' },
      { stage: 'closed', budget: '300.30', start: '2009-09-09' },
      { stage: 'approved', budget: '42.42', start: null },
      { stage: 'concept_note', budget: '999.99', start: '2007-01-01' },
      { stage: 'under_review', budget: '888.88', start: '2008-01-01' },
      { stage: 'rejected', budget: '777.77', start: '2008-01-01' },
      { stage: 'active', budget: '666.66', start: '2008-01-01', deleted: true },
    ];
    const fundable: Record<string, { id: string; organizationIds: string[] }> = {};
    for (const p of projects) {
      const project = await aProject(t, {
        stage: p.stage,
        approvedBudget: p.budget,
        startDate: p.start ?? '2000-01-01',
        endDate: '2030-12-31',
      });
      if (p.start === null)
        await t.db.query('UPDATE projects SET start_date = NULL WHERE id = $1', [project.id]);
      if (p.deleted) await t.db.query('UPDATE projects SET deleted_at = now() WHERE id = $1', [project.id]);
      const committed = ['approved', 'active', 'completed', 'closed'].includes(p.stage) && !p.deleted;
      // No approval decision is recorded for these rows, so a commitment falls in its start year.
      if (committed) add('committed', p.start === null ? null : Number(p.start.slice(0, 4)), p.budget);
      // Completed and closed without a transfer: the whole budget goes back, in the end date's year.
      if (committed && ['completed', 'closed'].includes(p.stage)) add('released', 2030, p.budget);
      if (!p.deleted && !fundable[p.stage]) fundable[p.stage] = project;
    }

    const transfers: {
      project: { id: string; organizationIds: string[] };
      on: string;
      amount: string;
      organization?: number;
    }[] = [
      { project: fundable.approved!, on: '2007-08-01', amount: '100.10' },
      { project: fundable.approved!, on: '2008-02-01', amount: '0.01' },
      // Each organization at most its share of the approved budget: the active project's half each.
      { project: fundable.active!, on: '2008-03-01', amount: '999999.99' },
      { project: fundable.active!, on: '2008-03-01', amount: '1000000.00', organization: 1 },
      { project: fundable.active!, on: '2009-01-01', amount: '0.02' },
    ];
    for (const x of transfers) {
      const response = await t
        .http()
        .post('/api/v1/transfers')
        .set(staff)
        .send({
          projectId: x.project.id,
          organizationId: x.project.organizationIds[x.organization ?? 0],
          amountUsd: x.amount,
          transferredOn: x.on,
          // These projects have no consent on file: the transfers go ahead on a recorded override.
          overrideJustification: 'Recorded from the paper ledger of the time.',
        });
      expect(response.status).toBe(201);
      add('transferred', Number(x.on.slice(0, 4)), x.amount);
    }
  });
  afterAll(() => t.close());

  it('equals the overall sums computed from the inserted rows, to the cent', async () => {
    const response = await t.http().get('/api/v1/fund/ledger').set(staff);
    expect(response.status).toBe(200);
    expect(response.body.overall).toEqual(asStrings(expected.overall));
    expect(response.body.overall.received).toBe('98765432110710.20');
  });

  it('equals the sums for 2007 (received by receipt, committed by decision or else start, transferred by transfer date)', async () => {
    const response = await t.http().get('/api/v1/fund/ledger').set(staff);
    const y2007 = response.body.byYear.find((y: { year: number | null }) => y.year === 2007);
    expect(y2007).toEqual({ year: 2007, ...asStrings(year(2007)) });
    expect(y2007).toEqual({
      year: 2007,
      received: '500.33',
      committed: '1000000.04',
      transferred: '100.10',
      released: '0.00',
      available: '-999499.71',
    });
  });

  it('has one entry per year, oldest first, with undated commitments last, adding up to the overall figures', async () => {
    const response = await t.http().get('/api/v1/fund/ledger').set(staff);
    const years = [...expected.byYear.keys()].sort((a, b) => (a === null ? 1 : b === null ? -1 : a - b));
    expect(response.body.byYear).toEqual(years.map((y) => ({ year: y, ...asStrings(year(y)) })));
  });

  it('is readable by donor users and admins, and refused to reviewers with 403', async () => {
    for (const role of ['donor', 'admin'] as const) {
      const { auth } = await asRole(t, role);
      await expect(t.http().get('/api/v1/fund/ledger').set(auth)).resolves.toMatchObject({ status: 200 });
    }
    const { auth } = await asRole(t, 'reviewer');
    expectProblem(await t.http().get('/api/v1/fund/ledger').set(auth), 403);
  });
});

/**
 * The ledger is cached per API process (DASHBOARD_CACHE_SECONDS, here an hour, so nothing expires
 * during the test): a change written behind the API's back stays unseen, while the API's own writes
 * that move the figures show at once in the next ledger.
 */
describe("the Fund's ledger, cached", () => {
  let t: TestApp;
  let staff: { Authorization: string };
  let donorId: string;

  beforeAll(async () => {
    t = await createTestApp({ DASHBOARD_CACHE_SECONDS: '3600' });
    staff = (await asRole(t, 'staff')).auth;
    donorId = await aDonorOfKind(t);
  });
  afterAll(() => t.close());

  const ledger = async () => {
    const response = await t.http().get('/api/v1/fund/ledger').set(staff);
    expect(response.status).toBe(200);
    return response.body as {
      overall: Record<'received' | 'committed' | 'transferred' | 'released' | 'available', string>;
    };
  };
  const plus = (a: string, b: string) => money(cents(a) + cents(b));

  it('serves the figures it computed, without a change written directly in the database', async () => {
    const before = await ledger();
    await aContribution(t, donorId, { usdAmount: '70.00' });
    expect((await ledger()).overall).toEqual(before.overall);
  });

  it('shows a contribution posted through the API in the next ledger, with what it had not seen', async () => {
    const { rows } = await t.db.query<{ received: string }>(
      `SELECT sum(usd_amount)::text AS received FROM contributions WHERE status = 'received'`,
    );
    const response = await t
      .http()
      .post('/api/v1/contributions')
      .set(staff)
      .send(aContributionRequest(donorId, { amount: '1234.56', usdAmount: '1234.56' }));
    expect(response.status).toBe(201);
    expect((await ledger()).overall.received).toBe(plus(rows[0]!.received, '1234.56'));
  });

  it('shows a transfer, and an approval, in the next ledger', async () => {
    const proposal = await aReadyProposal(t, { approvedBudget: '5000.00' });
    const before = await ledger();

    const approval = await t
      .http()
      .post(`/api/v1/projects/${proposal.id}/transitions`)
      .set(staff)
      .set('If-Match', `"${await versionOf(t, proposal.id)}"`)
      .send({ to: 'approved', note: 'Approved by the Programme Review Committee.' });
    expect(approval.status).toBe(201);
    const approved = await ledger();
    // aReadyProposal funded it with a contribution written directly, which the approval also brings in.
    expect(approved.overall.committed).toBe(plus(before.overall.committed, '5000.00'));
    expect(approved.overall.received).toBe(plus(before.overall.received, '5000.00'));

    const transfer = await t.http().post('/api/v1/transfers').set(staff).send({
      projectId: proposal.id,
      organizationId: proposal.organizationIds[0],
      amountUsd: '250.00',
      transferredOn: '2026-02-01',
    });
    expect(transfer.status).toBe(201);
    expect((await ledger()).overall.transferred).toBe(plus(approved.overall.transferred, '250.00'));
  });
});
