import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { json, mockFetch, problem, renderWithProviders } from '../../../testing/render';
import { COUNTRIES, ORGANIZATIONS, STAFF, project } from '../testing/fixtures';
import { EditProjectRoute } from './EditProjectRoute';
import { NewProjectRoute } from './NewProjectRoute';

function reference(url: URL): Response | null {
  if (url.pathname === '/api/v1/auth/me') return json(STAFF);
  if (url.pathname === '/api/v1/countries') return json({ items: COUNTRIES, nextCursor: null });
  if (url.pathname === '/api/v1/organizations') return json({ items: ORGANIZATIONS, nextCursor: null });
  return null;
}

function type(label: string | RegExp, value: string, container: HTMLElement = document.body) {
  fireEvent.change(within(container).getByLabelText(label), { target: { value } });
}

describe('the project form', { timeout: 20_000 }, () => {
  it('shows the running total of the budget shares against the requested budget', async () => {
    mockFetch((request) => reference(new URL(request.url)) ?? json({}, { status: 404 }));
    renderWithProviders(<NewProjectRoute />, { route: '/projects/new', path: '/projects/new' });

    await screen.findByLabelText(/Requested budget/);
    type(/Requested budget/, '1,000,000');
    fireEvent.click(screen.getByRole('button', { name: 'Add an organization' }));
    fireEvent.click(screen.getByRole('button', { name: 'Add an organization' }));
    const shares = screen.getAllByLabelText('Budget share');
    fireEvent.change(shares[0]!, { target: { value: '600000' } });
    fireEvent.change(shares[1]!, { target: { value: '300000.50' } });

    const total = screen.getByTestId('shares-total');
    expect(within(total).getByText('Shares: $900,000.50 of the $1,000,000 requested')).toBeInTheDocument();
    expect(within(total).getByText('$99,999.50 still to allocate')).toBeInTheDocument();

    fireEvent.change(shares[1]!, { target: { value: '500000' } });
    expect(within(total).getByText('$100,000 over the requested budget')).toBeInTheDocument();

    fireEvent.change(shares[1]!, { target: { value: '400000' } });
    expect(within(total).getByText('The shares add up to the requested budget.')).toBeInTheDocument();

    // Dates are checked as they are typed: the end comes after the start.
    type(/Start date/, '2027-01-01');
    type(/End date/, '2026-12-31');
    expect(screen.getByText('Must be after the start date (Jan 1, 2027).')).toBeInTheDocument();
  });

  it("shows the API's field errors on their fields", async () => {
    const posted: unknown[] = [];
    mockFetch(async (request) => {
      const url = new URL(request.url);
      if (request.method === 'POST' && url.pathname === '/api/v1/projects') {
        posted.push(await request.json());
        return problem(400, {
          title: 'Invalid request',
          detail: 'The request has invalid fields.',
          errors: [
            { field: 'summary', message: 'must be shorter than or equal to 5000 characters' },
            { field: 'organizations.0.organizationId', message: 'is not a known organization' },
          ],
        });
      }
      return reference(url) ?? json({}, { status: 404 });
    });
    renderWithProviders(<NewProjectRoute />, { route: '/projects/new', path: '/projects/new' });

    await screen.findByLabelText(/^Title/);
    type(/^Title/, 'Water for peace in the Sahel');
    fireEvent.click(screen.getByLabelText('Window II'));
    type(/Summary/, 'A long summary.');
    // Nothing is sent while a required field is missing: the organization row has no organization.
    fireEvent.click(screen.getByRole('button', { name: 'Add an organization' }));
    fireEvent.click(screen.getByRole('button', { name: 'Create the project' }));
    expect(await screen.findByRole('alert', { name: /Check these fields/ })).toBeInTheDocument();
    expect(posted).toHaveLength(0);
    fireEvent.click(screen.getByRole('button', { name: /Remove Organization 1/ }));

    fireEvent.click(screen.getByRole('button', { name: 'Create the project' }));
    await waitFor(() => expect(posted).toHaveLength(1));
    expect(posted[0]).toMatchObject({
      title: 'Water for peace in the Sahel',
      window: 'II',
      summary: 'A long summary.',
    });

    const summary = screen.getByLabelText(/Summary/);
    await waitFor(() => expect(summary).toHaveAttribute('aria-invalid', 'true'));
    const describedBy = summary.getAttribute('aria-describedby') ?? '';
    const error = describedBy
      .split(' ')
      .map((id) => document.getElementById(id)?.textContent)
      .join(' ');
    expect(error).toContain('must be shorter than or equal to 5000 characters');
    // An error on a field the form does not show is still listed, with its field.
    expect(screen.getByRole('alert', { name: /Check these fields/ })).toHaveTextContent(
      'Organization 1 — Organization: is not a known organization',
    );

    // Changing the field clears its error from the API.
    type(/Summary/, 'A shorter summary.');
    await waitFor(() => expect(screen.getByLabelText(/Summary/)).not.toHaveAttribute('aria-invalid', 'true'));
  });

  it('keeps what was typed when the project changed meanwhile (409), and reapplies it on the latest version', async () => {
    const patches: unknown[] = [];
    let current = project();
    mockFetch(async (request) => {
      const url = new URL(request.url);
      if (url.pathname === '/api/v1/projects/p-1' && request.method === 'GET') return json(current);
      if (url.pathname === '/api/v1/projects/p-1' && request.method === 'PATCH') {
        const body = (await request.json()) as { version: number };
        patches.push(body);
        if (body.version !== current.version) {
          return problem(409, {
            title: 'The record was changed by someone else',
            detail: `This project is at version ${current.version}, the change was based on version ${body.version}.`,
            currentVersion: current.version,
          });
        }
        current = { ...current, ...body, version: current.version + 1 };
        return json(current);
      }
      return reference(url) ?? json({}, { status: 404 });
    });
    renderWithProviders(<EditProjectRoute />, { route: '/projects/p-1/edit', path: '/projects/:id/edit' });

    const title = await screen.findByLabelText(/^Title/);
    // Someone else saves a new summary while this form is open.
    current = { ...current, summary: 'Their new summary.', version: 2 };
    fireEvent.change(title, { target: { value: 'My better title' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save the changes' }));

    const alert = await screen.findByTestId('stale-alert');
    expect(alert).toHaveTextContent('it is now at version 2. Nothing you typed is lost.');
    expect(await within(alert).findByText('Changed by them: Summary')).toBeInTheDocument();
    expect(within(alert).getByText('Changed by you: Title')).toBeInTheDocument();
    expect(screen.getByLabelText(/^Title/)).toHaveValue('My better title');
    expect(patches).toEqual([{ version: 1, title: 'My better title' }]);

    fireEvent.click(within(alert).getByRole('button', { name: 'Apply my changes to the latest version' }));
    expect(screen.queryByTestId('stale-alert')).not.toBeInTheDocument();
    expect(screen.getByLabelText(/^Title/)).toHaveValue('My better title');
    expect(screen.getByLabelText(/Summary/)).toHaveValue('Their new summary.');

    fireEvent.click(screen.getByRole('button', { name: 'Save the changes' }));
    await waitFor(() => expect(patches).toHaveLength(2));
    expect(patches[1]).toEqual({ version: 2, title: 'My better title' });
    // Saved: the form hands over to the project's page.
    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent(/^\/projects\/p-1$/));
  });

  it('asks for the requested budget before the shares, sends amounts as the API reads them, and names the code year', async () => {
    const posted: Record<string, unknown>[] = [];
    mockFetch(async (request) => {
      const url = new URL(request.url);
      if (request.method === 'POST' && url.pathname === '/api/v1/projects') {
        posted.push((await request.json()) as Record<string, unknown>);
        return json({ ...project(), id: 'p-9' }, { status: 201 });
      }
      return reference(url) ?? json({}, { status: 404 });
    });
    renderWithProviders(<NewProjectRoute />, { route: '/projects/new', path: '/projects/new' });

    const requested = await screen.findByRole('textbox', { name: /Requested budget/ });
    fireEvent.click(screen.getByRole('button', { name: 'Add an organization' }));
    const share = screen.getByRole('textbox', { name: 'Budget share' });
    // The budget the shares must add up to comes first in the form.
    expect(requested.compareDocumentPosition(share) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: /Remove Organization 1/ }));

    // The code the API generates takes the start date's year, else this year's.
    const thisYear = String(new Date().getUTCFullYear());
    expect(screen.getByText(new RegExp(`such as HS-${thisYear}-0042`))).toBeInTheDocument();
    type(/Start date/, '2027-03-01');
    expect(screen.getByText(/such as HS-2027-0042/)).toBeInTheDocument();

    type(/^Title/, 'Water for peace in the Sahel');
    fireEvent.click(screen.getByLabelText('Window II'));
    fireEvent.focus(requested);
    type(/Requested budget/, '0100');
    fireEvent.blur(requested);
    type(/Co-funding/, '1,50');
    fireEvent.click(screen.getByRole('button', { name: 'Create the project' }));
    await waitFor(() => expect(posted).toHaveLength(1));
    expect(posted[0]).toMatchObject({
      requestedBudget: '100.00',
      coFunding: '1.50',
      startDate: '2027-03-01',
    });
  });
});
