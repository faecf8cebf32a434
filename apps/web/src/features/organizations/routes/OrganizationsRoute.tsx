import { Button, Group, Paper } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ListFooter } from '../../../components/ListFooter';
import { ExportMenu } from '../../../components/ExportMenu';
import { PageHeader } from '../../../components/PageHeader';
import { EmptyResult, ErrorResult } from '../../../components/QueryStates';
import { useCurrentUser } from '../../../lib/auth';
import { notifySaved } from '../../../lib/notify';
import { organizationsQuery, useOrganizations, type Organization } from '../api/get-organizations';
import { OrganizationFormModal } from '../components/OrganizationFormModal';
import { OrganizationFilters } from '../components/OrganizationFilters';
import { OrganizationsTable } from '../components/OrganizationsTable';
import { useOrganizationFilters } from '../lib/filters';

export function OrganizationsRoute() {
  const { t } = useTranslation();
  useDocumentTitle(`${t('organizations.title')} · ${t('app.name')}`);
  const [filters, setFilters] = useOrganizationFilters();
  const organizations = useOrganizations(filters);
  const items = organizations.data?.pages.flatMap((page) => page.items) ?? [];
  const { data: user } = useCurrentUser();
  const canEdit = user?.role === 'admin' || user?.role === 'staff';
  const [editing, setEditing] = useState<Organization | 'new' | null>(null);

  return (
    <>
      <PageHeader
        title={t('organizations.title')}
        description={t('organizations.description')}
        actions={
          <Group gap="sm">
            <ExportMenu path="/api/v1/organizations" query={organizationsQuery(filters)} />
            {canEdit ? (
              <Button
                leftSection={<IconPlus size={18} aria-hidden="true" />}
                onClick={() => setEditing('new')}
              >
                {t('orgContact.create')}
              </Button>
            ) : null}
          </Group>
        }
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
              onEdit={canEdit ? setEditing : undefined}
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
      <OrganizationFormModal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        organization={editing === 'new' ? null : editing}
        onSaved={(organization, created) => {
          setEditing(null);
          notifySaved(created ? t('saved.created', { name: organization.name }) : t('saved.changes'));
        }}
      />
    </>
  );
}
