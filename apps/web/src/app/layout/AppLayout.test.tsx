import { QueryClient } from '@tanstack/react-query';
import { act, fireEvent, render, screen } from '@testing-library/react';
import { createMemoryRouter, Link, RouterProvider, useSearchParams } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import { STAFF } from '../../features/projects/testing/fixtures';
import { json, mockFetch, problem } from '../../testing/render';
import { AppProvider } from '../provider';
import { flushRouterUpdate } from '../router';
import { AppLayout } from './AppLayout';

function ListPage() {
  const [, setParams] = useSearchParams();
  return (
    <>
      <Link to="/projects/p-1">Open the project</Link>
      <button type="button" onClick={() => setParams({ stage: 'approved' })}>
        Filter
      </button>
    </>
  );
}

function renderApp() {
  mockFetch((request) =>
    new URL(request.url).pathname === '/api/v1/auth/me' ? json(STAFF) : problem(404, { title: 'Not Found' }),
  );
  const router = createMemoryRouter(
    [
      {
        element: <AppLayout />,
        children: [
          { path: '/projects', element: <ListPage /> },
          { path: '/projects/:id', element: <p>The project</p> },
        ],
      },
    ],
    { initialEntries: ['/projects'] },
  );
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <AppProvider queryClient={queryClient}>
      <RouterProvider router={router} flushSync={flushRouterUpdate} />
    </AppProvider>,
  );
  return router;
}

describe('moving between pages', { timeout: 20_000 }, () => {
  it('opens a new page at its top, and keeps the place on a filter or on going back', async () => {
    const router = renderApp();
    const scrollTo = vi.spyOn(window, 'scrollTo').mockImplementation(() => {});

    fireEvent.click(await screen.findByRole('button', { name: 'Filter' }, { timeout: 10_000 }));
    expect(scrollTo).not.toHaveBeenCalled();

    fireEvent.click(screen.getByRole('link', { name: 'Open the project' }));
    expect(await screen.findByText('The project')).toBeInTheDocument();
    expect(scrollTo).toHaveBeenCalledWith(0, 0);

    scrollTo.mockClear();
    await act(() => router.navigate(-1));
    expect(await screen.findByRole('link', { name: 'Open the project' })).toBeInTheDocument();
    expect(scrollTo).not.toHaveBeenCalled();
  });
});
