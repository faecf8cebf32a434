import { Button, Group, NativeSelect, Paper, SegmentedControl, Text } from '@mantine/core';
import { useDocumentTitle, useMediaQuery } from '@mantine/hooks';
import { IconPlus } from '@tabler/icons-react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ListFooter } from '../../../components/ListFooter';
import { ExportMenu } from '../../../components/ExportMenu';
import { BackgroundExportStatus, exportFilters, useRequestExport } from '../../export-jobs';
import { PageHeader } from '../../../components/PageHeader';
import { EmptyResult, ErrorResult } from '../../../components/QueryStates';
import { useCurrentUser } from '../../../lib/auth';
import { useProjectCount } from '../api/get-project-count';
import { projectsQuery, useProjects } from '../api/get-projects';
import { useAllCountries, useAllOrganizations } from '../api/reference';
import { ProjectFilters } from '../components/ProjectFilters';
import { ProjectCards } from '../components/ProjectCards';
import { ProjectsTable } from '../components/ProjectsTable';
import { useProjectColumns } from '../components/project-columns';
import { TableToolbar } from '../../../components/data-table/TableToolbar';
import { useTableColumns } from '../../../components/data-table/use-table-columns';
import { PHONE_QUERY } from '../../../lib/media';
import { PROJECT_SORTS, activeFilterCount, useProjectFilters, type ProjectSort } from '../lib/filters';
import { canEditProjects } from '../lib/roles';

export function ProjectsRoute() {
  const { t, i18n } = useTranslation();
  const requestExport = useRequestExport();
  useDocumentTitle(`${t('projects.title')} · ${t('app.name')}`);
  const { data: user } = useCurrentUser();
  const [filters, setFilters] = useProjectFilters();
  const projects = useProjects(filters);
  const count = useProjectCount(filters);
  const countries = useAllCountries();
  const organizations = useAllOrganizations();
  const items = projects.data?.pages.flatMap((page) => page.items) ?? [];
  const canEdit = canEditProjects(user?.role);
  const countryNames = useMemo(
    () => new Map((countries.data ?? []).map((country) => [country.iso3, country.name])),
    [countries.data],
  );
  const onSort = (sort: ProjectSort, descending: boolean) => setFilters({ sort, descending });
  const phone = useMediaQuery(PHONE_QUERY) ?? false;
  const columns = useProjectColumns(countryNames);
  const table = useTableColumns('projects', columns);

  return (
    <>
      <PageHeader
        title={t('projects.title')}
        description={canEdit ? t('projects.description') : t('projects.descriptionReadOnly')}
        actions={
          <Group gap="sm">
            <BackgroundExportStatus />
            <ExportMenu
              path="/api/v1/projects"
              query={projectsQuery(filters)}
              onPrepareInBackground={(format) =>
                requestExport.mutate({
                  list: 'projects',
                  format,
                  filters: exportFilters(projectsQuery(filters)),
                  lang: i18n.language,
                })
              }
            />
            {canEdit ? (
              <Button
                component={Link}
                to="/projects/new"
                leftSection={<IconPlus size={18} aria-hidden="true" />}
              >
                {t('projects.new')}
              </Button>
            ) : null}
          </Group>
        }
      />
      <ProjectFilters
        filters={filters}
        onChange={setFilters}
        countries={countries.data ?? []}
        organizations={organizations.data ?? []}
      />
      <Paper withBorder radius="md" p={{ base: 'xs', sm: 'md' }}>
        <Text size="sm" c="dimmed" mb={4}>
          {activeFilterCount(filters) ? t('projects.list.filtered') : t('projects.list.all')}
        </Text>
        <TableToolbar
          table={table}
          views
          count={
            projects.isPending
              ? undefined
              : { shown: items.length, total: count.data, hasMore: projects.hasNextPage }
          }
        >
          <NativeSelect
            size="xs"
            label={t('projects.sort.label')}
            value={filters.sort}
            onChange={(event) => onSort(event.currentTarget.value as ProjectSort, filters.descending)}
          >
            {PROJECT_SORTS.map((sort) => (
              <option key={sort} value={sort}>
                {t(`projects.sort.${sort}`)}
              </option>
            ))}
          </NativeSelect>
          <SegmentedControl
            size="xs"
            aria-label={t('projects.sort.direction')}
            value={filters.descending ? 'desc' : 'asc'}
            onChange={(value) => onSort(filters.sort, value === 'desc')}
            data={[
              { value: 'asc', label: t('projects.sort.ascending') },
              { value: 'desc', label: t('projects.sort.descending') },
            ]}
          />
        </TableToolbar>
        {projects.isError && !projects.data ? (
          <ErrorResult title={t('projects.list.error')} onRetry={() => void projects.refetch()} />
        ) : !projects.isPending && items.length === 0 ? (
          <EmptyResult
            title={activeFilterCount(filters) ? t('projects.list.empty') : t('projects.list.none')}
            body={activeFilterCount(filters) ? t('common.emptyFiltersBody') : undefined}
          />
        ) : (
          <>
            {phone ? (
              <ProjectCards
                projects={items}
                loading={projects.isPending}
                refreshing={projects.isPlaceholderData}
                countryNames={countryNames}
              />
            ) : (
              <ProjectsTable
                projects={items}
                loading={projects.isPending}
                refreshing={projects.isPlaceholderData}
                sort={filters.sort}
                descending={filters.descending}
                onSort={onSort}
                columns={columns}
                table={table}
              />
            )}
            {projects.isFetchNextPageError ? (
              <ErrorResult title={t('projects.list.error')} onRetry={() => void projects.fetchNextPage()} />
            ) : null}
            {!projects.isPending ? (
              <ListFooter
                shown={items.length}
                total={count.data}
                hasMore={projects.hasNextPage}
                loadingMore={projects.isFetchingNextPage}
                onLoadMore={() => void projects.fetchNextPage()}
              />
            ) : null}
          </>
        )}
      </Paper>
    </>
  );
}
