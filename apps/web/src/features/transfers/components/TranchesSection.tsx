import {
  Alert,
  Badge,
  Button,
  Group,
  Paper,
  Skeleton,
  Stack,
  Text,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { isStageIn, TRANCHE_PLANNING_STAGES, trancheScheduleSummary } from '@hstf/domain';
import { IconAlertTriangle, IconPlus } from '@tabler/icons-react';
import type { ColumnDef } from '@tanstack/react-table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ListTable } from '../../../components/data-table/ListTable';
import { ErrorResult } from '../../../components/QueryStates';
import { ALERT_STYLES } from '../../../lib/colors';
import { notifySaved } from '../../../lib/notify';
import { useProjectFormat } from '../../../lib/project-format';
import { useProblemText } from '../../../lib/use-problem-text';
import type { Project } from '../../projects';
import { type PlannedTranche, useRemoveTranche, useTranches } from '../api/tranches';
import { TrancheDialog } from './TrancheDialog';

const STATUS_TONES: Record<PlannedTranche['status'], string> = {
  planned: 'unBlue',
  overdue: 'red',
  released: 'teal',
};

/** Ordered by urgency: what is late, then what is to come, then what is done. */
const STATUS_ORDER: Record<PlannedTranche['status'], number> = { overdue: 0, planned: 1, released: 2 };

/** Today as the API judges "overdue": the UTC calendar day. */
const todayUtc = () => new Date().toISOString().slice(0, 10);

/**
 * The planned tranche schedule beside the transfers made: planned against released, the next tranche
 * due, and the overdue ones flagged.
 */
export function TranchesSection({ project, canEdit }: { project: Project; canEdit: boolean }) {
  const { t } = useTranslation();
  const format = useProjectFormat();
  const tranches = useTranches(project.id);
  const remove = useRemoveTranche(project.id);
  const problemText = useProblemText();
  const [editing, setEditing] = useState<PlannedTranche | 'new' | null>(null);
  const canPlan =
    canEdit && project.approvedBudget !== null && isStageIn(project.stage, TRANCHE_PLANNING_STAGES);
  const summary = tranches.data
    ? trancheScheduleSummary(
        tranches.data.map((item) => ({
          id: item.id,
          organizationId: item.organizationId,
          amount: item.amountUsd,
          plannedOn: item.plannedOn,
          releasedBy: item.releasedByTransferId,
        })),
        todayUtc(),
      )
    : null;
  const next = summary?.next ? tranches.data?.find((item) => item.id === summary.next?.id) : undefined;
  const reportLabel = (tranche: PlannedTranche) =>
    tranche.requiresReportKind === 'progress'
      ? t('reports.kinds.progressYear', { year: tranche.requiresReportSequence ?? 1 })
      : tranche.requiresReportKind
        ? t(`reports.kinds.${tranche.requiresReportKind}`)
        : '';
  const columns: ColumnDef<PlannedTranche>[] = [
    {
      id: 'date',
      header: t('tranches.columns.date'),
      accessorFn: (tranche) => tranche.plannedOn,
      meta: { nowrap: true },
      cell: ({ row }) => format.date(row.original.plannedOn),
    },
    {
      id: 'organization',
      header: t('tranches.columns.organization'),
      accessorFn: (tranche) => tranche.organizationName,
      cell: ({ row }) => row.original.organizationName,
    },
    {
      id: 'amount',
      header: t('tranches.columns.amount'),
      accessorFn: (tranche) => Number(tranche.amountUsd),
      meta: {
        align: 'end',
        nowrap: true,
        total: { amount: (tranche) => tranche.amountUsd, format: (amount) => format.money(amount) },
      },
      cell: ({ row }) => format.money(row.original.amountUsd),
    },
    {
      id: 'condition',
      header: t('tranches.columns.condition'),
      cell: ({ row: { original: tranche } }) => (
        <>
          <Text size="sm" dir="auto">
            {tranche.condition}
          </Text>
          {tranche.requiresReportKind && tranche.requiresReportStatus ? (
            <Text size="xs" c="dimmed">
              {t('tranches.waitsFor', {
                report: reportLabel(tranche),
                status: t(`tranches.reportStatus.${tranche.requiresReportStatus}`),
              })}
            </Text>
          ) : null}
        </>
      ),
    },
    {
      id: 'status',
      header: t('tranches.columns.status'),
      accessorFn: (tranche) => STATUS_ORDER[tranche.status],
      cell: ({ row: { original: tranche } }) => (
        <>
          <Badge variant="light" color={STATUS_TONES[tranche.status]} tt="none" radius="sm">
            {t(`tranches.status.${tranche.status}`)}
          </Badge>
          {tranche.releasedOn && tranche.releasedAmountUsd ? (
            <Text size="xs" c="dimmed">
              {t('tranches.releasedOn', {
                date: format.date(tranche.releasedOn),
                amount: format.money(tranche.releasedAmountUsd),
              })}
            </Text>
          ) : null}
        </>
      ),
    },
    ...(canEdit
      ? ([
          {
            id: 'actions',
            header: () => <VisuallyHidden>{t('tranches.columns.actions')}</VisuallyHidden>,
            meta: { label: t('tranches.columns.actions') },
            cell: ({ row: { original: tranche } }) =>
              tranche.status !== 'released' ? (
                <Group gap={4} wrap="nowrap">
                  <Button
                    size="compact-xs"
                    variant="subtle"
                    aria-label={t('tranches.editLabel', { date: format.date(tranche.plannedOn) })}
                    onClick={() => setEditing(tranche)}
                  >
                    {t('tranches.edit')}
                  </Button>
                  <Button
                    size="compact-xs"
                    variant="subtle"
                    color="red"
                    aria-label={t('tranches.removeLabel', { date: format.date(tranche.plannedOn) })}
                    loading={remove.isPending && remove.variables?.id === tranche.id}
                    onClick={() =>
                      remove.mutate(
                        { id: tranche.id, version: tranche.version },
                        { onSuccess: () => notifySaved(t('tranches.form.removed')) },
                      )
                    }
                  >
                    {t('tranches.remove')}
                  </Button>
                </Group>
              ) : null,
          },
        ] satisfies ColumnDef<PlannedTranche>[])
      : []),
  ];

  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="tranches-heading">
      <Group justify="space-between" mb="xs">
        <Title order={2} fz="lg" id="tranches-heading">
          {t('tranches.title')}
        </Title>
        {canPlan ? (
          <Button
            size="xs"
            variant="light"
            leftSection={<IconPlus size={14} aria-hidden="true" />}
            onClick={() => setEditing('new')}
          >
            {t('tranches.add')}
          </Button>
        ) : null}
      </Group>
      <Text size="sm" c="dimmed" mb="sm">
        {t('tranches.description')}
      </Text>
      {tranches.isPending ? (
        <Skeleton height={60} />
      ) : tranches.isError ? (
        <ErrorResult title={t('tranches.error')} onRetry={() => void tranches.refetch()} />
      ) : tranches.data.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('tranches.empty')}
        </Text>
      ) : (
        <Stack gap="sm">
          {summary ? (
            <Stack gap={4}>
              <Text size="sm" fw={600} data-testid="tranches-progress">
                {t('tranches.plannedAgainstMade', {
                  released: format.money(summary.released),
                  planned: format.money(summary.planned),
                })}
              </Text>
              <Text size="sm">
                {next
                  ? t('tranches.next', {
                      amount: format.money(next.amountUsd),
                      organization: next.organizationName,
                      date: format.date(next.plannedOn),
                    })
                  : t('tranches.noneDue')}
              </Text>
              {summary.overdue > 0 ? (
                <Alert
                  color="red"
                  variant="light"
                  icon={<IconAlertTriangle size={16} aria-hidden="true" />}
                  styles={ALERT_STYLES}
                >
                  {t('tranches.overdueCount', { count: summary.overdue })}
                </Alert>
              ) : null}
            </Stack>
          ) : null}
          <ListTable
            listId="project-tranches"
            cards
            columnChoice={false}
            label={t('tranches.title')}
            columns={columns}
            data={tranches.data}
            getRowId={(tranche) => tranche.id}
            clientSort={{ id: 'date', descending: false }}
            minWidth={640}
            rowProps={(tranche) => ({ 'data-testid': `tranche-${tranche.id}` })}
          />
          {remove.isError ? (
            <Alert color="red" variant="light" role="alert" styles={ALERT_STYLES}>
              {problemText(remove.error)}
            </Alert>
          ) : null}
        </Stack>
      )}
      {editing ? (
        <TrancheDialog
          project={project}
          tranche={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
        />
      ) : null}
    </Paper>
  );
}
