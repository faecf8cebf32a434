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
import { strategiesQuery, useStrategies, type Strategy } from '../api/get-strategies';
import { DeleteStrategyModal } from '../components/DeleteStrategyModal';
import { StrategiesList } from '../components/StrategiesList';
import { StrategyFilters } from '../components/StrategyFilters';
import { StrategyFormModal } from '../components/StrategyFormModal';
import { useStrategyFilters } from '../lib/filters';
import { notifySaved } from '../../../lib/notify';

function todayIso() {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

/** /strategies: national strategies by country (all read; staff and admins write). */
export function StrategiesRoute() {
  const { t } = useTranslation();
  useDocumentTitle(`${t('strategies.title')} · ${t('app.name')}`);
  const { data: user } = useCurrentUser();
  const canEdit = user?.role === 'admin' || user?.role === 'staff';
  const [filters, setFilters] = useStrategyFilters();
  const strategies = useStrategies(filters);
  const items = strategies.data?.pages.flatMap((page) => page.items) ?? [];
  const [editing, setEditing] = useState<Strategy | 'new' | null>(null);
  const [deleting, setDeleting] = useState<Strategy | null>(null);
  const [today] = useState(todayIso);

  return (
    <>
      <PageHeader
        title={t('strategies.title')}
        description={t('strategies.description')}
        actions={
          <Group gap="sm">
            <ExportMenu path="/api/v1/national-strategies" query={strategiesQuery(filters)} />
            {canEdit ? (
              <Button
                leftSection={<IconPlus size={18} aria-hidden="true" />}
                onClick={() => setEditing('new')}
              >
                {t('strategies.create')}
              </Button>
            ) : null}
          </Group>
        }
      />
      <StrategyFilters filters={filters} onChange={setFilters} />
      {strategies.isError && !strategies.data ? (
        <ErrorResult title={t('strategies.error')} onRetry={() => void strategies.refetch()} />
      ) : !strategies.isPending && items.length === 0 ? (
        <Paper withBorder radius="md">
          <EmptyResult title={t('strategies.empty')} body={t('common.emptyFiltersBody')} />
        </Paper>
      ) : (
        <Paper withBorder radius="md" p={{ base: 'xs', sm: 'md' }}>
          <StrategiesList
            strategies={items}
            loading={strategies.isPending}
            refreshing={strategies.isPlaceholderData}
            complete={!strategies.hasNextPage}
            canEdit={canEdit}
            onEdit={(strategy) => setEditing(strategy)}
            onDelete={(strategy) => setDeleting(strategy)}
            today={today}
          />
          {!strategies.isPending ? (
            <ListFooter
              shown={items.length}
              hasMore={strategies.hasNextPage}
              loadingMore={strategies.isFetchingNextPage}
              onLoadMore={() => void strategies.fetchNextPage()}
            />
          ) : null}
        </Paper>
      )}
      {canEdit ? (
        <>
          <StrategyFormModal
            opened={editing !== null}
            onClose={() => setEditing(null)}
            strategy={editing === 'new' ? null : editing}
            defaultCountry={filters.country}
            onSaved={(strategy, created) => {
              setEditing(null);
              notifySaved(t(created ? 'strategies.created' : 'strategies.saved', { title: strategy.title }));
            }}
          />
          <DeleteStrategyModal
            strategy={deleting}
            onClose={() => setDeleting(null)}
            onDeleted={(strategy) => {
              setDeleting(null);
              notifySaved(t('strategies.deleted', { title: strategy.title }));
            }}
          />
        </>
      ) : null}
    </>
  );
}
