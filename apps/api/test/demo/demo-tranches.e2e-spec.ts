import { loadDemoDataIfEmpty } from '../../src/demo/demo-data';
import { asRole } from '../support/builders';
import { createTestApp, TestApp } from '../support/test-app';

interface Tranche {
  projectId: string;
  status: 'released' | 'overdue' | 'planned';
  requiresReportId: string | null;
  requiresReportStatus: string | null;
  releasedByTransferId: string | null;
}

/** The demo shows planned tranche schedules in the states staff meet them, through the API. */
describe('the demo tranche schedules', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
    const url = (t.db.options as { connectionString: string }).connectionString;
    await expect(loadDemoDataIfEmpty(url)).resolves.toBe(true);
  });
  afterAll(() => t.close());

  it('has a tranche released by a transfer, one overdue and one waiting for a report, each audited with its project', async () => {
    const { auth } = await asRole(t, 'donor');
    const { rows: projects } = await t.db.query<{ project_id: string }>(
      `SELECT DISTINCT project_id FROM planned_tranches`,
    );
    expect(projects.length).toBe(3);
    const tranches: Tranche[] = [];
    for (const { project_id } of projects) {
      const response = await t.http().get(`/api/v1/projects/${project_id}/tranches`).set(auth);
      expect(response.status).toBe(200);
      tranches.push(...(response.body.items as Tranche[]));
    }
    expect(tranches.filter((x) => x.status === 'released' && x.releasedByTransferId)).toHaveLength(1);
    expect(tranches.filter((x) => x.status === 'overdue').length).toBeGreaterThanOrEqual(1);
    expect(
      tranches.filter(
        (x) => x.requiresReportId && x.requiresReportStatus !== 'accepted' && x.status === 'planned',
      ),
    ).toHaveLength(1);
    const { rows } = await t.db.query<{ missing: number }>(
      `SELECT count(*)::int AS missing FROM planned_tranches pt
       WHERE NOT EXISTS (SELECT 1 FROM audit_entries a WHERE a.entity = 'tranche' AND a.entity_id = pt.id::text
                         AND a.project_id = pt.project_id)`,
    );
    expect(rows[0]!.missing).toBe(0);
  });

  it("keeps every organization's planned total within its share of the approved budget", async () => {
    const { rows } = await t.db.query<{ over: number }>(
      `SELECT count(*)::int AS over FROM (
         SELECT pt.project_id, pt.organization_id, sum(pt.amount_usd) AS planned,
                max(p.approved_budget * po.budget_share / nullif(p.requested_budget, 0)) AS cap
         FROM planned_tranches pt
         JOIN projects p ON p.id = pt.project_id
         JOIN project_organizations po ON po.project_id = pt.project_id AND po.organization_id = pt.organization_id
         GROUP BY pt.project_id, pt.organization_id) s
       WHERE planned > cap + 0.01`,
    );
    expect(rows[0]!.over).toBe(0);
  });
});
