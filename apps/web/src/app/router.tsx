import type { QueryClient } from '@tanstack/react-query';
import { flushSync } from 'react-dom';
import { createBrowserRouter, type RouteObject } from 'react-router';
import { FullPageLoader } from '../components/FullPageLoader';
import { complianceQueryOptions } from '../features/compliance/api/compliance';
import {
  adoptInlinedProject,
  isProjectCode,
  projectQueryOptions,
} from '../features/projects/api/get-project';
import { adoptInlinedPublicFund } from '../features/public-page/api/public-fund';
import { i18n, loadFeatureTranslations, loadPublicPageTranslations } from '../i18n';
import { prepareFormatters } from '../lib/format';
import { nextTask } from '../lib/next-task';
import { eachLazyInATaskOfItsOwn } from './lazy-in-own-task';
import { RouteError } from './routes/RouteError';

/**
 * Every screen is its own chunk: the sign-in page never downloads the shell or the tables. A
 * screen whose first paint waits for a record asks for it in a loader, which runs beside the
 * download of the screen's code instead of after it (it returns at once: nothing waits for it).
 */
export const createRoutes = (queryClient: QueryClient): RouteObject[] => [
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
        // The Fund's public page: no sign-in, and tables only, so it stays one small chunk.
        path: 'fund',
        // The API sends the page with the public answer inlined: no request waits for it.
        loader: () => {
          adoptInlinedPublicFund(queryClient);
          return null;
        },
        lazy: async () => {
          const [{ PublicFundRoute }] = await Promise.all([
            import('../features/public-page/routes/PublicFundRoute'),
            loadPublicPageTranslations(),
          ]);
          return { Component: PublicFundRoute };
        },
      },
      {
        path: 'set-password',
        lazy: async () => {
          const [{ SetPasswordRoute }] = await Promise.all([
            import('../features/notifications/routes/SetPasswordRoute'),
            loadFeatureTranslations(),
          ]);
          return { Component: SetPasswordRoute };
        },
      },
      {
        // The features' strings load beside the shell's code: the sign-in page does without them.
        lazy: async () => {
          const loading = Promise.all([import('./layout/AppLayout'), loadFeatureTranslations()]);
          // Once every download of the screen has started (the child route's starts in the task after
          // this one: eachLazyInATaskOfItsOwn), before it renders: the formatters are built in tasks
          // of their own (see prepareFormatters).
          void nextTask().then(() => prepareFormatters(i18n.resolvedLanguage ?? i18n.language));
          const [{ AppLayout }] = await loading;
          return { Component: AppLayout };
        },
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
            path: 'countries/:iso3',
            lazy: async () => ({
              Component: (await import('../features/countries/routes/CountryRoute')).CountryRoute,
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
            path: 'projects',
            lazy: async () => ({
              Component: (await import('../features/projects/routes/ProjectsRoute')).ProjectsRoute,
            }),
          },
          {
            path: 'projects/new',
            lazy: async () => ({
              Component: (await import('../features/projects/routes/NewProjectRoute')).NewProjectRoute,
            }),
          },
          {
            path: 'projects/:id',
            loader: ({ params }) => {
              if (params.id) {
                // The API sends the page drawn with the project inlined; prefetching then asks nothing.
                adoptInlinedProject(queryClient, params.id);
                void queryClient.prefetchQuery(projectQueryOptions(params.id));
                // The project's other reads take its id, known once a code is looked up.
                if (!isProjectCode(params.id))
                  void queryClient.prefetchQuery(complianceQueryOptions(params.id));
              }
              return null;
            },
            lazy: async () => ({
              Component: (await import('../features/projects/routes/ProjectRoute')).ProjectRoute,
            }),
          },
          {
            path: 'projects/:id/edit',
            lazy: async () => ({
              Component: (await import('../features/projects/routes/EditProjectRoute')).EditProjectRoute,
            }),
          },
          {
            path: 'reviews',
            lazy: async () => ({
              Component: (await import('../features/reviews/routes/ReviewsRoute')).ReviewsRoute,
            }),
          },
          {
            path: 'reviews/:id',
            lazy: async () => ({
              Component: (await import('../features/reviews/routes/ReviewRoute')).ReviewRoute,
            }),
          },
          {
            path: 'strategies',
            lazy: async () => ({
              Component: (await import('../features/strategies/routes/StrategiesRoute')).StrategiesRoute,
            }),
          },
          {
            path: 'lessons',
            lazy: async () => ({
              Component: (await import('../features/lessons/routes/LessonsRoute')).LessonsRoute,
            }),
          },
          {
            path: 'imports',
            lazy: async () => ({
              Component: (await import('../features/imports/routes/ImportsRoute')).ImportsRoute,
            }),
          },
          {
            path: 'donors',
            lazy: async () => ({
              Component: (await import('../features/donors/routes/DonorsRoute')).DonorsRoute,
            }),
          },
          {
            path: 'donors/mine',
            lazy: async () => ({
              Component: (await import('../features/donors/routes/MyContributionsRoute'))
                .MyContributionsRoute,
            }),
          },
          {
            path: 'donors/:id',
            lazy: async () => ({
              Component: (await import('../features/donors/routes/DonorRoute')).DonorRoute,
            }),
          },
          {
            path: 'notifications',
            lazy: async () => ({
              Component: (await import('../features/notifications/routes/NotificationsRoute'))
                .NotificationsRoute,
            }),
          },
          {
            path: 'operations',
            lazy: async () => ({
              Component: (await import('../features/notifications/routes/OperationsRoute')).OperationsRoute,
            }),
          },
          {
            path: 'account',
            lazy: async () => ({
              Component: (await import('../features/access-tokens/routes/AccountRoute')).AccountRoute,
            }),
          },
          {
            path: 'users',
            lazy: async () => ({
              Component: (await import('../features/users/routes/UsersRoute')).UsersRoute,
            }),
          },
          {
            path: 'audit',
            lazy: async () => ({
              Component: (await import('../features/audit/routes/AuditRoute')).AuditRoute,
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

export function createAppRouter(queryClient: QueryClient) {
  return createBrowserRouter(eachLazyInATaskOfItsOwn(createRoutes(queryClient)));
}

/**
 * What react-router/dom's RouterProvider passes to react-router's: lets a navigation ask for a
 * synchronous render (`flushSync: true`), which the URL-bound filter controls do.
 */
export function flushRouterUpdate(update: () => unknown): undefined {
  flushSync(update);
}
