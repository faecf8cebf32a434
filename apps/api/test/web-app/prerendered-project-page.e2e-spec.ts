import { randomUUID } from 'node:crypto';
import { aUser, signIn } from '../support/builders';
import { aProject } from '../support/portfolio-builders';
import { createTestApp, TestApp } from '../support/test-app';
import { aBuiltDashboard, viteIndexHtml, VITE_ENTRY_SCRIPT } from '../support/web-dist';

/** index.html as Vite writes it: what the API fills in for a signed-in reader's project page. */
const INDEX_HTML = viteIndexHtml(VITE_ENTRY_SCRIPT);

/** prerendered/project.json as the dashboard's build writes it (apps/web/src/features/projects/prerender). */
const screens = (
  language: 'en' | 'fr',
  words: { stage: string; none: string; led: string; original: string },
) => ({
  dir: 'ltr',
  title: `{{code}} · ${language === 'en' ? 'Projects' : 'Projets'} · HSTF Portfolio`,
  roles: Object.fromEntries(
    ['admin', 'staff', 'donor'].map((role) => [
      role,
      `<header><span class="avatar">{{initials}}</span><p>{{name}}</p></header>` +
        `<main id="main-content"><p class="code">{{code}}</p>{{stage}}<span>Window {{window}}</span>{{paragraph6}}` +
        `<h1>{{title}}</h1>{{originalTitle}}<p class="place">{{place}}</p>` +
        `<a href="/projects/{{id}}/edit">${role}</a></main>`,
    ]),
  ),
  stages: { concept_note: '<b>Concept</b>', approved: `<b>${words.stage}</b>`, active: '<b>Active</b>' },
  paragraph6: Object.fromEntries(
    ['compliant', 'pending', 'not_requested', 'non_compliant'].map((status) => [status, `<i>${status}</i>`]),
  ),
  originalTitle: `<p class="original">${words.original} <bdi>{{original}}</bdi></p>`,
  place: { noCountries: words.none, ledBy: `${words.led} {{lead}}` },
});
const SCREENS = {
  en: screens('en', {
    stage: 'Approved',
    none: 'No recipient country yet',
    led: 'led by',
    original: 'Original title:',
  }),
  fr: screens('fr', {
    stage: 'Approuvé',
    none: 'Aucun pays',
    led: 'sous la direction de',
    original: 'Titre original :',
  }),
};

describe("a project's page, sent drawn to a signed-in reader", () => {
  let t: TestApp;
  let webDist: ReturnType<typeof aBuiltDashboard>;

  beforeAll(async () => {
    webDist = aBuiltDashboard(INDEX_HTML, {
      'project.json': JSON.stringify(SCREENS),
      'project.css': '.place{color:gray}',
    });
    t = await createTestApp({ WEB_DIST_DIR: webDist.dir });
  });
  afterAll(async () => {
    await t.close();
    webDist.remove();
  });

  async function aSignedInReader(role: 'staff' | 'donor' | 'reviewer' | 'admin', name = 'Amina Diallo') {
    const user = await aUser(t, { role });
    await t.db.query('UPDATE users SET name = $2 WHERE id = $1', [user.id, name]);
    const token = await signIn(t, user);
    return { cookie: `hstf_session=${token}`, token };
  }

  /** A project in Burkina Faso and Mali, with the acronym of the organization that leads it. */
  async function aSahelProject(title: string, translations: Record<string, string> = {}) {
    const project = await aProject(t, { stage: 'approved', countries: ['BFA', 'MLI'], title, window: 'II' });
    await t.db.query('UPDATE projects SET title_translations = $2 WHERE id = $1', [project.id, translations]);
    const { rows } = await t.db.query<{ acronym: string }>(
      'SELECT acronym FROM organizations WHERE id = $1',
      [project.leadOrganizationId],
    );
    return { ...project, lead: rows[0]!.acronym };
  }

  const dataBlock = (html: string, id: string) =>
    new RegExp(`<script type="application/json" id="${id}">([^<]*)</script>`).exec(html)?.[1];

  it("draws the project's heading in the reader's role's screen, and inlines its answer and the reader's", async () => {
    const project = await aSahelProject('Livelihoods in the Central Sahel');
    const { cookie, token } = await aSignedInReader('staff');
    const answer = await t
      .http()
      .get(`/api/v1/projects/${project.id}`)
      .set('Authorization', `Bearer ${token}`);
    const me = await t.http().get('/api/v1/auth/me').set('Authorization', `Bearer ${token}`);
    const paragraph6 = await t
      .http()
      .get(`/api/v1/projects/${project.id}/compliance`)
      .set('Authorization', `Bearer ${token}`);

    const page = await t
      .http()
      .get(`/projects/${project.id}`)
      .set('Cookie', cookie)
      .set('Accept-Language', 'en');
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.text).toContain(
      `<header><span class="avatar">AD</span><p>Amina Diallo</p></header>` +
        `<main id="main-content"><p class="code">${project.code}</p><b>Approved</b><span>Window II</span>` +
        `<i>${paragraph6.body.status}</i>` +
        `<h1>Livelihoods in the Central Sahel</h1><p class="place">Burkina Faso and Mali · led by ${project.lead}</p>` +
        `<a href="/projects/${project.id}/edit">staff</a></main>`,
    );
    expect(page.text).toContain(`<title>${project.code} · Projects · HSTF Portfolio</title>`);
    expect(JSON.parse(dataBlock(page.text, 'project-data') ?? 'null')).toEqual(answer.body);
    expect(JSON.parse(dataBlock(page.text, 'current-user-data') ?? 'null')).toEqual(me.body);
    expect(JSON.parse(dataBlock(page.text, 'project-compliance-data') ?? 'null')).toEqual(paragraph6.body);
    expect(page.text).toContain('<style>.place{color:gray}</style>');
    expect(page.headers['cache-control']).toBe('no-store');
    expect(page.headers['vary']).toMatch(/cookie/i);

    // Addressed by its code, in any case, it is the same page.
    const byCode = await t.http().get(`/projects/${project.code.toLowerCase()}`).set('Cookie', cookie);
    expect(byCode.text).toBe(page.text);
  });

  it('shows the title in the reader language when it was translated, with the original under it', async () => {
    const project = await aSahelProject('Livelihoods in the Central Sahel', {
      fr: 'Moyens de subsistance au Sahel',
    });
    const { cookie } = await aSignedInReader('donor');
    const french = await t
      .http()
      .get(`/projects/${project.id}`)
      .set('Cookie', cookie)
      .set('Accept-Language', 'fr');
    expect(french.text).toContain('<html lang="fr" dir="ltr"');
    expect(french.text).toContain(
      '<h1>Moyens de subsistance au Sahel</h1>' +
        '<p class="original">Titre original : <bdi>Livelihoods in the Central Sahel</bdi></p>' +
        `<p class="place">Burkina Faso et Mali · sous la direction de ${project.lead}</p>` +
        `<a href="/projects/${project.id}/edit">donor</a>`,
    );
    expect(french.text).toContain('<b>Approuvé</b>');
    const english = await t
      .http()
      .get(`/projects/${project.id}`)
      .set('Cookie', cookie)
      .set('Accept-Language', 'en');
    expect(english.text).toContain('<h1>Livelihoods in the Central Sahel</h1><p class="place">');
  });

  it('writes a hostile title as text, in the page and in the data block', async () => {
    const hostile = '</script><script>alert(1)</script> "{{name}}" & {{code}}';
    const project = await aSahelProject(hostile);
    const { cookie } = await aSignedInReader('admin');
    const page = await t.http().get(`/projects/${project.id}`).set('Cookie', cookie);
    expect(page.text).not.toContain('<script>alert(1)');
    expect(page.text).toContain(
      '<h1>&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt; &quot;{{name}}&quot; &amp; {{code}}</h1>',
    );
    const block = dataBlock(page.text, 'project-data') ?? '';
    expect(block).not.toMatch(/[<>&]/);
    expect(JSON.parse(block).title).toBe(hostile);
    // The app's script held in the template, the one that loads it, and the three data blocks.
    expect(page.text.match(/<script/g)).toHaveLength(5);
  });

  it('sends index.html as it is to a reviewer, without a session, and for no such project', async () => {
    const project = await aSahelProject('Not for reviewers');
    const { cookie: reviewer } = await aSignedInReader('reviewer');
    const { cookie: staff } = await aSignedInReader('staff');
    const cases: [string, string | undefined][] = [
      [`/projects/${project.id}`, reviewer],
      [`/projects/${project.id}`, undefined],
      [`/projects/${project.id}`, 'hstf_session=not-a-session'],
      [`/projects/${randomUUID()}`, staff],
      ['/projects/HS-1900-0001', staff],
      ['/projects/new', staff],
      ['/projects/not-a-project', staff],
    ];
    for (const [path, cookie] of cases) {
      const request = t.http().get(path);
      const page = await (cookie === undefined ? request : request.set('Cookie', cookie));
      expect([path, page.status, page.text]).toEqual([path, 200, INDEX_HTML]);
      expect(page.headers['cache-control']).toBe('no-cache');
    }
    // The project's other screens are the dashboard's own.
    const edit = await t.http().get(`/projects/${project.id}/edit`).set('Cookie', staff);
    expect(edit.text).toBe(INDEX_HTML);
  });
});
