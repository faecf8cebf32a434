import { DirectionProvider, MantineProvider } from '@mantine/core';
import type { i18n as I18n } from 'i18next';
import type { ReactNode } from 'react';
import { renderToString } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { MemoryRouter } from 'react-router';
import { directionOf } from '../../i18n/languages';
import { BeforeScriptsContext } from '../../lib/before-scripts';
import { cssVariablesResolver, theme } from '../theme';

/**
 * A screen's markup at build time, in `i18n`'s current language and its direction, inside the
 * providers the app wraps every screen in (app/provider.tsx), at `path`: a screen drawn for the API
 * to send before the scripts (lib/before-scripts.ts).
 */
export function renderScreen(i18n: I18n, path: string, screen: ReactNode): string {
  const dir = directionOf(i18n.language);
  return renderToString(
    <I18nextProvider i18n={i18n}>
      <DirectionProvider initialDirection={dir} detectDirection={false}>
        <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="light">
          <MemoryRouter initialEntries={[path]}>
            <BeforeScriptsContext.Provider value>{screen}</BeforeScriptsContext.Provider>
          </MemoryRouter>
        </MantineProvider>
      </DirectionProvider>
    </I18nextProvider>,
  );
}
