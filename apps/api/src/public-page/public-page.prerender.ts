import { formatMoneyIn } from '@hstf/domain';
import { firstScreenPage, readPrerenderedScreens } from '../common/first-screen/first-screen';
import type { PrerenderedScreens } from '../common/first-screen/first-screen';
import { escapeHtml } from '../common/http/escape-html';

/**
 * /fund sent with its first screen drawn (common/first-screen): the dashboard's build renders the
 * page's heading and figures in each language (apps/web/src/features/public-page/prerender) into
 * prerendered/fund.json; each request fills in the Fund's figures, formatted as the dashboard
 * formats them, and inlines the public answer, so the page asks the API nothing more.
 */

/** One language's first screen, as apps/web/src/features/public-page/prerender writes it. */
export interface PrerenderedFirstScreen {
  dir: 'ltr' | 'rtl';
  title: string;
  /** Markup for #root, with {{received}}, {{committed}} and {{transferred}} where the figures go. */
  html: string;
}

/** The id of the data block the dashboard reads (apps/web/src/features/public-page/api/public-fund.ts). */
export const PUBLIC_FUND_DATA_ID = 'public-fund-data';

const FIGURES = ['received', 'committed', 'transferred'] as const;

/** What the dashboard's build prerendered for /fund (prerendered/fund.json and fund.css). */
export type PrerenderedFund = PrerenderedScreens<PrerenderedFirstScreen>;

/** The built first screens, or null when the dashboard was built without them (then /fund is plain index.html). */
export function readPrerenderedFund(webDistDir: string): PrerenderedFund | null {
  return readPrerenderedScreens<PrerenderedFirstScreen>(webDistDir, 'fund');
}

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
  let html = screen.html;
  for (const figure of FIGURES)
    html = html.replace(`{{${figure}}}`, escapeHtml(formatMoneyIn(language, overall[figure])));
  return firstScreenPage(indexHtml, {
    language,
    dir: screen.dir,
    title: screen.title,
    html,
    css: firstScreenCss,
    data: { [PUBLIC_FUND_DATA_ID]: publicFundJson },
  });
}
