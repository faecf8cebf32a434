import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { json, mockFetch, renderWithProviders } from '../../../testing/render';
import { COMPLIANCE, project } from '../testing/fixtures';
import { Paragraph6Panel } from './Paragraph6Panel';

const CONSENTS = [
  {
    id: 'c-bfa',
    countryIso3: 'BFA',
    status: 'requested',
    requestedOn: '2025-11-01',
    grantedOn: null,
    validUntil: null,
    withdrawnOn: null,
    withdrawalReason: null,
    issuingOffice: null,
    signatory: null,
    documentReference: null,
    scope: null,
    version: 3,
  },
];

function serve(request: Request): Response {
  const { pathname } = new URL(request.url);
  if (pathname === '/api/v1/projects/p-1/compliance') return json(COMPLIANCE);
  if (pathname === '/api/v1/projects/p-1/consents') return json({ items: CONSENTS, nextCursor: null });
  if (pathname === '/api/v1/projects/p-1/alignments') return json({ items: [], nextCursor: null });
  return json({ title: 'Not found', status: 404 }, { status: 404 });
}

function card(name: string): HTMLElement {
  return screen.getByRole('region', { name });
}

describe('Paragraph6Panel', { timeout: 20_000 }, () => {
  it('shows a closed project as it stood at its approval, compliant, with the later loss as history', async () => {
    const closed = {
      ...COMPLIANCE,
      stage: 'closed' as const,
      on: '2019-11-17',
      basis: 'approval' as const,
      status: 'compliant' as const,
      countries: COMPLIANCE.countries.map((country) => ({
        ...country,
        status: 'compliant' as const,
        reasons: [],
      })),
      history: [
        { country: 'MLI', recordId: 'c-mli', kind: 'expired' as const, lostOn: '2022-01-01', message: '' },
        { country: 'BFA', recordId: 'c-bfa', kind: 'withdrawn' as const, lostOn: '2021-03-02', message: '' },
      ],
    };
    mockFetch((request) =>
      new URL(request.url).pathname === '/api/v1/projects/p-1/compliance' ? json(closed) : serve(request),
    );
    renderWithProviders(<Paragraph6Panel project={project()} canEdit={false} />);

    const overall = await screen.findByTestId('paragraph6-overall');
    expect(within(overall).getByText('Compliant')).toBeInTheDocument();
    expect(overall.querySelector('[data-status="compliant"]')).not.toBeNull();
    expect(
      screen.getByText(
        'As it stood when the project was approved, on Nov 17, 2019, for every recipient country.',
      ),
    ).toBeInTheDocument();
    const history = screen.getByTestId('paragraph6-history');
    expect(within(history).getByText('Since then')).toBeInTheDocument();
    expect(within(history).getByText('The consent of Mali expired on Jan 1, 2022.')).toBeInTheDocument();
    expect(
      within(history).getByText('The consent of Burkina Faso was withdrawn on Mar 2, 2021.'),
    ).toBeInTheDocument();
    expect(screen.queryByText('Non-compliant')).not.toBeInTheDocument();
  });

  it('shows a proposal with no consent asked for yet as not yet requested, not as a failure', async () => {
    const concept = {
      ...COMPLIANCE,
      stage: 'concept_note' as const,
      status: 'not_requested' as const,
      countries: COMPLIANCE.countries.map((country) => ({
        ...country,
        status: 'not_requested' as const,
        consent: { holds: false, recordId: null, records: [] },
        reasons: [
          {
            code: 'consent_not_requested',
            facts: { country: country.country },
            message: 'The consent has not been requested yet.',
          },
        ],
      })),
    };
    mockFetch((request) =>
      new URL(request.url).pathname === '/api/v1/projects/p-1/compliance' ? json(concept) : serve(request),
    );
    renderWithProviders(<Paragraph6Panel project={project()} canEdit={false} />);

    const overall = await screen.findByTestId('paragraph6-overall');
    expect(within(overall).getByText('Not yet requested')).toBeInTheDocument();
    expect(
      within(card('Mali')).getByText('The consent of Mali has not been requested yet.'),
    ).toBeInTheDocument();
    expect(screen.queryByText('Non-compliant')).not.toBeInTheDocument();
    expect(screen.queryByTestId('paragraph6-history')).not.toBeInTheDocument();
  });

  it('shows the status of each recipient country and the reasons in words, quoting paragraph 6', async () => {
    mockFetch(serve);
    renderWithProviders(<Paragraph6Panel project={project()} canEdit={false} />);

    const burkina = await screen.findByRole('region', { name: 'Burkina Faso' });
    expect(within(burkina).getByText('Pending')).toBeInTheDocument();
    expect(
      within(burkina).getByText(
        'The consent of Burkina Faso was requested on Nov 1, 2025 and has not been granted yet.',
      ),
    ).toBeInTheDocument();
    expect(within(burkina).getByText('its status is requested, not granted')).toBeInTheDocument();
    expect(within(burkina).getByText('Counts for paragraph 6')).toBeInTheDocument();

    const mali = card('Mali');
    expect(within(mali).getByText('Non-compliant')).toBeInTheDocument();
    expect(
      within(mali).getByText('The consent of Mali does not count: no document reference is recorded.'),
    ).toBeInTheDocument();
    expect(
      within(mali).getByText('No alignment to a national strategy of Mali is recorded.'),
    ).toBeInTheDocument();
    // A reason this screen has no words for yet is still explained, in the API's own sentence.
    expect(within(mali).getByText('A reason only the API can put in words.')).toBeInTheDocument();

    expect(within(screen.getByTestId('paragraph6-overall')).getByText('Non-compliant')).toBeInTheDocument();
    expect(screen.getByText(/should receive the consent of the recipient State/)).toBeInTheDocument();
    expect(screen.getByText(/resolution 66\/290 of 10 September 2012, paragraph 6/)).toBeInTheDocument();
    // Read-only: no consent or alignment can be changed from here.
    expect(screen.queryByRole('button', { name: /consent of/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /alignment/ })).not.toBeInTheDocument();
  });

  it('offers only the consent changes the rules allow, and asks what a grant needs', async () => {
    const sent: unknown[] = [];
    mockFetch(async (request) => {
      if (request.method === 'PATCH') {
        sent.push(await request.json());
        return json({ ...CONSENTS[0], status: 'granted', version: 4 });
      }
      return serve(request);
    });
    renderWithProviders(<Paragraph6Panel project={project()} canEdit />);

    const change = await screen.findByRole('button', { name: 'Change the consent of Burkina Faso' });
    await screen.findByText('Add an alignment for Mali');
    expect(change).toBeEnabled();
    fireEvent.click(change);

    const dialog = await screen.findByRole('dialog');
    // From requested, the rules allow granted, refused or expired; never withdrawn.
    expect(
      within(dialog)
        .getAllByRole('radio')
        .map((radio) => (radio as HTMLInputElement).value),
    ).toEqual(['requested', 'granted', 'refused', 'expired']);
    expect(within(dialog).queryByRole('radio', { name: 'Withdrawn' })).not.toBeInTheDocument();

    fireEvent.click(within(dialog).getByRole('radio', { name: 'Granted' }));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    // Granted needs its date, the issuing office, the signatory and the document reference.
    expect(await within(dialog).findAllByText('Required for this status.')).toHaveLength(4);
    expect(sent).toHaveLength(0);

    fireEvent.change(within(dialog).getByLabelText(/Granted on/), { target: { value: '2025-12-01' } });
    fireEvent.change(within(dialog).getByLabelText(/Issuing office/), {
      target: { value: 'Ministry of Foreign Affairs' },
    });
    fireEvent.change(within(dialog).getByLabelText(/Signatory/), {
      target: { value: 'Secretary-General of the Ministry' },
    });
    fireEvent.change(within(dialog).getByLabelText(/Document reference/), {
      target: { value: 'NV/BFA/2025/12' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save' }));

    await screen.findByText('Pending');
    await expect.poll(() => sent).toHaveLength(1);
    expect(sent[0]).toEqual({
      version: 3,
      status: 'granted',
      grantedOn: '2025-12-01',
      issuingOffice: 'Ministry of Foreign Affairs',
      signatory: 'Secretary-General of the Ministry',
      documentReference: 'NV/BFA/2025/12',
    });
  });

  it("checks a consent's dates with the domain's rules while typing, before anything is sent", async () => {
    const sent: unknown[] = [];
    mockFetch(async (request) => {
      if (request.method === 'PATCH') sent.push(await request.json());
      return serve(request);
    });
    renderWithProviders(<Paragraph6Panel project={project()} canEdit />);
    fireEvent.click(await screen.findByRole('button', { name: 'Change the consent of Burkina Faso' }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.click(within(dialog).getByRole('radio', { name: 'Granted' }));

    // Requested on 1 November 2025: a grant dated the day before breaks the rule at once.
    fireEvent.change(within(dialog).getByLabelText(/Granted on/), { target: { value: '2025-10-31' } });
    expect(within(dialog).getByText('Must be on or after the date of the request.')).toBeInTheDocument();
    expect(within(dialog).queryByText('Required for this status.')).not.toBeInTheDocument();

    fireEvent.change(within(dialog).getByLabelText(/Granted on/), { target: { value: '2025-11-01' } });
    expect(
      within(dialog).queryByText('Must be on or after the date of the request.'),
    ).not.toBeInTheDocument();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(await within(dialog).findAllByText('Required for this status.')).toHaveLength(3);
    expect(sent).toHaveLength(0);
  });

  it('keeps what was typed when someone saved the consent meanwhile, says what they changed, and saves over it', async () => {
    const sent: unknown[] = [];
    let theirs = false;
    mockFetch(async (request) => {
      const { pathname } = new URL(request.url);
      if (request.method === 'PATCH') {
        const body = (await request.json()) as { version: number };
        sent.push(body);
        if (body.version === 3) {
          theirs = true;
          return json(
            {
              type: 'https://hstf.example/problems/stale-version',
              title: 'Stale version',
              status: 409,
              currentVersion: 4,
            },
            { status: 409, headers: { 'Content-Type': 'application/problem+json' } },
          );
        }
        return json({ ...CONSENTS[0], scope: 'Ouagadougou', version: 5 });
      }
      if (pathname === '/api/v1/projects/p-1/consents' && theirs) {
        return json({ items: [{ ...CONSENTS[0], scope: 'Ouagadougou', version: 4 }], nextCursor: null });
      }
      return serve(request);
    });
    renderWithProviders(<Paragraph6Panel project={project()} canEdit />);
    fireEvent.click(await screen.findByRole('button', { name: 'Change the consent of Burkina Faso' }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.change(within(dialog).getByLabelText(/Requested on/), { target: { value: '2025-11-02' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save' }));

    const alert = await within(dialog).findByRole('alert');
    expect(await within(alert).findByText('Scope of the consent changed')).toBeInTheDocument();
    expect(within(dialog).getByLabelText(/Requested on/)).toHaveValue('2025-11-02');
    expect(within(dialog).getByLabelText(/Scope of the consent/)).toHaveValue('Ouagadougou');

    fireEvent.click(within(alert).getByRole('button', { name: 'Save my changes over theirs' }));
    await expect.poll(() => sent).toHaveLength(2);
    expect(sent[1]).toEqual({ version: 4, requestedOn: '2025-11-02' });
  });
});
