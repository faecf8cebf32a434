import { loadDemoDataIfEmpty } from '../../src/demo';
import { createTestApp, TestApp } from '../support/test-app';

/** The demo shows the requests after approval in each state, and lessons learned for donors. */
describe('the demo revisions and lessons', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
    const url = (t.db.options as { connectionString: string }).connectionString;
    await expect(loadDemoDataIfEmpty(url)).resolves.toBe(true);
  });
  afterAll(() => t.close());

  it('holds an extension granted, a budget revision pending and one rejected, each decided by someone else', async () => {
    const { rows } = await t.db.query<{ kind: string; status: string; four_eyes: boolean }>(
      `SELECT kind, status, decided_by IS NULL OR decided_by <> requested_by AS four_eyes
       FROM project_revisions ORDER BY kind, status`,
    );
    expect(rows).toEqual([
      { kind: 'budget', status: 'pending', four_eyes: true },
      { kind: 'budget', status: 'rejected', four_eyes: true },
      { kind: 'extension', status: 'approved', four_eyes: true },
    ]);
    const { rows: extended } = await t.db.query<{ moved: boolean }>(
      `SELECT p.end_date = r.proposed_end_date AS moved FROM project_revisions r JOIN projects p ON p.id = r.project_id
       WHERE r.kind = 'extension'`,
    );
    expect(extended).toEqual([{ moved: true }]);
  });

  it('holds two lessons, one public, and audits every record', async () => {
    const { rows } = await t.db.query<{ public: boolean }>(`SELECT public FROM lessons ORDER BY public`);
    expect(rows).toEqual([{ public: false }, { public: true }]);
    const { rows: unaudited } = await t.db.query(
      `SELECT id FROM lessons l WHERE NOT EXISTS (SELECT 1 FROM audit_entries a WHERE a.entity = 'lesson' AND a.entity_id = l.id::text)
       UNION ALL
       SELECT id FROM project_revisions r WHERE NOT EXISTS (SELECT 1 FROM audit_entries a WHERE a.entity = 'revision' AND a.entity_id = r.id::text)`,
    );
    expect(unaudited).toEqual([]);
  });
});
