import { screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { i18n } from '../../../i18n';
import { translatedText } from '../../../lib/translated-text';
import { renderWithProviders } from '../../../testing/render';
import type { ProjectSummary } from '../api/types';
import { useTableColumns } from '../../../components/data-table/use-table-columns';
import { useProjectColumns } from './project-columns';
import { ProjectsTable } from './ProjectsTable';

const ORIGINAL = 'Urban safety and livelihoods in informal settlements of Haiti';
const PROJECT: ProjectSummary = {
  id: 'p-1',
  code: 'HS-2026-0004',
  title: ORIGINAL,
  titleTranslations: { zh: '海地非正规住区的城市安全与生计', ru: 'Городская безопасность — Гаити' },
  window: 'I',
  stage: 'active',
  countries: ['HTI'],
  leadOrganization: 'UNDP',
  requestedBudget: '1000000.00',
  approvedBudget: '950000.00',
  startDate: '2026-01-01',
  endDate: '2028-01-01',
  dimensions: ['economic'],
  paragraph6: 'compliant',
  version: 1,
  updatedAt: '2026-11-23T04:34:20.687Z',
};

/** The table with the list's own columns, as the project list builds them. */
function ProjectsTableWithColumns() {
  const columns = useProjectColumns();
  const table = useTableColumns('projects', columns);
  return (
    <ProjectsTable
      projects={[PROJECT]}
      loading={false}
      sort="code"
      descending={false}
      onSort={() => undefined}
      columns={columns}
      table={table}
    />
  );
}

function renderTable() {
  renderWithProviders(<ProjectsTableWithColumns />);
}

describe("the project list in the reader's language", () => {
  afterEach(async () => {
    await i18n.changeLanguage('en');
  });

  it('shows the title in the reader’s language when it was translated', async () => {
    await i18n.changeLanguage('zh');
    renderTable();
    expect(await screen.findByRole('link', { name: '海地非正规住区的城市安全与生计' })).toBeInTheDocument();
    expect(screen.queryByText(ORIGINAL)).not.toBeInTheDocument();
  });

  it('shows the title as first written in a language it was not translated into', async () => {
    await i18n.changeLanguage('ar');
    renderTable();
    const link = await screen.findByRole('link', { name: ORIGINAL });
    // An English title in a right-to-left page keeps its own direction, so it is not cut at its start.
    expect(link).toHaveAttribute('dir', 'auto');
  });

  it('writes the period in years, with its days in the title and for screen readers, so it fits a 1366 px screen', async () => {
    renderTable();
    const row = (await screen.findByRole('link', { name: ORIGINAL })).closest('tr')!;
    const period = within(row).getByTitle('Jan 1, 2026 – Jan 1, 2028');
    expect(period.querySelector('[aria-hidden="true"]')).toHaveTextContent(/^2026\s?–\s?2028$/);
    expect(within(period).getByText('Jan 1, 2026 – Jan 1, 2028')).toBeInTheDocument();
  });

  it('writes a Chinese period the Chinese way', async () => {
    await i18n.changeLanguage('zh');
    renderTable();
    const row = (await screen.findByRole('link', { name: '海地非正规住区的城市安全与生计' })).closest('tr')!;
    expect(within(row).getByText('2026–2028年')).toBeInTheDocument();
  });

  it('falls back to the original for a blank translation, and reads only the language, not the region', () => {
    expect(translatedText(ORIGINAL, { fr: '  ' }, 'fr')).toBe(ORIGINAL);
    expect(translatedText(ORIGINAL, { ru: 'Городская безопасность' }, 'ru-RU')).toBe(
      'Городская безопасность',
    );
    expect(translatedText(ORIGINAL, null, 'zh')).toBe(ORIGINAL);
  });
});
