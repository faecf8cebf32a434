import { randomUUID } from 'node:crypto';
import type { Response } from 'supertest';
import { asRole, aUser, signIn } from '../support/builders';
import { aContribution, aContributionRequest, aDonorOfKind, cents, money } from '../support/fund-builders';
import { expectProblem } from '../support/problems';
import { count, createTestApp, TestApp } from '../support/test-app';

describe('contributions', () => {
  let t: TestApp;
  let staff: { Authorization: string };
  let donorId: string;

  beforeAll(async () => {
    t = await createTestApp();
    staff = (await asRole(t, 'staff')).auth;
    donorId = await aDonorOfKind(t, 'member_state');
  });
  afterAll(() => t.close());

  const post = (body: Record<string, unknown>) =>
    t.http().post('/api/v1/contributions').set(staff).send(body);
  const contributionRow = (id: string) =>
    t.db
      .query<Record<string, unknown>>(
        `SELECT status, received_on::text, amount::text, usd_amount::text, exchange_rate::text, version
         FROM contributions WHERE id = $1`,
        [id],
      )
      .then((r) => r.rows[0]);

  /** Sends the request and proves it answered 400 problem+json on `field` and wrote nothing. */
  async function expectRefused(send: () => Promise<Response>, field: string) {
    const rows = await count(t.db, 'contributions');
    const audit = await count(t.db, 'audit_entries');
    const problem = expectProblem(await send(), 400);
    expect([...new Set(problem.errors?.map((e) => e.field))]).toEqual([field]);
    await expect(count(t.db, 'contributions')).resolves.toBe(rows);
    await expect(count(t.db, 'audit_entries')).resolves.toBe(audit);
    return problem;
  }

  describe('create', () => {
    it('records a contribution in yen with its rate, as decimal strings, and writes one audit entry', async () => {
      const response = await post(
        aContributionRequest(donorId, {
          amount: '500000000',
          currency: 'JPY',
          exchangeRate: '0.007125',
          usdAmount: '3562500.00',
          earmarking: 'Sahel food security',
        }),
      );
      expect(response.status).toBe(201);
      expect(response.body).toMatchObject({
        donorId,
        amount: '500000000.00',
        currency: 'JPY',
        usdAmount: '3562500.00',
        exchangeRate: '0.00712500',
        status: 'received',
        pledgedOn: '2024-01-15',
        receivedOn: '2024-03-01',
        earmarking: 'Sahel food security',
        illustrative: false,
        version: 1,
      });
      await expect(
        count(t.db, 'audit_entries', `entity = 'contribution' AND entity_id = $1 AND action = 'create'`, [
          response.body.id,
        ]),
      ).resolves.toBe(1);
    });

    it('accepts a pledge without a receipt date', async () => {
      const response = await post(aContributionRequest(donorId, { status: 'pledged', receivedOn: null }));
      expect(response.status).toBe(201);
      expect(response.body).toMatchObject({ status: 'pledged', receivedOn: null });
    });

    it('rounds the USD amount half up to the cent: 1000.05 × 0.5 = 500.025 → 500.03', async () => {
      const body = aContributionRequest(donorId, { amount: '1000.05', currency: 'EUR', exchangeRate: '0.5' });
      const refused = await expectRefused(() => post({ ...body, usdAmount: '500.02' }), 'usdAmount');
      expect(refused.errors![0]!.message).toContain('"500.03"');
      await expect(post({ ...body, usdAmount: '500.03' })).resolves.toMatchObject({ status: 201 });
    });

    const refusals: [string, Record<string, unknown>, string][] = [
      ['a negative amount', { amount: '-100000.00' }, 'amount'],
      ['an amount sent as a JSON number', { amount: 100000.1 }, 'amount'],
      ['a USD amount sent as a JSON number', { usdAmount: 100000 }, 'usdAmount'],
      ['an amount with more than two decimals (float-rounded)', { amount: '100000.004' }, 'amount'],
      ['a float-rounded USD amount', { usdAmount: '99999.99999999999' }, 'usdAmount'],
      ['a zero amount', { amount: '0.00' }, 'amount'],
      ['a negative USD amount', { usdAmount: '-100000.00' }, 'usdAmount'],
      ['an unknown currency', { currency: 'ABC' }, 'currency'],
      ['a currency in lower case', { currency: 'usd' }, 'currency'],
      ['an exchange rate other than 1 for USD', { exchangeRate: '0.98' }, 'exchangeRate'],
      [
        'an exchange rate with more than 8 decimals',
        { currency: 'EUR', exchangeRate: '1.000000001' },
        'exchangeRate',
      ],
      ['a zero exchange rate', { currency: 'EUR', exchangeRate: '0' }, 'exchangeRate'],
      ['an exchange rate sent as a number', { currency: 'EUR', exchangeRate: 1.1 }, 'exchangeRate'],
      [
        'a USD amount that is not amount × rate',
        { currency: 'EUR', exchangeRate: '1.1', usdAmount: '100000.00' },
        'usdAmount',
      ],
      ['a pledge date that does not exist', { pledgedOn: '2023-02-29' }, 'pledgedOn'],
      ['a pledge date in another format', { pledgedOn: '15/01/2024' }, 'pledgedOn'],
      ['a pledge date with a time', { pledgedOn: '2024-01-15T00:00:00Z' }, 'pledgedOn'],
      ['a receipt date before the pledge', { receivedOn: '2023-12-31' }, 'receivedOn'],
      ['a received contribution without a receipt date', { receivedOn: null }, 'receivedOn'],
      ['a pledged contribution with a receipt date', { status: 'pledged' }, 'receivedOn'],
      ['a cancelled contribution with a receipt date', { status: 'cancelled' }, 'receivedOn'],
      ['an unknown status', { status: 'refunded' }, 'status'],
      ['an unknown donor', { donorId: randomUUID() }, 'donorId'],
      ['an empty earmarking note (null means none)', { earmarking: '   ' }, 'earmarking'],
      ['an unknown property', { illustrative: true }, 'illustrative'],
    ];

    it.each(refusals)('refuses %s with 400 problem+json and writes nothing', async (_, overrides, field) => {
      await expectRefused(() => post(aContributionRequest(donorId, overrides)), field);
    });

    it('says which USD amount was expected', async () => {
      const problem = await expectRefused(
        () =>
          post(
            aContributionRequest(donorId, {
              currency: 'EUR',
              exchangeRate: '1.0875',
              usdAmount: '108000.00',
            }),
          ),
        'usdAmount',
      );
      expect(problem.errors![0]!.message).toContain('"108750.00"');
    });
  });

  describe('update and delete', () => {
    it('records the receipt of a pledge with the version read, and writes one audit entry', async () => {
      const { id } = await aContribution(t, donorId, { status: 'pledged' });
      const response = await t
        .http()
        .patch(`/api/v1/contributions/${id}`)
        .set(staff)
        .send({ version: 1, status: 'received', receivedOn: '2024-06-30' });
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ status: 'received', receivedOn: '2024-06-30', version: 2 });
      await expect(
        count(t.db, 'audit_entries', `entity = 'contribution' AND entity_id = $1 AND action = 'update'`, [
          id,
        ]),
      ).resolves.toBe(1);
    });

    it('checks the record as it would be after the change: a new amount needs a matching USD amount', async () => {
      const { id } = await aContribution(t, donorId, { usdAmount: '1000.00' });
      const before = await contributionRow(id);
      const problem = await expectRefused(
        () =>
          t.http().patch(`/api/v1/contributions/${id}`).set(staff).send({ version: 1, amount: '1200.00' }),
        'usdAmount',
      );
      expect(problem.errors![0]!.message).toContain('"1200.00"');
      await expect(contributionRow(id)).resolves.toEqual(before);
    });

    it('lets a change that leaves the money alone through on a row recorded with another rate convention', async () => {
      // As imported: EUR per USD (0.92) rather than USD per EUR, so amount × rate ≠ usdAmount.
      const { rows } = await t.db.query<{ id: string }>(
        `INSERT INTO contributions (donor_id, pledged_on, received_on, amount, currency, usd_amount, exchange_rate, status)
         VALUES ($1, '2010-04-15', '2010-10-01', '920.00', 'EUR', '1000.00', 0.92, 'received') RETURNING id`,
        [donorId],
      );
      const id = rows[0]!.id;
      const edited = await t
        .http()
        .patch(`/api/v1/contributions/${id}`)
        .set(staff)
        .send({ version: 1, reference: 'GRC-2010' });
      expect(edited.status).toBe(200);
      await expectRefused(
        () => t.http().patch(`/api/v1/contributions/${id}`).set(staff).send({ version: 2, amount: '930.00' }),
        'usdAmount',
      );
    });

    it('refuses marking as received without a date and changes nothing', async () => {
      const { id } = await aContribution(t, donorId, { status: 'pledged' });
      const before = await contributionRow(id);
      await expectRefused(
        () =>
          t.http().patch(`/api/v1/contributions/${id}`).set(staff).send({ version: 1, status: 'received' }),
        'receivedOn',
      );
      await expect(contributionRow(id)).resolves.toEqual(before);
    });

    it('refuses clearing the amount with null (400) instead of failing in the database', async () => {
      const { id } = await aContribution(t, donorId);
      await expectRefused(
        () => t.http().patch(`/api/v1/contributions/${id}`).set(staff).send({ version: 1, amount: null }),
        'amount',
      );
    });

    it('refuses a stale version with 409 and changes nothing', async () => {
      const { id } = await aContribution(t, donorId, { status: 'pledged' });
      await t.db.query('UPDATE contributions SET version = 2 WHERE id = $1', [id]);
      const before = await contributionRow(id);
      const audit = await count(t.db, 'audit_entries');
      const response = await t
        .http()
        .patch(`/api/v1/contributions/${id}`)
        .set(staff)
        .set('If-Match', '"1"')
        .send({ status: 'cancelled' });
      expect(expectProblem(response, 409)).toMatchObject({ currentVersion: 2 });
      await expect(contributionRow(id)).resolves.toEqual(before);
      await expect(count(t.db, 'audit_entries')).resolves.toBe(audit);
    });

    it('deletes with the version read and writes one audit entry; a stale version deletes nothing', async () => {
      const { id } = await aContribution(t, donorId);
      expectProblem(
        await t.http().delete(`/api/v1/contributions/${id}`).set(staff).set('If-Match', '"2"'),
        409,
      );
      await expect(count(t.db, 'contributions', 'id = $1', [id])).resolves.toBe(1);
      const response = await t.http().delete(`/api/v1/contributions/${id}`).set(staff).set('If-Match', '"1"');
      expect(response.status).toBe(204);
      await expect(count(t.db, 'contributions', 'id = $1', [id])).resolves.toBe(0);
      await expect(
        count(t.db, 'audit_entries', `entity = 'contribution' AND entity_id = $1 AND action = 'delete'`, [
          id,
        ]),
      ).resolves.toBe(1);
    });
  });

  describe('lists', () => {
    it('filters by donor, status and pledge-year range, and pages each row exactly once in date order', async () => {
      const donor = await aDonorOfKind(t, 'foundation');
      const made: { id: string; pledgedOn: string; status: string }[] = [];
      for (const [pledgedOn, status] of [
        ['2006-05-01', 'received'],
        ['2007-01-01', 'pledged'],
        ['2007-12-31', 'received'],
        ['2008-06-15', 'received'],
        ['2008-06-15', 'cancelled'],
        ['2009-01-01', 'received'],
      ] as const) {
        const c = await aContribution(t, donor, {
          pledgedOn,
          status,
          receivedOn: status === 'received' ? pledgedOn : null,
        });
        made.push({ id: c.id, pledgedOn, status });
      }
      const all = async (query: Record<string, unknown>) => {
        const ids: string[] = [];
        let cursor: string | null = null;
        do {
          const response: Response = await t
            .http()
            .get('/api/v1/contributions')
            .query({ donorId: donor, limit: 2, ...query, ...(cursor ? { cursor } : {}) })
            .set(staff);
          expect(response.status).toBe(200);
          ids.push(...response.body.items.map((c: { id: string }) => c.id));
          cursor = response.body.nextCursor;
        } while (cursor);
        return ids;
      };
      const sameDay = made
        .filter((c) => c.pledgedOn === '2008-06-15')
        .map((c) => c.id)
        .sort();
      const ordered = [...made.slice(0, 3).map((c) => c.id), ...sameDay, made[5]!.id];
      await expect(all({})).resolves.toEqual(ordered);
      await expect(all({ status: 'received' })).resolves.toEqual(
        ordered.filter((id) => made.find((c) => c.id === id)!.status === 'received'),
      );
      await expect(all({ fromYear: 2007, toYear: 2008 })).resolves.toEqual(ordered.slice(1, 5));
      await expect(all({ fromYear: 2008, status: 'received' })).resolves.toEqual(
        ordered.slice(3).filter((id) => made.find((c) => c.id === id)!.status === 'received'),
      );
    });

    it('refuses a year range that ends before it starts', async () => {
      const response: Response = await t
        .http()
        .get('/api/v1/contributions')
        .query({ fromYear: 2010, toYear: 2009 })
        .set(staff);
      expect(expectProblem(response, 400).errors).toEqual([
        { field: 'toYear', message: 'must not be before fromYear' },
      ]);
    });
  });

  describe('what a donor user sees', () => {
    let mine: string;
    let theirs: string;
    let auth: { Authorization: string };
    let myContribution: string;
    let theirContribution: string;

    beforeAll(async () => {
      mine = await aDonorOfKind(t, 'member_state');
      theirs = await aDonorOfKind(t, 'foundation');
      const user = await aUser(t, { role: 'donor', donorId: mine });
      auth = { Authorization: `Bearer ${await signIn(t, user)}` };
      myContribution = (await aContribution(t, mine)).id;
      theirContribution = (await aContribution(t, theirs)).id;
    });

    it("reads its own donor's contribution in full", async () => {
      const response = await t.http().get(`/api/v1/contributions/${myContribution}`).set(auth);
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ id: myContribution, donorId: mine, usdAmount: '1000.00' });
    });

    it("gets 404, not 403, for another donor's contribution", async () => {
      const response = await t.http().get(`/api/v1/contributions/${theirContribution}`).set(auth);
      expect(expectProblem(response, 404).detail).toBe('The contribution was not found.');
      expect(response.text).not.toContain(theirs);
    });

    it('lists only its own donor’s contributions, even when it asks for another donor', async () => {
      const own = await t.http().get('/api/v1/contributions').query({ limit: 200 }).set(auth);
      expect(own.status).toBe(200);
      expect(own.body.items.map((c: { donorId: string }) => c.donorId)).toEqual([mine]);
      const other = await t.http().get('/api/v1/contributions').query({ donorId: theirs }).set(auth);
      expect(other.body).toEqual({ items: [], nextCursor: null });
    });

    it('may not write contributions (403)', async () => {
      expectProblem(
        await t.http().post('/api/v1/contributions').set(auth).send(aContributionRequest(mine)),
        403,
      );
      expectProblem(
        await t
          .http()
          .patch(`/api/v1/contributions/${myContribution}`)
          .set(auth)
          .send({ version: 1, reference: 'x' }),
        403,
      );
    });
  });

  describe('totals', () => {
    it('sums USD per donor and year in SQL, matching the rows to the cent, and shows every donor to a donor user', async () => {
      const a = await aDonorOfKind(t, 'foundation');
      const b = await aDonorOfKind(t, 'private_sector');
      const rows: {
        donor: string;
        pledgedOn: string;
        receivedOn: string | null;
        usd: string;
        status: string;
      }[] = [
        { donor: a, pledgedOn: '2015-02-01', receivedOn: '2015-03-01', usd: '0.10', status: 'received' },
        { donor: a, pledgedOn: '2015-04-01', receivedOn: '2016-01-10', usd: '0.20', status: 'received' },
        { donor: a, pledgedOn: '2015-05-01', receivedOn: null, usd: '1234567.89', status: 'pledged' },
        { donor: a, pledgedOn: '2015-06-01', receivedOn: null, usd: '999.99', status: 'cancelled' },
        {
          donor: b,
          pledgedOn: '2015-01-01',
          receivedOn: '2015-01-02',
          usd: '98765432109876.54',
          status: 'received',
        },
        { donor: b, pledgedOn: '2016-07-01', receivedOn: '2016-07-02', usd: '0.01', status: 'received' },
      ];
      for (const r of rows) {
        await aContribution(t, r.donor, {
          pledgedOn: r.pledgedOn,
          receivedOn: r.receivedOn,
          usdAmount: r.usd,
          status: r.status,
        });
      }
      const expected = new Map<string, { pledged: bigint; received: bigint }>();
      const at = (donor: string, year: string) => {
        const key = `${donor}/${year}`;
        if (!expected.has(key)) expected.set(key, { pledged: 0n, received: 0n });
        return expected.get(key)!;
      };
      for (const r of rows) {
        if (r.status !== 'cancelled') at(r.donor, r.pledgedOn.slice(0, 4)).pledged += cents(r.usd);
        if (r.status === 'received') at(r.donor, r.receivedOn!.slice(0, 4)).received += cents(r.usd);
      }

      const donorUser = (await asRole(t, 'donor')).auth;
      const response = await t
        .http()
        .get('/api/v1/contributions/totals')
        .query({ fromYear: 2015, toYear: 2016 })
        .set(donorUser);
      expect(response.status).toBe(200);
      const ours = response.body.items.filter((i: { donorId: string }) => i.donorId === a || i.donorId === b);
      expect(
        Object.fromEntries(
          ours.map((i: { donorId: string; year: number; pledgedUsd: string; receivedUsd: string }) => [
            `${i.donorId}/${i.year}`,
            { pledged: i.pledgedUsd, received: i.receivedUsd },
          ]),
        ),
      ).toEqual(
        Object.fromEntries(
          [...expected].map(([key, v]) => [key, { pledged: money(v.pledged), received: money(v.received) }]),
        ),
      );
      expect(at(a, '2015')).toEqual({ pledged: cents('1234568.19'), received: cents('0.10') });
    });
  });

  describe('reviewers', () => {
    it('are refused every contributions route with 403', async () => {
      const { auth } = await asRole(t, 'reviewer');
      const { id } = await aContribution(t, donorId);
      expectProblem(await t.http().get('/api/v1/contributions').set(auth), 403);
      expectProblem(await t.http().get('/api/v1/contributions/totals').set(auth), 403);
      expectProblem(await t.http().get(`/api/v1/contributions/${id}`).set(auth), 403);
      expectProblem(
        await t.http().post('/api/v1/contributions').set(auth).send(aContributionRequest(donorId)),
        403,
      );
      expectProblem(
        await t.http().delete(`/api/v1/contributions/${id}`).set(auth).set('If-Match', '"1"'),
        403,
      );
    });
  });
});
