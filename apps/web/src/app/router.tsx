import { flushSync } from 'react-dom';
import { createBrowserRouter, type RouteObject } from 'react-router';
import { FullPageLoader } from '../components/FullPageLoader';
import { RouteError } from './routes/RouteError';

/** Every screen is its own chunk: the sign-in page never downloads the shell or the tables. */
export const routes: RouteObject[] = [
  {
    path: '/',
    hydrateFallbackElement: <FullPageLoader />,
    errorElement: <RouteError />,
    children: [
      {
        path: 'sign-in',
        lazy: async () => ({ Component: (await import('../features/auth/routes/SignInRoute')).SignInRoute }),
      },
      {
        lazy: async () => ({ Component: (await import('./layout/AppLayout')).AppLayout }),
        children: [
          {
            index: true,
            lazy: async () => ({
              Component: (await import('../features/overview/routes/OverviewRoute')).OverviewRoute,
            }),
          },
          {
            path: 'countries',
            lazy: async () => ({
              Component: (await import('../features/countries/routes/CountriesRoute')).CountriesRoute,
            }),
          },
          {
            path: 'organizations',
            lazy: async () => ({
              Component: (await import('../features/organizations/routes/OrganizationsRoute'))
                .OrganizationsRoute,
            }),
          },
          {
            path: '*',
            lazy: async () => ({ Component: (await import('./routes/NotFoundRoute')).NotFoundRoute }),
          },
        ],
      },
    ],
  },
];

export function createAppRouter() {
  return createBrowserRouter(routes);
}

/**
 * What react-router/dom's RouterProvider passes to react-router's: lets a navigation ask for a
 * synchronous render (`flushSync: true`), which the URL-bound filter controls do.
 */
export function flushRouterUpdate(update: () => unknown): undefined {
  flushSync(update);
}
