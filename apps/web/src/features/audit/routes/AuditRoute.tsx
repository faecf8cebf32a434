import { Paper } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { ListFooter } from '../../../components/ListFooter';
import { ExportMenu } from '../../../components/ExportMenu';
import { PageHeader } from '../../../components/PageHeader';
import { EmptyResult, ErrorResult } from '../../../components/QueryStates';
import { useCurrentUser } from '../../../lib/auth';
import { useActors, type Actor } from '../api/get-actors';
import { auditQuery, useAudit } from '../api/get-audit';
import { AuditFilters } from '../components/AuditFilters';
import { AuditLog } from '../components/AuditLog';
import { useAuditFilters } from '../lib/filters';

/** /audit (admin, staff): who changed what, and when; every change with its before and after. */
export function AuditRoute() {
  const { t } = useTranslation();
  useDocumentTitle(`${t('audit.title')} · ${t('app.name')}`);
  const { data: user } = useCurrentUser();
  const isAdmin = user?.role === 'admin';
  const [filters, setFilters] = useAuditFilters();
  const audit = useAudit(filters);
  const accounts = useActors(isAdmin);
  const entries = audit.data?.pages.flatMap((page) => page.items) ?? [];

  // Staff cannot list accounts: they pick among the people seen in the log so far.
  const seen = new Map<string, Actor>();
  for (const actor of accounts.data ?? []) seen.set(actor.id, actor);
  for (const entry of entries) {
    if (entry.actorId && !seen.has(entry.actorId)) {
      seen.set(entry.actorId, { id: entry.actorId, label: entry.actorEmail ?? entry.actorId });
    }
  }
  const actors = [...seen.values()].sort((a, b) => a.label.localeCompare(b.label));

  return (
    <>
      <PageHeader
        title={t('audit.title')}
        description={t('audit.description')}
        actions={<ExportMenu path="/api/v1/audit" query={auditQuery(filters)} />}
      />
      <AuditFilters
        filters={filters}
        onChange={setFilters}
        actors={actors}
        actorsLoading={isAdmin && accounts.isPending}
      />
      <Paper withBorder radius="md" p={{ base: 'xs', sm: 'md' }}>
        {audit.isError && !audit.data ? (
          <ErrorResult title={t('audit.error')} onRetry={() => void audit.refetch()} />
        ) : !audit.isPending && entries.length === 0 ? (
          <EmptyResult title={t('audit.empty')} body={t('common.emptyFiltersBody')} />
        ) : (
          <>
            <AuditLog
              entries={entries}
              loading={audit.isPending}
              refreshing={audit.isPlaceholderData}
              onFilter={setFilters}
              count={audit.isPending ? undefined : { shown: entries.length, hasMore: audit.hasNextPage }}
            />
            {audit.isFetchNextPageError ? (
              <ErrorResult title={t('audit.error')} onRetry={() => void audit.fetchNextPage()} />
            ) : null}
            {!audit.isPending ? (
              <ListFooter
                shown={entries.length}
                hasMore={audit.hasNextPage}
                loadingMore={audit.isFetchingNextPage}
                onLoadMore={() => void audit.fetchNextPage()}
              />
            ) : null}
          </>
        )}
      </Paper>
    </>
  );
}
