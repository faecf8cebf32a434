import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { json, mockFetch, problem, renderWithProviders } from '../../../testing/render';
import { projectKeys } from '../api/keys';
import { COMPLIANCE, STAFF, project } from '../testing/fixtures';
import { ProjectRoute } from './ProjectRoute';

const SLOW = { timeout: 10_000 };

/** The API as it answers a project by its id or by its code, with the stage it is at now. */
function serve(stage: () => string, requests: string[]) {
  return (request: Request): Response => {
    const url = new URL(request.url);
    requests.push(url.pathname);
    if (url.pathname === '/api/v1/auth/me') return json(STAFF);
    if (url.pathname === '/api/v1/projects/p-1' || url.pathname === '/api/v1/projects/HS-2026-0004') {
      return json(project({ stage: stage() as 'under_review' }));
    }
    if (url.pathname === '/api/v1/projects/p-1/compliance') return json(COMPLIANCE);
    return problem(404, { title: 'Not Found' });
  };
}

describe('a project addressed by its code', { timeout: 30_000 }, () => {
  it('opens at /projects/HS-2026-0004 and reads the project under its id', async () => {
    const requests: string[] = [];
    mockFetch(serve(() => 'under_review', requests));
    renderWithProviders(<ProjectRoute />, { route: '/projects/HS-2026-0004', path: '/projects/:id' });

    expect(await screen.findByRole('heading', { level: 1, name: project().title }, SLOW)).toBeInTheDocument();
    expect(requests).toContain('/api/v1/projects/HS-2026-0004');
    // Its other reads take its id: the API knows no compliance "of a code".
    expect(requests).toContain('/api/v1/projects/p-1/compliance');
    expect(requests).not.toContain('/api/v1/projects/HS-2026-0004/compliance');
  });

  it('shows the stage a decision moved it to, as when opened by its id', async () => {
    let stage = 'under_review';
    mockFetch(serve(() => stage, []));
    const { queryClient } = renderWithProviders(<ProjectRoute />, {
      route: '/projects/HS-2026-0004',
      path: '/projects/:id',
    });
    expect(await screen.findAllByText('Under review', {}, SLOW)).not.toHaveLength(0);

    // A decision refreshes what is kept under the project's id, as every save does.
    stage = 'approved';
    await queryClient.invalidateQueries({ queryKey: projectKeys.one('p-1') });

    expect(await screen.findAllByText('Approved', {}, SLOW)).not.toHaveLength(0);
  });
});
