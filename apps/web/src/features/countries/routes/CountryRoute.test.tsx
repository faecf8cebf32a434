import { QueryClientProvider } from '@tanstack/react-query';
import { act, renderHook, screen, within } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import { json, mockFetch, problem, renderWithProviders } from '../../../testing/render';
import { STAFF } from '../../overview/testing/fixtures';
import { useSaveConsent } from '../../consents/api/consents';
import { CountryRoute } from './CountryRoute';

/** Lazy chunks and several answers: allow a loaded machine more than the default second. */
const SLOW = { timeout: 5000 };

const HAITI = {
  iso3: 'HTI',
  iso2: 'HT',
  numeric: '332',
  name: 'Haiti',
  region: 'Americas',
  regionCode: '019',
  subregion: 'Latin America and the Caribbean',
  subregionCode: '419',
  intermediateRegion: 'Caribbean',
  ldc: true,
  lldc: false,
  sids: true,
};

const PROJECT = {
  id: 'd1cf91bd-fdd5-4afb-9f44-2f40497b980b',
  code: 'HS-2022-0001',
  title: 'Urban safety and livelihoods in informal settlements of Haiti',
  window: 'II',
  stage: 'active',
  countries: ['HTI'],
  leadOrganization: 'UN-Habitat',
  requestedBudget: '1497000.00',
  approvedBudget: '1497000.00',
  startDate: '2022-01-01',
  endDate: '2024-01-01',
  dimensions: ['economic'],
  version: 1,
  updatedAt: '2026-11-23T04:34:31.000Z',
};

const COMPLIANCE = {
  projectId: PROJECT.id,
  code: PROJECT.code,
  title: PROJECT.title,
  stage: 'active',
  on: '2026-11-23',
  projectStart: '2022-01-01',
  status: 'non_compliant',
  paragraph6: { citation: 'General Assembly resolution 66/290', text: '…' },
  reasons: [],
  countries: [
    {
      country: 'HTI',
      countryName: 'Haiti',
      status: 'non_compliant',
      consent: {
        holds: false,
        recordId: null,
        records: [
          {
            recordId: '9d153270-a48f-4242-81e3-d99fa8b9bb1a',
            status: 'withdrawn',
            requestedOn: '2021-01-01',
            grantedOn: '2021-03-15',
            validUntil: '2024-01-01',
            withdrawnOn: '2023-03-02',
            counts: false,
            problems: [],
          },
        ],
      },
      alignment: { holds: true, alignmentId: 'a1', strategyId: 's1', records: [] },
      reasons: [],
    },
  ],
  paragraph3: { status: 'declared', declarations: [], problems: [] },
};

describe('the country page', () => {
  it('shows the facts, the projects with their consent, and the national strategies', async () => {
    const requests: URL[] = [];
    mockFetch((request) => {
      const url = new URL(request.url);
      requests.push(url);
      switch (url.pathname) {
        case '/api/v1/auth/me':
          return json(STAFF);
        case '/api/v1/countries/HTI':
          return json(HAITI);
        case '/api/v1/projects':
          return json({ items: [PROJECT], nextCursor: null });
        case `/api/v1/projects/${PROJECT.id}/compliance`:
          return json(COMPLIANCE);
        case '/api/v1/national-strategies':
          return json({
            nextCursor: null,
            items: [
              {
                id: 's1',
                countryIso3: 'HTI',
                title: 'National Development Plan 2010–2019',
                periodFrom: '2010-01-01',
                periodTo: '2019-12-31',
                priorityAreas: ['Resilience', 'Gender equality'],
                reference: null,
                version: 1,
                createdAt: '2026-01-01T00:00:00.000Z',
                updatedAt: '2026-01-01T00:00:00.000Z',
              },
            ],
          });
        default:
          return problem(404, { title: 'Not Found' });
      }
    });
    renderWithProviders(<CountryRoute />, { route: '/countries/hti', path: '/countries/:iso3' });

    expect(await screen.findByRole('heading', { level: 1, name: 'Haiti' }, SLOW)).toBeInTheDocument();
    expect(screen.getByText('Americas')).toBeInTheDocument();
    expect(screen.getByText('Small island developing States (SIDS)')).toBeInTheDocument();
    expect(screen.getByText('Least developed countries (LDC)')).toBeInTheDocument();

    const projects = await screen.findByTestId('country-projects', {}, SLOW);
    expect(within(projects).getByRole('link', { name: 'HS-2022-0001' })).toHaveAttribute(
      'href',
      `/projects/${PROJECT.id}`,
    );
    expect(within(projects).getByText('Active')).toBeInTheDocument();
    expect(await within(projects).findByText('Withdrawn')).toBeInTheDocument();
    expect(within(projects).getByText('Non-compliant')).toBeInTheDocument();
    expect(within(projects).getByText('Aligned with a national strategy')).toBeInTheDocument();

    const strategies = await screen.findByTestId('country-strategies', {}, SLOW);
    expect(within(strategies).getByText('National Development Plan 2010–2019')).toBeInTheDocument();
    expect(within(strategies).getByText('Gender equality')).toBeInTheDocument();
    // Titles are the writer's words in the writer's script: each sets its own direction, so an
    // English title inside the Arabic page is not cut at its start.
    expect(within(strategies).getByText('National Development Plan 2010–2019')).toHaveAttribute(
      'dir',
      'auto',
    );
    expect(within(projects).getByText(PROJECT.title)).toHaveAttribute('dir', 'auto');

    const projectList = requests.find((url) => url.pathname === '/api/v1/projects');
    expect(projectList?.searchParams.getAll('country')).toEqual(['HTI']);
    expect(
      requests.find((url) => url.pathname === '/api/v1/national-strategies')?.searchParams.get('country'),
    ).toBe('HTI');
  });

  it('answers an unknown country with the not-found page', async () => {
    mockFetch((request) =>
      new URL(request.url).pathname === '/api/v1/auth/me'
        ? json(STAFF)
        : problem(404, { title: 'Not Found' }),
    );
    renderWithProviders(<CountryRoute />, { route: '/countries/XYZ', path: '/countries/:iso3' });
    expect(await screen.findByRole('heading', { name: 'Page not found' }, SLOW)).toBeInTheDocument();
  });

  it('shows a consent saved on the project page at once, without reloading', async () => {
    let granted = false;
    mockFetch((request) => {
      const url = new URL(request.url);
      if (request.method === 'POST' && url.pathname === `/api/v1/projects/${PROJECT.id}/consents`) {
        granted = true;
        return json({ id: 'c2', countryIso3: 'HTI', status: 'granted', version: 1 }, { status: 201 });
      }
      switch (url.pathname) {
        case '/api/v1/auth/me':
          return json(STAFF);
        case '/api/v1/countries/HTI':
          return json(HAITI);
        case '/api/v1/projects':
          return json({ items: [PROJECT], nextCursor: null });
        case `/api/v1/projects/${PROJECT.id}/compliance`: {
          if (!granted) return json(COMPLIANCE);
          const [haiti] = COMPLIANCE.countries;
          return json({
            ...COMPLIANCE,
            status: 'compliant',
            countries: [{ ...haiti, status: 'compliant', consent: { ...haiti!.consent, holds: true } }],
          });
        }
        case '/api/v1/national-strategies':
          return json({ nextCursor: null, items: [] });
        default:
          return problem(404, { title: 'Not Found' });
      }
    });
    const { queryClient } = renderWithProviders(<CountryRoute />, {
      route: '/countries/HTI',
      path: '/countries/:iso3',
    });
    const projects = await screen.findByTestId('country-projects', {}, SLOW);
    expect(await within(projects).findByText('Non-compliant', {}, SLOW)).toBeInTheDocument();

    const wrapper = ({ children }: { children: ReactNode }) => (
      <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
    );
    const { result } = renderHook(() => useSaveConsent(PROJECT.id), { wrapper });
    await act(() =>
      result.current.mutateAsync({
        kind: 'create',
        body: {
          countryIso3: 'HTI',
          status: 'granted',
          grantedOn: '2026-11-01',
          issuingOffice: 'Ministry of Foreign Affairs',
          signatory: 'Minister',
          documentReference: 'MFA/2026/1',
        },
      }),
    );

    expect(await within(projects).findByText('Compliant', {}, SLOW)).toBeInTheDocument();
    expect(within(projects).queryByText('Non-compliant')).not.toBeInTheDocument();
  });
});
