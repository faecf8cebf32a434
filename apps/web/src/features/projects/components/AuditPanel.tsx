import { Code, Group, Paper, Skeleton, Stack, Text, Title } from '@mantine/core';
import type { ColumnDef } from '@tanstack/react-table';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { ListTable } from '../../../components/data-table/ListTable';
import { ListFooter } from '../../../components/ListFooter';
import { EmptyResult, ErrorResult } from '../../../components/QueryStates';
import { useProjectAudit } from '../api/audit';
import type { AuditEntry } from '../api/types';
import { useProjectFormat } from '../../../lib/project-format';

const AUDIT_ACTIONS = new Set(['create', 'update', 'delete', 'transition']);
type AuditAction = 'create' | 'update' | 'delete' | 'transition';

/** Bookkeeping columns that change on every write and say nothing about the change itself. */
const NOISE = new Set(['version', 'updated_at', 'created_at', 'updatedAt', 'createdAt', 'search_vector']);

function changes(entry: AuditEntry): { field: string; before: unknown; after: unknown }[] {
  const before = entry.before ?? {};
  const after = entry.after ?? {};
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...keys]
    .filter((key) => !NOISE.has(key) && JSON.stringify(before[key]) !== JSON.stringify(after[key]))
    .map((field) => ({ field, before: before[field], after: after[field] }));
}

function show(value: unknown): string {
  if (value === null || value === undefined) return '∅';
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > 90 ? `${text.slice(0, 87)}…` : text;
}

/** What one entry changed: each field, old → new, the first eight of them. */
function Changes({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation();
  const format = useProjectFormat();
  if (entry.action === 'create') return <Text size="sm">{t('projects.audit.created')}</Text>;
  const changed = changes(entry);
  if (changed.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('projects.audit.noFieldChanges')}
      </Text>
    );
  }
  return (
    <Stack gap={4} dir="ltr">
      {changed.slice(0, 8).map((change) => (
        <Group key={change.field} gap={6} wrap="wrap" align="baseline">
          <Code>{change.field}</Code>
          <Text size="xs" c="dimmed" td="line-through">
            {show(change.before)}
          </Text>
          <Text size="xs" aria-hidden="true">
            →
          </Text>
          <Text size="xs">{show(change.after)}</Text>
        </Group>
      ))}
      {changed.length > 8 ? (
        <Text size="xs" c="dimmed">
          {t('projects.audit.more', { number: format.number(changed.length - 8) })}
        </Text>
      ) : null}
    </Stack>
  );
}

/** Every change to the project and its records (GET /api/v1/audit), newest first; staff and admin only. */
export function AuditPanel({ projectId }: { projectId: string }) {
  const { t } = useTranslation();
  const format = useProjectFormat();
  const audit = useProjectAudit(projectId, true);
  const entries = audit.data?.pages.flatMap((page) => page.items) ?? [];
  const columns = useMemo<ColumnDef<AuditEntry>[]>(
    () => [
      {
        id: 'when',
        header: t('projects.audit.when'),
        accessorFn: (entry) => entry.occurredAt,
        meta: { nowrap: true },
        cell: ({ row }) => format.dateTime(row.original.occurredAt),
      },
      {
        id: 'who',
        header: t('projects.audit.who'),
        accessorFn: (entry) => entry.actorEmail ?? t('projects.audit.system'),
        cell: ({ row }) => (
          <Text size="sm" dir="ltr" span>
            {row.original.actorEmail ?? t('projects.audit.system')}
          </Text>
        ),
      },
      {
        id: 'action',
        header: t('projects.audit.action'),
        accessorFn: (entry) =>
          AUDIT_ACTIONS.has(entry.action)
            ? t(`projects.audit.actions.${entry.action as AuditAction}`)
            : entry.action,
        cell: ({ row: { original: entry } }) => (
          <>
            {AUDIT_ACTIONS.has(entry.action) ? (
              <Text size="sm">{t(`projects.audit.actions.${entry.action as AuditAction}`)}</Text>
            ) : (
              <Code>{entry.action}</Code>
            )}
            {entry.entity !== 'project' ? (
              <Code display="block" mt={4} data-testid="audit-entity">
                {entry.entity}
              </Code>
            ) : null}
          </>
        ),
      },
      {
        id: 'changes',
        header: t('projects.audit.changes'),
        cell: ({ row: { original: entry } }) => <Changes entry={entry} />,
      },
    ],
    [t, format],
  );

  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="audit-heading">
      <Title order={2} fz="lg" id="audit-heading" mb={4}>
        {t('projects.audit.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        {t('projects.audit.intro')}
      </Text>
      {audit.isPending ? (
        <Stack gap="sm" aria-busy="true">
          <Skeleton height={40} />
          <Skeleton height={40} />
        </Stack>
      ) : audit.isError ? (
        <ErrorResult title={t('projects.audit.error')} onRetry={() => void audit.refetch()} />
      ) : entries.length === 0 ? (
        <EmptyResult title={t('projects.audit.empty')} />
      ) : (
        <>
          <ListTable
            listId="project-audit"
            columnChoice={false}
            label={t('projects.audit.title')}
            columns={columns}
            data={entries}
            getRowId={(entry) => entry.id}
            // Ordered here once every page is loaded; until then, newest first as the API sends them.
            clientSort={audit.hasNextPage ? undefined : { id: 'when', descending: true }}
            count={{ shown: entries.length, hasMore: audit.hasNextPage }}
            minWidth={720}
            fz="sm"
          />
          <ListFooter
            shown={entries.length}
            hasMore={audit.hasNextPage}
            loadingMore={audit.isFetchingNextPage}
            onLoadMore={() => void audit.fetchNextPage()}
          />
        </>
      )}
    </Paper>
  );
}
