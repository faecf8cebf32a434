import type { createBrowserRouter } from 'react-router';

type Router = ReturnType<typeof createBrowserRouter>;

/**
 * A page the API sends with its first screen drawn (/fund, /sign-in, the overview, a project's page:
 * apps/api/src/web-app.ts) carries only the styles of that screen inline; the dashboard's
 * stylesheet comes as `media="print"`, downloaded without holding the first paint. It applies to
 * the screen from now on, and React draws the page once it has loaded.
 */
export function applyStylesAfterFirstScreen(): Promise<void> {
  const links = [...document.querySelectorAll<HTMLLinkElement>('link[data-after-first-screen]')];
  return Promise.all(
    links.map(
      (link) =>
        new Promise<void>((resolve) => {
          link.media = 'all';
          if (link.sheet) return resolve();
          // A stylesheet that fails leaves the page as it would be without it, not waiting forever.
          link.addEventListener('load', () => resolve(), { once: true });
          link.addEventListener('error', () => resolve(), { once: true });
        }),
    ),
  ).then(() => undefined);
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
