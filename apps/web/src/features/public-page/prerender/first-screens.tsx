import { renderScreen } from '../../../app/prerender/render-screen';
import { directionOf, type Language } from '../../../i18n/languages';
import { drawInEachLanguage } from '../../../i18n/prerender';
import {
  PublicFigures,
  PublicFundFrame,
  PublicFundHeading,
  type FigureTexts,
} from '../components/PublicFundFirstScreen';

/**
 * Where the API writes each figure, formatted for the reader: markers no translation contains,
 * which React writes as they are (no character of them is escaped).
 */
export const FIGURE_MARKERS: FigureTexts = {
  received: '{{received}}',
  committed: '{{committed}}',
  transferred: '{{transferred}}',
};

export interface PrerenderedFirstScreen {
  dir: 'ltr' | 'rtl';
  /** The document's title, as the route sets it. */
  title: string;
  /** The first screen's markup, for index.html's #root, with FIGURE_MARKERS where the figures go. */
  html: string;
}

/**
 * /fund's first screen in each language, rendered at build time (scripts/prerender-first-screens.mjs)
 * from the components the route draws, with the providers the app wraps them in: the API fills in
 * the figures and sends it inside index.html, so a phone paints it before any script has run.
 */
export function renderFirstScreens(): Promise<Record<Language, PrerenderedFirstScreen>> {
  return drawInEachLanguage((i18n, code): PrerenderedFirstScreen => {
    const dir = directionOf(code);
    const html = renderScreen(
      i18n,
      '/fund',
      <PublicFundFrame>
        <PublicFundHeading />
        <PublicFigures figures={FIGURE_MARKERS} busy={false} />
      </PublicFundFrame>,
    );
    return { dir, title: `${i18n.t('publicPage.title')} · ${i18n.t('app.name')}`, html };
  });
}
