import {
  Box,
  Group,
  NativeSelect,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { IconEqual } from '@tabler/icons-react';
import { useForm } from '@mantine/form';
import { parseMoney } from '@hstf/domain';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../../components/DateField';
import { FormModal, ModalForm } from '../../../components/FormModal';
import { MoneyInput } from '../../../components/MoneyInput';
import { plainDecimal } from '../../../lib/amount';
import { showServerErrors } from '../../../lib/form';
import { useIntl } from '../../../lib/intl';
import { useFormModal } from '../../../lib/use-form-modal';
import {
  contributionQueryOptions,
  type Contribution,
  type ContributionStatus,
} from '../api/get-contributions';
import {
  useCreateContribution,
  useUpdateContribution,
  type UpdateContributionInput,
} from '../api/save-contribution';
import { ReceiptsPanel } from '../../receipts';
import { COMMON_CURRENCIES, currencyCodes } from '../lib/currencies';
import { RATE_DECIMALS, amountProblem, rateProblem, sameDecimal, usdAmountFor } from '../lib/usd';

const STATUSES: ContributionStatus[] = ['pledged', 'received', 'cancelled'];
const FIELDS = [
  'pledgedOn',
  'status',
  'receivedOn',
  'currency',
  'amount',
  'exchangeRate',
  'usdAmount',
  'earmarking',
  'reference',
] as const;
type Field = (typeof FIELDS)[number];

interface Values {
  pledgedOn: string;
  status: ContributionStatus;
  receivedOn: string;
  currency: string;
  amount: string;
  exchangeRate: string;
  earmarking: string;
  reference: string;
}

function valuesOf(contribution: Contribution | null): Values {
  return {
    pledgedOn: contribution?.pledgedOn ?? '',
    status: contribution?.status ?? 'pledged',
    receivedOn: contribution?.receivedOn ?? '',
    currency: contribution?.currency ?? 'USD',
    amount: contribution?.amount ?? '',
    exchangeRate: contribution ? contribution.exchangeRate.replace(/\.?0+$/, '') : '1',
    earmarking: contribution?.earmarking ?? '',
    reference: contribution?.reference ?? '',
  };
}

interface ContributionFormModalProps {
  opened: boolean;
  onClose: () => void;
  donorId: string;
  donorName: string;
  contribution: Contribution | null;
  onSaved: (contribution: Contribution, created: boolean) => void;
}

export function ContributionFormModal({
  opened,
  onClose,
  donorId,
  donorName,
  contribution,
  onSaved,
}: ContributionFormModalProps) {
  const { t } = useTranslation();
  return (
    <FormModal
      opened={opened}
      onClose={onClose}
      title={
        contribution
          ? t('donors.contributionForm.editTitle', { donor: donorName })
          : t('donors.contributionForm.createTitle', { donor: donorName })
      }
      size="xl"
      closeLabel={t('donors.form.cancel')}
    >
      <ContributionForm
        key={contribution?.id ?? 'new'}
        donorId={donorId}
        contribution={contribution}
        onCancel={onClose}
        onSaved={onSaved}
      />
      {contribution ? <ReceiptsPanel contributionId={contribution.id} canEdit /> : null}
    </FormModal>
  );
}

interface ContributionFormProps {
  donorId: string;
  contribution: Contribution | null;
  onCancel: () => void;
  onSaved: (contribution: Contribution, created: boolean) => void;
}

/**
 * A contribution: money as decimal strings, an ISO 4217 currency, the rate in US dollars per unit, and
 * the US dollar amount computed live by the API's rule (amount × rate, rounded half up to the cent).
 */
export function ContributionForm({ donorId, contribution, onCancel, onSaved }: ContributionFormProps) {
  const { t } = useTranslation();
  const { money, rate, currencyName, calendarDate, locale } = useIntl();
  const queryClient = useQueryClient();
  const form = useForm<Values>({
    initialValues: valuesOf(contribution),
    validate: (next) => localErrorsOf(next),
  });
  const values = form.getValues();
  const [others, setOthers] = useState<string[]>([]);
  const set = <K extends keyof Values>(key: K, value: Values[K]) => form.setFieldValue(key, value as never);

  const currencies = useMemo(() => {
    const label = (code: string) => `${code} · ${currencyName(code)}`;
    const all = currencyCodes();
    const collator = new Intl.Collator(locale);
    return [
      {
        group: t('donors.contributionForm.commonCurrencies'),
        items: COMMON_CURRENCIES.map((code) => ({ value: code, label: label(code) })),
      },
      {
        group: t('donors.contributionForm.allCurrencies'),
        items: all
          .filter((code) => !COMMON_CURRENCIES.includes(code))
          .map((code) => ({ value: code, label: label(code) }))
          .sort((a, b) => collator.compare(a.value, b.value)),
      },
    ];
  }, [currencyName, locale, t]);

  /** The money of the values as the API's rule computes it (libs/domain, through lib/usd). */
  const moneyOf = (next: Values) => {
    const usd = next.currency === 'USD';
    // The amount field holds the plain decimal lib/amount read; parseMoney makes it canonical ("0100" → "100.00").
    const reading = parseMoney(next.amount.trim());
    const amount = reading.ok ? reading.amount : next.amount.trim();
    const exchangeRate = usd ? '1' : plainDecimal(next.exchangeRate, locale);
    const amountIssue = amountProblem(amount);
    const rateIssue = rateProblem(exchangeRate, next.currency);
    const usdAmount = !amountIssue && !rateIssue ? usdAmountFor(amount, exchangeRate) : null;
    return { usd, amount, exchangeRate, amountIssue, rateIssue, usdAmount };
  };
  const localErrorsOf = (next: Values): Partial<Record<Field, string>> => {
    const { amountIssue, rateIssue } = moneyOf(next);
    const isReceived = next.status === 'received';
    const errors: Partial<Record<Field, string>> = {};
    if (!next.pledgedOn) errors.pledgedOn = t('donors.contributionForm.pledgedRequired');
    if (isReceived && !next.receivedOn) errors.receivedOn = t('donors.contributionForm.receivedRequired');
    else if (isReceived && next.pledgedOn && next.receivedOn < next.pledgedOn) {
      errors.receivedOn = t('donors.contributionForm.receivedBeforePledged');
    }
    if (!next.currency) errors.currency = t('donors.contributionForm.currencyRequired');
    if (amountIssue) errors.amount = t(`donors.contributionForm.amountProblems.${amountIssue}`);
    if (rateIssue) errors.exchangeRate = t(`donors.contributionForm.rateProblems.${rateIssue}`);
    return errors;
  };
  const { usd: usdCurrency, amount, exchangeRate, usdAmount } = moneyOf(values);
  const received = values.status === 'received';
  const local = localErrorsOf(values);

  // Amount and rate are checked as they are typed, once something is there.
  const live = (field: Field) =>
    field === 'amount'
      ? Boolean(values.amount)
      : field === 'exchangeRate'
        ? Boolean(values.exchangeRate)
        : field === 'receivedOn'
          ? Boolean(values.receivedOn)
          : false;
  const errorOf = (field: Field) =>
    (form.errors[field] as string | undefined) ?? (live(field) ? local[field] : undefined);

  const bodyOf = (next: Values) => {
    const sent = moneyOf(next);
    return {
      donorId,
      pledgedOn: next.pledgedOn,
      receivedOn: next.status === 'received' ? next.receivedOn : null,
      status: next.status,
      currency: next.currency,
      amount: sent.amount,
      exchangeRate: sent.exchangeRate,
      usdAmount: sent.usdAmount ?? '0.00',
      earmarking: next.earmarking.trim() || null,
      reference: next.reference.trim() || null,
    };
  };

  const changesFrom = (submitted: Values, from: Contribution): UpdateContributionInput => {
    const next = bodyOf(submitted);
    const input: UpdateContributionInput = {};
    if (next.pledgedOn !== from.pledgedOn) input.pledgedOn = next.pledgedOn;
    if (next.status !== from.status) input.status = next.status;
    if (next.receivedOn !== from.receivedOn) input.receivedOn = next.receivedOn;
    if (
      next.currency !== from.currency ||
      !sameDecimal(next.amount, from.amount, 2) ||
      !sameDecimal(next.exchangeRate, from.exchangeRate, RATE_DECIMALS) ||
      !sameDecimal(next.usdAmount, from.usdAmount, 2)
    ) {
      input.currency = next.currency;
      input.amount = next.amount;
      input.exchangeRate = next.exchangeRate;
      input.usdAmount = next.usdAmount;
    }
    if (next.earmarking !== from.earmarking) input.earmarking = next.earmarking;
    if (next.reference !== from.reference) input.reference = next.reference;
    return input;
  };

  const modal = useFormModal({
    form,
    record: contribution,
    fields: FIELDS,
    valuesOf,
    create: useCreateContribution(),
    update: useUpdateContribution(contribution?.id ?? ''),
    bodyOf,
    changesFrom,
    readLatest: () =>
      queryClient.fetchQuery({ ...contributionQueryOptions(contribution?.id ?? ''), staleTime: 0 }),
    onSaved,
    onCancel,
    onError: (error) => setOthers(showServerErrors(form, error)),
  });
  const { base } = modal;

  const describe = (field: keyof Values) => {
    if (!base) return '';
    const raw = base[field];
    const value =
      field === 'pledgedOn' || field === 'receivedOn'
        ? calendarDate(raw) || '—'
        : field === 'status'
          ? t(`donors.status.${base.status}`)
          : field === 'amount'
            ? money(base.amount, base.currency)
            : field === 'exchangeRate'
              ? rate(base.exchangeRate)
              : (raw ?? '—');
    return t('donors.stale.change', { field: t(`donors.contributionForm.${field}`), value });
  };

  return (
    <ModalForm
      modal={modal}
      label={t('donors.contributionForm.label')}
      describe={describe}
      staleWording={t('donors.stale', { returnObjects: true })}
      failureTitle={t('donors.contributionForm.failed')}
      tryAgain={t('donors.form.tryAgain')}
      failureMessage={others.length ? others.join(' ') : t('donors.form.tryAgain')}
      onCancel={onCancel}
      cancelLabel={t('donors.form.cancel')}
      createLabel={t('donors.contributionForm.create')}
      saveLabel={t('donors.form.save')}
    >
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <DateField
          ref={modal.fieldRef('pledgedOn')}
          label={t('donors.contributionForm.pledgedOn')}
          value={values.pledgedOn}
          onChange={(value) => set('pledgedOn', value)}
          error={errorOf('pledgedOn')}
          withAsterisk
        />
        <NativeSelect
          ref={modal.fieldRef('status')}
          label={t('donors.contributionForm.status')}
          value={values.status}
          onChange={(event) => {
            const status = STATUSES.find((item) => item === event.currentTarget.value);
            if (status) set('status', status);
          }}
          error={errorOf('status')}
          withAsterisk
        >
          {STATUSES.map((status) => (
            <option key={status} value={status}>
              {t(`donors.status.${status}`)}
            </option>
          ))}
        </NativeSelect>
        {received ? (
          <DateField
            ref={modal.fieldRef('receivedOn')}
            label={t('donors.contributionForm.receivedOn')}
            value={values.receivedOn}
            minDate={values.pledgedOn || undefined}
            onChange={(value) => set('receivedOn', value)}
            error={errorOf('receivedOn')}
            withAsterisk
          />
        ) : (
          <Text size="xs" c="dimmed" mt={{ base: 0, sm: 28 }}>
            {t('donors.contributionForm.receivedOnlyWhenReceived')}
          </Text>
        )}
      </SimpleGrid>

      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <Select
          ref={modal.fieldRef('currency')}
          label={t('donors.contributionForm.currency')}
          description={t('donors.contributionForm.currencyHint')}
          data={currencies}
          value={values.currency}
          onChange={(value) => {
            const current = form.getValues();
            form.setValues({
              currency: value ?? '',
              exchangeRate: value === 'USD' ? '1' : current.currency === 'USD' ? '' : current.exchangeRate,
            });
          }}
          searchable
          allowDeselect={false}
          nothingFoundMessage={t('donors.contributionForm.noCurrency')}
          error={errorOf('currency')}
          withAsterisk
          maxDropdownHeight={280}
        />
        <MoneyInput
          ref={modal.fieldRef('amount')}
          label={t('donors.contributionForm.amount')}
          description={t('donors.contributionForm.amountHint', { currency: values.currency || '…' })}
          currencySign={null}
          value={values.amount}
          onChange={(amount) => set('amount', amount)}
          error={errorOf('amount')}
          withAsterisk
        />
        <TextInput
          ref={modal.fieldRef('exchangeRate')}
          label={t('donors.contributionForm.exchangeRate')}
          description={
            usdCurrency
              ? t('donors.contributionForm.rateUsd')
              : t('donors.contributionForm.rateHint', { currency: values.currency || '…' })
          }
          inputMode="decimal"
          autoComplete="off"
          value={usdCurrency ? '1' : values.exchangeRate}
          readOnly={usdCurrency}
          variant={usdCurrency ? 'filled' : 'default'}
          onChange={(event) => set('exchangeRate', event.currentTarget.value)}
          error={errorOf('exchangeRate')}
          withAsterisk
          dir="ltr"
        />
      </SimpleGrid>

      <Box
        p="md"
        bg="unBlue.0"
        style={{
          borderRadius: 'var(--mantine-radius-md)',
          border: '1px solid var(--mantine-color-unBlue-2)',
        }}
      >
        <Group justify="space-between" align="center" gap="md">
          <Stack gap={2}>
            <Text size="sm" fw={600} id="usd-amount-label">
              {t('donors.contributionForm.usdAmount')}
            </Text>
            <Text size="xs" c="dimmed">
              {t('donors.contributionForm.usdRule')}
            </Text>
          </Stack>
          <Group
            gap="xs"
            wrap="nowrap"
            aria-live="polite"
            aria-labelledby="usd-amount-label"
            role="status"
            data-testid="usd-amount"
          >
            {usdAmount ? (
              <>
                <Text size="sm" c="dimmed" dir="ltr" visibleFrom="xs">
                  {money(amount, values.currency)} × {rate(exchangeRate)}
                </Text>
                <IconEqual size={16} aria-hidden="true" />
                <Text fz={22} fw={700} style={{ fontVariantNumeric: 'tabular-nums' }} dir="ltr">
                  {money(usdAmount, 'USD')}
                </Text>
              </>
            ) : (
              <Text size="sm" c="dimmed">
                {t('donors.contributionForm.usdPending')}
              </Text>
            )}
          </Group>
        </Group>
        {form.errors['usdAmount'] ? (
          <Text size="sm" c="red.8" mt="xs" role="alert">
            {form.errors['usdAmount']}
          </Text>
        ) : null}
      </Box>

      <Textarea
        label={t('donors.contributionForm.earmarking')}
        description={t('donors.contributionForm.earmarkingHint')}
        value={values.earmarking}
        onChange={(event) => set('earmarking', event.currentTarget.value)}
        error={errorOf('earmarking')}
        autosize
        minRows={2}
        maxLength={2000}
      />
      <TextInput
        label={t('donors.contributionForm.reference')}
        value={values.reference}
        onChange={(event) => set('reference', event.currentTarget.value)}
        error={errorOf('reference')}
        maxLength={200}
      />
    </ModalForm>
  );
}
