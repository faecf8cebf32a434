import { Anchor, Group, Stack, Table, Text, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconArrowsSort } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { TableSkeleton } from '../../../components/QueryStates';
import type { ProjectSummary } from '../api/types';
import type { ProjectSort } from '../lib/filters';
import { useProjectFormat } from '../../../lib/project-format';
import { StageBadge } from '../../../components/Badges';
import classes from './ProjectsTable.module.css';
import { useTranslatedText } from '../../../lib/translated-text';

interface ProjectsTableProps {
  projects: ProjectSummary[];
  loading: boolean;
  refreshing?: boolean;
  sort: ProjectSort;
  descending: boolean;
  onSort: (sort: ProjectSort, descending: boolean) => void;
  /** The UN's names of the countries, by alpha-3 code, when they are loaded. */
  countryNames?: ReadonlyMap<string, string>;
}

function SortHeader({
  field,
  label,
  sort,
  descending,
  onSort,
  align = 'start',
}: {
  field: ProjectSort;
  label: string;
  sort: ProjectSort;
  descending: boolean;
  onSort: (sort: ProjectSort, descending: boolean) => void;
  align?: 'start' | 'end';
}) {
  const { t } = useTranslation();
  const active = sort === field;
  const Icon = !active ? IconArrowsSort : descending ? IconArrowDown : IconArrowUp;
  return (
    <Table.Th
      scope="col"
      aria-sort={active ? (descending ? 'descending' : 'ascending') : 'none'}
      style={{ textAlign: align }}
    >
      <UnstyledButton
        onClick={() => onSort(field, active ? !descending : false)}
        fw={700}
        fz="sm"
        style={{ display: 'inline-flex', alignItems: 'center', gap: 4, whiteSpace: 'nowrap' }}
      >
        {label}
        <Icon size={14} aria-hidden="true" style={{ opacity: active ? 1 : 0.45 }} />
        <VisuallyHidden>
          {active
            ? descending
              ? t('projects.table.sortedDescending')
              : t('projects.table.sortedAscending')
            : t('projects.table.sortable')}
        </VisuallyHidden>
      </UnstyledButton>
    </Table.Th>
  );
}

/** The portfolio, one project a row; every sortable column sorts on the server, along the cursor. */
export function ProjectsTable({
  projects,
  loading,
  refreshing = false,
  sort,
  descending,
  onSort,
  countryNames,
}: ProjectsTableProps) {
  const { t } = useTranslation();
  const format = useProjectFormat();
  const translate = useTranslatedText();
  const sortProps = { sort, descending, onSort };

  return (
    <Table.ScrollContainer minWidth={920}>
      <Table
        highlightOnHover
        className={classes.table}
        aria-busy={loading || refreshing}
        aria-label={t('projects.title')}
        style={{ opacity: refreshing ? 0.6 : 1, transition: 'opacity 150ms' }}
        data-testid="projects-table"
      >
        <Table.Thead>
          <Table.Tr>
            <SortHeader field="code" label={t('projects.table.code')} {...sortProps} />
            <SortHeader field="title" label={t('projects.table.title')} {...sortProps} />
            <Table.Th scope="col">{t('projects.table.stage')}</Table.Th>
            <Table.Th scope="col">{t('projects.table.countries')}</Table.Th>
            <SortHeader
              field="approvedBudget"
              label={t('projects.table.budget')}
              align="end"
              {...sortProps}
            />
            <SortHeader field="startDate" label={t('projects.table.period')} {...sortProps} />
            <SortHeader field="updatedAt" label={t('projects.table.updated')} {...sortProps} />
          </Table.Tr>
        </Table.Thead>
        {loading ? (
          <TableSkeleton columns={7} />
        ) : (
          <Table.Tbody>
            {projects.map((project) => (
              <Table.Tr key={project.id} data-project={project.code}>
                <Table.Td>
                  <Text span ff="monospace" size="sm" dir="ltr" style={{ whiteSpace: 'nowrap' }}>
                    {project.code}
                  </Text>
                </Table.Td>
                <Table.Th scope="row" fw={400} w="34%" className={classes.title}>
                  <Stack gap={2}>
                    <Anchor
                      component={Link}
                      to={`/projects/${project.id}`}
                      fw={600}
                      size="sm"
                      lh={1.35}
                      dir="auto"
                    >
                      {translate(project.title, project.titleTranslations)}
                    </Anchor>
                    <Text size="xs" c="dimmed">
                      {[t('projects.window', { window: project.window }), project.leadOrganization]
                        .filter(Boolean)
                        .join(' · ')}
                    </Text>
                  </Stack>
                </Table.Th>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  <StageBadge stage={project.stage} size="sm" />
                </Table.Td>
                <Table.Td className={classes.countries}>
                  {(() => {
                    const countries = format.shortList(
                      project.countries.map((iso3) => format.country(iso3, countryNames?.get(iso3))),
                    );
                    return (
                      <Text size="sm" className={classes.countriesText} title={countries}>
                        {countries}
                      </Text>
                    );
                  })()}
                </Table.Td>
                <Table.Td style={{ textAlign: 'end', whiteSpace: 'nowrap' }}>
                  {project.approvedBudget !== null ? (
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
                  )}
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  <Group gap={4} wrap="nowrap">
                    <Text size="sm">{format.date(project.startDate)}</Text>
                    {project.endDate ? (
                      <Text size="sm" c="dimmed">
                        – {format.date(project.endDate)}
                      </Text>
                    ) : null}
                  </Group>
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  <Text size="sm" c="dimmed">
                    {format.date(project.updatedAt)}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        )}
      </Table>
    </Table.ScrollContainer>
  );
}
