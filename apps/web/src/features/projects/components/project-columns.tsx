import { Anchor, Stack, Text } from '@mantine/core';
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

/** The project list's columns; the code and the title identify a project and always show. */
export function useProjectColumns(countryNames?: ReadonlyMap<string, string>) {
  const { t } = useTranslation();
  const format = useProjectFormat();
  const translate = useTranslatedText();
  return useMemo<ColumnDef<ProjectSummary>[]>(
    () => [
      {
        id: 'code',
        header: t('projects.table.code'),
        // As wide as a code: an auto layout gave the code column the room the budget needed at 1366 px.
        meta: { sortField: 'code', hideable: false, nowrap: true, width: 136 },
        cell: ({ row }) => (
          <Text span ff="monospace" size="sm" dir="ltr">
            {row.original.code}
          </Text>
        ),
      },
      {
        id: 'title',
        header: t('projects.table.title'),
        meta: { sortField: 'title', rowHeader: true, width: '34%' },
        cell: ({ row: { original: project } }) => (
          <Stack gap={2} className={classes.title}>
            <Anchor component={Link} to={`/projects/${project.id}`} fw={600} size="sm" lh={1.35} dir="auto">
              {translate(project.title, project.titleTranslations)}
            </Anchor>
            <Text size="xs" c="dimmed">
              {[t('projects.window', { window: project.window }), project.leadOrganization]
                .filter(Boolean)
                .join(' · ')}
            </Text>
          </Stack>
        ),
      },
      {
        id: 'stage',
        header: t('projects.table.stage'),
        meta: { nowrap: true },
        cell: ({ row }) => <StageBadge stage={row.original.stage} size="sm" />,
      },
      {
        id: 'paragraph6',
        header: t('complianceFilter.column'),
        meta: { nowrap: true },
        cell: ({ row }) =>
          row.original.paragraph6 ? <ComplianceBadge status={row.original.paragraph6} size="sm" /> : '—',
      },
      {
        id: 'countries',
        header: t('projects.table.countries'),
        meta: { width: 220 },
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
        meta: {
          sortField: 'approvedBudget',
          align: 'end',
          nowrap: true,
          total: { amount: shownBudget, format: (amount) => format.money(amount) },
        },
        cell: ({ row: { original: project } }) =>
          project.approvedBudget !== null ? (
            <Text size="sm" fw={600} style={{ fontVariantNumeric: 'tabular-nums' }}>
              {format.money(project.approvedBudget)}
            </Text>
          ) : (
            <Stack gap={0} align="flex-end">
              <Text size="sm" style={{ fontVariantNumeric: 'tabular-nums' }}>
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
        // Each date on a line of its own: side by side, Arabic and Russian dates pushed the list
        // wider than a 1366 px screen.
        meta: { sortField: 'startDate', nowrap: true },
        cell: ({ row: { original: project } }) => (
          <Stack gap={0}>
            <Text size="sm">{format.date(project.startDate)}</Text>
            {project.endDate ? (
              <Text size="sm" c="dimmed">
                – {format.date(project.endDate)}
              </Text>
            ) : null}
          </Stack>
        ),
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
    [t, format, translate, countryNames],
  );
}
