import { Paper } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { ListFooter } from '../../../components/ListFooter';
import { ExportMenu } from '../../../components/ExportMenu';
import { PageHeader } from '../../../components/PageHeader';
import { EmptyResult, ErrorResult } from '../../../components/QueryStates';
import { organizationsQuery, useOrganizations } from '../api/get-organizations';
import { OrganizationFilters } from '../components/OrganizationFilters';
import { OrganizationsTable } from '../components/OrganizationsTable';
import { useOrganizationFilters } from '../lib/filters';

export function OrganizationsRoute() {
  const { t } = useTranslation();
  useDocumentTitle(`${t('organizations.title')} · ${t('app.name')}`);
  const [filters, setFilters] = useOrganizationFilters();
  const organizations = useOrganizations(filters);
  const items = organizations.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <>
      <PageHeader
        title={t('organizations.title')}
        description={t('organizations.description')}
        actions={<ExportMenu path="/api/v1/organizations" query={organizationsQuery(filters)} />}
      />
      <OrganizationFilters filters={filters} onChange={setFilters} />
      <Paper withBorder radius="md" p={{ base: 'xs', sm: 'md' }}>
        {organizations.isError && !organizations.data ? (
          <ErrorResult title={t('organizations.error')} onRetry={() => void organizations.refetch()} />
        ) : !organizations.isPending && items.length === 0 ? (
          <EmptyResult title={t('organizations.empty')} body={t('common.emptyFiltersBody')} />
        ) : (
          <>
            <OrganizationsTable
              organizations={items}
              loading={organizations.isPending}
              refreshing={organizations.isPlaceholderData}
              count={
                organizations.isPending
                  ? undefined
                  : { shown: items.length, hasMore: organizations.hasNextPage }
              }
            />
            {organizations.isFetchNextPageError ? (
              <ErrorResult
                title={t('organizations.error')}
                onRetry={() => void organizations.fetchNextPage()}
              />
            ) : null}
            {!organizations.isPending ? (
              <ListFooter
                shown={items.length}
                hasMore={organizations.hasNextPage}
                loadingMore={organizations.isFetchingNextPage}
                onLoadMore={() => void organizations.fetchNextPage()}
              />
            ) : null}
          </>
        )}
      </Paper>
    </>
  );
}
