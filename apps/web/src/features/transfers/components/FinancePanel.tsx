import {
  Alert,
  Badge,
  Button,
  Group,
  NativeSelect,
  Paper,
  Progress,
  SimpleGrid,
  Skeleton,
  Stack,
  Text,
  TextInput,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import {
  canReceiveTransfers,
  COMMITTED_STAGES,
  compareMoney,
  isStageIn,
  organizationCaps,
  parseMoney,
  projectMoney,
  subtractMoney,
} from '@hstf/domain';
import type { MoneyEntry, ProjectMoney } from '@hstf/domain';
import { IconCash } from '@tabler/icons-react';
import type { ColumnDef } from '@tanstack/react-table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../../components/DateField';
import { ListTable } from '../../../components/data-table/ListTable';
import { RowCount } from '../../../components/data-table/TableToolbar';
import { ErrorResult } from '../../../components/QueryStates';
import { ExportMenu } from '../../../components/ExportMenu';
import { useCreateTransfer, useReverseTransfer, useTransfers } from '../api/transfers';
import type { Project, Transfer } from '../../projects';
import { RequiredReportSelect } from '../../reports';
import { useProjectFormat } from '../../../lib/project-format';
import { ApiError } from '../../../lib/problem';
import { fieldErrorsOf } from '../../../lib/problem-members';
import { MoneyInput } from '../../../components/MoneyInput';
import { ALERT_STYLES, OK_TEXT } from '../../../lib/colors';
import { useProblemText } from '../../../lib/use-problem-text';
import { useTranches } from '../api/tranches';
import { TranchesSection } from './TranchesSection';

type ProjectOrganization = Project['organizations'][number];

interface FinancePanelProps {
  project: Project;
  canEdit: boolean;
}

/** The budget, who shares it, and the money that has left the Fund for the project. */
export function FinancePanel({ project, canEdit }: FinancePanelProps) {
  const { t } = useTranslation();
  const format = useProjectFormat();
  const transfers = useTransfers(project.id);
  // The project's money by the ledger's own definitions (libs/domain): reversals subtract, refunds
  // and a completed project's untransferred balance go back to the Fund.
  const money = transfers.data ? moneyOf(project, transfers.data) : null;
  const transferred = money?.transferred ?? null;
  const remaining = project.approvedBudget !== null && money ? money.untransferred : null;
  const releases = isStageIn(project.stage, ['completed', 'closed']);
  const percent = new Intl.NumberFormat(format.locale, { style: 'percent', maximumFractionDigits: 1 });

  return (
    <Stack gap="lg">
      <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="md">
        <Figure label={t('projects.fields.requestedBudget')} value={format.money(project.requestedBudget)} />
        <Figure
          label={t('projects.fields.approvedBudget')}
          value={
            project.approvedBudget ? format.money(project.approvedBudget) : t('projects.finance.notApproved')
          }
        />
        <Figure
          label={t('projects.finance.transferred')}
          value={transferred === null ? '…' : format.money(transferred)}
        />
        <Figure
          label={releases ? t('projects.finance.released') : t('projects.finance.remaining')}
          value={remaining === null ? '—' : format.money(releases ? money!.released : remaining)}
        />
      </SimpleGrid>
      {releases && money && compareMoney(money.released, '0') > 0 ? (
        <Text size="sm" c="dimmed">
          {t('projects.finance.releasedHint', { amount: format.money(money.released) })}
        </Text>
      ) : null}
      {money && compareMoney(money.refunded, '0') > 0 ? (
        <Text size="sm" c="dimmed">
          {t('projects.finance.refundedHint', { amount: format.money(money.refunded) })}
        </Text>
      ) : null}
      {project.approvedBudget && transferred !== null && Number(project.approvedBudget) > 0 ? (
        <Stack gap={4}>
          <Progress
            value={Math.min(100, (Number(transferred) / Number(project.approvedBudget)) * 100)}
            size="lg"
            radius="xl"
            aria-hidden="true"
          />
          <Text size="sm" c="dimmed">
            {t('projects.finance.progress', {
              percent: percent.format(Number(transferred) / Number(project.approvedBudget)),
            })}
          </Text>
        </Stack>
      ) : null}

      <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="organizations-heading">
        <Group justify="space-between" mb="sm">
          <Title order={2} fz="lg" id="organizations-heading">
            {t('projects.finance.organizations')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('projects.finance.coFunding', { amount: format.money(project.coFunding) })}
          </Text>
        </Group>
        {project.organizations.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('projects.finance.noOrganizations')}
          </Text>
        ) : (
          <OrganizationsTable project={project} />
        )}
      </Paper>

      <TranchesSection project={project} canEdit={canEdit} />

      <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="transfers-heading">
        <Group justify="space-between" align="flex-start" gap="sm" mb="sm">
          <Title order={2} fz="lg" id="transfers-heading">
            {t('projects.finance.transfers')}
          </Title>
          <ExportMenu path="/api/v1/transfers" query={{ projectId: project.id }} />
        </Group>
        {transfers.isPending ? (
          <Skeleton height={80} />
        ) : transfers.isError ? (
          <ErrorResult
            title={t('projects.finance.transfersError')}
            onRetry={() => void transfers.refetch()}
          />
        ) : transfers.data.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('projects.finance.noTransfers')}
          </Text>
        ) : (
          <TransfersTable transfers={transfers.data} canEdit={canEdit} />
        )}
        {canEdit && canReceiveTransfers(project.stage) && remaining !== null && money ? (
          <TransferForm project={project} remaining={remaining} money={money} />
        ) : canEdit && !canReceiveTransfers(project.stage) ? (
          <Text size="sm" c="dimmed" mt="md">
            {t('projects.finance.notFundable', { stage: t(`projects.stages.${project.stage}`) })}
          </Text>
        ) : null}
        {canEdit && isStageIn(project.stage, COMMITTED_STAGES) && money && hasTransfers(money) ? (
          <TransferForm project={project} remaining={remaining ?? '0.00'} money={money} kind="refund" />
        ) : null}
      </Paper>
    </Stack>
  );
}

function Figure({ label, value }: { label: string; value: string }) {
  return (
    <Paper withBorder radius="md" p="md">
      <Text size="xs" c="dimmed" fw={600}>
        {label}
      </Text>
      <Text fz="xl" fw={700} mt={4} style={{ fontVariantNumeric: 'tabular-nums' }}>
        {value}
      </Text>
    </Paper>
  );
}

/** Who shares the budget: each organization's share in US dollars and as a part of the request. */
function OrganizationsTable({ project }: { project: Project }) {
  const { t } = useTranslation();
  const format = useProjectFormat();
  const percent = new Intl.NumberFormat(format.locale, { style: 'percent', maximumFractionDigits: 1 });
  const share = (amount: string) =>
    Number(project.requestedBudget) > 0 ? Number(amount) / Number(project.requestedBudget) : 0;
  const columns: ColumnDef<ProjectOrganization>[] = [
    {
      id: 'name',
      header: t('projects.finance.organization'),
      accessorFn: (organization) => organization.name,
      meta: { rowHeader: true },
      cell: ({ row: { original: organization } }) => (
        <Text span fw={500} size="sm">
          {organization.name}
          {organization.acronym ? (
            <Text span c="dimmed" size="sm">
              {` (${organization.acronym})`}
            </Text>
          ) : null}
        </Text>
      ),
    },
    {
      id: 'role',
      header: t('projects.finance.role'),
      // The lead first when ordered this way round.
      accessorFn: (organization) => (organization.lead ? 0 : 1),
      cell: ({ row: { original: organization } }) =>
        organization.lead ? (
          <Badge variant="light" color="unBlue" c="unBlue.9" tt="none" radius="sm">
            {t('projects.finance.lead')}
          </Badge>
        ) : (
          <Text size="sm">{t('projects.finance.participant')}</Text>
        ),
    },
    {
      id: 'budgetShare',
      header: t('projects.fields.budgetShare'),
      accessorFn: (organization) => Number(organization.budgetShare),
      meta: {
        align: 'end',
        nowrap: true,
        total: {
          amount: (organization) => organization.budgetShare,
          format: (amount) => format.money(amount),
        },
      },
      cell: ({ row }) => format.money(row.original.budgetShare),
    },
    {
      id: 'shareOfBudget',
      header: t('projects.finance.shareOfBudget'),
      meta: { align: 'end' },
      cell: ({ row }) => percent.format(share(row.original.budgetShare)),
    },
  ];
  return (
    <ListTable
      listId="project-organizations"
      cards
      columnChoice={false}
      label={t('projects.finance.organizations')}
      columns={columns}
      data={project.organizations}
      getRowId={(organization) => organization.organizationId}
      clientSort={{ id: 'role', descending: false }}
      minWidth={520}
    />
  );
}

/** Signed as the ledger counts it: money out to the project is positive, money back negative. */
function signedAmount(transfer: Transfer, byId: Map<string, Transfer>): string {
  const reversed = transfer.reversesId ? byId.get(transfer.reversesId) : undefined;
  const outgoing = transfer.kind === 'transfer' || reversed?.kind === 'refund';
  return outgoing ? transfer.amountUsd : `-${transfer.amountUsd}`;
}

function TransfersTable({ transfers, canEdit }: { transfers: Transfer[]; canEdit: boolean }) {
  const { t } = useTranslation();
  const format = useProjectFormat();
  const [reversing, setReversing] = useState<Transfer | null>(null);
  const byId = new Map(transfers.map((transfer) => [transfer.id, transfer]));
  const columns: ColumnDef<Transfer>[] = [
    {
      id: 'tranche',
      header: t('projects.finance.tranche'),
      accessorFn: (transfer) => transfer.tranche ?? undefined,
      cell: ({ row }) => (row.original.tranche === null ? '—' : format.number(row.original.tranche)),
    },
    {
      id: 'entry',
      header: t('projects.finance.entry'),
      cell: ({ row: { original: transfer } }) => {
        const reversed = transfer.reversesId ? byId.get(transfer.reversesId) : undefined;
        const reversal = transfer.reversedById ? byId.get(transfer.reversedById) : undefined;
        return (
          <>
            <Group gap={6} wrap="nowrap">
              <Badge variant="light" color={ENTRY_TONES[transfer.kind]} tt="none" radius="sm">
                {t(`projects.finance.kinds.${transfer.kind}`)}
              </Badge>
              {transfer.reversedById ? (
                <Text size="xs" c="dimmed">
                  {reversal
                    ? t('tranches.reversedBy', { date: format.date(reversal.transferredOn) })
                    : t('projects.finance.reversed')}
                </Text>
              ) : null}
            </Group>
            {transfer.kind === 'reversal' ? (
              <Text size="xs" c="dimmed">
                {reversed?.tranche
                  ? t('projects.finance.reversesTranche', {
                      tranche: format.number(reversed.tranche),
                    })
                  : reversed
                    ? t('tranches.reverses', { date: format.date(reversed.transferredOn) })
                    : t('projects.finance.reversesEntry')}
                {transfer.reason ? ` — ${transfer.reason}` : ''}
              </Text>
            ) : null}
            {transfer.overrideJustification ? (
              <Text size="xs" c="dimmed">
                {t('projects.finance.overrideShown', {
                  justification: transfer.overrideJustification,
                })}
              </Text>
            ) : null}
          </>
        );
      },
    },
    {
      id: 'date',
      header: t('projects.finance.date'),
      accessorFn: (transfer) => transfer.transferredOn,
      meta: { nowrap: true },
      cell: ({ row }) => format.date(row.original.transferredOn),
    },
    {
      id: 'organization',
      header: t('projects.finance.organization'),
      accessorFn: (transfer) => transfer.organizationName,
      cell: ({ row }) => row.original.organizationName,
    },
    {
      id: 'reference',
      header: t('projects.finance.reference'),
      cell: ({ row }) => (
        <Text size="sm" dir="ltr" span>
          {row.original.reference ?? '—'}
        </Text>
      ),
    },
    {
      id: 'amount',
      header: t('projects.finance.amount'),
      accessorFn: (transfer) => Number(signedAmount(transfer, byId)),
      meta: {
        align: 'end',
        nowrap: true,
        // The net: a reversal takes back its entry and a refund comes back, as the ledger counts them.
        total: {
          amount: (transfer) => signedAmount(transfer, byId),
          format: (amount) => format.money(amount),
        },
      },
      cell: ({ row: { original: transfer } }) => {
        const amount = signedAmount(transfer, byId);
        return (
          <span
            style={{
              fontVariantNumeric: 'tabular-nums',
              textDecoration: transfer.reversedById ? 'line-through' : undefined,
            }}
          >
            {amount.startsWith('-')
              ? `−${format.money(transfer.amountUsd)}`
              : format.money(transfer.amountUsd)}
          </span>
        );
      },
    },
    ...(canEdit
      ? ([
          {
            id: 'actions',
            header: () => <VisuallyHidden>{t('projects.finance.actions')}</VisuallyHidden>,
            meta: { label: t('projects.finance.actions') },
            cell: ({ row: { original: transfer } }) =>
              transfer.kind !== 'reversal' && !transfer.reversedById ? (
                <Button size="compact-xs" variant="subtle" onClick={() => setReversing(transfer)}>
                  {t('projects.finance.reverse')}
                </Button>
              ) : null,
          },
        ] satisfies ColumnDef<Transfer>[])
      : []),
  ];
  return (
    <>
      <RowCount shown={transfers.length} hasMore={false} />
      <ListTable
        listId="project-transfers"
        cards
        columnChoice={false}
        label={t('projects.finance.transfers')}
        columns={columns}
        data={transfers}
        getRowId={(transfer) => transfer.id}
        clientSort={{ id: 'date', descending: false }}
        minWidth={640}
        rowProps={(transfer) => ({
          'data-testid': `entry-${transfer.id}`,
          'data-reversed': transfer.reversedById ? 'true' : undefined,
        })}
      />
      {reversing ? <ReversalForm entry={reversing} onDone={() => setReversing(null)} /> : null}
    </>
  );
}

const ENTRY_TONES: Record<Transfer['kind'], string> = {
  transfer: 'unBlue',
  refund: 'teal',
  reversal: 'orange',
};

/** The project's money (libs/domain's projectMoney) from the entries the API lists. */
function moneyOf(project: Project, transfers: Transfer[]): ProjectMoney {
  const entries: MoneyEntry[] = transfers.map((transfer) => ({
    id: transfer.id,
    projectId: transfer.projectId,
    organizationId: transfer.organizationId,
    kind: transfer.kind,
    amount: transfer.amountUsd,
    on: transfer.transferredOn,
    reverses: transfer.reversesId,
  }));
  return projectMoney(
    {
      id: project.id,
      stage: project.stage,
      approvedBudget: project.approvedBudget,
      approvedOn: null,
      startDate: project.startDate,
      completedOn: null,
      endDate: project.endDate,
    },
    entries,
  );
}

function hasTransfers(money: ProjectMoney): boolean {
  return Object.values(money.organizations).some((o) => compareMoney(o.transferred, o.refunded) > 0);
}

function ReversalForm({ entry, onDone }: { entry: Transfer; onDone: () => void }) {
  const { t } = useTranslation();
  const reverse = useReverseTransfer(entry.projectId);
  const problemText = useProblemText();
  const [transferredOn, setTransferredOn] = useState(new Date().toISOString().slice(0, 10));
  const [reason, setReason] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const serverErrors = fieldErrorsOf(reverse.error);
  return (
    <Paper mt="md" radius="md" p="md" bg="gray.0" component="section" aria-labelledby="reversal-heading">
      <Title order={3} fz="sm" id="reversal-heading" mb="xs">
        {t('projects.finance.reverseTitle', {
          kind: t(`projects.finance.kinds.${entry.kind}`).toLowerCase(),
        })}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('projects.finance.reverseHint')}
      </Text>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          setSubmitted(true);
          if (!reason.trim() || !transferredOn) return;
          reverse.mutate({ id: entry.id, transferredOn, reason: reason.trim() }, { onSuccess: onDone });
        }}
      >
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <DateField
            label={t('projects.finance.date')}
            required
            value={transferredOn}
            onChange={setTransferredOn}
            error={serverErrors['transferredOn']}
          />
          <TextInput
            label={t('projects.finance.reason')}
            required
            value={reason}
            maxLength={2000}
            onChange={(event) => setReason(event.currentTarget.value)}
            error={submitted && !reason.trim() ? t('projects.form.errors.required') : serverErrors['reason']}
          />
        </SimpleGrid>
        <Group mt="md" gap="sm">
          <Button type="submit" color="orange" loading={reverse.isPending}>
            {t('projects.finance.recordReversal')}
          </Button>
          <Button variant="default" onClick={onDone}>
            {t('projects.actions.cancel')}
          </Button>
        </Group>
        {reverse.isError && Object.keys(serverErrors).length === 0 ? (
          <Alert color="red" variant="light" mt="sm" role="alert" styles={ALERT_STYLES}>
            {problemText(reverse.error)}
          </Alert>
        ) : null}
      </form>
    </Paper>
  );
}

interface TransferFormProps {
  project: Project;
  remaining: string;
  money: ProjectMoney;
  kind?: 'transfer' | 'refund';
}

/** What the organization may still receive (its part of the approved budget), or return (a refund). */
function limitFor(
  project: Project,
  money: ProjectMoney,
  organizationId: string,
  kind: 'transfer' | 'refund',
): string {
  const organization = money.organizations[organizationId] ?? { transferred: '0.00', refunded: '0.00' };
  if (kind === 'refund') return subtractMoney(organization.transferred, organization.refunded);
  if (project.approvedBudget === null) return '0.00';
  const caps = organizationCaps(
    project.approvedBudget,
    project.organizations.map((o) => ({ organizationId: o.organizationId, budgetShare: o.budgetShare })),
  );
  const left = subtractMoney(caps[organizationId] ?? '0.00', organization.transferred);
  const total = subtractMoney(project.approvedBudget, money.transferred);
  const least = compareMoney(left, total) < 0 ? left : total;
  return compareMoney(least, '0') < 0 ? '0.00' : least;
}

function TransferForm({ project, remaining, money, kind = 'transfer' }: TransferFormProps) {
  const { t } = useTranslation();
  const format = useProjectFormat();
  const create = useCreateTransfer(project.id);
  const problemText = useProblemText();
  const [organizationId, setOrganizationId] = useState(project.leadOrganizationId ?? '');
  const [amount, setAmount] = useState('');
  const [transferredOn, setTransferredOn] = useState(new Date().toISOString().slice(0, 10));
  const [reference, setReference] = useState('');
  const [override, setOverride] = useState('');
  const [plannedTrancheId, setPlannedTrancheId] = useState('');
  const tranches = useTranches(project.id);
  // A transfer releases a tranche planned for the same organization that is not yet released.
  const open = (tranches.data ?? []).filter(
    (tranche) => tranche.status !== 'released' && tranche.organizationId === organizationId,
  );
  const [requiresReportId, setRequiresReportId] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const limit = organizationId ? limitFor(project, money, organizationId, kind) : remaining;
  const [done, setDone] = useState(false);
  const serverErrors = fieldErrorsOf(create.error);
  // The field holds the plain decimal that lib/amount read from what was typed.
  const normalized = amount.trim();
  const parsed = normalized ? parseMoney(normalized) : null;
  const amountError = !normalized
    ? submitted
      ? t('projects.form.errors.required')
      : undefined
    : !parsed?.ok
      ? t('projects.form.errors.amount')
      : compareMoney(parsed.amount, '0') <= 0
        ? t('projects.form.errors.positive')
        : compareMoney(parsed.amount, limit) > 0
          ? t(kind === 'refund' ? 'projects.finance.overRefundable' : 'projects.finance.overShare', {
              remaining: format.money(limit),
            })
          : undefined;
  const refusedCode =
    create.error instanceof ApiError ? (create.error.problem as { code?: string } | null)?.code : null;
  const refusedCountries =
    refusedCode === 'transfer_without_paragraph_6'
      ? (((create.error as ApiError).problem as { facts?: { countries?: string[] } }).facts?.countries ?? [])
      : [];
  const heading = kind === 'refund' ? 'refund-form-heading' : 'transfer-form-heading';

  return (
    <Paper mt="lg" radius="md" p="md" bg="gray.0" component="section" aria-labelledby={heading}>
      <Group gap={8} mb="sm">
        <IconCash size={18} aria-hidden="true" />
        <Title order={3} fz="sm" id={heading}>
          {t(kind === 'refund' ? 'projects.finance.newRefund' : 'projects.finance.newTransfer')}
        </Title>
        {kind === 'transfer' ? (
          <Text size="sm" c="dimmed">
            {t('projects.finance.remainingHint', { remaining: format.money(remaining) })}
          </Text>
        ) : null}
      </Group>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          setSubmitted(true);
          setDone(false);
          if (!organizationId || amountError || !parsed?.ok || !transferredOn) return;
          create.mutate(
            {
              kind,
              organizationId,
              amountUsd: parsed.amount,
              transferredOn,
              reference: reference.trim() || null,
              ...(kind === 'transfer' && override.trim() ? { overrideJustification: override.trim() } : {}),
              ...(kind === 'transfer' && plannedTrancheId ? { plannedTrancheId } : {}),
              ...(kind === 'transfer' && requiresReportId ? { requiresReportId } : {}),
            },
            {
              onSuccess: () => {
                setAmount('');
                setReference('');
                setOverride('');
                setPlannedTrancheId('');
                setRequiresReportId('');
                setSubmitted(false);
                setDone(true);
              },
            },
          );
        }}
      >
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="md">
          <NativeSelect
            label={t('projects.finance.organization')}
            required
            value={organizationId}
            onChange={(event) => {
              setOrganizationId(event.currentTarget.value);
              setPlannedTrancheId('');
            }}
            error={
              submitted && !organizationId
                ? t('projects.form.errors.required')
                : serverErrors['organizationId']
            }
          >
            <option value="">{t('projects.form.chooseOrganization')}</option>
            {project.organizations.map((organization) => (
              <option key={organization.organizationId} value={organization.organizationId}>
                {organization.acronym ?? organization.name}
              </option>
            ))}
          </NativeSelect>
          <MoneyInput
            label={t('projects.finance.amountUsd')}
            required
            currencySign={null}
            value={amount}
            onChange={setAmount}
            error={amountError ?? serverErrors['amountUsd']}
          />
          <DateField
            label={t('projects.finance.date')}
            required
            value={transferredOn}
            onChange={setTransferredOn}
            error={
              submitted && !transferredOn ? t('projects.form.errors.required') : serverErrors['transferredOn']
            }
          />
          <TextInput
            label={t('projects.finance.reference')}
            value={reference}
            maxLength={200}
            onChange={(event) => setReference(event.currentTarget.value)}
            error={serverErrors['reference']}
          />
        </SimpleGrid>
        {kind === 'transfer' && open.length > 0 ? (
          <NativeSelect
            mt="md"
            label={t('tranches.transferAgainst')}
            value={plannedTrancheId}
            onChange={(event) => {
              const id = event.currentTarget.value;
              setPlannedTrancheId(id);
              const chosen = open.find((tranche) => tranche.id === id);
              if (chosen && !amount.trim()) setAmount(chosen.amountUsd);
            }}
            error={serverErrors['plannedTrancheId']}
          >
            <option value="">{t('tranches.noPlannedTranche')}</option>
            {open.map((tranche) => (
              <option key={tranche.id} value={tranche.id}>
                {t('tranches.plannedOption', {
                  date: format.date(tranche.plannedOn),
                  amount: format.money(tranche.amountUsd),
                })}
              </option>
            ))}
          </NativeSelect>
        ) : null}
        {kind === 'transfer' ? (
          <RequiredReportSelect
            projectId={project.id}
            value={requiresReportId}
            onChange={setRequiresReportId}
            error={serverErrors['requiresReportId']}
          />
        ) : null}
        {kind === 'transfer' && (refusedCountries.length > 0 || override) ? (
          <TextInput
            mt="md"
            label={t('projects.finance.override')}
            description={t('projects.finance.overrideHint')}
            value={override}
            maxLength={2000}
            onChange={(event) => setOverride(event.currentTarget.value)}
            error={serverErrors['overrideJustification']}
          />
        ) : null}
        <Group mt="md" gap="sm">
          <Button type="submit" loading={create.isPending}>
            {t(kind === 'refund' ? 'projects.finance.recordRefund' : 'projects.finance.record')}
          </Button>
          {done ? (
            <Text size="sm" c={OK_TEXT} role="status">
              {t('projects.finance.recorded')}
            </Text>
          ) : null}
        </Group>
        {create.isError && Object.keys(serverErrors).length === 0 ? (
          <Alert color="red" variant="light" mt="sm" role="alert" styles={ALERT_STYLES}>
            {refusedCountries.length
              ? t('projects.finance.paragraph6Refused', {
                  countries: format.list(refusedCountries.map((iso3) => format.country(iso3))),
                })
              : problemText(create.error)}
          </Alert>
        ) : null}
      </form>
    </Paper>
  );
}
