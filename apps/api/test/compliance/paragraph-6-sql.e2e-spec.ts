import type { Response } from 'supertest';
import { addDays, evaluateParagraph6 } from '@hstf/domain';
import type { ComplianceStatus, ConsentStatus, Paragraph6Input } from '@hstf/domain';
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
 */

const D = '2025-06-15';
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
};

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
}

function specs(): Spec[] {
  const all: Spec[] = [];
  // Every consent kind with every alignment kind, in one country.
  for (const consent of Object.keys(CONSENTS)) {
    for (const alignment of Object.keys(ALIGNMENTS)) {
      all.push({ start: START, countries: [{ iso3: 'KEN', consent, alignment }] });
    }
  }
  // Without a start date, every consent kind.
  for (const consent of Object.keys(CONSENTS)) {
    all.push({ start: null, countries: [{ iso3: 'KEN', consent, alignment: 'covers' }] });
  }
  // Without a recipient country.
  all.push({ start: START, countries: [] });
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
    });
  }
  return all;
}

interface ConsentRow {
  id: string;
  project_id: string;
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
         VALUES ($1, $2, 'I', 'under_review', $3, $4, $5) RETURNING id`,
        [
          `HS-1900-${String(index + 1).padStart(4, '0')}`,
          `Equivalence case ${index + 1}`,
          organizations[0]!.id,
          spec.start,
          spec.start ? '2028-12-31' : null,
        ],
      );
      const id = rows[0]!.id;
      ids.push(id);
      for (const country of spec.countries) {
        await t.db.query(`INSERT INTO project_countries (project_id, country_iso3) VALUES ($1, $2)`, [
          id,
          country.iso3,
        ]);
        const consent = CONSENTS[country.consent];
        if (consent) {
          const names = Object.keys(consent);
          await t.db.query(
            `INSERT INTO consent_records (project_id, country_iso3, ${names.join(', ')})
             VALUES ($1, $2, ${names.map((_, i) => `$${i + 3}`).join(', ')})`,
            [id, country.iso3, ...names.map((n) => consent[n])],
          );
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
      start_date: string | null;
      countries: string[];
    }>(
      `SELECT p.id, p.start_date::text,
              ARRAY(SELECT country_iso3::text FROM project_countries WHERE project_id = p.id) AS countries
       FROM projects p WHERE p.id = ANY($1::uuid[])`,
      [ids],
    );
    const { rows: consents } = await t.db.query<ConsentRow>(
      `SELECT id, project_id, country_iso3, status, requested_on::text, granted_on::text, valid_until::text,
              withdrawn_on::text, issuing_office, signatory, document_reference FROM consent_records`,
    );
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
      inputs.set(project.id, {
        recipientCountries: project.countries,
        projectStart: project.start_date,
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
  });
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
      expect(new Set(rows.map((r) => r.status))).toEqual(new Set(['compliant', 'pending', 'non_compliant']));
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
    for (const status of ['compliant', 'pending', 'non_compliant', undefined]) {
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
  });

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
  });
});
