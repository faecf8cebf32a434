import '@mantine/core/styles.css';
import './app/styles.css';
import { StrictMode, startTransition } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import { AppProvider } from './app/provider';
import { createQueryClient } from './app/query-client';
import { createAppRouter, flushRouterUpdate } from './app/router';
import { initI18n } from './i18n';
import { adoptInlinedCurrentUser, currentUserQuery } from './lib/auth';
import { AfterFirstScreenStyles } from './app/AfterFirstScreenStyles';
import { routerReady, stylesAfterFirstScreenLoaded } from './app/prerendered-page';
import { nextTask } from './lib/next-task';

// The dashboard's modules have just been evaluated, in one task: the steps below run in tasks of
// their own (nextTask), so that none holds the main thread long enough to block a tap.
await nextTask();

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');
// /fund, /sign-in, and the overview and a project's page for a signed-in reader, arrive with their
// first screen drawn by the API (docs/architecture.md), and the rest of the styles still loading.
const prerendered = container.firstElementChild !== null;
const styles = stylesAfterFirstScreenLoaded();

// Every screen first asks who is signed in: ask now, while the translations and the screen's code
// load, rather than once the screen has rendered; unless the API sent the answer inside the page.
const queryClient = createQueryClient();
if (!adoptInlinedCurrentUser(queryClient)) void queryClient.prefetchQuery(currentUserQuery);

// The router starts fetching the screen's code as it is created: while the reader's language loads,
// not after (i18n's store exists once initI18n is called, so the screens' strings can be added).
const translations = initI18n();
await nextTask();
const router = createAppRouter(queryClient);
await translations;
// The first screen stays as sent until the route's code and the styles are here, rather than giving
// way to the loading screen (React replaces #root's content as it renders).
if (prerendered) await Promise.all([routerReady(router), styles]);

const root = createRoot(container);
const app = (
  <StrictMode>
    <AfterFirstScreenStyles />
    <AppProvider queryClient={queryClient}>
      <RouterProvider router={router} flushSync={flushRouterUpdate} />
    </AppProvider>
  </StrictMode>
);
// What the reader sees is already painted there: React's first render need not hold the main thread
// in one long task, and as a transition it yields to the browser every few milliseconds instead.
if (prerendered) startTransition(() => root.render(app));
else root.render(app);
