import { QueryClient } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { vi } from 'vitest';
import { AppProvider } from '../app/provider';
import { Toasts } from '../app/layout/Toasts';
import { flushRouterUpdate } from '../app/router';
import { LocationProbe } from './LocationProbe';

/** What the tests' screens query through: no retries, nothing dropped from the cache mid-test. */
export function testQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: { queries: { retry: false, gcTime: Infinity }, mutations: { retry: false } },
  });
}

export function renderWithProviders(
  ui: ReactElement,
  {
    route = '/',
    path = '/',
    queryClient = testQueryClient(),
  }: { route?: string; path?: string; queryClient?: QueryClient } = {},
) {
  const router = createMemoryRouter(
    [
      {
        path,
        element: (
          <>
            {ui}
            <LocationProbe />
          </>
        ),
      },
      // Where a screen navigates after its work (e.g. to the saved record): the probe shows the address.
      { path: '*', element: <LocationProbe /> },
    ],
    { initialEntries: [route] },
  );
  const result = render(
    <AppProvider queryClient={queryClient}>
      {/* The app shell shows confirmations; screens rendered alone get them here, the same way. */}
      <Toasts />
      <RouterProvider router={router} flushSync={flushRouterUpdate} />
    </AppProvider>,
  );
  return { ...result, router, queryClient };
}

export function json(body: unknown, init: ResponseInit = {}): Response {
  return new Response(JSON.stringify(body), {
    status: 200,
    ...init,
    headers: { 'Content-Type': 'application/json', ...init.headers },
  });
}

export function problem(
  status: number,
  body: Record<string, unknown>,
  headers: Record<string, string> = {},
): Response {
  return new Response(JSON.stringify({ type: 'about:blank', status, ...body }), {
    status,
    headers: { 'Content-Type': 'application/problem+json', ...headers },
  });
}

/** Replaces fetch, the app's only boundary, with a handler that sees each Request. */
export function mockFetch(handler: (request: Request) => Response | Promise<Response>) {
  const spy = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const request =
      input instanceof Request ? input : new Request(new URL(String(input), window.location.href), init);
    return handler(request);
  });
  vi.stubGlobal('fetch', spy);
  return spy;
}
