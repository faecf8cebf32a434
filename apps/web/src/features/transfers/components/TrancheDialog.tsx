import { Modal, NativeSelect, SimpleGrid, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import {
  compareMoney,
  organizationCaps,
  parseMoney,
  subtractMoney,
  sumMoney,
  tranchePlanProblem,
} from '@hstf/domain';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../../components/DateField';
import { FormModalFooter } from '../../../components/FormModalFooter';
import { MoneyInput } from '../../../components/MoneyInput';
import { staleAlertFor } from '../../../components/stale-alert';
import { useStaleMerge } from '../../../lib/form';
import { notifySaved } from '../../../lib/notify';
import { fieldErrorsOf } from '../../../lib/problem-members';
import { useProjectFormat } from '../../../lib/project-format';
import { useProblemText } from '../../../lib/use-problem-text';
import type { Project } from '../../projects';
import { type PlannedTranche, useReportChoices, useSaveTranche, useTranches } from '../api/tranches';

interface TrancheValues {
  organizationId: string;
  plannedOn: string;
  amount: string;
  condition: string;
  requiresReportId: string;
}

function valuesOf(tranche: PlannedTranche | null, project: Project): TrancheValues {
  return {
    organizationId: tranche?.organizationId ?? project.leadOrganizationId ?? '',
    plannedOn: tranche?.plannedOn ?? '',
    amount: tranche?.amountUsd ?? '',
    condition: tranche?.condition ?? '',
    requiresReportId: tranche?.requiresReportId ?? '',
  };
}

const FIELD_LABEL = {
  organizationId: 'tranches.form.organization',
  plannedOn: 'tranches.form.plannedOn',
  amount: 'tranches.form.amount',
  condition: 'tranches.form.condition',
  requiresReportId: 'tranches.form.report',
} as const;

interface TrancheDialogProps {
  project: Project;
  tranche: PlannedTranche | null;
  onClose: () => void;
}

/**
 * A planned tranche: for whom, when, how much, on what condition. The organization's planned total is
 * checked live by the rule the API applies (libs/domain's tranchePlanProblem).
 */
export function TrancheDialog({ project, tranche, onClose }: TrancheDialogProps) {
  const { t } = useTranslation();
  const format = useProjectFormat();
  const tranches = useTranches(project.id);
  const reports = useReportChoices(project.id, true);
  const save = useSaveTranche(project.id);
  const problemText = useProblemText();
  const form = useForm<TrancheValues>({
    initialValues: valuesOf(tranche, project),
    validate: {
      organizationId: (value) => (value ? null : t('tranches.form.required')),
      plannedOn: (value) => (value ? null : t('tranches.form.required')),
      condition: (value) => (value.trim() ? null : t('tranches.form.required')),
      amount: (value) => amountError(value),
    },
  });
  const values = form.getValues();
  const stale = useStaleMerge(form, tranche, (source) => valuesOf(source, project));
  const serverErrors = fieldErrorsOf(save.error);
  const others = (tranches.data ?? []).filter((item) => item.id !== tranche?.id);
  const shares = project.organizations.map((o) => ({
    organizationId: o.organizationId,
    budgetShare: o.budgetShare,
  }));
  const remaining = (() => {
    if (!project.approvedBudget || !values.organizationId) return null;
    const share = organizationCaps(project.approvedBudget, shares)[values.organizationId] ?? '0.00';
    const planned = sumMoney(
      others.filter((item) => item.organizationId === values.organizationId).map((item) => item.amountUsd),
    );
    const left = subtractMoney(share, planned);
    return compareMoney(left, '0') < 0 ? '0.00' : left;
  })();

  function amountError(value: string): string | null {
    const parsed = value.trim() ? parseMoney(value.trim()) : null;
    if (!parsed) return t('tranches.form.required');
    if (!parsed.ok || compareMoney(parsed.amount, '0') <= 0) return t('tranches.form.amountInvalid');
    const current = form.getValues();
    const problem = tranchePlanProblem({
      stage: project.stage,
      approvedBudget: project.approvedBudget,
      shares,
      others: others.map((item) => ({ organizationId: item.organizationId, amount: item.amountUsd })),
      organizationId: current.organizationId,
      amount: parsed.amount,
    });
    return problem?.code === 'tranche_exceeds_organization_share'
      ? t('tranches.form.overShare', { remaining: format.money(problem.facts.remaining) })
      : null;
  }

  const reportLabel = (report: {
    kind: 'progress' | 'final_narrative' | 'final_financial';
    sequence: number;
  }) =>
    report.kind === 'progress'
      ? t('reports.kinds.progressYear', { year: report.sequence })
      : t(`reports.kinds.${report.kind}`);

  const submit = (next: TrancheValues) => {
    const parsed = parseMoney(next.amount.trim());
    if (!parsed.ok) return;
    const body = {
      organizationId: next.organizationId,
      plannedOn: next.plannedOn,
      amountUsd: parsed.amount,
      condition: next.condition.trim(),
      requiresReportId: next.requiresReportId || null,
    };
    const onSuccess = () => {
      notifySaved(t('tranches.form.saved'));
      onClose();
    };
    const base = stale.base;
    if (!tranche || !base) {
      save.mutate(body, { onSuccess });
      return;
    }
    stale.clear();
    save.mutate(
      { ...body, id: tranche.id, version: base.version },
      {
        onSuccess,
        onError: (error) =>
          void stale.refused(error, () =>
            tranches.refetch().then(({ data }) => data?.find((item) => item.id === tranche.id)),
          ),
      },
    );
  };

  return (
    <Modal
      opened
      onClose={onClose}
      size="lg"
      closeButtonProps={{ 'aria-label': t('tranches.form.cancel') }}
      title={<Text fw={700}>{tranche ? t('tranches.form.editTitle') : t('tranches.form.createTitle')}</Text>}
    >
      <form noValidate onSubmit={form.onSubmit(submit)} aria-label={t('tranches.form.label')}>
        <Stack gap="md">
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <NativeSelect
              label={t('tranches.form.organization')}
              required
              value={values.organizationId}
              onChange={(event) => form.setFieldValue('organizationId', event.currentTarget.value)}
              error={form.errors['organizationId'] ?? serverErrors['organizationId']}
            >
              <option value="">{t('tranches.form.chooseOrganization')}</option>
              {project.organizations.map((organization) => (
                <option key={organization.organizationId} value={organization.organizationId}>
                  {organization.acronym ?? organization.name}
                </option>
              ))}
            </NativeSelect>
            <DateField
              label={t('tranches.form.plannedOn')}
              required
              value={values.plannedOn}
              onChange={(value) => form.setFieldValue('plannedOn', value)}
              error={form.errors['plannedOn'] ?? serverErrors['plannedOn']}
            />
          </SimpleGrid>
          <MoneyInput
            label={t('tranches.form.amount')}
            description={
              remaining === null
                ? undefined
                : t('tranches.form.amountHint', { remaining: format.money(remaining) })
            }
            required
            currencySign={null}
            value={values.amount}
            onChange={(amount) => form.setFieldValue('amount', amount)}
            error={form.errors['amount'] ?? serverErrors['amountUsd']}
          />
          <Textarea
            dir="auto"
            label={t('tranches.form.condition')}
            description={t('tranches.form.conditionHint')}
            required
            autosize
            minRows={2}
            maxLength={2000}
            value={values.condition}
            onChange={(event) => form.setFieldValue('condition', event.currentTarget.value)}
            error={form.errors['condition'] ?? serverErrors['condition']}
          />
          <NativeSelect
            label={t('tranches.form.report')}
            value={values.requiresReportId}
            onChange={(event) => form.setFieldValue('requiresReportId', event.currentTarget.value)}
            error={serverErrors['requiresReportId']}
          >
            <option value="">{t('tranches.form.noReport')}</option>
            {(reports.data ?? []).map((report) => (
              <option key={report.id} value={report.id}>
                {`${reportLabel(report)} · ${format.date(report.dueOn)}`}
              </option>
            ))}
          </NativeSelect>
          <FormModalFooter
            staleAlert={staleAlertFor(
              stale,
              save,
              (field) => t('stale.change', { field: t(FIELD_LABEL[field]) }),
              { title: t('tranches.form.staleTitle'), noChanges: t('stale.noChanges') },
            )}
            failure={
              save.isError && Object.keys(serverErrors).length === 0
                ? { title: t('tranches.form.refused'), message: problemText(save.error) }
                : null
            }
            onCancel={onClose}
            cancelLabel={t('tranches.form.cancel')}
            submitLabel={t('tranches.form.save')}
            submitting={save.isPending}
          />
        </Stack>
      </form>
    </Modal>
  );
}
