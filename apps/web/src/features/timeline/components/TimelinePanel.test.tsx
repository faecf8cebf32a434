import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { json, mockFetch, renderWithProviders } from '../../../testing/render';
import { TimelinePanel } from './TimelinePanel';

const event = (overrides: Record<string, unknown>) => ({
  id: crypto.randomUUID(),
  occurredAt: '2026-11-20T10:00:00.000Z',
  action: 'update',
  entity: 'project',
  entityId: 'p-1',
  actorName: 'Amina Diallo',
  actorEmail: 'amina@example.org',
  changed: [],
  before: null,
  after: null,
  ...overrides,
});

describe('TimelinePanel', { timeout: 20_000 }, () => {
  it('tells each event in words, newest first, with who and when', async () => {
    const requested: string[] = [];
    mockFetch((request) => {
      requested.push(new URL(request.url).pathname);
      return json({
        nextCursor: null,
        items: [
          event({
            action: 'transition',
            before: { stage: 'active', version: 7 },
            after: {
              stage: 'suspended',
              version: 8,
              transition: {
                from: 'active',
                to: 'suspended',
                note: 'Decided with the lead organization.',
                evidence: { gate: 'suspension', reason: 'Kenya withdrew its consent.' },
              },
            },
          }),
          event({
            entity: 'consent_record',
            entityId: 'c-1',
            changed: ['status', 'withdrawnOn', 'withdrawalReason', 'version'],
            before: { countryIso3: 'KEN', status: 'granted', projectId: 'p-1' },
            after: {
              countryIso3: 'KEN',
              status: 'withdrawn',
              withdrawalReason: 'Sites under review.',
              projectId: 'p-1',
            },
          }),
          event({
            entity: 'transfer',
            action: 'create',
            actorName: null,
            actorEmail: null,
            after: { kind: 'transfer', amountUsd: '25000.00', organizationName: 'UNDP', projectId: 'p-1' },
          }),
          event({ entity: 'review', action: 'create', after: { status: 'assigned', projectId: 'p-1' } }),
          event({ entity: 'project', action: 'update', changed: ['title', 'version'] }),
        ],
      });
    });
    renderWithProviders(<TimelinePanel projectId="p-1" />);

    const timeline = await screen.findByTestId('project-timeline');
    expect(requested).toEqual(['/api/v1/projects/p-1/timeline']);
    const items = within(timeline).getAllByText(/./, { selector: '.mantine-Timeline-itemTitle p' });
    expect(items.map((item) => item.textContent)).toEqual([
      'Decision: from “Active” to “Suspended”',
      'Consent of Kenya: from Granted to Withdrawn',
      'Transfer of $25,000 to UNDP',
      'Reviewer assigned',
      'Project record changed',
    ]);
    expect(screen.getByText('Reason: Kenya withdrew its consent.')).toBeInTheDocument();
    expect(screen.getByText('Note: Decided with the lead organization.')).toBeInTheDocument();
    expect(screen.getByText('Reason: Sites under review.')).toBeInTheDocument();
    expect(screen.getByText('Changed: Title')).toBeInTheDocument();
    expect(screen.getAllByText(/by Amina Diallo/)).toHaveLength(4);
    expect(screen.queryByText(/projectId|\{/)).not.toBeInTheDocument();
  });

  it('says so when nothing is recorded yet', async () => {
    mockFetch(() => json({ nextCursor: null, items: [] }));
    renderWithProviders(<TimelinePanel projectId="p-1" />);
    expect(await screen.findByText('Nothing has been recorded for this project yet.')).toBeInTheDocument();
  });

  it('tells revisions, reports, results records and lessons in words', async () => {
    mockFetch(() =>
      json({
        nextCursor: null,
        items: [
          event({
            entity: 'revision',
            changed: ['status'],
            before: { kind: 'extension', status: 'pending' },
            after: { kind: 'extension', status: 'approved', decisionComment: 'Floods documented.' },
          }),
          event({
            entity: 'report',
            changed: ['status'],
            before: { kind: 'progress', sequence: 2, status: 'submitted' },
            after: { kind: 'progress', sequence: 2, status: 'returned', comments: 'Add the sources.' },
          }),
          event({ entity: 'indicator', action: 'delete', before: { name: 'Villages reached' } }),
          event({ entity: 'lesson', action: 'create', after: { title: 'Phone trees outlast radios' } }),
        ],
      }),
    );
    renderWithProviders(<TimelinePanel projectId="p-1" />);
    const timeline = await screen.findByTestId('project-timeline');
    const items = within(timeline).getAllByText(/./, { selector: '.mantine-Timeline-itemTitle p' });
    expect(items.map((item) => item.textContent)).toEqual([
      'No-cost extension approved',
      'Progress report, year 2 returned with comments',
      'Indicator deleted: Villages reached',
      'Lesson learned recorded: Phone trees outlast radios',
    ]);
    expect(screen.getByText('Note: Floods documented.')).toBeInTheDocument();
    expect(screen.getByText('Note: Add the sources.')).toBeInTheDocument();
  });

  it("tells a planned tranche's events in words, and a transfer that released one", async () => {
    const tranche = {
      amountUsd: '150000.00',
      organizationName: 'UNDP',
      plannedOn: '2027-03-31',
      condition: 'On acceptance of the first progress report',
      projectId: 'p-1',
    };
    mockFetch(() =>
      json({
        nextCursor: null,
        items: [
          event({ entity: 'tranche', action: 'delete', before: tranche }),
          event({
            entity: 'tranche',
            action: 'update',
            changed: ['plannedOn', 'version'],
            before: tranche,
            after: { ...tranche, plannedOn: '2027-04-30' },
          }),
          event({ entity: 'tranche', action: 'create', after: tranche }),
          event({
            entity: 'transfer',
            action: 'create',
            after: {
              kind: 'transfer',
              amountUsd: '150000.00',
              organizationName: 'UNDP',
              plannedTrancheId: 't-1',
            },
          }),
        ],
      }),
    );
    renderWithProviders(<TimelinePanel projectId="p-1" />);
    const timeline = await screen.findByTestId('project-timeline');
    const items = within(timeline).getAllByText(/./, { selector: '.mantine-Timeline-itemTitle p' });
    expect(items.map((item) => item.textContent)).toEqual([
      'Planned tranche of $150,000 for UNDP removed',
      'Planned tranche for UNDP changed',
      'Tranche of $150,000 planned for UNDP on Mar 31, 2027',
      'Transfer of $150,000 to UNDP',
    ]);
    expect(screen.getByText('Changed: Planned for')).toBeInTheDocument();
    expect(screen.getByText('Condition: On acceptance of the first progress report')).toBeInTheDocument();
    expect(screen.getByText('Transfer recorded against the planned tranche')).toBeInTheDocument();
  });

  it('tells documents attached and removed, with their kind, record and name', async () => {
    const document = (recordKind: string, documentKind: string, fileName: string) => ({
      recordKind,
      documentKind,
      fileName,
      projectId: 'p-1',
      mediaType: 'application/pdf',
    });
    mockFetch(() =>
      json({
        nextCursor: null,
        items: [
          event({
            entity: 'project_document',
            action: 'delete',
            before: document('project', 'proposal', 'Proposal v1.pdf'),
          }),
          event({
            entity: 'consent_document',
            action: 'create',
            after: document('consent', 'consent_letter', 'Letter KEN.pdf'),
          }),
        ],
      }),
    );
    renderWithProviders(<TimelinePanel projectId="p-1" />);
    const timeline = await screen.findByTestId('project-timeline');
    const items = within(timeline).getAllByText(/./, { selector: '.mantine-Timeline-itemTitle p' });
    expect(items.map((item) => item.textContent)).toEqual([
      'Full proposal removed from the project: Proposal v1.pdf',
      'Consent letter attached to the consent record: Letter KEN.pdf',
    ]);
  });
});
