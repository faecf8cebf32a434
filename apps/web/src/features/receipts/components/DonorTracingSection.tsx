import { Alert, Stack, Text, Title } from '@mantine/core';
import type { ColumnDef } from '@tanstack/react-table';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DataTable } from '../../../components/data-table/DataTable';
import { RowCount } from '../../../components/data-table/TableToolbar';
import { useIntl } from '../../../lib/intl';
import { type DonorTracing, useDonorTracing } from '../api/receipts';

/**
 * Where the donor's money went: per project, the earmarked money exactly and the unearmarked share
 * pro rata of the pool at each decision, what came back (its share of the balance released at
 * completion and of refunds) and the net, with the method said in words; what is not yet allocated.
 */
export function DonorTracingSection({ donorId }: { donorId: string }) {
  const { t } = useTranslation();
  const { money } = useIntl();
  const query = useDonorTracing(donorId);
  const tracing = query.data;
  return (
    <Stack gap="sm" component="section" aria-labelledby="donor-tracing-title">
      <Title order={2} size="h3" id="donor-tracing-title">
        {t('tracing.title')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('tracing.method')} {t('moneyReturns.method')}
      </Text>
      {query.isError ? (
        <Alert color="red">{t('tracing.loadFailed')}</Alert>
      ) : !tracing ? (
        <Text c="dimmed">{t('tracing.loading')}</Text>
      ) : (
        <>
          <Text size="sm">
            {t('tracing.summary', { paid: money(tracing.paid), unallocated: money(tracing.unallocated) })}{' '}
            {t('moneyReturns.returned', { returned: money(tracing.returned) })}
          </Text>
          {tracing.projects.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('tracing.none')}
            </Text>
          ) : (
            <>
              <TracingTable projects={tracing.projects} />
              <Text size="xs" c="dimmed">
                {t('moneyReturns.netNote')}
              </Text>
            </>
          )}
        </>
      )}
    </Stack>
  );
}

type TracedProject = DonorTracing['projects'][number];

/** In US dollars throughout, so every money column is totalled. */
function TracingTable({ projects }: { projects: TracedProject[] }) {
  const { t } = useTranslation();
  const { money } = useIntl();
  const usd = (id: string, header: string, amount: (project: TracedProject) => string, bold = false) =>
    ({
      id,
      header,
      accessorFn: (project) => Number(amount(project)),
      meta: { align: 'end', nowrap: true, total: { amount, format: (sum) => money(sum) } },
      cell: ({ row }) => (
        <Text span size="sm" fw={bold ? 600 : undefined}>
          {money(amount(row.original))}
        </Text>
      ),
    }) satisfies ColumnDef<TracedProject>;
  const columns: ColumnDef<TracedProject>[] = [
    {
      id: 'project',
      header: t('tracing.columns.project'),
      accessorFn: (project) => project.projectCode,
      meta: { rowHeader: true },
      cell: ({ row: { original: project } }) => (
        <>
          <Link to={`/projects/${project.projectId}`}>{project.projectCode}</Link>
          <Text size="xs" c="dimmed">
            {project.projectTitle}
          </Text>
        </>
      ),
    },
    usd('earmarked', t('tracing.columns.earmarked'), (project) => project.earmarked),
    usd('proRata', t('tracing.columns.proRata'), (project) => project.proRata),
    usd('paidFor', t('moneyReturns.columns.paidFor'), (project) => project.total),
    usd('released', t('moneyReturns.columns.released'), (project) => project.released),
    usd('refunded', t('moneyReturns.columns.refunded'), (project) => project.refunded),
    usd('net', t('moneyReturns.columns.net'), (project) => project.net, true),
  ];
  return (
    <>
      <RowCount shown={projects.length} hasMore={false} />
      <DataTable
        label={t('tracing.title')}
        columns={columns}
        data={projects}
        getRowId={(project) => project.projectId}
        visibility={{}}
        clientSort={{ id: 'paidFor', descending: true }}
        minWidth={880}
      />
    </>
  );
}
