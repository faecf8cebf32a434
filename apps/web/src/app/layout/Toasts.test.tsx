import { render, screen } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import { AppProvider } from '../provider';
import { WithoutToasts } from './Toasts';

/** The toasts' component when its chunk is gone, as for a tab left open across a release. */
function ToastsFromAnOldRelease(): never {
  throw new Error('Failed to fetch dynamically imported module: /assets/ToastList-old.js');
}

describe('the toasts', () => {
  it('leave the screen as it is when their code cannot be loaded', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    // As in the shell: a route whose error screen would replace it.
    const router = createMemoryRouter([
      {
        path: '/',
        element: (
          <>
            <WithoutToasts>
              <ToastsFromAnOldRelease />
            </WithoutToasts>
            <p>The project was saved</p>
          </>
        ),
        errorElement: <p>Something went wrong</p>,
      },
    ]);
    render(
      <AppProvider>
        <RouterProvider router={router} />
      </AppProvider>,
    );
    expect(await screen.findByText('The project was saved')).toBeInTheDocument();
    expect(screen.queryByText('Something went wrong')).toBeNull();
  });
});
