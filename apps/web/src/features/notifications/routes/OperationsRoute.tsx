import { Accordion, Anchor, Button, Paper, Select, Tabs, Text, VisuallyHidden } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import type { ColumnDef } from '@tanstack/react-table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ToneBadge } from '../../../components/Badges';
import { ListTable } from '../../../components/data-table/ListTable';
import { ListFooter } from '../../../components/ListFooter';
import type { Tone } from '../../../components/tones';
import { PageHeader } from '../../../components/PageHeader';
import { EmptyResult, ErrorResult } from '../../../components/QueryStates';
import { useCurrentUser } from '../../../lib/auth';
import { useJobs, useOutbox, useRetryJob, type Job, type JobState } from '../api/operations';

const STATES: JobState[] = ['created', 'retry', 'active', 'failed', 'completed', 'cancelled'];
const STATE_TONES: Record<JobState, Tone> = {
  created: 'gray',
  retry: 'amber',
  active: 'blue',
  failed: 'red',
  completed: 'teal',
  cancelled: 'gray',
};

/** /operations (admin): the background jobs, and the mail kept while no SMTP server is set. */
export function OperationsRoute() {
  const { t } = useTranslation();
  useDocumentTitle(`${t('notifications.operations.title')} · ${t('app.name')}`);
  const { data: user } = useCurrentUser();
  if (user && user.role !== 'admin') {
    return <EmptyResult title={t('notifications.operations.adminsOnly')} />;
  }
  return (
    <>
      <PageHeader
        title={t('notifications.operations.title')}
        description={t('notifications.operations.description')}
      />
      <Tabs defaultValue="jobs" keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="jobs">{t('notifications.operations.jobs')}</Tabs.Tab>
          <Tabs.Tab value="outbox">{t('notifications.operations.outbox')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="jobs">
          <JobsPanel />
        </Tabs.Panel>
        <Tabs.Panel value="outbox">
          <OutboxPanel />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}

function JobsPanel() {
  const { t, i18n } = useTranslation();
  const [state, setState] = useState<JobState | null>(null);
  const jobs = useJobs(state);
  const retry = useRetryJob();
  const items = jobs.data?.pages.flatMap((page) => page.items) ?? [];
  const when = new Intl.DateTimeFormat(i18n.resolvedLanguage ?? i18n.language, {
    dateStyle: 'short',
    timeStyle: 'medium',
  });
  const columns: ColumnDef<Job>[] = [
    {
      id: 'queue',
      header: t('notifications.operations.queue'),
      accessorFn: (job) => job.queue,
      meta: { hideable: false },
      cell: ({ row }) => (
        <Text size="sm" ff="monospace">
          {row.original.queue}
        </Text>
      ),
    },
    {
      id: 'state',
      header: t('notifications.operations.state'),
      accessorFn: (job) => t(`notifications.operations.states.${job.state}`),
      cell: ({ row: { original: job } }) => (
        <ToneBadge tone={STATE_TONES[job.state]}>
          {t(`notifications.operations.states.${job.state}`)}
        </ToneBadge>
      ),
    },
    {
      id: 'attempts',
      header: t('notifications.operations.attempts'),
      accessorFn: (job) => job.retryCount,
      cell: ({ row: { original: job } }) => `${job.retryCount} / ${job.retryLimit + 1}`,
    },
    {
      id: 'created',
      header: t('notifications.operations.created'),
      accessorFn: (job) => job.createdAt,
      cell: ({ row }) => when.format(new Date(row.original.createdAt)),
    },
    {
      id: 'error',
      header: t('notifications.operations.errorColumn'),
      accessorFn: (job) => job.error ?? undefined,
      cell: ({ row: { original: job } }) => (
        <Text size="sm" c={job.error ? 'red' : 'dimmed'} style={{ overflowWrap: 'anywhere' }}>
          {job.error ?? ''}
        </Text>
      ),
    },
    {
      id: 'retry',
      header: () => <VisuallyHidden>{t('notifications.operations.retry')}</VisuallyHidden>,
      meta: { label: t('notifications.operations.retry'), hideable: false },
      cell: ({ row: { original: job } }) =>
        job.state === 'failed' ? (
          <Button
            size="compact-sm"
            variant="light"
            loading={retry.isPending && retry.variables === job.id}
            onClick={() => retry.mutate(job.id)}
          >
            {t('notifications.operations.retry')}
          </Button>
        ) : null,
    },
  ];

  return (
    <Paper withBorder radius="md" p={{ base: 'xs', sm: 'md' }}>
      <Select
        label={t('notifications.operations.state')}
        data={STATES.map((value) => ({ value, label: t(`notifications.operations.states.${value}`) }))}
        value={state}
        onChange={(value) => setState(value)}
        placeholder={t('notifications.operations.allStates')}
        clearable
        maw={260}
        mb="md"
      />
      {jobs.isError && !jobs.data ? (
        <ErrorResult title={t('notifications.operations.error')} onRetry={() => void jobs.refetch()} />
      ) : !jobs.isPending && items.length === 0 ? (
        <EmptyResult title={t('notifications.operations.noJobs')} />
      ) : (
        <>
          <ListTable
            listId="jobs"
            label={t('notifications.operations.jobs')}
            columns={columns}
            data={items}
            getRowId={(job) => job.id}
            loading={jobs.isPending}
            // Ordered here once every page is loaded; until then, in the API's order.
            clientSort={jobs.hasNextPage ? undefined : { id: 'created', descending: true }}
            count={jobs.isPending ? undefined : { shown: items.length, hasMore: jobs.hasNextPage }}
            rowProps={() => ({ 'data-testid': 'job' })}
            minWidth={720}
            fz="sm"
          />
          <ListFooter
            shown={items.length}
            hasMore={jobs.hasNextPage}
            loadingMore={jobs.isFetchingNextPage}
            onLoadMore={() => void jobs.fetchNextPage()}
          />
        </>
      )}
    </Paper>
  );
}

function OutboxPanel() {
  const { t, i18n } = useTranslation();
  const outbox = useOutbox();
  const items = outbox.data?.pages.flatMap((page) => page.items) ?? [];
  const when = new Intl.DateTimeFormat(i18n.resolvedLanguage ?? i18n.language, {
    dateStyle: 'short',
    timeStyle: 'short',
  });
  if (outbox.isError && !outbox.data) {
    return <ErrorResult title={t('notifications.operations.error')} onRetry={() => void outbox.refetch()} />;
  }
  if (!outbox.isPending && items.length === 0) {
    return (
      <EmptyResult
        title={t('notifications.operations.noMail')}
        body={t('notifications.operations.outboxHelp')}
      />
    );
  }
  return (
    <Paper withBorder radius="md" p={{ base: 'xs', sm: 'md' }}>
      <Text size="sm" c="dimmed" mb="sm">
        {t('notifications.operations.outboxHelp')}
      </Text>
      <Accordion variant="separated">
        {items.map((mail) => (
          <Accordion.Item key={mail.id} value={mail.id} data-testid="outbox-mail">
            <Accordion.Control>
              <Text size="sm" fw={600} dir="auto">
                {mail.subject}
              </Text>
              <Text size="xs" c="dimmed">
                {t('notifications.operations.to', { address: mail.to })} ·{' '}
                {when.format(new Date(mail.createdAt))}
              </Text>
            </Accordion.Control>
            <Accordion.Panel>
              <Text
                component="pre"
                size="sm"
                dir={mail.language === 'ar' ? 'rtl' : 'ltr'}
                lang={mail.language}
                style={{ whiteSpace: 'pre-wrap', fontFamily: 'inherit', margin: 0 }}
              >
                {linked(mail.text)}
              </Text>
            </Accordion.Panel>
          </Accordion.Item>
        ))}
      </Accordion>
      <ListFooter
        shown={items.length}
        hasMore={outbox.hasNextPage}
        loadingMore={outbox.isFetchingNextPage}
        onLoadMore={() => void outbox.fetchNextPage()}
      />
    </Paper>
  );
}

/** The plain-text part with its links clickable, as a mail reader shows them. */
function linked(text: string) {
  return text.split(/(https?:\/\/\S+)/).map((part, index) =>
    index % 2 === 1 ? (
      <Anchor key={index} href={part}>
        {part}
      </Anchor>
    ) : (
      part
    ),
  );
}
