import type { ColumnDef } from '@tanstack/react-table';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../../components/data-table/DataTable';
import type { TableColumns } from '../../../components/data-table/use-table-columns';
import type { ProjectSummary } from '../api/types';
import type { ProjectSort } from '../lib/filters';

interface ProjectsTableProps {
  projects: ProjectSummary[];
  loading: boolean;
  refreshing?: boolean;
  sort: ProjectSort;
  descending: boolean;
  onSort: (sort: ProjectSort, descending: boolean) => void;
  columns: ColumnDef<ProjectSummary>[];
  /** The reader's choice of columns (useTableColumns over the same columns). */
  table: TableColumns;
}

/** The portfolio, one project a row; every sortable column sorts on the server, along the cursor. */
export function ProjectsTable({
  projects,
  loading,
  refreshing = false,
  sort,
  descending,
  onSort,
  columns,
  table,
}: ProjectsTableProps) {
  const { t } = useTranslation();
  return (
    <DataTable
      label={t('projects.title')}
      columns={columns}
      data={projects}
      getRowId={(project) => project.id}
      rowProps={(project) => ({ 'data-project': project.code })}
      visibility={table.visibility}
      loading={loading}
      refreshing={refreshing}
      minWidth={920}
      sort={{
        field: sort,
        descending,
        onSort: (field, desc) => onSort(field as ProjectSort, desc),
      }}
      testId="projects-table"
    />
  );
}
