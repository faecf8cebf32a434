import type { Response } from 'supertest';
import { asRole } from '../support/builders';
import { expectProblem } from '../support/problems';
import { createTestApp, TestApp } from '../support/test-app';

interface Country {
  iso3: string;
  iso2: string;
  name: string;
  region: string | null;
  regionCode: string | null;
  subregion: string | null;
  subregionCode: string | null;
  intermediateRegion: string | null;
  ldc: boolean;
  lldc: boolean;
  sids: boolean;
}

/** The ISO 3166-1 countries with their UN M49 regions and LDC / LLDC / SIDS flags, loaded by migration. */
describe('countries', () => {
  let t: TestApp;
  let auth: { Authorization: string };

  beforeAll(async () => {
    t = await createTestApp();
    auth = (await asRole(t, 'donor')).auth;
  });
  afterAll(() => t.close());

  /** Every page of the list, at the maximum page size. */
  async function listAll(query: Record<string, string> = {}): Promise<Country[]> {
    const countries: Country[] = [];
    let cursor: string | null = null;
    for (let page = 0; page < 20; page++) {
      const response: Response = await t
        .http()
        .get('/api/v1/countries')
        .query({ ...query, limit: 200, ...(cursor ? { cursor } : {}) })
        .set(auth);
      expect(response.status).toBe(200);
      countries.push(...(response.body.items as Country[]));
      cursor = response.body.nextCursor;
      if (!cursor) return countries;
    }
    throw new Error('the cursor never ended');
  }
  const codes = (countries: Country[]) => countries.map((c) => c.iso3);

  it('lists at least 240 distinct countries, each exactly once, across pages of 200', async () => {
    const all = await listAll();
    expect(all.length).toBeGreaterThanOrEqual(240);
    expect(new Set(codes(all)).size).toBe(all.length);
  });

  it('places Japan in Asia / Eastern Asia', async () => {
    const response = await t.http().get('/api/v1/countries/JPN').set(auth);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      iso3: 'JPN',
      iso2: 'JP',
      name: 'Japan',
      region: 'Asia',
      regionCode: '142',
      subregion: 'Eastern Asia',
      subregionCode: '030',
      ldc: false,
      lldc: false,
      sids: false,
    });
  });

  it('finds a country by its code in any case', async () => {
    await expect(t.http().get('/api/v1/countries/jpn').set(auth)).resolves.toMatchObject({
      status: 200,
      body: { iso3: 'JPN' },
    });
  });

  it.each(['MDV', 'TUV'])('flags %s as a small island developing state', async (iso3) => {
    await expect(t.http().get(`/api/v1/countries/${iso3}`).set(auth)).resolves.toMatchObject({
      status: 200,
      body: { iso3, sids: true },
    });
  });

  it('flags Chad as land-locked and least developed', async () => {
    await expect(t.http().get('/api/v1/countries/TCD').set(auth)).resolves.toMatchObject({
      status: 200,
      body: { iso3: 'TCD', lldc: true, ldc: true, sids: false, region: 'Africa' },
    });
  });

  it('no longer counts the graduated Vanuatu and Bhutan as least developed', async () => {
    await expect(t.http().get('/api/v1/countries/VUT').set(auth)).resolves.toMatchObject({
      body: { ldc: false, sids: true },
    });
    await expect(t.http().get('/api/v1/countries/BTN').set(auth)).resolves.toMatchObject({
      body: { ldc: false, lldc: true },
    });
  });

  it('answers 404 problem+json for a code that is not a country', async () => {
    expectProblem(await t.http().get('/api/v1/countries/XXX').set(auth), 404);
  });

  it('refuses a code that is not three letters with 400', async () => {
    expectProblem(await t.http().get('/api/v1/countries/JP1').set(auth), 400);
  });

  describe('filters', () => {
    it('region by name: only Asian countries, Japan among them', async () => {
      const asia = await listAll({ region: 'Asia' });
      expect(asia.length).toBeGreaterThan(40);
      expect(asia.every((c) => c.region === 'Asia')).toBe(true);
      expect(codes(asia)).toContain('JPN');
    });

    it('region by M49 code gives the same countries as by name', async () => {
      const byCode = await listAll({ region: '142' });
      const byName = await listAll({ region: 'asia' });
      expect(codes(byCode)).toEqual(codes(byName));
      expect(byCode.every((c) => c.regionCode === '142')).toBe(true);
    });

    it('subregion by name and by code', async () => {
      const byName = await listAll({ subregion: 'Eastern Asia' });
      expect(byName.every((c) => c.subregion === 'Eastern Asia')).toBe(true);
      expect(codes(byName)).toEqual(expect.arrayContaining(['JPN', 'CHN', 'KOR']));
      await expect(listAll({ subregion: '030' }).then(codes)).resolves.toEqual(codes(byName));
    });

    it('subregion also matches an intermediate region', async () => {
      const middleAfrica = await listAll({ subregion: 'Middle Africa' });
      expect(middleAfrica.every((c) => c.intermediateRegion === 'Middle Africa')).toBe(true);
      expect(codes(middleAfrica)).toContain('TCD');
    });

    it.each([
      ['ldc', 'TCD'],
      ['lldc', 'TCD'],
      ['sids', 'MDV'],
    ] as const)('%s=true: only flagged countries, %s among them', async (flag, member) => {
      const flagged = await listAll({ [flag]: 'true' });
      expect(flagged.length).toBeGreaterThan(10);
      expect(flagged.every((c) => c[flag])).toBe(true);
      expect(codes(flagged)).toContain(member);
    });

    it('sids=false excludes the small island states', async () => {
      const others = await listAll({ sids: 'false' });
      expect(others.every((c) => !c.sids)).toBe(true);
      expect(codes(others)).not.toContain('TUV');
      expect(codes(others)).toContain('JPN');
    });

    it('combines filters', async () => {
      const africanLandlocked = await listAll({ region: 'Africa', lldc: 'true' });
      expect(africanLandlocked.every((c) => c.region === 'Africa' && c.lldc)).toBe(true);
      expect(codes(africanLandlocked)).toContain('TCD');
      expect(codes(africanLandlocked)).not.toContain('BTN');
    });

    it('q matches part of the name, case-insensitively', async () => {
      const matches = await listAll({ q: 'zeal' });
      expect(codes(matches)).toEqual(['NZL']);
    });

    it('q matches an exact ISO code', async () => {
      await expect(listAll({ q: 'jpn' }).then(codes)).resolves.toContain('JPN');
      await expect(listAll({ q: 'JP' }).then(codes)).resolves.toContain('JPN');
    });

    it('refuses a flag that is not true or false with 400 on that field', async () => {
      const response = await t.http().get('/api/v1/countries').query({ sids: 'maybe' }).set(auth);
      expect(expectProblem(response, 400).errors).toEqual([
        { field: 'sids', message: 'must be true or false' },
      ]);
    });
  });
});
