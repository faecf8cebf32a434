import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import { json, mockFetch, problem } from '../testing/render';
import { useCountryName } from './country-name';

function wrapper({ children }: { children: ReactNode }) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return <QueryClientProvider client={client}>{children}</QueryClientProvider>;
}

describe('country names from codes alone', () => {
  it("are the UN M49 names the API keeps, not the browser's", async () => {
    mockFetch((request) =>
      new URL(request.url).pathname === '/api/v1/countries'
        ? json({
            items: [
              { iso3: 'COD', iso2: 'CD', name: 'Democratic Republic of the Congo', region: 'Africa' },
              { iso3: 'MMR', iso2: 'MM', name: 'Myanmar', region: 'Asia' },
            ],
            nextCursor: null,
          })
        : problem(404, { title: 'Not Found' }),
    );
    const { result } = renderHook(() => useCountryName(), { wrapper });

    await waitFor(() => expect(result.current('MMR')).toBe('Myanmar'));
    expect(result.current('COD')).toBe('Democratic Republic of the Congo');
    // A name the screen was given still wins.
    expect(result.current('MMR', 'Myanmar (as given)')).toBe('Myanmar (as given)');
  });

  it('ask the API for no list when the screen names every country it shows', async () => {
    const fetched = mockFetch(() => problem(404, { title: 'Not Found' }));
    const { result } = renderHook(() => useCountryName({ loadList: false }), { wrapper });

    expect(result.current('MMR', 'Myanmar')).toBe('Myanmar');
    // A query would have started by now: renderHook flushes the effects that start it.
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(fetched).not.toHaveBeenCalled();
  });
});
