import { SessionsService } from '../../src/auth';
import { aUser, signIn } from '../support/builders';
import { createTestApp, TestApp } from '../support/test-app';
import { aBuiltDashboard, viteIndexHtml, VITE_ENTRY_SCRIPT, VITE_STYLESHEET } from '../support/web-dist';

/** index.html as Vite writes it. */
const INDEX_HTML = viteIndexHtml(VITE_ENTRY_SCRIPT, VITE_STYLESHEET);

/** prerendered/sign-in.json as the dashboard's build writes it (apps/web/src/features/auth/prerender). */
const screen = (title: string, dir = 'ltr') => ({
  dir,
  title: `${title} · HSTF Portfolio`,
  html: `<main><h1>${title}</h1><form data-before-scripts="true" method="post"><input name="email"></form></main>`,
});
const SCREENS = { en: screen('Sign in'), fr: screen('Se connecter'), ar: screen('تسجيل الدخول', 'rtl') };

describe('/sign-in, sent drawn to a reader without a session', () => {
  let t: TestApp;
  let webDist: ReturnType<typeof aBuiltDashboard>;

  beforeAll(async () => {
    webDist = aBuiltDashboard(INDEX_HTML, {
      'sign-in.json': JSON.stringify(SCREENS),
      'sign-in.css': '.card{border-radius:8px}',
    });
    t = await createTestApp({ WEB_DIST_DIR: webDist.dir });
  });
  afterAll(async () => {
    await t.close();
    webDist.remove();
  });

  const dataBlock = (html: string) =>
    /<script type="application\/json" id="current-user-data">([^<]*)<\/script>/.exec(html)?.[1];

  it("draws the page in the reader's language, saying no one is signed in", async () => {
    const page = await t.http().get('/sign-in?next=%2Fprojects').set('Accept-Language', 'fr-CH, en;q=0.5');
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.text).toContain('<html lang="fr" dir="ltr"');
    expect(page.text).toContain('<title>Se connecter · HSTF Portfolio</title>');
    expect(page.text).toContain(`<div id="root">${SCREENS.fr.html}</div>`);
    expect(page.text).toContain('<style>.card{border-radius:8px}</style>');
    // GET /auth/me's answer for a reader without a session: the dashboard shows the form at once.
    expect(dataBlock(page.text)).toBe('null');
    // Revalidated on every visit; one page per language, and another for a reader with a session.
    expect(page.headers['cache-control']).toBe('no-cache');
    expect(page.headers['vary']).toMatch(/accept-language/i);
    expect(page.headers['vary']).toMatch(/cookie/i);

    const arabic = await t.http().get('/sign-in').set('Cookie', 'hstf-language=ar');
    expect(arabic.text).toContain('<html lang="ar" dir="rtl"');
    const english = await t.http().get('/sign-in');
    expect(english.text).toContain('<h1>Sign in</h1>');
  });

  it('draws it for a session that is unknown or signed out, and sends index.html to a live one', async () => {
    const user = await aUser(t, { role: 'staff' });
    const token = await signIn(t, user);
    const live = await t.http().get('/sign-in').set('Cookie', `hstf_session=${token}`);
    expect(live.text).toBe(INDEX_HTML);
    expect(live.headers['vary']).toMatch(/cookie/i);

    await t.http().post('/api/v1/auth/logout').set('Authorization', `Bearer ${token}`).expect(204);
    for (const cookie of [`hstf_session=${token}`, 'hstf_session=not-a-session']) {
      const page = await t.http().get('/sign-in').set('Cookie', cookie);
      expect(dataBlock(page.text)).toBe('null');
    }
  });

  it('sends index.html when whether the session lives cannot be told, never a page saying no one is signed in', async () => {
    const resolve = jest
      .spyOn(t.app.get(SessionsService), 'resolve')
      .mockRejectedValueOnce(new Error('the database is away'));
    try {
      const page = await t.http().get('/sign-in').set('Cookie', 'hstf_session=some-session');
      expect(page.status).toBe(200);
      expect(page.text).toBe(INDEX_HTML);
    } finally {
      resolve.mockRestore();
    }
  });
});
