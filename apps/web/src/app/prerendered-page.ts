import type { createBrowserRouter } from 'react-router';

type Router = ReturnType<typeof createBrowserRouter>;

const HELD_STYLESHEETS = 'link[data-after-first-screen]';

/**
 * A page the API sends with its first screen drawn (/fund, /sign-in, the overview, a project's page:
 * apps/api/src/web-app.ts) carries only the styles of that screen inline; the dashboard's
 * stylesheet comes as `media="print"`, downloaded without holding the first paint. Resolves once it
 * is here, still not applied: applied to the first screen, it made the browser style the whole
 * screen again (75–100 ms on a slowed phone) just before React replaced it.
 */
export function stylesAfterFirstScreenLoaded(): Promise<void> {
  const links = [...document.querySelectorAll<HTMLLinkElement>(HELD_STYLESHEETS)];
  return Promise.all(
    links.map(
      (link) =>
        new Promise<void>((resolve) => {
          // Loaded or failed already (after-first-paint.js marks it): no event will come.
          if (link.sheet || link.hasAttribute('data-settled')) return resolve();
          // A stylesheet that fails leaves the page as it would be without it, not waiting forever.
          link.addEventListener('load', () => resolve(), { once: true });
          link.addEventListener('error', () => resolve(), { once: true });
        }),
    ),
  ).then(() => undefined);
}

/**
 * Applies the dashboard's stylesheet held back by a drawn page: as React puts its page in, before
 * anything of it is laid out or measured (AfterFirstScreenStyles), so the browser styles the page once.
 */
export function applyStylesAfterFirstScreen(): void {
  for (const link of document.querySelectorAll<HTMLLinkElement>(HELD_STYLESHEETS)) link.media = 'all';
}

/** Once the router has loaded the first route's code: until then the first screen stays as sent. */
export function routerReady(router: Pick<Router, 'state' | 'subscribe'>): Promise<void> {
  return new Promise<void>((resolve) => {
    if (router.state.initialized) return resolve();
    const stop = router.subscribe((state) => {
      if (!state.initialized) return;
      stop();
      resolve();
    });
  });
}
