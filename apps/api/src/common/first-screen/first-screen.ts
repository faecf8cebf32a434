import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { FastifyRequest } from 'fastify';
import { acceptedLanguage } from '../http/accepted-language';
import { escapeHtml } from '../http/escape-html';

/**
 * Pages sent with their first screen drawn. The dashboard's build renders a route's first screen in
 * each language from the route's own components (scripts/prerender-first-screens.mjs) into
 * dist/prerendered/<page>.json, with the style rules those screens use in <page>.css; the API puts
 * the reader's screen into index.html, so a phone paints it before any script has run, and inlines
 * the answers the screen would ask for as JSON data blocks that React Query takes as its data.
 */

/** A file the build wrote to dist/prerendered, or null when the dashboard was built without it. */
export function readPrerendered(webDistDir: string, file: string): string | null {
  try {
    return readFileSync(path.join(webDistDir, 'prerendered', file), 'utf8');
  } catch {
    return null;
  }
}

/** A page's screens by language as the build wrote them, with the style rules they use. */
export interface PrerenderedScreens<S> {
  screens: Record<string, S>;
  /** The stylesheet's rules the screens use (prerendered/<page>.css), if the build wrote them. */
  firstScreenCss: string | null;
}

/**
 * prerendered/<page>.json and <page>.css, or null when the build wrote no English screen (or none
 * at all): the page is then plain index.html.
 */
export function readPrerenderedScreens<S>(webDistDir: string, page: string): PrerenderedScreens<S> | null {
  try {
    const screens = JSON.parse(readPrerendered(webDistDir, `${page}.json`) ?? '{}') as Record<string, S>;
    return screens['en'] ? { screens, firstScreenCss: readPrerendered(webDistDir, `${page}.css`) } : null;
  } catch {
    return null;
  }
}

/**
 * JSON inside <script type="application/json">: no "<" may appear, or a name such as
 * "</script><script>…" would end the block; \u003c reads back as the same string.
 */
const escapeJsonForScript = (json: string) =>
  json.replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

/** The script that loads what a drawn page holds back (apps/web/public/after-first-paint.js). */
export const AFTER_FIRST_PAINT_SCRIPT = '/after-first-paint.js';

/**
 * The dashboard's scripts and stylesheet held back until the first screen is painted: moved into an
 * inert <template> (nothing in it is fetched), which a small deferred script copies into the head
 * once the browser has painted. The screen then paints from the HTML alone, without the
 * connection being shared with 240 KB of scripts, and the app loads right after. With the screen's
 * own styles inline, the stylesheet comes as `media="print"` (data-after-first-screen): the
 * dashboard's script waits for it to load and applies it in React's first commit, as React replaces
 * the screen (apps/web/src/app/AfterFirstScreenStyles.tsx). Without
 * them, the stylesheet stays where it is and holds the first paint, as on any other page.
 */
function withAppAfterFirstPaint(indexHtml: string, css: string | null): string {
  const held: string[] = [];
  const page = indexHtml.replace(
    /<script type="module"[^>]*><\/script>|<link rel="(?:modulepreload|stylesheet)"[^>]*>/g,
    (tag: string) => {
      if (tag.startsWith('<link rel="stylesheet"')) {
        if (css === null) return tag;
        held.push(tag.replace(/>$/, ' media="print" data-after-first-screen>'));
      } else held.push(tag);
      return '';
    },
  );
  const style = css === null ? '' : `<style>${css.replace(/<\/style/gi, '<\\/style')}</style>`;
  return page.replace(
    '</head>',
    () =>
      `${style}${RENDER_WHOLE_SCREEN}<template id="after-first-paint">${held.join('')}</template>` +
      `<script defer src="${AFTER_FIRST_PAINT_SCRIPT}"></script></head>`,
  );
}

/** The element that ends a drawn screen in the page: see RENDER_WHOLE_SCREEN. */
export const FIRST_SCREEN_END = 'first-screen-end';

/**
 * The browser paints a long page while it is still parsing it, in slices: the screen was laid out
 * three times (a tenth, a third, then the whole of it) and the last, the costliest, came after the
 * first paint, as a long task that held the main thread (104 ms of layout on Lighthouse's slowed
 * phone). Rendering waits for the screen's end instead (rel=expect, blocking=render; a browser that
 * does not know it paints as before), so the screen is styled and laid out once.
 */
const RENDER_WHOLE_SCREEN = `<link rel="expect" href="#${FIRST_SCREEN_END}" blocking="render">`;

export interface FirstScreenPage {
  language: string;
  dir: 'ltr' | 'rtl';
  title: string;
  /** The screen's markup for #root, already filled in and escaped. */
  html: string;
  /** The rules of the stylesheet the screen uses; without them the page waits for the whole stylesheet. */
  css: string | null;
  /** JSON texts by the id of the data block the dashboard reads them from. */
  data: Record<string, string>;
}

/** index.html carrying a first screen, in its language and direction, and its data blocks. */
export function firstScreenPage(indexHtml: string, page: FirstScreenPage): string {
  const blocks = Object.entries(page.data)
    .map(([id, json]) => `<script type="application/json" id="${id}">${escapeJsonForScript(json)}</script>`)
    .join('');
  // Functions as replacements: a "$&" in the inserted text is not a pattern here.
  return withAppAfterFirstPaint(indexHtml, page.css)
    .replace(
      /<html[^>]*>/,
      () => `<html lang="${escapeHtml(page.language)}" dir="${page.dir}" data-mantine-color-scheme="light">`,
    )
    .replace(/<title>[^<]*<\/title>/, () => `<title>${escapeHtml(page.title)}</title>`)
    .replace(
      '<div id="root"></div>',
      () => `<div id="root">${page.html}</div><template id="${FIRST_SCREEN_END}"></template>${blocks}`,
    );
}

/** Where the dashboard keeps the language its reader chose (apps/web/src/i18n/languages.ts). */
export const LANGUAGE_COOKIE = 'hstf-language';

/**
 * The language to draw a first screen in, among those it was built in: the one the reader chose in
 * the dashboard (its cookie), else the first their browser accepts (fr-CH takes fr), else English,
 * the dashboard's fallback. Should they differ from what the dashboard then picks, React redraws
 * the screen in its language once the script runs.
 */
export function readerLanguage(
  request: Pick<FastifyRequest, 'raw' | 'cookies'>,
  offered: readonly string[],
): string {
  const chosen = request.cookies[LANGUAGE_COOKIE];
  if (chosen && offered.includes(chosen)) return chosen;
  // Without an Accept-Language header the first offered is taken: English first.
  const inOrder = offered.includes('en') ? ['en', ...offered.filter((l) => l !== 'en')] : [...offered];
  return acceptedLanguage(request, inOrder) ?? 'en';
}
