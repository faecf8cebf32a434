import { aUser, signIn } from '../support/builders';
import { createTestApp, TestApp } from '../support/test-app';
import { aBuiltDashboard } from '../support/web-dist';

const INDEX_HTML =
  '<!doctype html>\n<html lang="en" dir="ltr">\n  <head>\n    <meta charset="UTF-8" />\n' +
  '    <title>HSTF Portfolio</title>\n    <script type="module" crossorigin src="/assets/index-1.js"></script>\n' +
  '    <link rel="modulepreload" crossorigin href="/assets/start-1.js">\n' +
  '    <link rel="stylesheet" crossorigin href="/assets/start-1.css">\n' +
  '  </head>\n  <body>\n    <div id="root"></div>\n  </body>\n</html>\n';

/** .vite/manifest.json as Vite writes it, for an entry, the shell, two screens and the strings. */
const MANIFEST = {
  'index.html': {
    file: 'assets/index-1.js',
    isEntry: true,
    imports: ['_start-1.js'],
    css: ['assets/start-1.css'],
  },
  '_start-1.js': { file: 'assets/start-1.js' },
  '_signed-in-1.js': {
    file: 'assets/signed-in-1.js',
    imports: ['_start-1.js'],
    css: ['assets/signed-in-1.css'],
  },
  '_project-screens-1.js': { file: 'assets/project-screens-1.js', imports: ['_signed-in-1.js'] },
  'src/app/layout/AppLayout.tsx': {
    file: 'assets/AppLayout-1.js',
    isDynamicEntry: true,
    imports: ['_signed-in-1.js', '_start-1.js'],
  },
  'src/features/projects/routes/ProjectRoute.tsx': {
    file: 'assets/ProjectRoute-1.js',
    isDynamicEntry: true,
    imports: ['_project-screens-1.js', '_signed-in-1.js'],
  },
  'src/features/projects/routes/NewProjectRoute.tsx': {
    file: 'assets/NewProjectRoute-1.js',
    isDynamicEntry: true,
    imports: ['_signed-in-1.js'],
  },
  'src/i18n/bundles/en.ts': { file: 'assets/en-1.js', isDynamicEntry: true },
  'src/i18n/bundles/fr.ts': { file: 'assets/fr-1.js', isDynamicEntry: true },
};

const preload = (file: string) => `<link rel="modulepreload" crossorigin href="/assets/${file}">`;
const SHELL_PRELOADS =
  preload('AppLayout-1.js') +
  preload('signed-in-1.js') +
  preload('en-1.js') +
  '<link rel="preload" as="style" crossorigin href="/assets/signed-in-1.css">';

/**
 * Any signed-in screen the API does not draw: index.html naming, in its head, the code and strings
 * the screen will ask for, so a phone fetches them with the entry instead of after it has run.
 */
describe('a signed-in screen, sent with its code named in the page', () => {
  let t: TestApp;
  let webDist: ReturnType<typeof aBuiltDashboard>;

  beforeAll(async () => {
    webDist = aBuiltDashboard(INDEX_HTML, {}, MANIFEST);
    t = await createTestApp({ WEB_DIST_DIR: webDist.dir });
  });
  afterAll(async () => {
    await t.close();
    webDist.remove();
  });

  async function aSignedInReader() {
    const user = await aUser(t, { role: 'staff' });
    const token = await signIn(t, user);
    return { cookie: `hstf_session=${token}`, token };
  }
  const headLinks = (html: string) =>
    /<link rel="stylesheet"[^>]*>\n {2}((?:<link[^>]*>)*)<\/head>/.exec(html)?.[1];

  it("names a project page's code, the shell's and the strings, once each, and inlines /auth/me", async () => {
    const { cookie, token } = await aSignedInReader();
    const me = await t.http().get('/api/v1/auth/me').set('Authorization', `Bearer ${token}`);
    const page = await t.http().get('/projects/HS-2020-0002?tab=money').set('Cookie', cookie);
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    // What index.html loads itself (start) is not named again; the rest in dependency order.
    expect(headLinks(page.text)).toBe(
      preload('AppLayout-1.js') +
        preload('signed-in-1.js') +
        preload('en-1.js') +
        preload('ProjectRoute-1.js') +
        preload('project-screens-1.js') +
        '<link rel="preload" as="style" crossorigin href="/assets/signed-in-1.css">',
    );
    const block =
      /<div id="root"><\/div><script type="application\/json" id="current-user-data">([^<]*)<\/script>/.exec(
        page.text,
      )?.[1];
    expect(JSON.parse(block ?? 'null')).toEqual(me.body);
    expect(page.headers['cache-control']).toBe('no-store');
    expect(page.headers['vary']).toMatch(/cookie/i);
  });

  it("names the shell alone for another screen, and the reader's language's strings", async () => {
    const { cookie } = await aSignedInReader();
    const page = await t.http().get('/projects/new').set('Cookie', cookie);
    expect(headLinks(page.text)).toBe(SHELL_PRELOADS);
    const french = await t.http().get('/countries').set('Cookie', `${cookie}; hstf-language=fr`);
    expect(headLinks(french.text)).toContain(preload('fr-1.js'));
  });

  it('sends index.html as it is without a live session, and leaves /api to the API', async () => {
    for (const sent of [undefined, 'hstf_session=not-a-session']) {
      const request = t.http().get('/projects/HS-2020-0002');
      const page = await (sent === undefined ? request : request.set('Cookie', sent));
      expect(page.text).toBe(INDEX_HTML);
      expect(page.headers['cache-control']).toBe('no-cache');
    }
    const { cookie } = await aSignedInReader();
    const api = await t.http().get('/api/v1/no-such-thing').set('Cookie', cookie);
    expect(api.status).toBe(404);
    expect(api.headers['content-type']).toMatch(/problem\+json/);
  });
});
