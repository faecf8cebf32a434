import { aUser, asRole, signIn } from '../support/builders';
import { aContribution, aDonorOfKind } from '../support/fund-builders';
import { aReview } from '../support/review-builders';
import { aProject } from '../support/portfolio-builders';
import { count, createTestApp, TestApp } from '../support/test-app';
import { aProjectRequest } from './project-requests';

const FRENCH = 'Résilience des éleveurs face à la sécheresse';
const CHINESE = '牧民抗旱能力建设';
const RUSSIAN = 'Устойчивость скотоводов к засухе';

describe('project titles and summaries in the six languages', () => {
  let t: TestApp;
  let staff: { Authorization: string };

  beforeAll(async () => {
    t = await createTestApp();
    staff = (await asRole(t, 'staff')).auth;
  });
  afterAll(() => t.close());

  const create = async (overrides: Record<string, unknown> = {}) =>
    t
      .http()
      .post('/api/v1/projects')
      .set(staff)
      .send(await aProjectRequest(t, overrides));

  it('keeps a title and summary per language on create, answers them in the project and the list', async () => {
    const response = await create({
      titleTranslations: { fr: FRENCH, zh: CHINESE },
      summaryTranslations: { fr: 'Alerte précoce pour les ménages pastoraux' },
    });
    expect(response.status).toBe(201);
    expect(response.body.titleTranslations).toEqual({ fr: FRENCH, zh: CHINESE });
    expect(response.body.summaryTranslations).toEqual({ fr: 'Alerte précoce pour les ménages pastoraux' });

    const read = await t.http().get(`/api/v1/projects/${response.body.id}`).set(staff);
    expect(read.body.titleTranslations).toEqual({ fr: FRENCH, zh: CHINESE });

    const list = await t.http().get('/api/v1/projects').query({ limit: 200 }).set(staff);
    const item = list.body.items.find((p: { id: string }) => p.id === response.body.id);
    expect(item.titleTranslations).toEqual({ fr: FRENCH, zh: CHINESE });
  });

  it('answers an empty set of translations for a project that has none', async () => {
    const response = await create();
    expect(response.body.titleTranslations).toEqual({});
    expect(response.body.summaryTranslations).toEqual({});
  });

  it('replaces the translations with the version read, in one audit entry, and refuses a stale version', async () => {
    const created = (await create({ titleTranslations: { fr: FRENCH } })).body;
    const updated = await t
      .http()
      .patch(`/api/v1/projects/${created.id}`)
      .set(staff)
      .send({
        version: 1,
        titleTranslations: { ru: RUSSIAN },
        summaryTranslations: { ru: 'Раннее оповещение' },
      });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({
      version: 2,
      titleTranslations: { ru: RUSSIAN },
      summaryTranslations: { ru: 'Раннее оповещение' },
    });
    const { rows } = await t.db.query<{
      before: { titleTranslations: object };
      after: { titleTranslations: object };
    }>(
      `SELECT before, after FROM audit_entries WHERE entity = 'project' AND entity_id = $1 AND action = 'update'`,
      [created.id],
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]!.before.titleTranslations).toEqual({ fr: FRENCH });
    expect(rows[0]!.after.titleTranslations).toEqual({ ru: RUSSIAN });

    const stale = await t
      .http()
      .patch(`/api/v1/projects/${created.id}`)
      .set(staff)
      .send({ version: 1, titleTranslations: { es: 'Resiliencia de los pastores' } });
    expect(stale.status).toBe(409);
    const read = await t.http().get(`/api/v1/projects/${created.id}`).set(staff);
    expect(read.body.titleTranslations).toEqual({ ru: RUSSIAN });
  });

  describe('refuses bad translations with 400 problem+json and writes nothing', () => {
    const cases: [string, Record<string, unknown>, string][] = [
      [
        'a language other than the six',
        { titleTranslations: { de: 'Dürreresilienz' } },
        'titleTranslations.de',
      ],
      ['a title too short', { titleTranslations: { fr: 'Ab' } }, 'titleTranslations.fr'],
      ['a title that is not text', { titleTranslations: { zh: 42 } }, 'titleTranslations.zh'],
      ['a summary too long', { summaryTranslations: { ar: 'ا'.repeat(5001) } }, 'summaryTranslations.ar'],
      ['translations that are not an object', { titleTranslations: 'fr' }, 'titleTranslations'],
    ];
    it.each(cases)('%s', async (_label, overrides, field) => {
      const projects = await count(t.db, 'projects');
      const audit = await count(t.db, 'audit_entries');
      const response = await create(overrides);
      expect(response.status).toBe(400);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(response.body.errors.map((e: { field: string }) => e.field)).toContain(field);
      await expect(count(t.db, 'projects')).resolves.toBe(projects);
      await expect(count(t.db, 'audit_entries')).resolves.toBe(audit);
    });
  });

  it('finds a project by a word of its title in any language, and by part of a Chinese title', async () => {
    const found = (await create({ titleTranslations: { fr: FRENCH, zh: '索马里干旱预警', ru: RUSSIAN } }))
      .body;
    const other = (await create()).body;
    const search = async (q: string) => {
      const response = await t.http().get('/api/v1/projects').query({ q, limit: 200 }).set(staff);
      expect(response.status).toBe(200);
      return response.body.items.map((p: { id: string }) => p.id) as string[];
    };
    for (const q of ['éleveurs', 'засухе', '索马里干旱预警', '干旱预警']) {
      const ids = await search(q);
      expect(ids).toContain(found.id);
      expect(ids).not.toContain(other.id);
    }
    const counted = await t.http().get('/api/v1/projects/count').query({ q: '干旱预警' }).set(staff);
    expect(counted.body).toEqual({ count: 1, exact: true });
  });

  it("gives the reviewer's queue each proposal's translated titles", async () => {
    const project = await aProject(t, { stage: 'under_review' });
    await t.db.query(`UPDATE projects SET title_translations = $2 WHERE id = $1`, [
      project.id,
      { zh: CHINESE },
    ]);
    const reviewer = await aUser(t, { role: 'reviewer' });
    await aReview(t, project.id, reviewer.id);
    const queue = await t
      .http()
      .get('/api/v1/reviews/mine')
      .set({ Authorization: `Bearer ${await signIn(t, reviewer)}` });
    expect(queue.status).toBe(200);
    expect(queue.body.items).toEqual([expect.objectContaining({ titleTranslations: { zh: CHINESE } })]);
  });

  it("gives the public page each project's translated titles and the country of a Member State donor", async () => {
    const project = await aProject(t, { stage: 'active', approvedBudget: '1000.00' });
    await t.db.query(`UPDATE projects SET title_translations = $2 WHERE id = $1`, [
      project.id,
      { ru: RUSSIAN },
    ]);
    const state = await aDonorOfKind(t, 'member_state', 'Japan');
    const foundation = await aDonorOfKind(t, 'foundation', 'A foundation');
    await aContribution(t, state, { usdAmount: '2000.00' });
    await aContribution(t, foundation, { usdAmount: '1000.00' });
    const page = await t.http().get('/api/v1/public/fund');
    expect(page.status).toBe(200);
    expect(page.body.projects).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ code: project.code, titleTranslations: { ru: RUSSIAN } }),
      ]),
    );
    expect(page.body.byDonor).toEqual(
      expect.arrayContaining([
        { name: 'Japan', countryIso3: 'JPN', received: '2000.00' },
        { name: 'A foundation', countryIso3: null, received: '1000.00' },
      ]),
    );
  });
});
