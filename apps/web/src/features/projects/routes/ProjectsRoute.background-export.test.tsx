import { fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { json, mockFetch, renderWithProviders } from '../../../testing/render';
import { COUNTRIES, ORGANIZATIONS, STAFF } from '../testing/fixtures';
import { ProjectsRoute } from './ProjectsRoute';

const JOB = {
  id: '0b8f4a6e-6d1b-4b4e-9a57-3c1f0f1b2a10',
  list: 'projects',
  format: 'xlsx',
  filters: { stage: ['active'] },
  error: null,
  rows: null,
  sizeBytes: null,
  createdAt: '2026-12-06T19:00:00.000Z',
  startedAt: null,
  finishedAt: null,
  expiresAt: null,
};

describe('preparing the project list in the background', { timeout: 20_000 }, () => {
  afterEach(() => vi.unstubAllGlobals());

  it('posts the filters on screen, shows it being prepared, then links to the file when done', async () => {
    const posted: unknown[] = [];
    let polls = 0;
    mockFetch(async (request) => {
      const url = new URL(request.url);
      if (url.pathname === '/api/v1/auth/me') return json(STAFF);
      if (url.pathname === '/api/v1/countries') return json({ items: COUNTRIES, nextCursor: null });
      if (url.pathname === '/api/v1/organizations') return json({ items: ORGANIZATIONS, nextCursor: null });
      if (url.pathname === '/api/v1/projects/count') return json({ count: 0, exact: true });
      if (url.pathname === '/api/v1/projects') return json({ items: [], nextCursor: null });
      if (url.pathname === '/api/v1/exports' && request.method === 'POST') {
        posted.push(await request.json());
        return json({ ...JOB, state: 'waiting' }, { status: 201 });
      }
      if (url.pathname === '/api/v1/exports') {
        if (!posted.length) return json({ items: [], nextCursor: null });
        polls += 1;
        const job = polls < 2 ? { ...JOB, state: 'running' } : { ...JOB, state: 'done', rows: 42 };
        return json({ items: [job], nextCursor: null });
      }
      return json({ title: 'Not found', status: 404 }, { status: 404 });
    });
    renderWithProviders(<ProjectsRoute />, { route: '/projects?stage=active', path: '/projects' });

    fireEvent.click(await screen.findByRole('button', { name: 'Export' }));
    expect(await screen.findByText('Prepare in the background')).toBeTruthy();
    const items = await screen.findAllByRole('menuitem', { name: 'Excel workbook', hidden: true });
    // The second Excel item is the one prepared in the background (the first is the direct link).
    fireEvent.click(items[1]!);

    expect(await screen.findByText('Export being prepared…')).toBeTruthy();
    const link = await screen.findByRole(
      'link',
      { name: 'Download the export (rows: 42)' },
      { timeout: 8000 },
    );
    expect(link.getAttribute('href')).toBe(`/api/v1/exports/${JOB.id}/file`);
    expect(posted).toHaveLength(1);
    const body = posted[0] as {
      list: string;
      format: string;
      lang: string;
      filters: Record<string, unknown>;
    };
    expect([body.list, body.format, body.lang]).toEqual(['projects', 'xlsx', 'en']);
    expect(body.filters.stage).toEqual(['active']);
    expect(body.filters).not.toHaveProperty('limit');
  });
});
