import { aDonorOfKind } from '../support/fund-builders';
import { createTestApp, TestApp } from '../support/test-app';
import { aBuiltDashboard, viteIndexHtml, VITE_ENTRY_SCRIPT, VITE_STYLESHEET } from '../support/web-dist';

/** index.html as Vite writes it: what the API fills in for /fund. */
const INDEX_HTML = viteIndexHtml(
  VITE_ENTRY_SCRIPT,
  '<link rel="modulepreload" crossorigin href="/assets/react-1.js">',
  VITE_STYLESHEET,
);

/** prerendered/fund.json as the dashboard's build writes it (apps/web/src/features/public-page/prerender). */
const screen = (heading: string, dir = 'ltr') => ({
  dir,
  title: `${heading} · HSTF Portfolio`,
  html:
    `<div class="m_7485cace"><h1>${heading}</h1><section aria-labelledby="public-figures">` +
    '<p>{{received}}</p><p>{{committed}}</p><p>{{transferred}}</p></section></div>',
});
const SCREENS = {
  en: screen('The Fund in figures'),
  fr: screen('Le Fonds en chiffres'),
  ar: screen('الصندوق بالأرقام', 'rtl'),
};

/** prerendered/fund.css: the stylesheet's rules the first screen uses. */
const FIRST_SCREEN_CSS = '.m_7485cace{max-width:var(--container-size)}';

/** A donor's name is the donor's to choose: it must reach the page as text, never as markup. */
const HOSTILE_DONOR = '</script><script>alert(1)</script><!-- & "Donor" \u2028';

describe('/fund, sent with its first screen drawn', () => {
  let t: TestApp;
  let webDist: ReturnType<typeof aBuiltDashboard>;

  beforeAll(async () => {
    webDist = aBuiltDashboard(INDEX_HTML, {
      'fund.json': JSON.stringify(SCREENS),
      'fund.css': FIRST_SCREEN_CSS,
    });
    t = await createTestApp({ WEB_DIST_DIR: webDist.dir });
    const donor = await aDonorOfKind(t, 'foundation', HOSTILE_DONOR);
    await t.db.query(
      `INSERT INTO contributions (donor_id, pledged_on, received_on, amount, currency, usd_amount, exchange_rate,
                                  status, reference)
       VALUES ($1, '2025-01-10', '2025-02-01', 1234567.50, 'USD', 1234567.50, 1, 'received', 'REF-1')`,
      [donor],
    );
  });
  afterAll(async () => {
    await t.close();
    webDist.remove();
  });

  const dataBlock = (html: string) =>
    /<script type="application\/json" id="public-fund-data">([^<]*)<\/script>/.exec(html)?.[1];

  it("carries the public answer, and the figures drawn from it in the reader's language", async () => {
    const api = await t.http().get('/api/v1/public/fund');
    const page = await t.http().get('/fund').set('Accept-Language', 'en-GB,en;q=0.9');
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(JSON.parse(dataBlock(page.text) ?? 'null')).toEqual(api.body);
    expect(api.body.overall.received).toBe('1234567.50');
    expect(page.text).toContain('<p>$1,234,567.50</p><p>$0.00</p><p>$0.00</p>');
    expect(page.text).toContain('<html lang="en" dir="ltr" data-mantine-color-scheme="light">');
    expect(page.text).toContain('<title>The Fund in figures · HSTF Portfolio</title>');
    // The page's own script still loads, once the first screen is painted.
    expect(page.text).toContain('<script type="module" crossorigin src="/assets/index-1.js"></script>');
    expect(page.text).toContain('<script defer src="/after-first-paint.js"></script>');
  });

  it("paints without waiting for the whole stylesheet or the scripts: the first screen's styles come inline", async () => {
    const page = await t.http().get('/fund');
    const head = page.text.slice(0, page.text.indexOf('</head>'));
    expect(head).toContain(`<style>${FIRST_SCREEN_CSS}</style>`);
    // Scripts and stylesheet wait in an inert template, which the deferred script copies once painted.
    const held = /<template id="after-first-paint">(.*)<\/template>/.exec(head)?.[1] ?? '';
    expect(held).toBe(
      '<script type="module" crossorigin src="/assets/index-1.js"></script>' +
        '<link rel="modulepreload" crossorigin href="/assets/react-1.js">' +
        '<link rel="stylesheet" crossorigin href="/assets/start-1.css" media="print" data-after-first-screen>',
    );
    expect(head.replace(held, '')).not.toMatch(/<link rel="(stylesheet|modulepreload)"|type="module"/);
  });

  it('is written in the language the reader chose, else the one they prefer among the six, else English', async () => {
    const french = await t.http().get('/fund').set('Accept-Language', 'de-CH, fr-CH;q=0.9, en;q=0.5');
    const usdInFrench = new Intl.NumberFormat('fr', { style: 'currency', currency: 'USD' });
    expect(french.text).toContain('<html lang="fr" dir="ltr"');
    expect(french.text).toContain(`<p>${usdInFrench.format(1234567.5)}</p>`);
    expect(french.text).toContain('<h1>Le Fonds en chiffres</h1>');

    const arabic = await t.http().get('/fund').set('Accept-Language', 'ar');
    expect(arabic.text).toContain('<html lang="ar" dir="rtl"');
    expect(arabic.text).toContain(
      `<p>${new Intl.NumberFormat('ar', { style: 'currency', currency: 'USD' }).format(1234567.5)}</p>`,
    );

    // The language chosen in the dashboard, which it keeps in a cookie, comes first.
    const chosen = await t.http().get('/fund').set('Cookie', 'hstf-language=fr').set('Accept-Language', 'ar');
    expect(chosen.text).toContain('<html lang="fr" dir="ltr"');

    for (const header of ['de', 'fr;q=0', undefined]) {
      const request = t.http().get('/fund');
      const page = await (header === undefined ? request : request.set('Accept-Language', header));
      expect(page.text).toContain('<html lang="en" dir="ltr"');
    }
  });

  it("inlines a donor's name as data that cannot end the block or run as script", async () => {
    const page = await t.http().get('/fund');
    const block = dataBlock(page.text) ?? '';
    expect(page.text).not.toContain(HOSTILE_DONOR);
    expect(page.text).not.toContain('<script>alert(1)');
    expect(block).not.toMatch(/[<>&\u2028]/);
    expect(JSON.parse(block).byDonor[0].name).toBe(HOSTILE_DONOR);
    // Three scripts in all: the page's module (held back), the one that loads it, and the data block.
    expect(page.text.match(/<script/g)).toHaveLength(3);
  });

  it('is revalidated on every visit, kept apart by language, and under the same security headers', async () => {
    const page = await t.http().get('/fund');
    const signIn = await t.http().get('/sign-in');
    expect(page.headers['cache-control']).toBe('no-cache');
    expect(page.headers['vary']).toMatch(/accept-language/i);
    expect(page.headers['content-security-policy']).toBe(signIn.headers['content-security-policy']);
    expect(page.headers['content-security-policy']).toMatch(/script-src 'self'/);
    expect(page.headers['content-security-policy']).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(page.headers['x-content-type-options']).toBe('nosniff');
  });

  it('leaves every other page of the dashboard as index.html, without the public answer', async () => {
    const signIn = await t.http().get('/sign-in');
    expect(signIn.status).toBe(200);
    expect(signIn.text).toBe(INDEX_HTML);
    expect(signIn.headers['cache-control']).toBe('no-cache');
  });
});
