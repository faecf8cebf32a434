import { aUser, signIn } from '../support/builders';
import { createTestApp, TestApp } from '../support/test-app';
import { aBuiltDashboard, viteIndexHtml, VITE_ENTRY_SCRIPT, VITE_STYLESHEET } from '../support/web-dist';

/** index.html as Vite writes it: what the API fills in for a signed-in reader's overview. */
const INDEX_HTML = viteIndexHtml(VITE_ENTRY_SCRIPT, VITE_STYLESHEET);

/** prerendered/overview.json as the dashboard's build writes it (apps/web/src/app/prerender). */
const screens = (welcome: string, dir = 'ltr') => ({
  dir,
  title: `${welcome} · HSTF Portfolio`,
  roles: Object.fromEntries(
    ['admin', 'staff', 'reviewer', 'donor'].map((role) => [
      role,
      `<header><span class="avatar">{{initials}}</span><p>{{name}}</p></header>` +
        `<main id="main-content"><h1>${welcome} {{name}}</h1><p class="role">${role}</p></main>`,
    ]),
  ),
});
const SCREENS = { en: screens('Welcome,'), fr: screens('Bienvenue,'), ar: screens('مرحبا،', 'rtl') };
const FIRST_SCREEN_CSS = '.avatar{border-radius:50%}';

/** A name is its owner's to choose: it must reach the page as text, never as markup. */
const HOSTILE_NAME = '</script><script>alert(1)</script> Ünal "{{initials}}" Öz';

describe('/, sent with the overview drawn to a signed-in reader', () => {
  let t: TestApp;
  let webDist: ReturnType<typeof aBuiltDashboard>;

  beforeAll(async () => {
    webDist = aBuiltDashboard(INDEX_HTML, {
      'overview.json': JSON.stringify(SCREENS),
      'overview.css': FIRST_SCREEN_CSS,
    });
    t = await createTestApp({ WEB_DIST_DIR: webDist.dir });
  });
  afterAll(async () => {
    await t.close();
    webDist.remove();
  });

  /** A user of `role` named `name`, signed in: the session cookie a browser would send. */
  async function aSignedInReader(role: 'staff' | 'donor', name: string) {
    const user = await aUser(t, { role });
    await t.db.query('UPDATE users SET name = $2 WHERE id = $1', [user.id, name]);
    const token = await signIn(t, user);
    return { user, cookie: `hstf_session=${token}`, token };
  }

  const dataBlock = (html: string) =>
    /<script type="application\/json" id="current-user-data">([^<]*)<\/script>/.exec(html)?.[1];

  it("draws the reader's role's screen with their name, and inlines their /auth/me answer", async () => {
    const { cookie, token } = await aSignedInReader('donor', 'Amina Diallo');
    const me = await t.http().get('/api/v1/auth/me').set('Authorization', `Bearer ${token}`);
    const page = await t.http().get('/').set('Cookie', cookie).set('Accept-Language', 'en');
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.text).toContain(
      '<header><span class="avatar">AD</span><p>Amina Diallo</p></header>' +
        '<main id="main-content"><h1>Welcome, Amina Diallo</h1><p class="role">donor</p></main>',
    );
    expect(JSON.parse(dataBlock(page.text) ?? 'null')).toEqual(me.body);
    expect(page.text).toContain('<title>Welcome, · HSTF Portfolio</title>');
    expect(page.text).toContain(`<style>${FIRST_SCREEN_CSS}</style>`);
    expect(page.text).toContain(
      '<template id="after-first-paint"><script type="module" crossorigin src="/assets/index-1.js"></script>' +
        '<link rel="stylesheet" crossorigin href="/assets/start-1.css" media="print" data-after-first-screen></template>' +
        '<script defer src="/after-first-paint.js"></script></head>',
    );
  });

  it('is painted once it is all parsed: rendering waits for the element that ends the drawn screen', async () => {
    const { cookie } = await aSignedInReader('staff', 'Amina Diallo');
    const page = await t.http().get('/').set('Cookie', cookie).set('Accept-Language', 'en');
    const head = page.text.slice(0, page.text.indexOf('</head>'));
    expect(head).toContain('<link rel="expect" href="#first-screen-end" blocking="render">');
    // Right after the screen in #root, before the data blocks (which the screen does not need).
    expect(page.text).toMatch(
      /<div id="root"><header>.*<\/main><\/div><template id="first-screen-end"><\/template><script type="application\/json"/,
    );
    // A page sent without a drawn screen holds nothing back.
    const plain = await t.http().get('/');
    expect(plain.text).not.toContain('blocking="render"');
  });

  it('is written in the language the reader chose in the dashboard, else the one their browser prefers', async () => {
    const { cookie } = await aSignedInReader('staff', 'Kofi Mensah');
    const chosen = await t
      .http()
      .get('/')
      .set('Cookie', `${cookie}; hstf-language=ar`)
      .set('Accept-Language', 'fr');
    expect(chosen.text).toContain('<html lang="ar" dir="rtl"');
    expect(chosen.text).toContain('<h1>مرحبا، Kofi Mensah</h1>');

    const browser = await t.http().get('/').set('Cookie', cookie).set('Accept-Language', 'fr-CH, en;q=0.5');
    expect(browser.text).toContain('<html lang="fr" dir="ltr"');
    expect(browser.text).toContain('<h1>Bienvenue, Kofi Mensah</h1>');

    // A language the build did not draw (or no such language) falls back as the dashboard does.
    const other = await t
      .http()
      .get('/')
      .set('Cookie', `${cookie}; hstf-language=xx`)
      .set('Accept-Language', 'de');
    expect(other.text).toContain('<html lang="en" dir="ltr"');
  });

  it('writes a hostile name as text, in the page and in the data block, and never stores the page', async () => {
    const { cookie } = await aSignedInReader('staff', HOSTILE_NAME);
    const page = await t.http().get('/').set('Cookie', cookie);
    expect(page.text).not.toContain('<script>alert(1)');
    expect(page.text).toContain(
      '&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt; Ünal &quot;{{initials}}&quot; Öz',
    );
    // The initials are of the name as written: its first and last words' first letters.
    expect(page.text).toContain('<span class="avatar">&lt;Ö</span>');
    const block = dataBlock(page.text) ?? '';
    expect(block).not.toMatch(/[<>&]/);
    expect(JSON.parse(block).name).toBe(HOSTILE_NAME);
    expect(page.text.match(/<script/g)).toHaveLength(3);
    expect(page.headers['cache-control']).toBe('no-store');
    expect(page.headers['vary']).toMatch(/cookie/i);
    expect(page.headers['content-security-policy']).not.toMatch(/script-src[^;]*unsafe-inline/);
  });

  it('sends index.html as it is without a live session: none, an unknown one, a signed-out one', async () => {
    const { cookie, token } = await aSignedInReader('staff', 'Signed Out');
    await t.http().post('/api/v1/auth/logout').set('Authorization', `Bearer ${token}`).expect(204);
    for (const sent of [undefined, 'hstf_session=not-a-session', cookie]) {
      const request = t.http().get('/');
      const page = await (sent === undefined ? request : request.set('Cookie', sent));
      expect(page.status).toBe(200);
      expect(page.text).toBe(INDEX_HTML);
      expect(page.headers['cache-control']).toBe('no-cache');
      expect(page.headers['vary']).toMatch(/cookie/i);
    }
  });

  it('draws no other route: a project page is index.html whatever the session', async () => {
    const { cookie } = await aSignedInReader('staff', 'Kofi Mensah');
    const page = await t.http().get('/projects').set('Cookie', cookie);
    expect(page.text).toBe(INDEX_HTML);
  });
});
