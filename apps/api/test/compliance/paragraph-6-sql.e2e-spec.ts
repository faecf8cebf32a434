import type { Response } from 'supertest';
import { addDays, evaluateParagraph6, paragraph6Date } from '@hstf/domain';
import type {
  ComplianceStatus,
  ConsentStatus,
  ConsentVersion,
  Paragraph6Input,
  ProjectDecisions,
  Stage,
} from '@hstf/domain';
import { countryStatusesSql, projectStatusSql } from '../../src/compliance/paragraph-6.sql';
import { asRole } from '../support/builders';
import { createTestApp, TestApp } from '../support/test-app';

/**
 * Paragraph 6 lives once, in libs/domain's evaluateParagraph6. The compliance list needs it in SQL
 * (src/compliance/paragraph-6.sql.ts); this test keeps the two the same. It writes projects with every
 * kind of consent record (each status, grant and expiry dates on both sides of the decision date, a
 * missing or blank authority, signatory or document reference, a withdrawal date on a record still
 * marked granted), every kind of alignment (a period ending the day before the start, starting the day
 * after, starting or ending on it, a blank justification, none), no start date, no country, several
 * countries; then judges them on three dates around the boundaries, in SQL and with the domain over
 * the raw rows, and demands the same status for every project and every country. Then the list route,
 * paged through, must give exactly the projects of each status.
 *
 * A date is judged on the records as they stood then, so records also come with histories (earlier
 * versions in consent_events, recorded before, on and after the dates) and with the day their last
 * change was recorded on either side of the dates; projects are in every kind of stage (a proposal
 * with no consent is not requested), and decided ones carry their decisions, so the list without a
 * date judges each on its own date by stage, as paragraph6Date says.
 */

const D = '2025-06-15';
/** A timestamp on the day `date` (UTC), for the day a version was recorded. */
const at = (date: string) => `${date}T12:00:00Z`;
const START = '2025-07-01';
const DATES = [addDays(D, -1), D, addDays(D, 1)];
const COUNTRIES = ['KEN', 'UGA', 'TZA', 'ETH'];

type Columns = Record<string, string | null>;
const documented: Columns = {
  requested_on: '2025-01-10',
  granted_on: '2025-03-01',
  issuing_office: 'Ministry of Foreign Affairs',
  signatory: 'Permanent Secretary',
  document_reference: 'NV/2025/17',
};

/** Every kind of consent record, or none (null). */
const CONSENTS: Record<string, Columns | null> = {
  none: null,
  requested: { status: 'requested', requested_on: '2025-01-10' },
  requestedUndated: { status: 'requested' },
  requestedButWithdrawnOn: { status: 'requested', requested_on: '2025-01-10', withdrawn_on: '2025-05-01' },
  refused: { status: 'refused', requested_on: '2025-01-10' },
  expiredStatus: { status: 'expired', ...documented, valid_until: '2030-01-01' },
  withdrawn: { status: 'withdrawn', ...documented, withdrawn_on: '2025-05-01', withdrawal_reason: 'Policy' },
  granted: { status: 'granted', ...documented },
  grantedOnD: { status: 'granted', ...documented, granted_on: D },
  grantedDayBefore: { status: 'granted', ...documented, granted_on: addDays(D, -1) },
  grantedDayAfter: { status: 'granted', ...documented, granted_on: addDays(D, 1) },
  validUntilD: { status: 'granted', ...documented, valid_until: D },
  validUntilDayBefore: { status: 'granted', ...documented, valid_until: addDays(D, -1) },
  validUntilDayAfter: { status: 'granted', ...documented, valid_until: addDays(D, 1) },
  officeBlank: { status: 'granted', ...documented, issuing_office: '   ' },
  officeNbsp: { status: 'granted', ...documented, issuing_office: '\u00a0' },
  signatoryMissing: { status: 'granted', ...documented, signatory: null },
  signatoryTab: { status: 'granted', ...documented, signatory: '\t\n' },
  documentMissing: { status: 'granted', ...documented, document_reference: null },
  documentBlank: { status: 'granted', ...documented, document_reference: ' \u3000 ' },
  grantedWithWithdrawalDate: { status: 'granted', ...documented, withdrawn_on: '2025-06-01' },
  withdrawnOnD: { status: 'withdrawn', ...documented, withdrawn_on: D, withdrawal_reason: 'Policy' },
  withdrawnDayAfter: {
    status: 'withdrawn',
    ...documented,
    withdrawn_on: addDays(D, 1),
    withdrawal_reason: 'Policy',
  },
  requestedOnD: { status: 'requested', requested_on: D },
  // The day the last change was recorded decides when a change without a date of its own took effect.
  refusedRecordedOnD: { status: 'refused', requested_on: '2025-01-10', updated_at: at(D) },
  refusedRecordedDayAfter: { status: 'refused', requested_on: '2025-01-10', updated_at: at(addDays(D, 1)) },
  expiredMarkedOnD: { status: 'expired', ...documented, valid_until: '2030-01-01', updated_at: at(D) },
  expiredMarkedDayAfter: {
    status: 'expired',
    ...documented,
    valid_until: '2030-01-01',
    updated_at: at(addDays(D, 1)),
  },
  expiredValidUntilDayBefore: {
    status: 'expired',
    ...documented,
    valid_until: addDays(D, -1),
    updated_at: at('2026-01-01'),
  },
  requestedUndatedRecordedDayAfter: { status: 'requested', updated_at: at(addDays(D, 1)) },
  // A new request after a withdrawal clears the grant from the record: only its history keeps it.
  reRequested: { status: 'requested', requested_on: addDays(D, 1) },
  reRequestedOnD: { status: 'requested', requested_on: D },
  correctedAfter: { status: 'granted', ...documented },
};

/** A version of a consent record in consent_events, as the API writes it: the record's fields. */
interface EventVersion {
  occurredOn: string;
  record: Record<string, string | null>;
}
const grantedVersion = {
  status: 'granted',
  requestedOn: '2025-01-10',
  grantedOn: '2025-03-01',
  validUntil: null,
  withdrawnOn: null,
  issuingOffice: 'Ministry of Foreign Affairs',
  signatory: 'Permanent Secretary',
  documentReference: 'NV/2025/17',
};

/** The earlier versions of some kinds of record, oldest first. */
const HISTORIES: Record<string, EventVersion[]> = {
  withdrawn: [{ occurredOn: '2025-03-02', record: grantedVersion }],
  reRequested: [
    { occurredOn: '2025-03-02', record: grantedVersion },
    {
      occurredOn: '2025-05-02',
      record: { ...grantedVersion, status: 'withdrawn', withdrawnOn: '2025-05-01' },
    },
  ],
  reRequestedOnD: [
    { occurredOn: '2025-03-02', record: grantedVersion },
    { occurredOn: D, record: { ...grantedVersion, status: 'withdrawn', withdrawnOn: addDays(D, -1) } },
  ],
  correctedAfter: [{ occurredOn: '2025-03-02', record: { ...grantedVersion, documentReference: ' ' } }],
  requestedOnD: [
    { occurredOn: '2025-02-01', record: { ...grantedVersion, status: 'refused', grantedOn: null } },
  ],
};

/** Every kind of stage; decided ones with their decisions on either side of D, or none on file. */
const STAGES: { stage: Stage; decisions: { to: Stage; on: string }[] }[] = [
  { stage: 'under_review', decisions: [] },
  { stage: 'concept_note', decisions: [] },
  { stage: 'approved', decisions: [{ to: 'approved', on: addDays(D, -30) }] },
  { stage: 'active', decisions: [] },
  { stage: 'completed', decisions: [{ to: 'approved', on: D }] },
  {
    stage: 'closed',
    decisions: [
      { to: 'approved', on: addDays(D, -1) },
      { to: 'closed', on: '2026-01-15' },
    ],
  },
  { stage: 'closed', decisions: [{ to: 'approved', on: addDays(D, 1) }] },
  { stage: 'closed', decisions: [] },
  { stage: 'withdrawn', decisions: [{ to: 'withdrawn', on: D }] },
  {
    stage: 'withdrawn',
    decisions: [
      { to: 'full_proposal', on: addDays(D, -1) },
      { to: 'withdrawn', on: addDays(D, 1) },
    ],
  },
  { stage: 'rejected', decisions: [{ to: 'rejected', on: addDays(D, 1) }] },
  { stage: 'revision_requested', decisions: [] },
];

/** Every kind of alignment: the periods of its strategies, or none. */
const ALIGNMENTS: Record<string, { from: string; to: string; justification?: string }[]> = {
  none: [],
  covers: [{ from: '2020-01-01', to: '2030-12-31' }],
  endsDayBeforeStart: [{ from: '2020-01-01', to: addDays(START, -1) }],
  startsDayAfterStart: [{ from: addDays(START, 1), to: '2030-12-31' }],
  startsOnStart: [{ from: START, to: '2026-06-30' }],
  endsOnStart: [{ from: '2021-01-01', to: START }],
  blankJustification: [{ from: '2020-01-01', to: '2030-12-31', justification: '\t' }],
  nbspJustification: [{ from: '2020-01-01', to: '2030-12-31', justification: '\u00a0\u2003' }],
  oneOfTwo: [
    { from: '2010-01-01', to: '2019-12-31' },
    { from: '2020-01-01', to: '2030-12-31' },
  ],
};

/** A small deterministic generator, so a failure can be replayed. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let x = Math.imul(state ^ (state >>> 15), 1 | state);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

interface Country {
  iso3: string;
  consent: string;
  alignment: string;
}
interface Spec {
  start: string | null;
  countries: Country[];
  stage: (typeof STAGES)[number];
}

function specs(): Spec[] {
  const all: Spec[] = [];
  const stage = () => STAGES[all.length % STAGES.length]!;
  // Every consent kind with every alignment kind, in one country.
  for (const consent of Object.keys(CONSENTS)) {
    for (const alignment of Object.keys(ALIGNMENTS)) {
      all.push({ start: START, countries: [{ iso3: 'KEN', consent, alignment }], stage: stage() });
    }
  }
  // Without a start date, every consent kind.
  for (const consent of Object.keys(CONSENTS)) {
    all.push({ start: null, countries: [{ iso3: 'KEN', consent, alignment: 'covers' }], stage: stage() });
  }
  // Every consent kind in a proposal, a project judged on its approval and one on its last decision
  // (the grid above has each in several stages already).
  for (const consent of Object.keys(CONSENTS)) {
    for (const kind of (['concept_note', 'closed', 'withdrawn'] as const).map((name) =>
      STAGES.find((entry) => entry.stage === name)!,
    )) {
      all.push({ start: START, countries: [{ iso3: 'KEN', consent, alignment: 'covers' }], stage: kind });
    }
  }
  // Without a recipient country, in every stage.
  for (const kind of STAGES) all.push({ start: START, countries: [], stage: kind });
  // Several countries, mixed at random but reproducibly, weighted to mostly valid records.
  const next = random(66290);
  const pick = <T>(items: T[]) => items[Math.floor(next() * items.length)]!;
  const consentKinds = Object.keys(CONSENTS);
  const alignmentKinds = Object.keys(ALIGNMENTS);
  for (let i = 0; i < 150; i++) {
    const size = 2 + Math.floor(next() * 3);
    all.push({
      start: next() < 0.9 ? START : null,
      countries: COUNTRIES.slice(0, size).map((iso3) => ({
        iso3,
        consent: next() < 0.5 ? 'granted' : pick(consentKinds),
        alignment: next() < 0.5 ? 'covers' : pick(alignmentKinds),
      })),
      stage: pick(STAGES),
    });
  }
  return all;
}

interface ConsentRow {
  id: string;
  project_id: string;
  recorded_on: string;
  country_iso3: string;
  status: ConsentStatus;
  requested_on: string | null;
  granted_on: string | null;
  valid_until: string | null;
  withdrawn_on: string | null;
  issuing_office: string | null;
  signatory: string | null;
  document_reference: string | null;
}

const present = (value: string | null) => value !== null && value.trim().length > 0;

describe('paragraph 6 in SQL', () => {
  let t: TestApp;
  const ids: string[] = [];
  /** project id → the domain's input, built from the raw rows. */
  const inputs = new Map<string, Paragraph6Input>();
  const decisionsOf = new Map<string, ProjectDecisions>();
  const stageOf = new Map<string, Stage>();

  // A few hundred projects written row by row: more than the default hook timeout on a busy machine.
  beforeAll(async () => {
    t = await createTestApp();
    const { rows: organizations } = await t.db.query<{ id: string }>(
      `INSERT INTO organizations (name, kind) VALUES ('Equivalence partner', 'un_entity') RETURNING id`,
    );
    const strategyIds = new Map<string, string>();
    const strategyOf = async (iso3: string, period: { from: string; to: string }) => {
      const key = `${iso3}/${period.from}/${period.to}`;
      if (!strategyIds.has(key)) {
        const { rows } = await t.db.query<{ id: string }>(
          `INSERT INTO national_strategies (country_iso3, title, period_from, period_to)
           VALUES ($1, $2, $3, $4) RETURNING id`,
          [iso3, `Plan ${key}`, period.from, period.to],
        );
        strategyIds.set(key, rows[0]!.id);
      }
      return strategyIds.get(key)!;
    };

    for (const [index, spec] of specs().entries()) {
      const { rows } = await t.db.query<{ id: string }>(
        `INSERT INTO projects (code, title, "window", stage, lead_organization_id, start_date, end_date)
         VALUES ($1, $2, 'I', $6, $3, $4, $5) RETURNING id`,
        [
          `HS-1900-${String(index + 1).padStart(4, '0')}`,
          `Equivalence case ${index + 1}`,
          organizations[0]!.id,
          spec.start,
          spec.start ? '2028-12-31' : null,
          spec.stage.stage,
        ],
      );
      const id = rows[0]!.id;
      ids.push(id);
      for (const [i, decision] of spec.stage.decisions.entries()) {
        await t.db.query(
          `INSERT INTO project_transitions (project_id, from_stage, to_stage, note, decided_on, occurred_at)
           VALUES ($1, 'under_review', $2, 'Decided', $3, $4)`,
          [id, decision.to, decision.on, at(addDays('2026-02-01', i))],
        );
      }
      for (const country of spec.countries) {
        await t.db.query(`INSERT INTO project_countries (project_id, country_iso3) VALUES ($1, $2)`, [
          id,
          country.iso3,
        ]);
        const consent = CONSENTS[country.consent];
        if (consent) {
          const names = Object.keys(consent);
          const { rows: records } = await t.db.query<{ id: string }>(
            `INSERT INTO consent_records (project_id, country_iso3, ${names.join(', ')})
             VALUES ($1, $2, ${names.map((_, i) => `$${i + 3}`).join(', ')}) RETURNING id`,
            [id, country.iso3, ...names.map((n) => consent[n])],
          );
          for (const version of HISTORIES[country.consent] ?? []) {
            await t.db.query(
              `INSERT INTO consent_events (consent_id, occurred_at, status, record) VALUES ($1, $2, $3, $4::jsonb)`,
              [records[0]!.id, at(version.occurredOn), version.record.status, JSON.stringify(version.record)],
            );
          }
        }
        for (const alignment of ALIGNMENTS[country.alignment]!) {
          await t.db.query(
            `INSERT INTO alignments (project_id, country_iso3, strategy_id, justification) VALUES ($1, $2, $3, $4)`,
            [
              id,
              country.iso3,
              await strategyOf(country.iso3, alignment),
              alignment.justification ?? 'In line with the plan.',
            ],
          );
        }
      }
    }

    // The domain's input, from the raw rows: nothing of the API's own reading of them.
    const { rows: projects } = await t.db.query<{
      id: string;
      stage: Stage;
      start_date: string | null;
      countries: string[];
    }>(
      `SELECT p.id, p.stage, p.start_date::text,
              ARRAY(SELECT country_iso3::text FROM project_countries WHERE project_id = p.id) AS countries
       FROM projects p WHERE p.id = ANY($1::uuid[])`,
      [ids],
    );
    const { rows: transitions } = await t.db.query<{
      project_id: string;
      to_stage: Stage;
      decided_on: string;
    }>(`SELECT project_id, to_stage, decided_on::text FROM project_transitions ORDER BY occurred_at, id`);
    const { rows: consents } = await t.db.query<ConsentRow>(
      `SELECT id, project_id, country_iso3, status, requested_on::text, granted_on::text, valid_until::text,
              withdrawn_on::text, issuing_office, signatory, document_reference,
              to_char(updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS recorded_on
       FROM consent_records`,
    );
    const { rows: events } = await t.db.query<{
      consent_id: string;
      recorded_on: string;
      record: Record<string, string | null>;
    }>(
      `SELECT consent_id, to_char(occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS recorded_on, record
       FROM consent_events ORDER BY occurred_at, id`,
    );
    const version = (record: Record<string, string | null>, recordedOn: string): ConsentVersion => ({
      status: record.status as ConsentStatus,
      requestedOn: record.requestedOn ?? null,
      grantedOn: record.grantedOn ?? null,
      validUntil: record.validUntil ?? null,
      withdrawnOn: record.withdrawnOn ?? null,
      hasIssuingOffice: present(record.issuingOffice ?? null),
      hasSignatory: present(record.signatory ?? null),
      hasDocumentReference: present(record.documentReference ?? null),
      recordedOn,
    });
    const { rows: alignments } = await t.db.query<{
      id: string;
      project_id: string;
      country_iso3: string;
      strategy_id: string;
      title: string;
      period_from: string;
      period_to: string;
      justification: string;
    }>(
      `SELECT a.id, a.project_id, a.country_iso3, a.strategy_id, s.title, s.period_from::text,
              s.period_to::text, a.justification
       FROM alignments a JOIN national_strategies s ON s.id = a.strategy_id`,
    );
    for (const project of projects) {
      const decisions = transitions.filter((d) => d.project_id === project.id);
      decisionsOf.set(project.id, {
        approvedOn: decisions.filter((d) => d.to_stage === 'approved').at(-1)?.decided_on ?? null,
        lastDecisionOn: decisions.at(-1)?.decided_on ?? null,
      });
      stageOf.set(project.id, project.stage);
      inputs.set(project.id, {
        recipientCountries: project.countries,
        projectStart: project.start_date,
        stage: project.stage,
        consents: consents
          .filter((c) => c.project_id === project.id)
          .map((c) => ({
            id: c.id,
            country: c.country_iso3,
            status: c.status,
            requestedOn: c.requested_on,
            grantedOn: c.granted_on,
            validUntil: c.valid_until,
            withdrawnOn: c.withdrawn_on,
            hasIssuingOffice: present(c.issuing_office),
            hasSignatory: present(c.signatory),
            hasDocumentReference: present(c.document_reference),
            recordedOn: c.recorded_on,
            history: events.filter((e) => e.consent_id === c.id).map((e) => version(e.record, e.recorded_on)),
          })),
        alignments: alignments
          .filter((a) => a.project_id === project.id)
          .map((a) => ({
            id: a.id,
            country: a.country_iso3,
            strategyId: a.strategy_id,
            strategyTitle: a.title,
            periodFrom: a.period_from,
            periodTo: a.period_to,
            justification: a.justification,
          })),
      });
    }
  }, 180_000);
  afterAll(() => t.close());

  it('writes a few hundred varied projects', () => {
    expect(ids.length).toBeGreaterThan(300);
  });

  it.each(DATES)(
    'gives the status evaluateParagraph6 gives, for every project and country, on %s',
    async (on) => {
      const { rows } = await t.db.query<{
        id: string;
        status: ComplianceStatus;
        countries: { country: string; status: ComplianceStatus }[] | null;
      }>(
        `SELECT p.id, ${projectStatusSql('p', '$1::date')} AS status,
              (SELECT json_agg(json_build_object('country', k.country_iso3, 'status', k.status) ORDER BY k.country_iso3)
               FROM ${countryStatusesSql('p', '$1::date')} k) AS countries
       FROM projects p WHERE p.id = ANY($2::uuid[])`,
        [on, ids],
      );
      expect(rows).toHaveLength(ids.length);
      const mismatches = rows.flatMap((row) => {
        const input = inputs.get(row.id)!;
        const expected = evaluateParagraph6(input, on);
        const countries = [...expected.countries]
          .sort((a, b) => (a.country < b.country ? -1 : 1))
          .map((c) => ({ country: c.country, status: c.status }));
        const same =
          row.status === expected.status && JSON.stringify(row.countries ?? []) === JSON.stringify(countries);
        return same
          ? []
          : [
              {
                input,
                sql: { status: row.status, countries: row.countries },
                domain: { status: expected.status, countries },
              },
            ];
      });
      expect(mismatches).toEqual([]);
      // The cases reach every outcome, so the comparison means something.
      expect(new Set(rows.map((r) => r.status))).toEqual(
        new Set(['compliant', 'pending', 'not_requested', 'non_compliant']),
      );
    },
  );

  it('lists, page by page, exactly the projects of each status (and all of them without one)', async () => {
    const { auth } = await asRole(t, 'donor');
    const expected = new Map<string, Set<string>>();
    for (const id of ids) {
      const status = evaluateParagraph6(inputs.get(id)!, D).status;
      if (!expected.has(status)) expected.set(status, new Set());
      expected.get(status)!.add(id);
    }
    for (const status of ['compliant', 'pending', 'not_requested', 'non_compliant', undefined]) {
      const seen: string[] = [];
      const codes: string[] = [];
      let cursor: string | null = null;
      do {
        const response: Response = await t
          .http()
          .get('/api/v1/compliance')
          .query({ on: D, limit: 37, ...(status ? { status } : {}), ...(cursor ? { cursor } : {}) })
          .set(auth);
        expect(response.status).toBe(200);
        expect(response.body.on).toBe(D);
        for (const item of response.body.items) {
          if (status) expect(item.status).toBe(status);
          seen.push(item.projectId);
          codes.push(item.code);
        }
        cursor = response.body.nextCursor;
      } while (cursor);
      expect(new Set(seen)).toEqual(status ? expected.get(status) : new Set(ids));
      expect(seen).toHaveLength(new Set(seen).size);
      expect(codes).toEqual([...codes].sort());
    }
  }, 120_000);

  it('lists each project on its own date by stage when no date is asked, as paragraph6Date and the domain say', async () => {
    const { auth } = await asRole(t, 'staff');
    const today = new Date().toISOString().slice(0, 10);
    const expected = new Map(
      ids.map((id) => {
        const { on, basis } = paragraph6Date(stageOf.get(id)!, today, decisionsOf.get(id)!);
        return [id, { on, basis, status: evaluateParagraph6(inputs.get(id)!, on).status }];
      }),
    );
    // The cases reach every basis, and the dates around D, so the comparison means something.
    expect(new Set([...expected.values()].map((e) => e.basis))).toEqual(
      new Set(['today', 'approval', 'last_decision']),
    );
    for (const status of ['compliant', 'pending', 'not_requested', 'non_compliant', undefined]) {
      const seen = new Map<string, { on: string; basis: string; status: string }>();
      let cursor: string | null = null;
      do {
        const response: Response = await t
          .http()
          .get('/api/v1/compliance')
          .query({ limit: 61, ...(status ? { status } : {}), ...(cursor ? { cursor } : {}) })
          .set(auth);
        expect(response.status).toBe(200);
        for (const item of response.body.items) {
          if (expected.has(item.projectId)) {
            seen.set(item.projectId, { on: item.on, basis: item.basis, status: item.status });
          }
        }
        cursor = response.body.nextCursor;
      } while (cursor);
      const want = new Map([...expected].filter(([, e]) => !status || e.status === status));
      expect(Object.fromEntries(seen)).toEqual(Object.fromEntries(want));
    }
    // The detail route, with no date asked, judges each on the same date with the domain itself.
    for (const id of ids.filter((_, i) => i % 7 === 0)) {
      const detail = await t.http().get(`/api/v1/projects/${id}/compliance`).set(auth);
      const { on, basis, status } = expected.get(id)!;
      expect({ id, on: detail.body.on, basis: detail.body.basis, status: detail.body.status }).toEqual({
        id,
        on,
        basis,
        status,
      });
    }
  }, 120_000);

  it('agrees with the detail route, which calls the domain itself', async () => {
    const { auth } = await asRole(t, 'staff');
    const list = await t.http().get('/api/v1/compliance').query({ on: D, limit: 200 }).set(auth);
    for (const item of list.body.items as { projectId: string; status: string; countries: unknown[] }[]) {
      const detail = await t
        .http()
        .get(`/api/v1/projects/${item.projectId}/compliance`)
        .query({ on: D })
        .set(auth);
      expect({ id: item.projectId, status: detail.body.status }).toEqual({
        id: item.projectId,
        status: item.status,
      });
      expect(
        (detail.body.countries as { country: string; status: string }[])
          .map((c) => ({ country: c.country, status: c.status }))
          .sort((a, b) => (a.country < b.country ? -1 : 1)),
      ).toEqual(item.countries);
    }
  }, 120_000);
});
