import { Anchor, Stack, Text, VisuallyHidden } from '@mantine/core';
import type { ColumnDef } from '@tanstack/react-table';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ComplianceBadge, StageBadge } from '../../../components/Badges';
import { useProjectFormat } from '../../../lib/project-format';
import { useTranslatedText } from '../../../lib/translated-text';
import type { ProjectSummary } from '../api/types';
import classes from './ProjectsTable.module.css';

/** The budget a row shows: the approved one once decided, the requested one before. */
const shownBudget = (project: ProjectSummary) => project.approvedBudget ?? project.requestedBudget;

/** A project's period in years, the reader's way: "2024–2026", "2024–2026年"; one year once. */
function useYearRange() {
  const { locale } = useProjectFormat();
  return useMemo(() => {
    const years = new Intl.DateTimeFormat(locale, { year: 'numeric', timeZone: 'UTC' });
    const day = (value: string) => new Date(`${value}T00:00:00Z`);
    return (start: string | null, end: string | null) => {
      if (!start) return '—';
      return end ? years.formatRange(day(start), day(end)) : years.format(day(start));
    };
  }, [locale]);
}

/** The project list's columns; the code and the title identify a project and always show. */
export function useProjectColumns(countryNames?: ReadonlyMap<string, string>) {
  const { t } = useTranslation();
  const format = useProjectFormat();
  const translate = useTranslatedText();
  const yearRange = useYearRange();
  return useMemo<ColumnDef<ProjectSummary>[]>(
    () => [
      {
        id: 'code',
        header: t('projects.table.code'),
        // As wide as a code: an auto layout gave the code column the room the budget needed at 1366 px.
        meta: { sortField: 'code', hideable: false, width: 136 },
        cell: ({ row }) => (
          <Text span ff="monospace" size="sm" dir="ltr" className={classes.figure}>
            {row.original.code}
          </Text>
        ),
      },
      {
        id: 'title',
        header: t('projects.table.title'),
        meta: { sortField: 'title', rowHeader: true },
        cell: ({ row: { original: project } }) => {
          const title = translate(project.title, project.titleTranslations);
          return (
            <Stack gap={2} className={classes.title}>
              {/* Three lines at most, so a long title does not stretch its row; the whole in its title. */}
              <Anchor
                component={Link}
                to={`/projects/${project.id}`}
                fw={600}
                size="sm"
                lh={1.35}
                dir="auto"
                lineClamp={3}
                title={title}
              >
                {title}
              </Anchor>
              <Text size="xs" c="dimmed">
                {[t('projects.window', { window: project.window }), project.leadOrganization]
                  .filter(Boolean)
                  .join(' · ')}
              </Text>
            </Stack>
          );
        },
      },
      {
        id: 'stage',
        header: t('projects.table.stage'),
        cell: ({ row }) => (
          <div className={classes.badge}>
            <StageBadge stage={row.original.stage} size="sm" />
          </div>
        ),
      },
      {
        id: 'paragraph6',
        header: t('complianceFilter.column'),
        cell: ({ row }) =>
          row.original.paragraph6 ? (
            <div className={classes.badge}>
              <ComplianceBadge status={row.original.paragraph6} size="sm" />
            </div>
          ) : (
            '—'
          ),
      },
      {
        id: 'countries',
        header: t('projects.table.countries'),
        cell: ({ row }) => {
          const countries = format.shortList(
            row.original.countries.map((iso3) => format.country(iso3, countryNames?.get(iso3))),
          );
          return (
            <Text size="sm" className={classes.countriesText} title={countries}>
              {countries}
            </Text>
          );
        },
      },
      {
        id: 'budget',
        header: t('projects.table.budget'),
        // The figures never break ("2 608 000 $"); the column's name may, in the longer languages.
        meta: {
          sortField: 'approvedBudget',
          align: 'end',
          total: { amount: shownBudget, format: (amount) => format.money(amount) },
        },
        cell: ({ row: { original: project } }) =>
          project.approvedBudget !== null ? (
            <Text size="sm" fw={600} className={classes.figure}>
              {format.money(project.approvedBudget)}
            </Text>
          ) : (
            <Stack gap={0} align="flex-end">
              <Text size="sm" className={classes.figure}>
                {format.money(project.requestedBudget)}
              </Text>
              <Text size="xs" c="dimmed">
                {t('projects.table.requested')}
              </Text>
            </Stack>
          ),
      },
      {
        id: 'period',
        header: t('projects.table.period'),
        // The years only ("2024–2026"): full dates side by side pushed the list wider than a 1366 px
        // screen in every language. The days are in the title and read out to screen readers.
        meta: { sortField: 'startDate' },
        cell: ({ row: { original: project } }) => {
          const days = project.endDate
            ? `${format.date(project.startDate)} – ${format.date(project.endDate)}`
            : format.date(project.startDate);
          return (
            <Text size="sm" title={days} className={classes.figure}>
              <span aria-hidden="true">{yearRange(project.startDate, project.endDate)}</span>
              <VisuallyHidden>{days}</VisuallyHidden>
            </Text>
          );
        },
      },
      {
        id: 'updated',
        header: t('projects.table.updated'),
        // Offered in the column choice: with the paragraph 6 column, eight columns no longer fit a
        // 1366 px screen, and the list's order already says what changed last.
        meta: { sortField: 'updatedAt', nowrap: true, hiddenByDefault: true },
        cell: ({ row }) => (
          <Text size="sm" c="dimmed">
            {format.date(row.original.updatedAt)}
          </Text>
        ),
      },
    ],
    [t, format, translate, yearRange, countryNames],
  );
}
