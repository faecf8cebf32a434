import { Modal, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { HUMAN_SECURITY_DIMENSIONS, usdAmountFor } from '@hstf/domain';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../../components/DateField';
import { FormModalFooter } from '../../../components/FormModalFooter';
import { MoneyInput } from '../../../components/MoneyInput';
import { readAmount } from '../../../lib/amount';
import { showServerErrors } from '../../../lib/form';
import { useIntl } from '../../../lib/intl';
import { notifySaved } from '../../../lib/notify';
import { ApiError } from '../../../lib/problem';
import { useProblemText } from '../lib/problem-text';
import { type EarmarkKind, type PledgeStatement, useRecordReceipt } from '../api/receipts';

const EARMARK_KINDS: EarmarkKind[] = ['none', 'window', 'dimension', 'country', 'project'];
const RATE = /^\d{1,10}(\.\d{1,8})?$/;

interface Values {
  receivedOn: string;
  amount: string;
  exchangeRate: string;
  earmarkKind: EarmarkKind;
  earmarkTarget: string;
}

interface RecordReceiptModalProps {
  opened: boolean;
  onClose: () => void;
  statement: PledgeStatement;
}

/** Money received against a pledge: its date, amount in the pledge's currency, rate and earmark. */
export function RecordReceiptModal({ opened, onClose, statement }: RecordReceiptModalProps) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t('receipts.record.title')}
      size="lg"
      centered
      closeButtonProps={{ 'aria-label': t('receipts.record.cancel') }}
    >
      {opened ? <RecordReceiptForm statement={statement} onDone={onClose} /> : null}
    </Modal>
  );
}

function RecordReceiptForm({ statement, onDone }: { statement: PledgeStatement; onDone: () => void }) {
  const { t } = useTranslation();
  const { money, locale } = useIntl();
  const record = useRecordReceipt(statement.contributionId);
  const problemText = useProblemText();
  const form = useForm<Values>({
    initialValues: {
      receivedOn: new Date().toISOString().slice(0, 10),
      amount: statement.outstanding,
      exchangeRate: statement.pledgeRate.replace(/\.?0+$/, ''),
      earmarkKind: 'none',
      earmarkTarget: '',
    },
    validate: {
      receivedOn: (value) => (value ? null : t('receipts.record.dateRequired')),
      amount: (value) => (readAmount(value, locale).ok ? null : t('receipts.record.amountInvalid')),
      exchangeRate: (value) =>
        RATE.test(value) && Number(value) > 0 ? null : t('receipts.record.rateInvalid'),
      earmarkTarget: (value, values) =>
        values.earmarkKind !== 'none' && !value.trim() ? t('receipts.record.targetRequired') : null,
    },
  });
  const values = form.getValues();
  const amount = readAmount(values.amount, locale);
  const usd =
    amount.ok && RATE.test(values.exchangeRate) ? usdAmountFor(amount.amount, values.exchangeRate) : null;
  const refusal =
    record.error instanceof ApiError && record.error.status === 422 ? record.error.problem : null;

  const submit = form.onSubmit(async (v) => {
    try {
      const read = readAmount(v.amount, locale);
      await record.mutateAsync({
        receivedOn: v.receivedOn,
        amount: read.ok ? read.amount : v.amount,
        exchangeRate: v.exchangeRate,
        earmarkKind: v.earmarkKind,
        earmarkTarget: v.earmarkKind === 'none' ? null : v.earmarkTarget.trim(),
      });
      notifySaved(t('receipts.record.saved'));
      onDone();
    } catch (error) {
      showServerErrors(form, error);
    }
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          {t('receipts.record.outstanding', { amount: money(statement.outstanding, statement.currency) })}
        </Text>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <DateField
            label={t('receipts.record.receivedOn')}
            required
            value={values.receivedOn}
            onChange={(value) => form.setFieldValue('receivedOn', value)}
            error={form.errors.receivedOn}
          />
          <MoneyInput
            label={t('receipts.record.amount', { currency: statement.currency })}
            currencySign={statement.currency}
            required
            value={values.amount}
            onChange={(value) => form.setFieldValue('amount', value)}
            error={form.errors.amount}
          />
          <TextInput
            label={t('receipts.record.rate')}
            description={t('receipts.record.rateHint')}
            dir="ltr"
            inputMode="decimal"
            required
            {...form.getInputProps('exchangeRate')}
          />
          <Stack gap={2} justify="flex-end">
            <Text size="sm" fw={600}>
              {t('receipts.record.usd')}
            </Text>
            <Text size="lg" fw={700} role="status" aria-live="polite" dir="ltr">
              {usd ? money(usd, 'USD') : '—'}
            </Text>
          </Stack>
          <Select
            label={t('receipts.record.earmark')}
            data={EARMARK_KINDS.map((kind) => ({ value: kind, label: t(`receipts.earmark.${kind}`) }))}
            allowDeselect={false}
            {...form.getInputProps('earmarkKind')}
          />
          {values.earmarkKind === 'window' || values.earmarkKind === 'dimension' ? (
            <Select
              label={t('receipts.record.target')}
              data={
                values.earmarkKind === 'window'
                  ? ['I', 'II'].map((w) => ({ value: w, label: t('receipts.window', { window: w }) }))
                  : HUMAN_SECURITY_DIMENSIONS.map((d) => ({ value: d, label: d }))
              }
              {...form.getInputProps('earmarkTarget')}
            />
          ) : values.earmarkKind !== 'none' ? (
            <TextInput
              label={t('receipts.record.target')}
              description={t(`receipts.record.targetHint.${values.earmarkKind}`)}
              dir="ltr"
              {...form.getInputProps('earmarkTarget')}
            />
          ) : null}
        </SimpleGrid>
        <FormModalFooter
          failure={
            refusal
              ? { title: t('receipts.record.refused'), message: problemText(refusal) }
              : record.isError && !Object.keys(form.errors).length
                ? { title: t('receipts.record.refused'), message: t('receipts.record.tryAgain') }
                : null
          }
          onCancel={onDone}
          cancelLabel={t('receipts.record.cancel')}
          submitLabel={t('receipts.record.submit')}
          submitting={record.isPending}
        />
      </Stack>
    </form>
  );
}
