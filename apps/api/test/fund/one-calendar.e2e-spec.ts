import { asRole } from '../support/builders';
import { aReadyProposal, versionOf } from '../support/lifecycle-builders';
import { aProject } from '../support/portfolio-builders';
import { createTestApp, TestApp } from '../support/test-app';

/**
 * One calendar for commitments (issue 12, item 7): the ledger by year and the overview's approvals
 * by year both put a commitment in the year its approval was decided (the start year only where no
 * decision is recorded), so the two views agree year by year.
 */
describe('commitments by year', () => {
  let t: TestApp;
  let staff: { Authorization: string };

  beforeAll(async () => {
    t = await createTestApp();
    staff = (await asRole(t, 'staff')).auth;
    // Approved in December 2025, starting in January 2026.
    const proposal = await aReadyProposal(t, { approvedBudget: '7000.00' });
    const approval = await t
      .http()
      .post(`/api/v1/projects/${proposal.id}/transitions`)
      .set(staff)
      .send({
        to: 'approved',
        note: 'Approved.',
        decidedOn: '2025-12-15',
        version: await versionOf(t, proposal.id),
      });
    expect(approval.status).toBe(201);
    // Imported without its decision: its start year stands in.
    await aProject(t, { stage: 'active', approvedBudget: '300.00', startDate: '2024-03-01' });
  });
  afterAll(() => t.close());

  it('puts a commitment in the year of its approval decision, not of its start', async () => {
    const { body } = await t.http().get('/api/v1/fund/ledger').set(staff);
    const committed = Object.fromEntries(
      (body.byYear as { year: number; committed: string }[]).map((y) => [y.year, y.committed]),
    );
    expect(committed).toMatchObject({ 2024: '300.00', 2025: '7000.00' });
    expect(committed[2026] ?? '0.00').toBe('0.00');
  });

  it("agrees, year by year, with the overview's approvals by year", async () => {
    const ledger = await t.http().get('/api/v1/fund/ledger').set(staff);
    const overview = await t.http().get('/api/v1/dashboard/overview').set(staff);
    const fromLedger = (ledger.body.byYear as { year: number | null; committed: string }[])
      .filter((y) => y.year !== null && y.committed !== '0.00')
      .map((y) => ({ year: y.year, approved: y.committed }));
    const fromOverview = (overview.body.approvalsByYear as { year: number; approved: string }[]).map((y) => ({
      year: y.year,
      approved: y.approved,
    }));
    expect(fromOverview).toEqual(fromLedger);
    expect(fromOverview).toEqual([
      { year: 2024, approved: '300.00' },
      { year: 2025, approved: '7000.00' },
    ]);
  });
});
