import { PRINCIPLE_IDS, PRINCIPLES, RUBRIC } from '@hstf/domain';
import { configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { json, mockFetch, problem, renderWithProviders } from '../../../testing/render';
import en from '../locales/en.json';
import { ReviewRoute } from './ReviewRoute';

// Whole forms are driven here; under a loaded test run, give the screen time to answer.
configure({ asyncUtilTimeout: 5000 });

const ME = {
  id: 'reviewer-1',
  email: 'reviewer1@example.org',
  name: 'Rafael Reviewer',
  role: 'reviewer',
  donorId: null,
  active: true,
  lastSignInAt: null,
  version: 1,
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
};

const empty = Object.fromEntries(PRINCIPLE_IDS.map((id) => [id, null]));

function reviewState() {
  return {
    id: 'review-1',
    projectId: 'project-1',
    projectCode: 'HS-2026-0009',
    projectTitle: 'Combating trafficking in persons in the Fergana Valley',
    reviewerId: 'reviewer-1',
    reviewerName: 'Rafael Reviewer',
    round: 1,
    currentRound: true,
    dueOn: '2026-10-22',
    status: 'assigned',
    conflict: null as null | Record<string, unknown>,
    contentVisible: true,
    scores: { ...empty } as Record<string, number | null>,
    justifications: { ...empty } as Record<string, string | null>,
    recommendation: null as string | null,
    submittedAt: null as string | null,
    assignedBy: 'staff-1',
    version: 1,
    createdAt: '2026-10-01T00:00:00Z',
    updatedAt: '2026-10-01T00:00:00Z',
  };
}

const PARTIES = {
  id: 'project-1',
  code: 'HS-2026-0009',
  title: 'Combating trafficking in persons in the Fergana Valley',
  countries: [
    { iso3: 'KGZ', name: 'Kyrgyzstan' },
    { iso3: 'TJK', name: 'Tajikistan' },
  ],
  organizations: [
    {
      organizationId: 'org-1',
      name: 'United Nations Office on Drugs and Crime',
      acronym: 'UNODC',
      kind: 'un_entity',
      lead: true,
    },
  ],
};

function openProposal() {
  return {
    ...PARTIES,
    open: true,
    stage: 'under_review',
    summary: 'Survivors of trafficking are identified, protected and reintegrated.',
    window: 'I',
    startDate: '2027-01-01',
    endDate: '2028-12-31',
    requestedBudget: '1200000.00',
    coFunding: '0.00',
    dimensions: ['personal', 'economic'],
    targetBeneficiaries: 12000,
    vulnerableGroups: ['women_and_girls'],
    sdgs: [5, 16],
    protectionMeasures: 'Shelters and legal aid.',
    empowermentMeasures: 'Survivor networks.',
    principles: PRINCIPLES.map((principle) => ({
      principle: principle.id,
      title: principle.title,
      looksFor: principle.looksFor,
      guidingQuestions: [...principle.guidingQuestions],
      narrative: `Narrative of the proposal on ${principle.title}.`,
      indicators: { principle: principle.id, allMet: true, indicators: [] },
    })),
    rubric: RUBRIC.map((level) => ({ ...level })),
  };
}

/** The API as the reviewer meets it: the proposal opens once conflicts are declared. */
function reviewerApi(overrides: Partial<ReturnType<typeof reviewState>> = {}) {
  const review = { ...reviewState(), ...overrides };
  const calls: { method: string; path: string; body: unknown }[] = [];
  mockFetch(async (request) => {
    const url = new URL(request.url);
    const body: unknown =
      request.method === 'GET' ? undefined : ((await request.json().catch(() => undefined)) as unknown);
    calls.push({ method: request.method, path: url.pathname, body });
    if (url.pathname === '/api/v1/auth/me') return json(ME);
    if (url.pathname === '/api/v1/reviews/review-1' && request.method === 'GET') {
      return json({ review, proposal: review.conflict ? openProposal() : { ...PARTIES, open: false } });
    }
    if (url.pathname === '/api/v1/reviews/review-1/conflict') {
      const input = body as {
        declared: boolean;
        organizationIds: string[];
        countries: string[];
        note: string | null;
      };
      review.conflict = { ...input, declaredAt: '2026-11-01T10:00:00Z' };
      review.status = input.declared ? 'declined_conflict' : 'assigned';
      review.version += 1;
      return json(review);
    }
    if (url.pathname === '/api/v1/reviews/review-1' && request.method === 'PATCH') {
      const input = body as {
        version: number;
        scores?: object;
        justifications?: object;
        recommendation?: string;
      };
      if (input.version !== review.version)
        return problem(409, {
          type: 'https://hstf-portfolio.org/problems/stale-version',
          title: 'Stale',
          currentVersion: review.version,
        });
      Object.assign(review.scores, input.scores ?? {});
      Object.assign(review.justifications, input.justifications ?? {});
      if (input.recommendation !== undefined) review.recommendation = input.recommendation;
      review.status = 'draft';
      review.version += 1;
      return json(review);
    }
    if (url.pathname === '/api/v1/reviews/review-1/submit') {
      review.status = 'submitted';
      review.submittedAt = '2026-11-02T10:00:00Z';
      review.version += 1;
      return json(review);
    }
    if (url.pathname === '/api/v1/projects/project-1/reviews') {
      return json({
        items: [
          review,
          {
            ...reviewState(),
            id: 'review-2',
            reviewerId: 'reviewer-2',
            reviewerName: 'Ruth Reviewer',
            status: 'submitted',
            conflict: {
              declared: false,
              organizationIds: [],
              countries: [],
              note: null,
              declaredAt: '2026-10-02T00:00:00Z',
            },
            scores: Object.fromEntries(PRINCIPLE_IDS.map((id) => [id, 2])),
            justifications: Object.fromEntries(PRINCIPLE_IDS.map((id) => [id, `Ruth on ${id}`])),
            recommendation: 'revise',
            submittedAt: '2026-10-20T00:00:00Z',
          },
        ],
        nextCursor: null,
      });
    }
    return problem(404, { title: 'Not found' });
  });
  return { review, calls };
}

const scoreGroup = (title: string) => screen.getByRole('radiogroup', { name: `Your score for “${title}”` });

describe('the review page', { timeout: 30_000 }, () => {
  it("shows the reviewer's own review of a closed round read-only, with its round", async () => {
    const { calls } = reviewerApi({
      currentRound: false,
      status: 'draft',
      conflict: {
        declared: false,
        organizationIds: [],
        countries: [],
        note: null,
        declaredAt: '2026-10-02T00:00:00Z',
      },
    });
    renderWithProviders(<ReviewRoute />, { route: '/reviews/review-1', path: '/reviews/:id' });

    expect(await screen.findByTestId('closed-round')).toHaveTextContent(
      'This review belongs to round 1, which is closed',
    );
    expect(screen.getByText('Round 1 · closed')).toBeInTheDocument();
    expect(screen.queryByRole('radiogroup', { name: /Your score/ })).not.toBeInTheDocument();
    expect(calls.filter((call) => call.method !== 'GET')).toEqual([]);
  });

  it('asks for the conflict declaration first, and explains that a conflict withdraws the reviewer', async () => {
    const { calls } = reviewerApi();
    renderWithProviders(<ReviewRoute />, { route: '/reviews/review-1', path: '/reviews/:id' });

    expect(
      await screen.findByRole('heading', { name: 'First, declare any conflict of interest' }),
    ).toBeInTheDocument();
    // Nothing of the proposal's content, and no rubric, before the declaration.
    expect(screen.queryByRole('radiogroup', { name: /Your score/ })).not.toBeInTheDocument();
    expect(screen.queryByText(/Narrative of the proposal/)).not.toBeInTheDocument();

    fireEvent.click(screen.getByRole('button', { name: 'Record my declaration' }));
    expect(await screen.findByText('Choose one of the two answers.')).toBeInTheDocument();

    fireEvent.click(screen.getByRole('radio', { name: /Yes, I have a conflict of interest/ }));
    expect(screen.getByText('Declaring a conflict withdraws you')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Declare the conflict and withdraw' }));
    // A conflict names what it is with, or explains itself (libs/domain): nothing is sent yet.
    expect(
      await screen.findByText('Name an organization or a country above, or explain the conflict here.'),
    ).toBeInTheDocument();
    expect(calls.some((call) => call.path.endsWith('/conflict'))).toBe(false);

    fireEvent.click(screen.getByRole('checkbox', { name: 'Kyrgyzstan' }));
    fireEvent.click(screen.getByRole('button', { name: 'Declare the conflict and withdraw' }));

    expect(
      await screen.findByRole('heading', { name: 'You are withdrawn from this proposal' }),
    ).toBeInTheDocument();
    expect(calls.find((call) => call.path.endsWith('/conflict'))?.body).toEqual({
      version: 1,
      declared: true,
      organizationIds: [],
      countries: ['KGZ'],
      note: null,
    });
  });

  it('requires a score and a justification for every principle, then confirms before the final submission', async () => {
    const { calls } = reviewerApi();
    renderWithProviders(<ReviewRoute />, { route: '/reviews/review-1', path: '/reviews/:id' });

    fireEvent.click(await screen.findByRole('radio', { name: /No, I have no conflict of interest/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Declare no conflict and open the proposal' }));

    // The proposal opens: its narratives beside the rubric.
    expect(await screen.findByText('Narrative of the proposal on People-centred.')).toBeInTheDocument();
    expect(within(scoreGroup('People-centred')).getAllByRole('radio')).toHaveLength(5);

    // Submitting an empty review lists what is missing, and opens no confirmation.
    fireEvent.click(screen.getByRole('button', { name: 'Submit the review' }));
    const gaps = await screen.findByTestId('submission-gaps');
    expect(within(gaps).getByText('People-centred: choose a score from 0 to 4')).toBeInTheDocument();
    expect(within(gaps).getByText('Comprehensive: write a justification')).toBeInTheDocument();
    expect(within(gaps).getByText('Choose a recommendation')).toBeInTheDocument();
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();

    // Scores alone are not enough: each one needs its justification.
    for (const principle of PRINCIPLES) {
      fireEvent.click(within(scoreGroup(principle.title)).getByRole('radio', { name: /^3 · Strong/ }));
    }
    fireEvent.click(screen.getByRole('radio', { name: /^Approve/ }));
    await waitFor(() =>
      expect(
        within(screen.getByTestId('submission-gaps')).queryByText(/choose a score/),
      ).not.toBeInTheDocument(),
    );
    expect(
      within(screen.getByTestId('submission-gaps')).getByText('People-centred: write a justification'),
    ).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Submit the review' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();

    const justifications = screen.getAllByRole('textbox', { name: /Justification/ });
    expect(justifications).toHaveLength(5);
    justifications.forEach((field, index) =>
      fireEvent.change(field, { target: { value: `Evidence for principle ${index + 1}.` } }),
    );
    await waitFor(() => expect(screen.queryByTestId('submission-gaps')).not.toBeInTheDocument());

    fireEvent.click(screen.getByRole('button', { name: 'Submit the review' }));
    const dialog = await screen.findByRole('dialog', { name: 'Submit your review of HS-2026-0009?' });
    expect(
      within(dialog).getByText('Submitting is final. You cannot change the review afterwards.'),
    ).toBeInTheDocument();
    expect(calls.some((call) => call.path.endsWith('/submit'))).toBe(false);

    fireEvent.click(within(dialog).getByRole('button', { name: 'Submit: it is final' }));

    expect(await screen.findByText('Your review is submitted')).toBeInTheDocument();
    // The review is a section of the page under its title (h1), so its heading is a level 2.
    expect(await screen.findByRole('heading', { level: 2, name: 'Your review' })).toBeInTheDocument();
    // What was typed is saved with the version read, then submitted with the next one.
    const patch = calls.find((call) => call.method === 'PATCH');
    expect(patch?.body).toMatchObject({
      version: 2,
      scores: Object.fromEntries(PRINCIPLE_IDS.map((id) => [id, 3])),
      justifications: { people_centred: 'Evidence for principle 1.' },
      recommendation: 'approve',
    });
    expect(calls.find((call) => call.path.endsWith('/submit'))?.body).toEqual({ version: 3 });
    // Only now are the other reviews shown.
    expect(await screen.findByText('Ruth on people_centred')).toBeInTheDocument();
  });

  it('keeps what was typed when the draft was saved elsewhere (409)', async () => {
    const { review } = reviewerApi();
    review.conflict = {
      declared: false,
      organizationIds: [],
      countries: [],
      note: null,
      declaredAt: '2026-11-01T00:00:00Z',
    };
    renderWithProviders(<ReviewRoute />, { route: '/reviews/review-1', path: '/reviews/:id' });

    const [first] = await screen.findAllByRole('textbox', { name: /Justification/ });
    fireEvent.change(first!, { target: { value: 'My careful words.' } });
    review.version = 7; // saved from another tab meanwhile
    fireEvent.click(screen.getByRole('button', { name: 'Save draft' }));

    expect(await screen.findByText('This review was changed elsewhere')).toBeInTheDocument();
    expect(first).toHaveValue('My careful words.');

    fireEvent.click(screen.getByRole('button', { name: 'Keep my version and save it' }));
    await waitFor(() => expect(review.justifications['people_centred']).toBe('My careful words.'));
    expect(screen.queryByText('This review was changed elsewhere')).not.toBeInTheDocument();
  });
});

describe('the rubric in the reviews locale', { timeout: 30_000 }, () => {
  it('says in English exactly what libs/domain says', () => {
    for (const principle of PRINCIPLES) {
      const texts = en.reviews.principles[principle.id];
      expect(texts.title).toBe(principle.title);
      expect(texts.looksFor).toBe(principle.looksFor);
      expect([texts.q1, texts.q2, texts.q3]).toEqual(principle.guidingQuestions);
    }
    for (const level of RUBRIC) expect(en.reviews.rubric[level.label].description).toBe(level.description);
  });
});
