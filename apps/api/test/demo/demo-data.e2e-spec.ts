import { DEMO_PASSWORD, loadDemoDataIfEmpty } from '../../src/demo/demo-data';
import { count, createTestApp, TestApp } from '../support/test-app';
import { asRole, signIn } from '../support/builders';
import { isTransitionAllowed } from '@hstf/domain';
import type { Stage } from '@hstf/domain';

describe('the demo data', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
    const url = (t.db.options as { connectionString: string }).connectionString;
    await expect(loadDemoDataIfEmpty(url)).resolves.toBe(true);
  });
  afterAll(() => t.close());

  const column = async (sql: string) => (await t.db.query<{ v: string }>(sql)).rows.map((row) => row.v);

  it('loads only once', async () => {
    const url = (t.db.options as { connectionString: string }).connectionString;
    await expect(loadDemoDataIfEmpty(url)).resolves.toBe(false);
  });

  it('holds about 60 projects in every stage and every M49 region, single- and multi-country', async () => {
    await expect(column(`SELECT DISTINCT stage AS v FROM projects ORDER BY 1`)).resolves.toEqual([
      'active',
      'approved',
      'closed',
      'completed',
      'concept_note',
      'full_proposal',
      'rejected',
      'revision_requested',
      'suspended',
      'under_review',
      'withdrawn',
    ]);
    await expect(
      column(
        `SELECT DISTINCT c.region AS v FROM project_countries pc JOIN countries c ON c.iso3 = pc.country_iso3 ORDER BY 1`,
      ),
    ).resolves.toEqual(['Africa', 'Americas', 'Asia', 'Europe', 'Oceania']);
    const [sizes] = (
      await t.db.query<{ projects: number; multi: number }>(
        `SELECT count(*)::int AS projects,
                count(*) FILTER (WHERE (SELECT count(*) FROM project_countries pc WHERE pc.project_id = p.id) > 1)::int AS multi
         FROM projects p`,
      )
    ).rows;
    expect(sizes!.projects).toBe(60);
    expect(sizes!.multi).toBeGreaterThan(5);
  });

  it('has consent records in every status', async () => {
    await expect(column(`SELECT DISTINCT status AS v FROM consent_records ORDER BY 1`)).resolves.toEqual([
      'expired',
      'granted',
      'refused',
      'requested',
      'withdrawn',
    ]);
  });

  it('never grants a consent before it was requested, nor withdraws it before it was granted', async () => {
    await expect(
      column(`SELECT p.code || ' ' || c.country_iso3 AS v FROM consent_records c JOIN projects p ON p.id = c.project_id
              WHERE c.granted_on < c.requested_on OR c.withdrawn_on < c.granted_on`),
    ).resolves.toEqual([]);
  });

  it('flags every project, strategy and contribution as illustrative', async () => {
    await expect(
      column(`SELECT 'x' AS v FROM projects WHERE NOT illustrative
              UNION ALL SELECT 'x' FROM national_strategies WHERE NOT illustrative
              UNION ALL SELECT 'x' FROM contributions WHERE NOT illustrative`),
    ).resolves.toEqual([]);
  });

  it('follows the public history: Japan alone until 2006, four more donors from 2007', async () => {
    await expect(
      column(`SELECT DISTINCT d.name AS v FROM contributions c JOIN donors d ON d.id = c.donor_id
              WHERE c.pledged_on < '2007-01-01'`),
    ).resolves.toEqual(['Japan']);
    await expect(column(`SELECT min(pledged_on)::text AS v FROM contributions`)).resolves.toEqual([
      '1999-03-01',
    ]);
  });

  it('keeps every contribution consistent with the API rule usdAmount = amount × rate', async () => {
    await expect(
      column(`SELECT reference AS v FROM contributions WHERE usd_amount <> round(amount * exchange_rate, 2)`),
    ).resolves.toEqual([]);
  });

  it('keeps every project within the rules: shares sum to the budget, transfers within the approved budget', async () => {
    await expect(
      column(`SELECT p.code AS v FROM projects p
              WHERE p.requested_budget <> (SELECT sum(budget_share) FROM project_organizations po WHERE po.project_id = p.id)
                 OR coalesce((SELECT sum(CASE WHEN x.kind = 'transfer' THEN x.amount_usd
                                              WHEN r.kind = 'transfer' THEN -x.amount_usd ELSE 0 END)
                              FROM transfers x LEFT JOIN transfers r ON r.id = x.reverses_id
                              WHERE x.project_id = p.id), 0) > coalesce(p.approved_budget, 0)`),
    ).resolves.toEqual([]);
  });

  it('shows a wrong transfer corrected by a reversal naming it, both in the ledger, and the money sent again', async () => {
    const { auth } = await asRole(t, 'staff');
    const { rows } = await t.db.query<{ project_id: string; id: string }>(
      `SELECT project_id, id FROM transfers WHERE kind = 'reversal'`,
    );
    expect(rows).toHaveLength(1);
    const response = await t
      .http()
      .get('/api/v1/transfers')
      .query({ projectId: rows[0]!.project_id })
      .set(auth);
    const items = response.body.items as {
      id: string;
      kind: string;
      reversesId: string | null;
      reversedById: string | null;
      amountUsd: string;
      tranche: number | null;
    }[];
    const reversal = items.find((x) => x.kind === 'reversal')!;
    const reversed = items.find((x) => x.id === reversal.reversesId)!;
    expect(reversed).toMatchObject({ kind: 'transfer', tranche: 1, reversedById: reversal.id });
    expect(
      items.filter((x) => x.kind === 'transfer' && x.amountUsd === reversed.amountUsd && x.tranche !== 1),
    ).toHaveLength(1);
  });

  it('shows a closed project whose unspent balance went back to the Fund as released', async () => {
    const { auth } = await asRole(t, 'staff');
    const { rows } = await t.db.query<{ code: string; released: string }>(
      `SELECT p.code, (p.approved_budget - (SELECT sum(amount_usd) FROM transfers t WHERE t.project_id = p.id))::text AS released
       FROM projects p WHERE p.stage = 'closed'
         AND p.approved_budget > (SELECT sum(amount_usd) FROM transfers t WHERE t.project_id = p.id)`,
    );
    expect(rows).toHaveLength(1);
    const ledger = await t.http().get('/api/v1/fund/ledger').set(auth);
    expect(ledger.body.overall.released).toBe(rows[0]!.released);
  });

  it('leaves the Fund with a positive available balance', async () => {
    const { auth } = await asRole(t, 'staff');
    const response = await t.http().get('/api/v1/fund/ledger').set(auth);
    expect(response.status).toBe(200);
    expect(Number(response.body.overall.available)).toBeGreaterThan(0);
  });

  describe('reviews', () => {
    interface Assessed {
      code: string;
      passes: boolean;
      countedReviews: number;
      disagreements: string[];
      unmoderatedDisagreements: string[];
      failures: { code: string }[];
    }
    const assessments = async (stages: string[]): Promise<Assessed[]> => {
      const { auth } = await asRole(t, 'staff');
      const ids = await column(
        `SELECT id AS v FROM projects WHERE stage = ANY('{${stages.join(',')}}'::text[]) ORDER BY code`,
      );
      const answers: Assessed[] = [];
      for (const id of ids) {
        const response = await t.http().get(`/api/v1/projects/${id}/assessment`).set(auth);
        expect(response.status).toBe(200);
        answers.push(response.body as Assessed);
      }
      return answers;
    };

    it('has reviews by the three demo reviewers, in every status', async () => {
      await expect(
        column(`SELECT DISTINCT u.email AS v FROM reviews r JOIN users u ON u.id = r.reviewer_id ORDER BY 1`),
      ).resolves.toEqual(['reviewer1@example.org', 'reviewer2@example.org', 'reviewer3@example.org']);
      await expect(column(`SELECT DISTINCT status AS v FROM reviews ORDER BY 1`)).resolves.toEqual([
        'assigned',
        'declined_conflict',
        'draft',
        'submitted',
      ]);
    });

    it('shows, among the proposals under review, each situation staff must handle', async () => {
      const answers = await assessments(['under_review']);
      expect(answers.some((a) => a.passes)).toBe(true);
      expect(answers.some((a) => !a.passes && a.failures.some((f) => f.code !== 'too_few_reviews'))).toBe(
        true,
      );
      expect(answers.some((a) => a.disagreements.length > 0 && a.unmoderatedDisagreements.length === 0)).toBe(
        true,
      );
      expect(answers.some((a) => a.unmoderatedDisagreements.length > 0)).toBe(true);
      expect(answers.some((a) => a.failures.some((f) => f.code === 'too_few_reviews'))).toBe(true);
      await expect(
        column(`SELECT p.code AS v FROM reviews r JOIN projects p ON p.id = r.project_id
                WHERE r.status = 'declined_conflict' AND p.stage = 'under_review'`),
      ).resolves.toHaveLength(1);
      await expect(count(t.db, 'moderation_notes')).resolves.toBe(1);
    });

    it('passes the assessment of every project that was approved, with no disagreement left open', async () => {
      const answers = await assessments(['approved', 'active', 'completed', 'closed']);
      expect(answers.length).toBeGreaterThan(40);
      expect(answers.filter((a) => !a.passes || a.unmoderatedDisagreements.length > 0)).toEqual([]);
    });

    it('keeps the demo reviews blind: a demo reviewer who has not submitted sees no other review', async () => {
      const login = await t
        .http()
        .post('/api/v1/auth/login')
        .send({ email: 'reviewer3@example.org', password: DEMO_PASSWORD });
      expect(login.status).toBe(200);
      const auth = { Authorization: `Bearer ${login.body.token as string}` };
      const [waiting] = await column(
        `SELECT r.project_id AS v FROM reviews r JOIN users u ON u.id = r.reviewer_id
         WHERE u.email = 'reviewer3@example.org' AND r.status = 'assigned' LIMIT 1`,
      );
      expect((await t.http().get(`/api/v1/projects/${waiting}/reviews`).set(auth)).status).toBe(404);
      expect((await t.http().get('/api/v1/reviews/mine').set(auth)).body.items.length).toBeGreaterThan(5);
    });

    it('audits every review, keeping what unsubmitted reviews say out of the audit log', async () => {
      await expect(
        column(`SELECT r.id AS v FROM reviews r
                WHERE NOT EXISTS (SELECT 1 FROM audit_entries a WHERE a.entity = 'review' AND a.entity_id = r.id::text)`),
      ).resolves.toEqual([]);
      await expect(
        column(`SELECT a.entity_id AS v FROM audit_entries a JOIN reviews r ON r.id::text = a.entity_id
                WHERE a.entity = 'review' AND r.status <> 'submitted' AND a.after ? 'score_people_centred'`),
      ).resolves.toEqual([]);
    });
  });

  describe('compliance, alerts and history', () => {
    it("keeps a consent's history as the API writes it: staff read the record, an assigned reviewer its status fields", async () => {
      const { rows } = await t.db.query<{ id: string; project_id: string; user_id: string; email: string }>(
        `SELECT c.id, c.project_id, u.id AS user_id, u.email FROM consent_records c
         JOIN reviews r ON r.project_id = c.project_id AND r.status <> 'declined_conflict'
         JOIN users u ON u.id = r.reviewer_id AND u.active
         WHERE c.status = 'granted' ORDER BY c.id LIMIT 1`,
      );
      const consent = rows[0]!;
      const path = `/api/v1/projects/${consent.project_id}/consents/${consent.id}`;
      const { auth } = await asRole(t, 'staff');
      const current = await t.http().get(path).set(auth);
      expect(current.status).toBe(200);
      const history = await t.http().get(`${path}/history`).set(auth);
      expect(history.status).toBe(200);
      expect(history.body.items[0].record).toEqual(current.body);

      const reviewer = {
        id: consent.user_id,
        email: consent.email,
        role: 'reviewer' as const,
        donorId: null,
      };
      const asReviewer = { Authorization: `Bearer ${await signIn(t, reviewer, DEMO_PASSWORD)}` };
      const seen = await t.http().get(`${path}/history`).set(asReviewer);
      expect(seen.status).toBe(200);
      expect(seen.body.items[0].record).toEqual({
        id: consent.id,
        countryIso3: current.body.countryIso3,
        status: 'granted',
        requestedOn: current.body.requestedOn,
        grantedOn: current.body.grantedOn,
        validUntil: current.body.validUntil,
      });
      expect(seen.body.items[0].record.grantedOn).toEqual(expect.any(String));
    });

    it('shows the multi-country proposal under review compliant in one country and pending in the other', async () => {
      const { auth } = await asRole(t, 'staff');
      const ids = await column(
        `SELECT p.id AS v FROM projects p
         WHERE p.stage = 'under_review'
           AND (SELECT count(*) FROM project_countries pc WHERE pc.project_id = p.id) > 1
           AND EXISTS (SELECT 1 FROM consent_records c WHERE c.project_id = p.id AND c.status = 'granted')`,
      );
      expect(ids).toHaveLength(1);
      const response = await t.http().get(`/api/v1/projects/${ids[0]}/compliance`).set(auth);
      expect(response.status).toBe(200);
      expect(response.body.status).toBe('pending');
      const statuses = (response.body.countries as { status: string }[]).map((c) => c.status);
      expect(new Set(statuses)).toEqual(new Set(['compliant', 'pending']));
      const listed = await t
        .http()
        .get('/api/v1/compliance')
        .query({ status: 'pending', limit: 200 })
        .set(auth);
      expect(listed.body.items.map((i: { projectId: string }) => i.projectId)).toContain(ids[0]);
    });

    it('shows every completed and closed project as it stood at its approval: compliant, with any later loss as history', async () => {
      const { auth } = await asRole(t, 'staff');
      const items: { projectId: string; stage: string; status: string; basis: string }[] = [];
      let cursor: string | null = null;
      do {
        const page: { body: { items: typeof items; nextCursor: string | null } } = await t
          .http()
          .get('/api/v1/compliance')
          .query({ limit: 200, ...(cursor ? { cursor } : {}) })
          .set(auth);
        items.push(...page.body.items);
        cursor = page.body.nextCursor;
      } while (cursor);
      const decided = items.filter((i) => i.stage === 'completed' || i.stage === 'closed');
      expect(decided.length).toBeGreaterThanOrEqual(32);
      expect(new Set(decided.map((i) => `${i.basis} ${i.status}`))).toEqual(new Set(['approval compliant']));
      // Their consents have run out since: history beside the answer, not a failure.
      const detail = await t.http().get(`/api/v1/projects/${decided[0]!.projectId}/compliance`).set(auth);
      expect(detail.body).toMatchObject({ basis: 'approval', status: 'compliant' });
      const history = detail.body.history as { kind: string }[];
      expect(history.length).toBeGreaterThan(0);
      expect(history.map((h) => h.kind)).toEqual(history.map(() => 'expired'));
      // And a concept note just proposed is not yet requested, not red.
      const concept = items.filter((i) => i.stage === 'concept_note');
      expect(concept.length).toBeGreaterThan(0);
      expect(concept.map((i) => i.status)).not.toContain('non_compliant');
    });

    it('raises an alert for the active project whose consent was withdrawn', async () => {
      const { auth } = await asRole(t, 'staff');
      const [withdrawn] = await column(
        `SELECT c.id AS v FROM consent_records c JOIN projects p ON p.id = c.project_id
         WHERE c.status = 'withdrawn' AND p.stage = 'active'`,
      );
      const response = await t.http().get('/api/v1/alerts').query({ limit: 200 }).set(auth);
      expect(response.status).toBe(200);
      expect(response.body.items).toContainEqual(
        expect.objectContaining({ code: 'funded_consent_withdrawn', stage: 'active', recordId: withdrawn }),
      );
    });

    it('suspends one project whose consent was withdrawn, with the story on its timeline', async () => {
      const [suspended, ...others] = await column(`SELECT id AS v FROM projects WHERE stage = 'suspended'`);
      expect(others).toEqual([]);
      const { auth } = await asRole(t, 'staff');
      const options = await t.http().get(`/api/v1/projects/${suspended}/transitions/options`).set(auth);
      expect(options.body.options).toEqual([
        expect.objectContaining({
          to: 'active',
          allowed: false,
          failures: [expect.objectContaining({ code: 'paragraph_6_not_compliant' })],
        }),
      ]);
      const timeline = await t.http().get(`/api/v1/projects/${suspended}/timeline`).set(auth);
      expect(timeline.status).toBe(200);
      const events = timeline.body.items as {
        entity: string;
        action: string;
        after: Record<string, unknown>;
      }[];
      expect(events.slice(0, 2).map((e) => `${e.entity} ${e.action}`)).toEqual([
        'project transition',
        'consent_record update',
      ]);
      expect(events[1]!.after).toMatchObject({ status: 'withdrawn' });
      expect(new Set(events.map((e) => e.entity))).toEqual(
        new Set([
          'project',
          'project_transition',
          'consent_record',
          'consent',
          'alignment',
          'review',
          // The demo's extension, granted before the consent was withdrawn.
          'revision',
          'transfer',
          // Its reports, laid out at approval and handed in.
          'report',
        ]),
      );
    });

    it('records the decisions that brought every project to its stage, in order', async () => {
      const { rows } = await t.db.query<{
        stage: Stage;
        moves: { from: Stage; to: Stage; on: string }[] | null;
      }>(
        `SELECT p.stage, (SELECT json_agg(json_build_object('from', t.from_stage, 'to', t.to_stage, 'on', t.decided_on)
                                 ORDER BY t.occurred_at) FROM project_transitions t WHERE t.project_id = p.id) AS moves
         FROM projects p`,
      );
      const today = new Date().toISOString().slice(0, 10);
      for (const { stage, moves } of rows) {
        const path = moves ?? [];
        expect(path.at(-1)?.to ?? 'concept_note').toBe(stage);
        let at: Stage = 'concept_note';
        let previous = '';
        for (const move of path) {
          expect(move.from).toBe(at);
          expect(isTransitionAllowed(move.from, move.to)).toBe(true);
          expect(move.on >= previous && move.on <= today).toBe(true);
          [at, previous] = [move.to, move.on];
        }
      }
      expect(await count(t.db, 'project_transitions')).toBeGreaterThan(150);
    });
  });

  it('writes an audit entry for every record it creates', async () => {
    await expect(
      column(`SELECT 'project without audit' AS v FROM projects p
              WHERE NOT EXISTS (SELECT 1 FROM audit_entries a WHERE a.entity = 'project' AND a.entity_id = p.id::text)`),
    ).resolves.toEqual([]);
  });
});
