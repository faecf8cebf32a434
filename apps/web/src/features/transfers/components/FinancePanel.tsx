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
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { compareMoney, parseMoney, subtractMoney, sumMoney } from '@hstf/domain';
import { IconCash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorResult } from '../../../components/QueryStates';
import { useCreateTransfer, useTransfers } from '../api/transfers';
import type { Project, Transfer } from '../../projects';
import { useProjectFormat } from '../../../lib/project-format';
import { fieldErrorsOf } from '../../../lib/problem-members';
import { MoneyInput } from '../../../components/MoneyInput';
import { ALERT_STYLES, OK_TEXT } from '../../../lib/colors';
import { useProblemText } from '../../../lib/use-problem-text';

interface FinancePanelProps {
  project: Project;
  canEdit: boolean;
}

const FUNDABLE = new Set(['approved', 'active', 'completed']);

/** The budget, who shares it, and the money that has left the Fund for the project. */
export function FinancePanel({ project, canEdit }: FinancePanelProps) {
  const { t } = useTranslation();
  const format = useProjectFormat();
  const transfers = useTransfers(project.id);
  const transferred = transfers.data ? sumMoney(transfers.data.map((item) => item.amountUsd)) : null;
  const remaining =
    project.approvedBudget !== null && transferred !== null
      ? subtractMoney(project.approvedBudget, transferred)
      : null;
  const percent = new Intl.NumberFormat(format.locale, { style: 'percent', maximumFractionDigits: 1 });
  const share = (amount: string) =>
    Number(project.requestedBudget) > 0 ? (Number(amount) / Number(project.requestedBudget)) * 100 : 0;

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
          label={t('projects.finance.remaining')}
          value={remaining === null ? '—' : format.money(remaining)}
        />
      </SimpleGrid>
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
          <Table.ScrollContainer minWidth={520}>
            <Table>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('projects.finance.organization')}</Table.Th>
                  <Table.Th scope="col">{t('projects.finance.role')}</Table.Th>
                  <Table.Th scope="col" style={{ textAlign: 'end' }}>
                    {t('projects.fields.budgetShare')}
                  </Table.Th>
                  <Table.Th scope="col" style={{ textAlign: 'end' }}>
                    {t('projects.finance.shareOfBudget')}
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {project.organizations.map((organization) => (
                  <Table.Tr key={organization.organizationId}>
                    <Table.Th scope="row" fw={500}>
                      {organization.name}
                      {organization.acronym ? (
                        <Text span c="dimmed" size="sm">
                          {` (${organization.acronym})`}
                        </Text>
                      ) : null}
                    </Table.Th>
                    <Table.Td>
                      {organization.lead ? (
                        <Badge variant="light" color="unBlue" c="unBlue.9" tt="none" radius="sm">
                          {t('projects.finance.lead')}
                        </Badge>
                      ) : (
                        <Text size="sm">{t('projects.finance.participant')}</Text>
                      )}
                    </Table.Td>
                    <Table.Td style={{ textAlign: 'end', fontVariantNumeric: 'tabular-nums' }}>
                      {format.money(organization.budgetShare)}
                    </Table.Td>
                    <Table.Td style={{ textAlign: 'end' }}>
                      {percent.format(share(organization.budgetShare) / 100)}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Paper>

      <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="transfers-heading">
        <Title order={2} fz="lg" id="transfers-heading" mb="sm">
          {t('projects.finance.transfers')}
        </Title>
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
          <TransfersTable transfers={transfers.data} />
        )}
        {canEdit && FUNDABLE.has(project.stage) && remaining !== null ? (
          <TransferForm project={project} remaining={remaining} />
        ) : canEdit && !FUNDABLE.has(project.stage) ? (
          <Text size="sm" c="dimmed" mt="md">
            {t('projects.finance.notFundable', { stage: t(`projects.stages.${project.stage}`) })}
          </Text>
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

function TransfersTable({ transfers }: { transfers: Transfer[] }) {
  const { t } = useTranslation();
  const format = useProjectFormat();
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('projects.finance.tranche')}</Table.Th>
            <Table.Th scope="col">{t('projects.finance.date')}</Table.Th>
            <Table.Th scope="col">{t('projects.finance.organization')}</Table.Th>
            <Table.Th scope="col">{t('projects.finance.reference')}</Table.Th>
            <Table.Th scope="col" style={{ textAlign: 'end' }}>
              {t('projects.finance.amount')}
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {transfers.map((transfer) => (
            <Table.Tr key={transfer.id}>
              <Table.Td>{format.number(transfer.tranche)}</Table.Td>
              <Table.Td>{format.date(transfer.transferredOn)}</Table.Td>
              <Table.Td>{transfer.organizationName}</Table.Td>
              <Table.Td>
                <Text size="sm" dir="ltr" span>
                  {transfer.reference ?? '—'}
                </Text>
              </Table.Td>
              <Table.Td style={{ textAlign: 'end', fontVariantNumeric: 'tabular-nums' }}>
                {format.money(transfer.amountUsd)}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function TransferForm({ project, remaining }: { project: Project; remaining: string }) {
  const { t } = useTranslation();
  const format = useProjectFormat();
  const create = useCreateTransfer(project.id);
  const problemText = useProblemText();
  const [organizationId, setOrganizationId] = useState(project.leadOrganizationId ?? '');
  const [amount, setAmount] = useState('');
  const [transferredOn, setTransferredOn] = useState(new Date().toISOString().slice(0, 10));
  const [reference, setReference] = useState('');
  const [submitted, setSubmitted] = useState(false);
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
        : compareMoney(parsed.amount, remaining) > 0
          ? t('projects.finance.overRemaining', { remaining: format.money(remaining) })
          : undefined;

  return (
    <Paper mt="lg" radius="md" p="md" bg="gray.0" component="section" aria-labelledby="transfer-form-heading">
      <Group gap={8} mb="sm">
        <IconCash size={18} aria-hidden="true" />
        <Title order={3} fz="sm" id="transfer-form-heading">
          {t('projects.finance.newTransfer')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('projects.finance.remainingHint', { remaining: format.money(remaining) })}
        </Text>
      </Group>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          setSubmitted(true);
          setDone(false);
          if (!organizationId || amountError || !parsed?.ok || !transferredOn) return;
          create.mutate(
            { organizationId, amountUsd: parsed.amount, transferredOn, reference: reference.trim() || null },
            {
              onSuccess: () => {
                setAmount('');
                setReference('');
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
            onChange={(event) => setOrganizationId(event.currentTarget.value)}
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
          <TextInput
            type="date"
            label={t('projects.finance.date')}
            required
            value={transferredOn}
            onChange={(event) => setTransferredOn(event.currentTarget.value)}
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
        <Group mt="md" gap="sm">
          <Button type="submit" loading={create.isPending}>
            {t('projects.finance.record')}
          </Button>
          {done ? (
            <Text size="sm" c={OK_TEXT} role="status">
              {t('projects.finance.recorded')}
            </Text>
          ) : null}
        </Group>
        {create.isError && Object.keys(serverErrors).length === 0 ? (
          <Alert color="red" variant="light" mt="sm" role="alert" styles={ALERT_STYLES}>
            {problemText(create.error)}
          </Alert>
        ) : null}
      </form>
    </Paper>
  );
}
