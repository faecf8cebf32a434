import { randomUUID } from 'node:crypto';
import type { Response } from 'supertest';
import { CONSENT_STATUSES, ConsentStatus } from '@hstf/domain';
import { asRole } from '../support/builders';
import { aProject } from '../support/portfolio-builders';
import { expectProblem, rawBody } from '../support/problems';
import { aReview } from '../support/review-builders';
import { count, createTestApp, TestApp } from '../support/test-app';

type Auth = { Authorization: string };

/** Values only staff and admin may ever see: reviewers' and donors' responses must not contain them. */
const SECRET = {
  issuingOffice: 'Office-of-the-Prime-Minister-7Q2',
  signatory: 'Signatory-Amina-Wanjiru-5K8',
  documentReference: 'DOC-REF-OPM-2024-0917',
  scope: 'Scope-Turkana-and-Marsabit-3X1',
  withdrawalReason: 'Reason-Cabinet-reshuffle-9Z4',
};
const PUBLIC_KEYS = ['countryIso3', 'grantedOn', 'id', 'requestedOn', 'status', 'validUntil'];

/** The columns of a record in each status, for arranging one directly. */
const STATE: Record<ConsentStatus, Record<string, string | null>> = {
  requested: { requested_on: '2024-01-15' },
  refused: { requested_on: '2024-01-15' },
  granted: {
    requested_on: '2024-01-15',
    granted_on: '2024-02-01',
    valid_until: '2027-12-31',
    issuing_office: SECRET.issuingOffice,
    signatory: SECRET.signatory,
    document_reference: SECRET.documentReference,
    scope: SECRET.scope,
  },
  expired: {
    requested_on: '2024-01-15',
    granted_on: '2024-02-01',
    valid_until: '2024-12-31',
    issuing_office: SECRET.issuingOffice,
    signatory: SECRET.signatory,
    document_reference: SECRET.documentReference,
  },
  withdrawn: {
    requested_on: '2024-01-15',
    granted_on: '2024-02-01',
    issuing_office: SECRET.issuingOffice,
    signatory: SECRET.signatory,
    document_reference: SECRET.documentReference,
    withdrawn_on: '2024-06-01',
    withdrawal_reason: SECRET.withdrawalReason,
  },
};

/** A change to each status, carrying what that status needs. */
const CHANGE_TO: Record<ConsentStatus, Record<string, string>> = {
  requested: { status: 'requested', requestedOn: '2025-02-01' },
  granted: {
    status: 'granted',
    grantedOn: '2024-03-01',
    issuingOffice: 'Ministry of Foreign Affairs',
    signatory: 'Permanent Secretary',
    documentReference: 'MFA/UNTFHS/2024/12',
  },
  refused: { status: 'refused' },
  withdrawn: {
    status: 'withdrawn',
    withdrawnOn: '2024-09-01',
    withdrawalReason: 'Change of government policy',
  },
  expired: { status: 'expired' },
};

const LEGAL: [ConsentStatus, ConsentStatus][] = [
  ['requested', 'granted'],
  ['requested', 'refused'],
  ['requested', 'expired'],
  ['granted', 'withdrawn'],
  ['granted', 'expired'],
  ['refused', 'requested'],
  ['expired', 'requested'],
  ['withdrawn', 'requested'],
];
const isLegal = (from: ConsentStatus, to: ConsentStatus) => LEGAL.some(([f, t]) => f === from && t === to);
const ALL_PAIRS = CONSENT_STATUSES.flatMap((from) =>
  CONSENT_STATUSES.filter((to) => to !== from).map((to) => [from, to] as [ConsentStatus, ConsentStatus]),
);
const ILLEGAL = ALL_PAIRS.filter(([from, to]) => !isLegal(from, to));

/**
 * Consent records: one per project × recipient country, status changes by the rules only, every
 * change kept as history; documents, signatories and reasons for staff and admin only.
 */
describe('consent records', () => {
  let t: TestApp;
  let staff: Auth;
  let admin: Auth;
  let reviewer: Auth;
  let reviewerId: string;
  let donor: Auth;

  beforeAll(async () => {
    t = await createTestApp();
    staff = (await asRole(t, 'staff')).auth;
    admin = (await asRole(t, 'admin')).auth;
    ({
      auth: reviewer,
      user: { id: reviewerId },
    } = await asRole(t, 'reviewer'));
    donor = (await asRole(t, 'donor')).auth;
  });
  afterAll(() => t.close());

  const path = (projectId: string, id?: string, history = false) =>
    `/api/v1/projects/${projectId}/consents${id ? `/${id}` : ''}${history ? '/history' : ''}`;
  const written = async () => ({
    consents: await count(t.db, 'consent_records'),
    events: await count(t.db, 'consent_events'),
    audit: await count(t.db, 'audit_entries'),
  });
  const consentRow = (id: string) =>
    t.db
      .query(
        `SELECT status, requested_on::text, granted_on::text, valid_until::text, withdrawn_on::text,
                withdrawal_reason, issuing_office, signatory, document_reference, scope, version
         FROM consent_records WHERE id = $1`,
        [id],
      )
      .then((r) => r.rows[0] as Record<string, unknown> | undefined);

  /** A record in that status, inserted directly (no history, no audit), on a project of its own. */
  async function aConsent(status: ConsentStatus, countries = ['KEN']) {
    const project = await aProject(t, { countries });
    const columns = { status, ...STATE[status] };
    const names = Object.keys(columns);
    const { rows } = await t.db.query<{ id: string }>(
      `INSERT INTO consent_records (project_id, country_iso3, ${names.join(', ')})
       VALUES ($1, $2, ${names.map((_, i) => `$${i + 3}`).join(', ')}) RETURNING id`,
      [project.id, countries[0], ...Object.values(columns)],
    );
    return { project, id: rows[0]!.id };
  }

  const aGrantRequest = (overrides: Record<string, unknown> = {}) => ({
    countryIso3: 'KEN',
    status: 'granted',
    requestedOn: '2024-01-15',
    grantedOn: '2024-02-01',
    validUntil: '2027-12-31',
    issuingOffice: SECRET.issuingOffice,
    signatory: SECRET.signatory,
    documentReference: SECRET.documentReference,
    scope: SECRET.scope,
    ...overrides,
  });

  describe('creating', () => {
    it('records a request, with its first history entry and exactly one audit entry', async () => {
      const project = await aProject(t, { countries: ['KEN', 'UGA'] });
      const response = await t
        .http()
        .post(path(project.id))
        .set(staff)
        .send({ countryIso3: 'uga', status: 'requested', requestedOn: '2024-01-15' });
      expect(response.status).toBe(201);
      expect(response.body).toEqual({
        id: expect.any(String),
        projectId: project.id,
        countryIso3: 'UGA',
        status: 'requested',
        requestedOn: '2024-01-15',
        grantedOn: null,
        validUntil: null,
        withdrawnOn: null,
        withdrawalReason: null,
        issuingOffice: null,
        signatory: null,
        documentReference: null,
        scope: null,
        version: 1,
        createdAt: expect.any(String),
        updatedAt: expect.any(String),
      });
      await expect(
        t.db.query<Record<string, unknown>>(
          `SELECT status, record FROM consent_events WHERE consent_id = $1`,
          [response.body.id],
        ),
      ).resolves.toMatchObject({ rows: [{ status: 'requested', record: response.body }] });
      await expect(
        t.db.query<Record<string, unknown>>(
          `SELECT action, entity, after FROM audit_entries WHERE entity_id = $1`,
          [response.body.id],
        ),
      ).resolves.toMatchObject({
        rows: [{ action: 'create', entity: 'consent_record', after: response.body }],
      });
    });

    it('records a consent directly as granted, with its authority and document', async () => {
      const project = await aProject(t);
      const response = await t.http().post(path(project.id)).set(admin).send(aGrantRequest());
      expect(response.status).toBe(201);
      expect(response.body).toMatchObject({
        status: 'granted',
        grantedOn: '2024-02-01',
        issuingOffice: SECRET.issuingOffice,
        signatory: SECRET.signatory,
        documentReference: SECRET.documentReference,
      });
    });

    const invalid: [string, Record<string, unknown>, string][] = [
      [
        'a request without requestedOn',
        { status: 'requested', requestedOn: undefined, grantedOn: undefined },
        'requestedOn',
      ],
      ['a grant without grantedOn', { grantedOn: undefined }, 'grantedOn'],
      ['a grant without issuingOffice', { issuingOffice: undefined }, 'issuingOffice'],
      ['a grant without signatory', { signatory: undefined }, 'signatory'],
      ['a grant without documentReference', { documentReference: undefined }, 'documentReference'],
      ['a grant with a blank signatory', { signatory: '   ' }, 'signatory'],
      ['grantedOn before requestedOn', { grantedOn: '2024-01-14' }, 'grantedOn'],
      ['validUntil before grantedOn', { validUntil: '2024-01-31' }, 'validUntil'],
      ['a date that does not exist', { grantedOn: '2024-02-30' }, 'grantedOn'],
      ['a record that starts as refused', { status: 'refused' }, 'status'],
      ['a record that starts as withdrawn', { status: 'withdrawn' }, 'status'],
      ['a withdrawal reason on creation', { withdrawalReason: 'No' }, 'withdrawalReason'],
      ['a country that is not a recipient of the project', { countryIso3: 'NPL' }, 'countryIso3'],
      ['a malformed country', { countryIso3: 'Kenya' }, 'countryIso3'],
      ['an unknown property', { approved: true }, 'approved'],
    ];
    it.each(invalid)(
      'refuses %s with 400 problem+json on the field and writes nothing',
      async (_, change, field) => {
        const project = await aProject(t);
        const before = await written();
        const response = await t.http().post(path(project.id)).set(staff).send(aGrantRequest(change));
        const problem = expectProblem(response, 400);
        expect(problem.errors?.map((e) => e.field)).toContain(field);
        await expect(written()).resolves.toEqual(before);
      },
    );

    it('gives the non-recipient country the message the dashboard shows', async () => {
      const project = await aProject(t, { countries: ['KEN'] });
      const response = await t
        .http()
        .post(path(project.id))
        .set(staff)
        .send({ countryIso3: 'NPL', status: 'requested', requestedOn: '2024-01-15' });
      expect(expectProblem(response, 400).errors).toEqual([
        { field: 'countryIso3', message: 'is not a recipient country of this project' },
      ]);
    });

    it('refuses a second record for the same project and country with 409 and writes nothing', async () => {
      const { project } = await aConsent('requested');
      const before = await written();
      const response = await t
        .http()
        .post(path(project.id))
        .set(staff)
        .send({ countryIso3: 'KEN', status: 'requested', requestedOn: '2024-03-01' });
      expectProblem(response, 409);
      await expect(written()).resolves.toEqual(before);
    });

    it.each([
      ['reviewer', () => reviewer],
      ['donor', () => donor],
    ])('refuses a %s with 403 and writes nothing', async (_, auth) => {
      const project = await aProject(t);
      const before = await written();
      expectProblem(await t.http().post(path(project.id)).set(auth()).send(aGrantRequest()), 403);
      await expect(written()).resolves.toEqual(before);
    });
  });

  describe('status changes', () => {
    it('covers all 20 pairs of distinct statuses: 8 allowed, 12 refused', () => {
      expect(ALL_PAIRS).toHaveLength(20);
      expect(LEGAL).toHaveLength(8);
      expect(ILLEGAL).toHaveLength(12);
    });

    it.each(LEGAL)('accepts %s → %s, appending one history entry and one audit entry', async (from, to) => {
      const { project, id } = await aConsent(from);
      const before = await written();
      const response = await t
        .http()
        .patch(path(project.id, id))
        .set(staff)
        .send({ version: 1, ...CHANGE_TO[to] });
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ status: to, version: 2 });
      await expect(consentRow(id)).resolves.toMatchObject({ status: to, version: 2 });
      await expect(written()).resolves.toEqual({
        ...before,
        events: before.events + 1,
        audit: before.audit + 1,
      });
      await expect(
        t.db
          .query<Record<string, unknown>>(`SELECT status FROM consent_events WHERE consent_id = $1`, [id])
          .then((r) => r.rows),
      ).resolves.toEqual([{ status: to }]);
    });

    it.each(ILLEGAL)(
      'refuses %s → %s with 422 problem+json naming both, and changes nothing',
      async (from, to) => {
        const { project, id } = await aConsent(from);
        const row = await consentRow(id);
        const before = await written();
        const response = await t
          .http()
          .patch(path(project.id, id))
          .set(staff)
          .send({ version: 1, ...CHANGE_TO[to] });
        const problem = expectProblem(response, 422);
        expect(problem).toMatchObject({ from, to });
        expect(problem.detail).toContain(`from ${from} to ${to}`);
        await expect(consentRow(id)).resolves.toEqual(row);
        await expect(written()).resolves.toEqual(before);
      },
    );

    it.each(['grantedOn', 'issuingOffice', 'signatory', 'documentReference'])(
      'refuses a grant without %s with 400 on that field and changes nothing',
      async (field) => {
        const { project, id } = await aConsent('requested');
        const row = await consentRow(id);
        const before = await written();
        const response = await t
          .http()
          .patch(path(project.id, id))
          .set(staff)
          .send({ version: 1, ...CHANGE_TO.granted, [field]: undefined });
        expect(expectProblem(response, 400).errors).toEqual([
          { field, message: 'is required for a granted consent' },
        ]);
        await expect(consentRow(id)).resolves.toEqual(row);
        await expect(written()).resolves.toEqual(before);
      },
    );

    it('refuses a grant without authority or document at all, naming every missing field', async () => {
      const { project, id } = await aConsent('requested');
      const response = await t
        .http()
        .patch(path(project.id, id))
        .set(staff)
        .send({ version: 1, status: 'granted', grantedOn: '2024-03-01' });
      expect(expectProblem(response, 400).errors?.map((e) => e.field)).toEqual([
        'issuingOffice',
        'signatory',
        'documentReference',
      ]);
      await expect(consentRow(id)).resolves.toMatchObject({ status: 'requested', version: 1 });
    });

    it.each(['withdrawnOn', 'withdrawalReason'])(
      'refuses a withdrawal without %s with 400 on that field and changes nothing',
      async (field) => {
        const { project, id } = await aConsent('granted');
        const before = await written();
        const response = await t
          .http()
          .patch(path(project.id, id))
          .set(staff)
          .send({ version: 1, ...CHANGE_TO.withdrawn, [field]: undefined });
        expect(expectProblem(response, 400).errors).toEqual([
          { field, message: 'is required for a withdrawn consent' },
        ]);
        await expect(consentRow(id)).resolves.toMatchObject({ status: 'granted', version: 1 });
        await expect(written()).resolves.toEqual(before);
      },
    );

    it.each([
      [
        'grantedOn before requestedOn',
        'requested',
        { ...CHANGE_TO.granted, grantedOn: '2024-01-14' },
        'grantedOn',
      ],
      ['validUntil before grantedOn', 'granted', { validUntil: '2024-01-31' }, 'validUntil'],
      [
        'withdrawnOn before grantedOn',
        'granted',
        { ...CHANGE_TO.withdrawn, withdrawnOn: '2024-01-31' },
        'withdrawnOn',
      ],
      [
        'a withdrawal reason on a consent that is not withdrawn',
        'granted',
        { withdrawalReason: 'x' },
        'withdrawalReason',
      ],
      ['a new request without its date', 'refused', { status: 'requested' }, 'requestedOn'],
      [
        'clearing the document of a granted consent',
        'granted',
        { documentReference: null },
        'documentReference',
      ],
      ['an unknown status', 'requested', { status: 'approved' }, 'status'],
      ['a null status', 'requested', { status: null }, 'status'],
    ] as [string, ConsentStatus, Record<string, unknown>, string][])(
      'refuses %s with 400 on the field and changes nothing',
      async (_, from, change, field) => {
        const { project, id } = await aConsent(from);
        const row = await consentRow(id);
        const before = await written();
        const response = await t
          .http()
          .patch(path(project.id, id))
          .set(staff)
          .send({ version: 1, ...change });
        expect(expectProblem(response, 400).errors?.map((e) => e.field)).toContain(field);
        await expect(consentRow(id)).resolves.toEqual(row);
        await expect(written()).resolves.toEqual(before);
      },
    );

    it('edits the fields of a granted consent without a status change, keeping it in the history', async () => {
      const { project, id } = await aConsent('granted');
      const response = await t
        .http()
        .patch(path(project.id, id))
        .set('If-Match', '"1"')
        .set(admin)
        .send({ validUntil: '2028-06-30', scope: null });
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({
        status: 'granted',
        validUntil: '2028-06-30',
        scope: null,
        version: 2,
      });
      await expect(count(t.db, 'consent_events', 'consent_id = $1', [id])).resolves.toBe(1);
      await expect(count(t.db, 'audit_entries', 'entity_id = $1', [id])).resolves.toBe(1);
    });

    it('writes nothing for a change that changes nothing', async () => {
      const { project, id } = await aConsent('granted');
      const before = await written();
      const response = await t
        .http()
        .patch(path(project.id, id))
        .set(staff)
        .send({ version: 1, status: 'granted', signatory: SECRET.signatory });
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ status: 'granted', version: 1 });
      await expect(written()).resolves.toEqual(before);
    });

    it('starts a new request afresh: the previous grant and withdrawal leave the record', async () => {
      const { project, id } = await aConsent('withdrawn');
      const response = await t
        .http()
        .patch(path(project.id, id))
        .set(staff)
        .send({ version: 1, ...CHANGE_TO.requested });
      expect(response.status).toBe(200);
      await expect(consentRow(id)).resolves.toMatchObject({
        status: 'requested',
        requested_on: '2025-02-01',
        granted_on: null,
        withdrawn_on: null,
        withdrawal_reason: null,
        issuing_office: null,
        signatory: null,
        document_reference: null,
      });
    });

    it('refuses a stale version with 409 and leaves the record, its history and the audit log as they were', async () => {
      const { project, id } = await aConsent('requested');
      await t.db.query(`UPDATE consent_records SET version = 2 WHERE id = $1`, [id]);
      const row = await consentRow(id);
      const before = await written();
      const response = await t
        .http()
        .patch(path(project.id, id))
        .set(staff)
        .send({ version: 1, ...CHANGE_TO.granted });
      expect(expectProblem(response, 409)).toMatchObject({ currentVersion: 2 });
      await expect(consentRow(id)).resolves.toEqual(row);
      await expect(written()).resolves.toEqual(before);
    });

    it('refuses a change without a version with 428 and changes nothing', async () => {
      const { project, id } = await aConsent('requested');
      expectProblem(await t.http().patch(path(project.id, id)).set(staff).send(CHANGE_TO.granted), 428);
      await expect(consentRow(id)).resolves.toMatchObject({ status: 'requested', version: 1 });
    });

    it.each([
      ['reviewer', () => reviewer],
      ['donor', () => donor],
    ])('refuses a %s with 403 and changes nothing', async (_, auth) => {
      const { project, id } = await aConsent('requested');
      const before = await written();
      expectProblem(
        await t
          .http()
          .patch(path(project.id, id))
          .set(auth())
          .send({ version: 1, ...CHANGE_TO.granted }),
        403,
      );
      await expect(consentRow(id)).resolves.toMatchObject({ status: 'requested', version: 1 });
      await expect(written()).resolves.toEqual(before);
    });
  });

  describe('history', () => {
    /** requested → granted → withdrawn → requested → granted → edited, all through the API. */
    async function aConsentWithAPast() {
      const project = await aProject(t);
      const created = await t
        .http()
        .post(path(project.id))
        .set(staff)
        .send({ countryIso3: 'KEN', status: 'requested', requestedOn: '2024-01-15', scope: SECRET.scope });
      expect(created.status).toBe(201);
      const id = created.body.id as string;
      const changes = [
        {
          status: 'granted',
          grantedOn: '2024-02-01',
          issuingOffice: SECRET.issuingOffice,
          signatory: SECRET.signatory,
          documentReference: SECRET.documentReference,
        },
        { status: 'withdrawn', withdrawnOn: '2024-06-01', withdrawalReason: SECRET.withdrawalReason },
        { status: 'requested', requestedOn: '2024-09-01' },
        {
          status: 'granted',
          grantedOn: '2024-10-01',
          validUntil: '2026-12-31',
          issuingOffice: 'Ministry of Devolution',
          signatory: 'Cabinet Secretary',
          documentReference: 'MOD/2024/44',
        },
        { validUntil: '2027-12-31' },
      ];
      const bodies: Record<string, unknown>[] = [created.body];
      for (const [index, change] of changes.entries()) {
        const response = await t
          .http()
          .patch(path(project.id, id))
          .set(staff)
          .send({ version: index + 1, ...change });
        expect(response.status).toBe(200);
        bodies.push(response.body);
      }
      return { project, id, bodies };
    }

    it('reads back every change in order, each with the record as it became', async () => {
      const { project, id, bodies } = await aConsentWithAPast();
      const response = await t
        .http()
        .get(path(project.id, id, true))
        .set(staff);
      expect(response.status).toBe(200);
      expect(response.body.items.map((e: { status: string }) => e.status)).toEqual([
        'requested',
        'granted',
        'withdrawn',
        'requested',
        'granted',
        'granted',
      ]);
      expect(response.body.items.map((e: { record: unknown }) => e.record)).toEqual(bodies);
      expect(response.body.items[1]).toMatchObject({
        actorId: expect.any(String),
        occurredAt: expect.any(String),
      });
      expect(response.body.nextCursor).toBeNull();
      await expect(count(t.db, 'audit_entries', 'entity_id = $1', [id])).resolves.toBe(6);
    });

    it('pages through the history with the cursor, in order, each change once', async () => {
      const { project, id } = await aConsentWithAPast();
      const statuses: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await t
          .http()
          .get(path(project.id, id, true))
          .query(cursor ? { limit: 4, cursor } : { limit: 4 })
          .set(admin);
        expect(page.status).toBe(200);
        statuses.push(...page.body.items.map((e: { status: string }) => e.status));
        cursor = page.body.nextCursor ?? undefined;
      } while (cursor);
      expect(statuses).toEqual(['requested', 'granted', 'withdrawn', 'requested', 'granted', 'granted']);
    });

    describe('what reviewers and donors see', () => {
      let setting: Awaited<ReturnType<typeof aConsentWithAPast>>;
      beforeAll(async () => {
        setting = await aConsentWithAPast();
        // A reviewer reads the consent status of the projects assigned to them.
        await aReview(t, setting.project.id, reviewerId);
      });

      const expectNoSecrets = (response: Response) => {
        const text = rawBody(response);
        for (const value of [
          ...Object.values(SECRET),
          'Ministry of Devolution',
          'Cabinet Secretary',
          'MOD/2024/44',
        ]) {
          expect(text).not.toContain(value);
        }
        for (const key of [
          'documentReference',
          'signatory',
          'issuingOffice',
          'withdrawalReason',
          'scope',
          'actorId',
        ]) {
          expect(text).not.toContain(`"${key}"`);
        }
      };

      it('lets staff see the documents, signatories and reasons', async () => {
        const history = await t
          .http()
          .get(path(setting.project.id, setting.id, true))
          .set(staff);
        for (const value of Object.values(SECRET)) expect(rawBody(history)).toContain(value);
      });

      it.each([
        ['reviewer', () => reviewer],
        ['donor', () => donor],
      ])('gives a %s only the status fields in the list and the record', async (_, auth) => {
        const list = await t.http().get(path(setting.project.id)).set(auth());
        expect(list.status).toBe(200);
        expectNoSecrets(list);
        expect(list.body.items).toHaveLength(1);
        expect(Object.keys(list.body.items[0]).sort()).toEqual(PUBLIC_KEYS);
        expect(list.body.items[0]).toEqual({
          id: setting.id,
          countryIso3: 'KEN',
          status: 'granted',
          requestedOn: '2024-09-01',
          grantedOn: '2024-10-01',
          validUntil: '2027-12-31',
        });

        const one = await t.http().get(path(setting.project.id, setting.id)).set(auth());
        expect(one.status).toBe(200);
        expectNoSecrets(one);
        expect(Object.keys(one.body).sort()).toEqual(PUBLIC_KEYS);
      });

      it('answers 404 to a reviewer not assigned to the project, or withdrawn from it for a conflict', async () => {
        const paths = [
          path(setting.project.id),
          path(setting.project.id, setting.id),
          path(setting.project.id, setting.id, true),
        ];
        const { auth: outsider } = await asRole(t, 'reviewer');
        const { auth: conflicted, user } = await asRole(t, 'reviewer');
        await aReview(t, setting.project.id, user.id, 'declined_conflict');
        for (const auth of [outsider, conflicted]) {
          for (const url of paths) expectProblem(await t.http().get(url).set(auth), 404);
        }
        for (const url of paths) expect((await t.http().get(url).set(reviewer)).status).toBe(200);
      });

      it('gives a reviewer the history with the status fields of each record only', async () => {
        const history = await t
          .http()
          .get(path(setting.project.id, setting.id, true))
          .set(reviewer);
        expect(history.status).toBe(200);
        expectNoSecrets(history);
        expect(history.body.items).toHaveLength(6);
        for (const entry of history.body.items) {
          expect(Object.keys(entry).sort()).toEqual(['id', 'occurredAt', 'record', 'status']);
          expect(Object.keys(entry.record).sort()).toEqual(PUBLIC_KEYS);
        }
      });

      it('gives a donor the history as status and date only', async () => {
        const history = await t
          .http()
          .get(path(setting.project.id, setting.id, true))
          .set(donor);
        expect(history.status).toBe(200);
        expectNoSecrets(history);
        expect(history.body.items.map((e: Record<string, unknown>) => Object.keys(e).sort())).toEqual(
          Array(6).fill(['id', 'occurredAt', 'status']),
        );
        expect(rawBody(history)).not.toContain('"record"');
      });
    });
  });

  describe('filters', () => {
    it('lists the records of a project by country, filtered by status, paged with the cursor', async () => {
      const project = await aProject(t, { countries: ['KEN', 'SOM', 'UGA'] });
      for (const [country, status] of [
        ['UGA', 'requested'],
        ['KEN', 'granted'],
        ['SOM', 'requested'],
      ] as const) {
        const columns = { status, ...STATE[status] };
        const names = Object.keys(columns);
        await t.db.query(
          `INSERT INTO consent_records (project_id, country_iso3, ${names.join(', ')})
           VALUES ($1, $2, ${names.map((_, i) => `$${i + 3}`).join(', ')})`,
          [project.id, country, ...Object.values(columns)],
        );
      }
      const all = await t.http().get(path(project.id)).set(staff);
      expect(all.body.items.map((c: { countryIso3: string }) => c.countryIso3)).toEqual([
        'KEN',
        'SOM',
        'UGA',
      ]);
      const requested = await t.http().get(path(project.id)).query({ status: 'requested' }).set(staff);
      expect(requested.body.items.map((c: { countryIso3: string }) => c.countryIso3)).toEqual(['SOM', 'UGA']);
      const page1 = await t.http().get(path(project.id)).query({ limit: 2 }).set(staff);
      const page2 = await t
        .http()
        .get(path(project.id))
        .query({ limit: 2, cursor: page1.body.nextCursor })
        .set(staff);
      expect(
        [...page1.body.items, ...page2.body.items].map((c: { countryIso3: string }) => c.countryIso3),
      ).toEqual(['KEN', 'SOM', 'UGA']);
      expect(page2.body.nextCursor).toBeNull();
      expectProblem(await t.http().get(path(project.id)).query({ status: 'approved' }).set(staff), 400);
    });
  });

  describe('a project that was deleted or never existed, and callers without a session', () => {
    it('answers 404 on every consent route of a soft-deleted project and changes nothing', async () => {
      const { project, id } = await aConsent('requested', ['KEN', 'UGA']);
      await t.db.query(`UPDATE projects SET deleted_at = now() WHERE id = $1`, [project.id]);
      const before = await written();
      expectProblem(await t.http().get(path(project.id)).set(staff), 404);
      expectProblem(await t.http().get(path(project.id, id)).set(admin), 404);
      expectProblem(
        await t
          .http()
          .get(path(project.id, id, true))
          .set(reviewer),
        404,
      );
      expectProblem(
        await t
          .http()
          .post(path(project.id))
          .set(staff)
          .send({ countryIso3: 'UGA', status: 'requested', requestedOn: '2024-01-01' }),
        404,
      );
      expectProblem(
        await t
          .http()
          .patch(path(project.id, id))
          .set(staff)
          .send({ version: 1, ...CHANGE_TO.granted }),
        404,
      );
      await expect(written()).resolves.toEqual(before);
      await expect(consentRow(id)).resolves.toMatchObject({ status: 'requested', version: 1 });
    });

    it('answers 404 on every consent route of a project that does not exist', async () => {
      const projectId = randomUUID();
      const id = randomUUID();
      expectProblem(await t.http().get(path(projectId)).set(donor), 404);
      expectProblem(await t.http().get(path(projectId, id)).set(staff), 404);
      expectProblem(
        await t
          .http()
          .get(path(projectId, id, true))
          .set(staff),
        404,
      );
      expectProblem(
        await t
          .http()
          .post(path(projectId))
          .set(staff)
          .send({ countryIso3: 'KEN', status: 'requested', requestedOn: '2024-01-01' }),
        404,
      );
      expectProblem(
        await t.http().patch(path(projectId, id)).set(staff).send({ version: 1, status: 'refused' }),
        404,
      );
    });

    it("answers 404 for a consent of another project read or changed through this project's path", async () => {
      const mine = await aConsent('requested');
      const theirs = await aConsent('requested');
      expectProblem(await t.http().get(path(mine.project.id, theirs.id)).set(staff), 404);
      expectProblem(
        await t
          .http()
          .get(path(mine.project.id, theirs.id, true))
          .set(staff),
        404,
      );
      expectProblem(
        await t
          .http()
          .patch(path(mine.project.id, theirs.id))
          .set(staff)
          .send({ version: 1, status: 'refused' }),
        404,
      );
      await expect(consentRow(theirs.id)).resolves.toMatchObject({ status: 'requested', version: 1 });
    });

    it('answers 401 on every consent route without a session', async () => {
      const { project, id } = await aConsent('requested');
      expectProblem(await t.http().get(path(project.id)), 401);
      expectProblem(await t.http().get(path(project.id, id)), 401);
      expectProblem(await t.http().get(path(project.id, id, true)), 401);
      expectProblem(await t.http().post(path(project.id)).send(aGrantRequest()), 401);
      expectProblem(await t.http().patch(path(project.id, id)).send({ version: 1, status: 'refused' }), 401);
    });
  });
});
