import '@mantine/core/styles.css';
import './app/styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import { AppProvider } from './app/provider';
import { createQueryClient } from './app/query-client';
import { createAppRouter, flushRouterUpdate } from './app/router';
import { initI18n } from './i18n';
import { currentUserQuery } from './lib/auth';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

// Every screen first asks who is signed in: ask now, while the translations and the screen's code
// load, rather than once the screen has rendered.
const queryClient = createQueryClient();
void queryClient.prefetchQuery(currentUserQuery);

// The router starts fetching the screen's code as it is created: while the reader's language loads,
// not after (i18n's store exists once initI18n is called, so the screens' strings can be added).
const translations = initI18n();
const router = createAppRouter(queryClient);
await translations;
// /fund arrives with its first screen drawn by the API: it stays on screen until the route's code has
// loaded, rather than giving way to the loading screen (React replaces #root's content as it renders).
if (container.firstElementChild) {
  await new Promise<void>((resolve) => {
    if (router.state.initialized) return resolve();
    const stop = router.subscribe((state) => {
      if (!state.initialized) return;
      stop();
      resolve();
    });
  });
}

createRoot(container).render(
  <StrictMode>
    <AppProvider queryClient={queryClient}>
      <RouterProvider router={router} flushSync={flushRouterUpdate} />
    </AppProvider>
  </StrictMode>,
);
