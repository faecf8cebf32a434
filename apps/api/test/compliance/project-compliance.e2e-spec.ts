import { randomUUID } from 'node:crypto';
import { RESOLUTION_66_290_PARAGRAPH_6 } from '@hstf/domain';
import { asRole } from '../support/builders';
import { aConsent, anAlignment, aReview } from '../support/lifecycle-builders';
import { aProject, BuiltProject } from '../support/portfolio-builders';
import { expectProblem, rawBody } from '../support/problems';
import { createTestApp, TestApp } from '../support/test-app';

type Auth = { Authorization: string };

/** Values only staff and admin may ever see. */
const SECRET = {
  issuing_office: 'Office-of-the-President-8H3',
  signatory: 'Signatory-Grace-Achieng-2M5',
  document_reference: 'DOC-REF-OP-2025-4471',
  scope: 'Scope-Karamoja-sub-region-6T2',
  withdrawal_reason: 'Reason-suspended-pending-audit-1W9',
};

/** GET /api/v1/projects/:id/compliance: paragraph 6 per country, in words, and paragraph 3. */
describe('project compliance', () => {
  let t: TestApp;
  let staff: Auth;
  let donor: Auth;
  let project: BuiltProject;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestApp();
    staff = (await asRole(t, 'staff')).auth;
    donor = (await asRole(t, 'donor')).auth;
    // KEN compliant; UGA pending (requested); TZA withdrawn, with every secret recorded on it.
    project = await aProject(t, {
      stage: 'under_review',
      countries: ['KEN', 'UGA', 'TZA'],
      startDate: '2026-01-01',
      endDate: '2028-12-31',
    });
    ids.KEN = await aConsent(t, project.id, 'KEN', 'granted', {
      issuing_office: SECRET.issuing_office,
      signatory: SECRET.signatory,
      document_reference: SECRET.document_reference,
      scope: SECRET.scope,
    });
    ids.UGA = await aConsent(t, project.id, 'UGA', 'requested', { requested_on: '2025-11-02' });
    ids.TZA = await aConsent(t, project.id, 'TZA', 'withdrawn', {
      withdrawn_on: '2025-09-01',
      withdrawal_reason: SECRET.withdrawal_reason,
      document_reference: SECRET.document_reference,
    });
    ids.KENalignment = (await anAlignment(t, project.id, 'KEN')).id;
    ids.UGAalignment = (await anAlignment(t, project.id, 'UGA', { from: '2020-01-01', to: '2025-12-31' })).id;
  });
  afterAll(() => t.close());

  const get = (auth: Auth, projectId = project.id, on?: string) =>
    t
      .http()
      .get(`/api/v1/projects/${projectId}/compliance`)
      .query(on ? { on } : {})
      .set(auth);

  it('judges every recipient country and explains each with codes, facts and sentences', async () => {
    const response = await get(staff, project.id, '2026-03-01');
    expect(response.status).toBe(200);
    const body = response.body;
    expect(body).toMatchObject({
      projectId: project.id,
      code: project.code,
      on: '2026-03-01',
      projectStart: '2026-01-01',
      status: 'non_compliant',
      paragraph6: { text: RESOLUTION_66_290_PARAGRAPH_6 },
      reasons: [],
    });
    const byCountry = Object.fromEntries(
      (body.countries as { country: string }[]).map((c) => [c.country, c]),
    ) as Record<string, Record<string, unknown>>;
    expect(byCountry.KEN).toMatchObject({
      countryName: 'Kenya',
      status: 'compliant',
      consent: {
        holds: true,
        recordId: ids.KEN,
        records: [{ recordId: ids.KEN, counts: true, problems: [] }],
      },
      alignment: {
        holds: true,
        alignmentId: ids.KENalignment,
        records: [{ coversStart: true, counts: true }],
      },
      reasons: [],
    });
    expect(byCountry.UGA).toMatchObject({
      status: 'pending',
      consent: { holds: false, recordId: null, records: [{ status: 'requested', counts: false }] },
      alignment: {
        holds: false,
        records: [
          {
            alignmentId: ids.UGAalignment,
            periodFrom: '2020-01-01',
            periodTo: '2025-12-31',
            coversStart: false,
            problems: [
              {
                code: 'alignment_period_excludes_start',
                message:
                  'Its period (2020-01-01 to 2025-12-31) does not cover the project start on 2026-01-01.',
              },
            ],
          },
        ],
      },
      reasons: [
        {
          code: 'consent_requested',
          facts: { country: 'UGA', recordId: ids.UGA, requestedOn: '2025-11-02' },
          message: 'The consent of UGA was requested on 2025-11-02 and has not been granted yet.',
        },
        { code: 'alignment_not_valid' },
      ],
    });
    expect(byCountry.TZA).toMatchObject({
      status: 'non_compliant',
      consent: {
        holds: false,
        records: [
          {
            status: 'withdrawn',
            withdrawnOn: '2025-09-01',
            withdrawalReason: SECRET.withdrawal_reason,
            problems: [{ code: 'consent_record_withdrawn', message: 'It was withdrawn on 2025-09-01.' }],
          },
        ],
      },
      reasons: [
        { code: 'consent_withdrawn', message: 'TZA withdrew its consent on 2025-09-01.' },
        { code: 'alignment_missing', message: 'No alignment to a national strategy of TZA is recorded.' },
      ],
    });
    // Staff see the authority and the document behind the consent.
    const text = rawBody(response);
    for (const secret of Object.values(SECRET)) expect(text).toContain(secret);
  });

  it('judges on the date asked, today by default', async () => {
    const before = await get(staff, project.id, '2025-05-31');
    const kenya = (before.body.countries as { country: string; consent: { records: unknown[] } }[]).find(
      (c) => c.country === 'KEN',
    )!;
    // Granted on 2025-06-01: the day before, the record stood as a request.
    expect(kenya.consent.records).toMatchObject([
      {
        status: 'requested',
        grantedOn: null,
        counts: false,
        problems: [{ code: 'consent_not_granted', facts: { status: 'requested' } }],
      },
    ]);
    const today = await get(staff);
    expect(today.body.on).toBe(new Date().toISOString().slice(0, 10));
    expectProblem(await get(staff, project.id, '2026-02-30'), 400);
  });

  it('gives donors the statuses and the reasons, but no authority, signatory, document, scope or withdrawal reason', async () => {
    const response = await get(donor, project.id, '2026-03-01');
    expect(response.status).toBe(200);
    const staffView = await get(staff, project.id, '2026-03-01');
    expect(response.body.status).toBe(staffView.body.status);
    expect(response.body.countries.map((c: { reasons: unknown }) => c.reasons)).toEqual(
      staffView.body.countries.map((c: { reasons: unknown }) => c.reasons),
    );
    const text = rawBody(response);
    for (const secret of Object.values(SECRET)) expect(text).not.toContain(secret);
    for (const key of ['issuingOffice', 'signatory', 'documentReference', 'withdrawalReason', 'scope']) {
      expect(text).not.toContain(`"${key}"`);
    }
  });

  it('shows reviewers the proposals assigned to them only, redacted like donors', async () => {
    const assigned = await asRole(t, 'reviewer');
    await aReview(t, project.id, [3, 3, 3, 3, 3], 'assigned', assigned.user.id);
    const response = await get(assigned.auth, project.id, '2026-03-01');
    expect(response.status).toBe(200);
    expect(response.body.status).toBe('non_compliant');
    for (const secret of Object.values(SECRET)) expect(rawBody(response)).not.toContain(secret);

    const conflicted = await asRole(t, 'reviewer');
    await aReview(t, project.id, [3, 3, 3, 3, 3], 'declined_conflict', conflicted.user.id);
    expectProblem(await get(conflicted.auth), 404);
    const stranger = await asRole(t, 'reviewer');
    expectProblem(await get(stranger.auth), 404);
  });

  it('answers 404 for an unknown or deleted project', async () => {
    expectProblem(await get(staff, randomUUID()), 404);
    const deleted = await aProject(t, { stage: 'concept_note' });
    await t.db.query(`UPDATE projects SET deleted_at = now() WHERE id = $1`, [deleted.id]);
    expectProblem(await get(donor, deleted.id), 404);
  });

  it('reports a decided project without a country or a start date as non-compliant, and why', async () => {
    const bare = await aProject(t, { stage: 'approved', countries: [] });
    await t.db.query(`UPDATE projects SET start_date = NULL, end_date = NULL WHERE id = $1`, [bare.id]);
    const response = await get(staff, bare.id);
    expect(response.body).toMatchObject({
      status: 'non_compliant',
      countries: [],
      reasons: [
        {
          code: 'no_recipient_country',
          message: 'The project names no recipient country, so no recipient State has consented.',
        },
        { code: 'project_start_missing' },
      ],
    });
  });

  it('screens the paragraph 3 declarations, quoting the resolution', async () => {
    const undeclared = await get(staff);
    expect(undeclared.body.paragraph3).toMatchObject({
      status: 'incomplete',
      declarations: [
        {
          paragraph: '3(e)',
          declared: null,
          quote: expect.stringMatching(/^\(e\) Human security does not entail/),
        },
        {
          paragraph: '3(d)',
          declared: null,
          quote: expect.stringMatching(/^\(d\) The notion of human security/),
        },
      ],
      problems: [{ code: 'paragraph_3_declaration_missing' }, { code: 'paragraph_3_declaration_missing' }],
    });
    await t.db.query(
      `UPDATE projects SET declares_no_coercion = true, declares_distinct_from_r2p = true WHERE id = $1`,
      [project.id],
    );
    const declared = await get(donor);
    expect(declared.body.paragraph3).toMatchObject({ status: 'declared', problems: [] });
  });

  it('lists projects by status for staff, admin and donors only', async () => {
    const list = await t.http().get('/api/v1/compliance').query({ status: 'non_compliant' }).set(staff);
    expect(list.status).toBe(200);
    expect(list.body.items.map((i: { projectId: string }) => i.projectId)).toContain(project.id);
    const reviewer = await asRole(t, 'reviewer');
    expectProblem(await t.http().get('/api/v1/compliance').set(reviewer.auth), 403);
    expectProblem(await t.http().get('/api/v1/compliance').query({ status: 'fine' }).set(staff), 400);
    expectProblem(await t.http().get('/api/v1/compliance').query({ cursor: 'nope' }).set(staff), 400);
  });
});
