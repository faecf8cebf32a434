import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { json, mockFetch, renderWithProviders } from '../../../testing/render';
import type { Assessment } from '../api/types';
import { FAILING_ASSESSMENT, REVIEWS, project } from '../testing/fixtures';
import { Scorecard } from './Scorecard';

function serve(
  assessment: Assessment,
  onPut?: (request: Request) => Promise<Response>,
  options: { earlier?: Assessment; reviews?: typeof REVIEWS } = {},
) {
  return async (request: Request): Promise<Response> => {
    const { pathname, searchParams } = new URL(request.url);
    if (request.method === 'PUT' && onPut) return onPut(request);
    if (pathname === '/api/v1/projects/p-1/assessment') {
      return json(searchParams.get('round') && options.earlier ? options.earlier : assessment);
    }
    if (pathname === '/api/v1/projects/p-1/reviews') {
      return json({ items: options.reviews ?? REVIEWS, nextCursor: null });
    }
    if (pathname === '/api/v1/reviewers') {
      return json({
        items: [
          {
            id: 'u-1',
            name: 'Rafael Reviewer',
            email: 'rafael@example.org',
            openAssignments: 1,
            submittedReviews: 6,
          },
          {
            id: 'u-9',
            name: 'Rosa Reviewer',
            email: 'rosa@example.org',
            openAssignments: 3,
            submittedReviews: 4,
          },
        ],
        nextCursor: null,
      });
    }
    return json({ title: 'Not found', status: 404 }, { status: 404 });
  };
}

describe('Scorecard', { timeout: 20_000 }, () => {
  it('says why a proposal does not pass, and flags the principles reviewers disagree on', async () => {
    mockFetch(serve(FAILING_ASSESSMENT));
    renderWithProviders(<Scorecard project={project()} canModerate />);

    expect(await screen.findByText('Does not pass')).toBeInTheDocument();
    const failures = screen.getByTestId('scorecard-failures');
    expect(
      within(failures).getByText('Prevention-oriented has a mean score of 1.50, below the required 2.00.'),
    ).toBeInTheDocument();
    expect(
      within(failures).getByText('The mean of the five principle means is 2.35, below the required 2.50.'),
    ).toBeInTheDocument();
    expect(screen.getByText('2 of 2 needed')).toBeInTheDocument();

    const comprehensive = screen.getByRole('article', { name: 'Comprehensive' });
    expect(within(comprehensive).getByText('Reviewers disagree')).toBeInTheDocument();
    expect(within(comprehensive).getByText('Scores from 1 to 3, a spread of 2')).toBeInTheDocument();
    // Each reviewer's score and justification, and the structural indicators beside them.
    expect(within(comprehensive).getByText('Score 1: weak')).toBeInTheDocument();
    expect(within(comprehensive).getByText('Rafael Reviewer scored comprehensive 1.')).toBeInTheDocument();
    expect(
      within(comprehensive).getByText('UN organizations taking part: 1; at least 2 are expected.'),
    ).toBeInTheDocument();
    // Staff record how the disagreement was moderated.
    expect(within(comprehensive).getByLabelText(/How the disagreement was moderated/)).toBeInTheDocument();
    expect(screen.getByText(/Reviewers disagree on Comprehensive/)).toBeInTheDocument();

    const agreed = screen.getByRole('article', { name: 'People-centred' });
    expect(within(agreed).queryByText('Reviewers disagree')).not.toBeInTheDocument();
    expect(
      within(screen.getByRole('article', { name: 'Prevention-oriented' })).getByText('Below the threshold'),
    ).toBeInTheDocument();

    // A reviewer who withdrew for a conflict is listed, and why the review is left out.
    const rahul = screen.getByRole('rowheader', { name: 'Rahul Reviewer' }).closest('tr') as HTMLElement;
    expect(within(rahul).getByText('A conflict of interest was declared.')).toBeInTheDocument();
    // The conflict says it all: "not submitted (withdrawn (conflict of interest))" beside it would repeat it.
    expect(within(rahul).queryByText(/Not submitted/)).not.toBeInTheDocument();
  });

  it('records a moderation note on a disagreeing principle', async () => {
    const notes: unknown[] = [];
    mockFetch(
      serve(FAILING_ASSESSMENT, async (request) => {
        notes.push({ path: new URL(request.url).pathname, body: (await request.json()) as unknown });
        return json(
          {
            id: 'n-1',
            projectId: 'p-1',
            principle: 'comprehensive',
            note: 'Discussed.',
            authorId: null,
            authorName: 'Sara Staff',
            version: 1,
            createdAt: '',
            updatedAt: '',
          },
          { status: 201 },
        );
      }),
    );
    renderWithProviders(<Scorecard project={project()} canModerate />);

    const comprehensive = await screen.findByRole('article', { name: 'Comprehensive' });
    fireEvent.change(within(comprehensive).getByLabelText(/How the disagreement was moderated/), {
      target: { value: 'The panel discussed the annex and agreed on 3.' },
    });
    fireEvent.click(within(comprehensive).getByRole('button', { name: 'Save the note' }));
    await expect
      .poll(() => notes)
      .toEqual([
        {
          path: '/api/v1/projects/p-1/moderation-notes/comprehensive',
          body: { note: 'The panel discussed the annex and agreed on 3.' },
        },
      ]);
  });

  it('says why a proposal passes', async () => {
    const passing: Assessment = {
      ...FAILING_ASSESSMENT,
      passes: true,
      failures: [],
      disagreements: [],
      unmoderatedDisagreements: [],
      overallMean: { numerator: 3, denominator: 1, decimal: '3.00' },
      principles: FAILING_ASSESSMENT.principles.map((item) => ({
        ...item,
        scores: [3, 3],
        mean: { numerator: 3, denominator: 1, decimal: '3.00' },
        min: 3,
        max: 3,
        spread: 0,
        meetsThreshold: true,
        disagreement: false,
      })),
    };
    mockFetch(serve(passing));
    renderWithProviders(<Scorecard project={project({ stage: 'approved' })} canModerate={false} />);

    expect(await screen.findByText('Passes')).toBeInTheDocument();
    expect(
      screen.getByText(
        "It passes: every principle's mean reaches 2 and the mean of the five means reaches 2.5.",
      ),
    ).toBeInTheDocument();
    expect(screen.queryByText('Reviewers disagree')).not.toBeInTheDocument();
    expect(screen.queryByLabelText(/How the disagreement was moderated/)).not.toBeInTheDocument();
  });

  it('lets staff assign a reviewer not yet on the panel, showing their workload', async () => {
    mockFetch(serve(FAILING_ASSESSMENT));
    renderWithProviders(<Scorecard project={project()} canModerate />);

    fireEvent.click(await screen.findByRole('button', { name: 'Assign a reviewer' }));
    const dialog = await screen.findByRole('dialog', { name: `Assign a reviewer to ${project().code}` });
    const select = within(dialog).getByRole('combobox', { name: /^Reviewer/ });
    await waitFor(() => expect(select).toHaveAttribute('placeholder', 'Choose a reviewer'));
    fireEvent.click(select);
    // Rafael has already reviewed this proposal: only Rosa is offered.
    const options = await screen.findAllByRole('option', { hidden: true });
    expect(options.map((option) => option.textContent)).toEqual([
      'Rosa Reviewer · rosa@example.org3 open · 4 submitted',
    ]);
  });

  it('says reviewers are assigned only while the proposal is under review', async () => {
    mockFetch(serve(FAILING_ASSESSMENT));
    renderWithProviders(<Scorecard project={project({ stage: 'approved' })} canModerate />);

    expect(
      await screen.findByText('Reviewers are assigned while the proposal is under review.'),
    ).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Assign a reviewer' })).not.toBeInTheDocument();
  });

  it('names the round it assesses, lists the earlier rounds read-only, and lets staff look back at one', async () => {
    const opened = { number: 1, openedAt: '2026-09-01T09:00:00.000Z', closedAt: '2026-09-20T09:00:00.000Z' };
    const rounds = [
      { ...opened, counting: false },
      { number: 2, openedAt: '2026-10-01T09:00:00.000Z', closedAt: null, counting: true },
    ];
    const latest: Assessment = { ...FAILING_ASSESSMENT, round: rounds[1]!, rounds };
    const earlier: Assessment = { ...FAILING_ASSESSMENT, round: rounds[0]!, rounds };
    const firstRound = { ...REVIEWS[0]!, id: 'r-old', round: 1, reviewerName: 'Olga Earlier' };
    mockFetch(
      serve(latest, undefined, {
        earlier,
        reviews: [...REVIEWS.map((r) => ({ ...r, round: 2 })), firstRound],
      }),
    );
    renderWithProviders(<Scorecard project={project()} canModerate />);

    expect(await screen.findByTestId('scorecard-round')).toHaveTextContent('Round 2, opened');
    const section = screen.getByTestId('earlier-rounds');
    expect(within(section).getByText('Earlier rounds')).toBeInTheDocument();
    expect(within(section).getByRole('rowheader', { name: 'Olga Earlier' })).toBeInTheDocument();
    expect(screen.queryByTestId('scorecard-earlier')).not.toBeInTheDocument();

    fireEvent.click(screen.getByRole('combobox', { name: 'Review round shown' }));
    fireEvent.click(await screen.findByRole('option', { name: 'Round 1', hidden: true }));
    expect(await screen.findByTestId('scorecard-earlier')).toHaveTextContent(
      'Its reviews are kept for the record and no longer count',
    );
    expect(screen.getByTestId('scorecard-round')).toHaveTextContent('Round 1,');
    // Nothing can be assigned in a closed round.
    expect(screen.queryByRole('button', { name: 'Assign a reviewer' })).not.toBeInTheDocument();
  });
});
