import { Alert, Button, Group, Modal, SimpleGrid, Stack, Text, Textarea, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../../components/DateField';
import { FormModalFooter } from '../../../components/FormModalFooter';
import { showServerErrors } from '../../../lib/form';
import { useIntl } from '../../../lib/intl';
import { notifySaved } from '../../../lib/notify';
import { ApiError } from '../../../lib/problem';
import { type Receipt, usePledgeStatement, useReverseReceipt } from '../api/receipts';
import { useProblemText } from '../lib/problem-text';
import { ReceiptsTable } from './ReceiptsTable';
import { RecordReceiptModal } from './RecordReceiptModal';

interface ReceiptsPanelProps {
  contributionId: string;
  canEdit: boolean;
}

/**
 * The money received against a pledge: each receipt at its own rate with its exchange gain or loss
 * against the pledge's rate, the reversals that corrected any, what is still outstanding, and (for
 * staff) "Record receipt" and "Reverse".
 */
export function ReceiptsPanel({ contributionId, canEdit }: ReceiptsPanelProps) {
  const { t } = useTranslation();
  const { money } = useIntl();
  const query = usePledgeStatement(contributionId);
  const [recording, setRecording] = useState(false);
  const [reversing, setReversing] = useState<Receipt | null>(null);
  const statement = query.data;
  if (query.isError) return <Alert color="red">{t('receipts.loadFailed')}</Alert>;
  if (!statement) return <Text c="dimmed">{t('receipts.loading')}</Text>;
  const difference = Number(statement.exchangeDifference);
  return (
    <Stack gap="sm" component="section" aria-labelledby={`receipts-${contributionId}`}>
      <Group justify="space-between">
        <Title order={3} size="h4" id={`receipts-${contributionId}`}>
          {t('receipts.title')}
        </Title>
        {canEdit && statement.outstanding !== '0.00' ? (
          <Button
            size="compact-sm"
            leftSection={<IconPlus size={16} aria-hidden="true" />}
            onClick={() => setRecording(true)}
          >
            {t('receipts.recordButton')}
          </Button>
        ) : null}
      </Group>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <Figure
          label={t('receipts.received')}
          value={money(statement.receivedAmount, statement.currency)}
          note={money(statement.receivedUsd)}
        />
        <Figure
          label={t('receipts.outstanding')}
          value={money(statement.outstanding, statement.currency)}
          note={t('receipts.atPledgeRate', { amount: money(statement.outstandingUsd) })}
        />
        <Figure
          label={difference >= 0 ? t('receipts.gain') : t('receipts.loss')}
          value={money(statement.exchangeDifference)}
          note={t('receipts.differenceHint')}
        />
      </SimpleGrid>
      {statement.items.length === 0 ? (
        <Text c="dimmed" size="sm">
          {t('receipts.none')}
        </Text>
      ) : (
        <ReceiptsTable
          texts="receipts"
          items={statement.items}
          onReverse={canEdit ? setReversing : undefined}
          count={{ shown: statement.items.length, hasMore: false }}
        />
      )}
      <RecordReceiptModal opened={recording} onClose={() => setRecording(false)} statement={statement} />
      <ReverseReceiptModal
        contributionId={contributionId}
        receipt={reversing}
        onClose={() => setReversing(null)}
      />
    </Stack>
  );
}

function Figure({ label, value, note }: { label: string; value: string; note: string }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={700} style={{ fontVariantNumeric: 'tabular-nums' }}>
        {value}
      </Text>
      <Text size="xs" c="dimmed">
        {note}
      </Text>
    </Stack>
  );
}

function ReverseReceiptModal({
  contributionId,
  receipt,
  onClose,
}: {
  contributionId: string;
  receipt: Receipt | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={receipt !== null}
      onClose={onClose}
      title={t('receipts.reverseTitle')}
      centered
      closeButtonProps={{ 'aria-label': t('receipts.record.cancel') }}
    >
      {receipt ? (
        <ReverseReceiptForm contributionId={contributionId} receipt={receipt} onDone={onClose} />
      ) : null}
    </Modal>
  );
}

function ReverseReceiptForm({
  contributionId,
  receipt,
  onDone,
}: {
  contributionId: string;
  receipt: Receipt;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const { money } = useIntl();
  const reverse = useReverseReceipt(contributionId);
  const problemText = useProblemText();
  const form = useForm({
    initialValues: { reversedOn: new Date().toISOString().slice(0, 10), reason: '' },
    validate: {
      reversedOn: (value: string) => (value ? null : t('receipts.record.dateRequired')),
      reason: (value: string) => (value.trim() ? null : t('receipts.reasonRequired')),
    },
  });
  const refusal =
    reverse.error instanceof ApiError && reverse.error.status === 422 ? reverse.error.problem : null;
  const submit = form.onSubmit(async (v) => {
    try {
      await reverse.mutateAsync({ receiptId: receipt.id, reversedOn: v.reversedOn, reason: v.reason.trim() });
      notifySaved(t('receipts.reversedSaved'));
      onDone();
    } catch (error) {
      showServerErrors(form, error);
    }
  });
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <Text size="sm">
          {t('receipts.reverseExplain', { amount: money(receipt.amount, receipt.currency) })}
        </Text>
        <DateField
          label={t('receipts.reversedOn')}
          required
          value={form.getValues().reversedOn}
          onChange={(value) => form.setFieldValue('reversedOn', value)}
          error={form.errors.reversedOn}
        />
        <Textarea
          label={t('receipts.reason')}
          required
          autosize
          minRows={2}
          {...form.getInputProps('reason')}
        />
        <FormModalFooter
          failure={refusal ? { title: t('receipts.reverseRefused'), message: problemText(refusal) } : null}
          onCancel={onDone}
          cancelLabel={t('receipts.record.cancel')}
          submitLabel={t('receipts.reverse')}
          submitColor="red"
          submitting={reverse.isPending}
        />
      </Stack>
    </form>
  );
}
