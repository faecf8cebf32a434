import { asRole } from '../support/builders';
import { aConsent, aDecision, anAlignment } from '../support/lifecycle-builders';
import { aProject } from '../support/portfolio-builders';
import { createTestApp, TestApp } from '../support/test-app';

type Auth = { Authorization: string };

const today = () => new Date().toISOString().slice(0, 10);

/**
 * Which date paragraph 6 is judged on (DESIGN.md §4.2): a past date on the records as they stood
 * then, and with no date asked, each stage on its own date, with what was lost since as history.
 */
describe('paragraph 6 on a date', () => {
  let t: TestApp;
  let staff: Auth;

  beforeAll(async () => {
    t = await createTestApp();
    staff = (await asRole(t, 'staff')).auth;
  });
  afterAll(() => t.close());

  const detail = (projectId: string, on?: string) =>
    t
      .http()
      .get(`/api/v1/projects/${projectId}/compliance`)
      .query(on ? { on } : {})
      .set(staff);

  /** The list's item for the project (the SQL side), on the date asked or by stage. */
  const listed = async (projectId: string, query: Record<string, string> = {}) => {
    const response = await t
      .http()
      .get('/api/v1/compliance')
      .query({ limit: 200, ...query })
      .set(staff);
    expect(response.status).toBe(200);
    return (response.body.items as { projectId: string; status: string }[]).find(
      (item) => item.projectId === projectId,
    );
  };

  it('counts a consent withdrawn later for a date before the withdrawal, even after a new request clears the grant', async () => {
    const project = await aProject(t, {
      stage: 'active',
      countries: ['KEN'],
      startDate: '2024-09-01',
      endDate: '2027-08-31',
    });
    await anAlignment(t, project.id, 'KEN');
    const consents = `/api/v1/projects/${project.id}/consents`;
    const created = await t.http().post(consents).set(staff).send({
      countryIso3: 'KEN',
      status: 'granted',
      requestedOn: '2024-01-10',
      grantedOn: '2024-03-01',
      issuingOffice: 'Ministry of Foreign Affairs',
      signatory: 'Permanent Secretary',
      documentReference: 'MFA/UNTFHS/2024/3',
    });
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    await expect(detail(project.id, '2024-06-10')).resolves.toMatchObject({ body: { status: 'compliant' } });

    const withdrawn = await t.http().patch(`${consents}/${id}`).set(staff).send({
      version: 1,
      status: 'withdrawn',
      withdrawnOn: '2025-01-01',
      withdrawalReason: 'The Government suspended the project sites',
    });
    expect(withdrawn.status).toBe(200);
    const onApproval = await detail(project.id, '2024-06-10');
    expect(onApproval.body).toMatchObject({ on: '2024-06-10', basis: 'asked', status: 'compliant' });
    expect(onApproval.body.countries[0].consent.records).toMatchObject([
      { recordId: id, status: 'granted', withdrawnOn: null, counts: true },
    ]);
    await expect(detail(project.id, '2025-01-01')).resolves.toMatchObject({
      body: { status: 'non_compliant' },
    });
    await expect(detail(project.id)).resolves.toMatchObject({
      body: { on: today(), basis: 'today', status: 'non_compliant' },
    });

    // A new request clears the grant and the withdrawal from the record: only its history has them.
    const again = await t
      .http()
      .patch(`${consents}/${id}`)
      .set(staff)
      .send({ version: 2, status: 'requested', requestedOn: '2025-03-01' });
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ grantedOn: null, withdrawnOn: null });
    const statuses = async (on: string): Promise<(string | undefined)[]> => [
      (await detail(project.id, on)).body.status as string,
      (await listed(project.id, { on }))?.status,
    ];
    await expect(statuses('2024-06-10')).resolves.toEqual(['compliant', 'compliant']);
    await expect(statuses('2025-02-01')).resolves.toEqual(['non_compliant', 'non_compliant']);
    await expect(statuses('2025-03-01')).resolves.toEqual(['pending', 'pending']);
    await expect(statuses('2024-01-09')).resolves.toEqual(['non_compliant', 'non_compliant']);
  });

  it('judges a closed project as it stood at its approval, with the later expiry as history', async () => {
    const project = await aProject(t, {
      stage: 'closed',
      countries: ['UGA'],
      startDate: '2020-01-01',
      endDate: '2021-12-31',
    });
    await anAlignment(t, project.id, 'UGA', { from: '2019-01-01', to: '2023-12-31' });
    const recordId = await aConsent(t, project.id, 'UGA', 'granted', {
      requested_on: '2019-01-15',
      granted_on: '2019-03-15',
      valid_until: '2021-12-31',
    });
    await aDecision(t, project.id, 'under_review', 'approved', '2019-11-17');
    await aDecision(t, project.id, 'completed', 'closed', '2022-06-30');

    const response = await detail(project.id);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      on: '2019-11-17',
      basis: 'approval',
      status: 'compliant',
      history: [
        {
          country: 'UGA',
          recordId,
          kind: 'expired',
          lostOn: '2022-01-01',
          message: 'The consent of UGA expired on 2022-01-01, after the date judged.',
        },
      ],
    });
    await expect(detail(project.id, today())).resolves.toMatchObject({
      body: { basis: 'asked', status: 'non_compliant', history: [] },
    });
    await expect(listed(project.id)).resolves.toMatchObject({
      on: '2019-11-17',
      basis: 'approval',
      status: 'compliant',
      countries: [{ country: 'UGA', status: 'compliant' }],
    });
  });

  it('judges a withdrawn project at its withdrawal, and a closed one with no approval on file on today', async () => {
    const withdrawn = await aProject(t, { stage: 'withdrawn', countries: ['TZA'], startDate: '2020-01-01' });
    await aConsent(t, withdrawn.id, 'TZA', 'requested', { requested_on: '2019-02-01' });
    await aDecision(t, withdrawn.id, 'full_proposal', 'withdrawn', '2019-05-20');
    await expect(detail(withdrawn.id)).resolves.toMatchObject({
      body: { on: '2019-05-20', basis: 'last_decision', status: 'pending' },
    });
    await expect(listed(withdrawn.id)).resolves.toMatchObject({ on: '2019-05-20', status: 'pending' });

    const undocumented = await aProject(t, { stage: 'closed', countries: ['ETH'] });
    await expect(detail(undocumented.id)).resolves.toMatchObject({
      body: { on: today(), basis: 'today', status: 'non_compliant' },
    });
  });

  it('calls a proposal with no consent on file not requested, a status of its own, in the detail and the list', async () => {
    const project = await aProject(t, { stage: 'concept_note', countries: ['KEN', 'UGA'] });
    const response = await detail(project.id);
    expect(response.body).toMatchObject({
      status: 'not_requested',
      countries: [
        { country: 'KEN', status: 'not_requested', reasons: [{ code: 'consent_not_requested' }, {}] },
        { country: 'UGA', status: 'not_requested' },
      ],
    });
    expect(response.body.countries[0].reasons[0].message).toBe(
      'The consent of KEN has not been requested yet.',
    );
    await expect(listed(project.id, { status: 'not_requested' })).resolves.toMatchObject({
      status: 'not_requested',
    });

    await aConsent(t, project.id, 'KEN', 'requested');
    await expect(detail(project.id)).resolves.toMatchObject({
      body: { status: 'pending', countries: [{ status: 'pending' }, { status: 'not_requested' }] },
    });
    const decided = await aProject(t, { stage: 'approved', countries: ['KEN'] });
    await expect(detail(decided.id)).resolves.toMatchObject({ body: { status: 'non_compliant' } });
  });
});
