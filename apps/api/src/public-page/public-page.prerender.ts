import { readFileSync } from 'node:fs';
import path from 'node:path';
import { formatMoneyIn } from '@hstf/domain';
import { escapeHtml } from '../mail';

/**
 * /fund sent with its first screen drawn. The dashboard's build renders the page's heading and
 * figures in each language from the route's own components (apps/web/src/features/public-page/
 * prerender) into prerendered/fund.json; each request fills in the Fund's figures, formatted as the
 * dashboard formats them, and inlines the public answer as a JSON data block that React Query takes
 * as its data, so a phone paints the page before any script runs and asks the API nothing more.
 */

/** One language's first screen, as apps/web/src/features/public-page/prerender writes it. */
export interface PrerenderedFirstScreen {
  dir: 'ltr' | 'rtl';
  title: string;
  /** Markup for #root, with {{received}}, {{committed}} and {{transferred}} where the figures go. */
  html: string;
}

export type PrerenderedFirstScreens = Record<string, PrerenderedFirstScreen>;

/** The id of the data block the dashboard reads (apps/web/src/features/public-page/api/public-fund.ts). */
export const PUBLIC_FUND_DATA_ID = 'public-fund-data';

const FIGURES = ['received', 'committed', 'transferred'] as const;

/** What the dashboard's build prerendered for /fund. */
export interface PrerenderedFund {
  screens: PrerenderedFirstScreens;
  /** The stylesheet's rules that the first screen uses (prerendered/fund.css), if the build wrote them. */
  firstScreenCss: string | null;
}

/** The built first screens, or null when the dashboard was built without them (then /fund is plain index.html). */
export function readPrerenderedFund(webDistDir: string): PrerenderedFund | null {
  const read = (file: string) => {
    try {
      return readFileSync(path.join(webDistDir, 'prerendered', file), 'utf8');
    } catch {
      return null;
    }
  };
  try {
    const screens = JSON.parse(read('fund.json') ?? '{}') as PrerenderedFirstScreens;
    return screens['en'] ? { screens, firstScreenCss: read('fund.css') } : null;
  } catch {
    return null;
  }
}

/**
 * The reader's language from Accept-Language, among those the page is written in: the highest
 * weighted one offered, by its primary subtag ("fr-CH" is French), else English, the dashboard's
 * fallback. A reader who chose another language in the dashboard (kept in the browser) sees the
 * page redrawn in it once its script runs.
 */
export function pickLanguage(acceptLanguage: string | undefined, offered: readonly string[]): string {
  const ranges = (acceptLanguage ?? '')
    .split(',')
    .map((part, order) => {
      const [range = '', ...parameters] = part.trim().split(';');
      const q = parameters.map((p) => /^\s*q=([0-9.]+)\s*$/i.exec(p)?.[1]).find(Boolean);
      return { language: range.trim().toLowerCase().split('-')[0] ?? '', weight: q ? Number(q) : 1, order };
    })
    .filter((range) => range.weight > 0 && offered.includes(range.language))
    .sort((a, b) => b.weight - a.weight || a.order - b.order);
  return ranges[0]?.language ?? 'en';
}

/**
 * JSON inside <script type="application/json">: no "<" may appear, or a donor named
 * "</script><script>…" would end the block; \u003c reads back as the same string.
 */
const escapeJsonForScript = (json: string) =>
  json.replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

/**
 * The first screen's own styles inline, and index.html's stylesheets as `media="print"`: downloaded
 * without holding the first paint; the dashboard's script applies them (data-after-first-screen)
 * and waits for them before React draws the rest of the page.
 */
function withFirstScreenStyles(indexHtml: string, css: string): string {
  const style = `<style>${css.replace(/<\/style/gi, '<\\/style')}</style>`;
  let inlined = false;
  return indexHtml.replace(/<link rel="stylesheet"([^>]*)>/g, (_, attributes: string) => {
    const link = `<link rel="stylesheet"${attributes} media="print" data-after-first-screen>`;
    if (inlined) return link;
    inlined = true;
    return style + link;
  });
}

/**
 * The page's scripts fetched at low priority: its first screen is painted without them, and
 * nothing else on the page competes for the connection (the stylesheet comes at the lowest).
 */
const withScriptsAfterFirstScreen = (indexHtml: string) =>
  indexHtml.replace(
    /<(script type="module"|link rel="modulepreload")/g,
    (_, opening: string) => `<${opening} fetchpriority="low"`,
  );

/**
 * index.html with /fund's first screen in `language` and the public answer (the JSON text the
 * public API sends) inlined. The figures come from that same answer, so what is painted first is
 * what React then draws from the data block.
 */
export function prerenderedFundPage(
  indexHtml: string,
  screen: PrerenderedFirstScreen,
  language: string,
  publicFundJson: string,
  firstScreenCss: string | null = null,
): string {
  const { overall } = JSON.parse(publicFundJson) as { overall: Record<(typeof FIGURES)[number], string> };
  let firstScreen = screen.html;
  for (const figure of FIGURES)
    firstScreen = firstScreen.replace(`{{${figure}}}`, escapeHtml(formatMoneyIn(language, overall[figure])));
  // Functions as replacements: a "$&" in the inserted text is not a pattern here.
  const page = withScriptsAfterFirstScreen(indexHtml);
  return (firstScreenCss ? withFirstScreenStyles(page, firstScreenCss) : page)
    .replace(
      /<html[^>]*>/,
      () => `<html lang="${escapeHtml(language)}" dir="${screen.dir}" data-mantine-color-scheme="light">`,
    )
    .replace(/<title>[^<]*<\/title>/, () => `<title>${escapeHtml(screen.title)}</title>`)
    .replace(
      '<div id="root"></div>',
      () =>
        `<div id="root">${firstScreen}</div>` +
        `<script type="application/json" id="${PUBLIC_FUND_DATA_ID}">${escapeJsonForScript(publicFundJson)}</script>`,
    );
}
