import { SimpleGrid, TagsInput, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../../components/DateField';
import { CountrySelect } from '../../../components/CountrySelect';
import { FormModal, ModalForm } from '../../../components/FormModal';
import { useFormModal } from '../../../lib/use-form-modal';
import { useIntl } from '../../../lib/intl';
import { strategyQueryOptions, type Strategy } from '../api/get-strategies';
import { useCreateStrategy, useUpdateStrategy, type UpdateStrategyInput } from '../api/save-strategy';

const FIELDS = ['countryIso3', 'title', 'periodFrom', 'periodTo', 'priorityAreas', 'reference'] as const;
type Field = (typeof FIELDS)[number];

interface Values {
  countryIso3: string | null;
  title: string;
  periodFrom: string;
  periodTo: string;
  priorityAreas: string[];
  reference: string;
}

function valuesOf(strategy: Strategy | null, country: string | null): Values {
  return {
    countryIso3: strategy?.countryIso3 ?? country,
    title: strategy?.title ?? '',
    periodFrom: strategy?.periodFrom ?? '',
    periodTo: strategy?.periodTo ?? '',
    priorityAreas: strategy?.priorityAreas ?? [],
    reference: strategy?.reference ?? '',
  };
}

function sameAreas(a: string[], b: string[]) {
  return a.length === b.length && a.every((area, index) => area === b[index]);
}

/** What the form sends: blank areas dropped, a blank reference as null. */
function bodyOf(values: Values) {
  return {
    countryIso3: values.countryIso3 ?? '',
    title: values.title.trim(),
    periodFrom: values.periodFrom,
    periodTo: values.periodTo,
    priorityAreas: values.priorityAreas.map((area) => area.trim()).filter(Boolean),
    reference: values.reference.trim() || null,
  };
}

interface StrategyFormModalProps {
  opened: boolean;
  onClose: () => void;
  strategy: Strategy | null;
  defaultCountry: string | null;
  onSaved: (strategy: Strategy, created: boolean) => void;
}

export function StrategyFormModal({
  opened,
  onClose,
  strategy,
  defaultCountry,
  onSaved,
}: StrategyFormModalProps) {
  const { t } = useTranslation();
  return (
    <FormModal
      opened={opened}
      onClose={onClose}
      title={strategy ? t('strategies.form.editTitle') : t('strategies.form.createTitle')}
      size="lg"
      closeLabel={t('strategies.form.cancel')}
    >
      <StrategyForm
        key={strategy?.id ?? 'new'}
        strategy={strategy}
        defaultCountry={defaultCountry}
        onCancel={onClose}
        onSaved={onSaved}
      />
    </FormModal>
  );
}

interface StrategyFormProps {
  strategy: Strategy | null;
  defaultCountry: string | null;
  onCancel: () => void;
  onSaved: (strategy: Strategy, created: boolean) => void;
}

/** A national strategy: country, title, period (to on or after from), priority areas as tags, reference. */
export function StrategyForm({ strategy, defaultCountry, onCancel, onSaved }: StrategyFormProps) {
  const { t } = useTranslation();
  const { calendarDate } = useIntl();
  const queryClient = useQueryClient();
  const localErrorsOf = (next: Values): Partial<Record<Field, string>> => {
    const local: Partial<Record<Field, string>> = {};
    if (!next.countryIso3) local.countryIso3 = t('strategies.form.countryRequired');
    if (next.title.trim().length < 3) local.title = t('strategies.form.titleShort');
    if (!next.periodFrom) local.periodFrom = t('strategies.form.fromRequired');
    if (!next.periodTo) local.periodTo = t('strategies.form.toRequired');
    else if (next.periodFrom && next.periodTo < next.periodFrom)
      local.periodTo = t('strategies.form.toBeforeFrom');
    const lowered = next.priorityAreas.map((area) => area.toLowerCase());
    if (new Set(lowered).size !== lowered.length) local.priorityAreas = t('strategies.form.areasDuplicate');
    else if (next.priorityAreas.some((area) => area.length > 300))
      local.priorityAreas = t('strategies.form.areaLong');
    return local;
  };
  const form = useForm<Values>({
    initialValues: valuesOf(strategy, defaultCountry),
    validate: localErrorsOf,
  });
  const modal = useFormModal({
    form,
    record: strategy,
    fields: FIELDS,
    valuesOf: (from: Strategy | null) => valuesOf(from, null),
    create: useCreateStrategy(),
    update: useUpdateStrategy(strategy?.id ?? ''),
    bodyOf,
    changesFrom: (submitted, from) => {
      const next = bodyOf(submitted);
      const input: UpdateStrategyInput = {};
      if (next.countryIso3 !== from.countryIso3) input.countryIso3 = next.countryIso3;
      if (next.title !== from.title) input.title = next.title;
      if (next.periodFrom !== from.periodFrom) input.periodFrom = next.periodFrom;
      if (next.periodTo !== from.periodTo) input.periodTo = next.periodTo;
      if (!sameAreas(next.priorityAreas, from.priorityAreas)) input.priorityAreas = next.priorityAreas;
      if (next.reference !== from.reference) input.reference = next.reference;
      return input;
    },
    readLatest: () => queryClient.fetchQuery({ ...strategyQueryOptions(strategy?.id ?? ''), staleTime: 0 }),
    onSaved,
    onCancel,
  });
  const { values, base } = modal;
  const set = <K extends keyof Values>(key: K, value: Values[K]) => form.setFieldValue(key, value as never);
  // The period rule is checked as the dates are typed, not only on submit.
  const errorOf = (field: Field) =>
    (form.errors[field] as string | undefined) ??
    (field === 'periodTo' && values.periodTo ? localErrorsOf(values).periodTo : undefined) ??
    modal.failure?.fields[field];

  const describe = (field: Field): string => {
    if (!base) return '';
    const value =
      field === 'periodFrom' || field === 'periodTo'
        ? calendarDate(base[field])
        : field === 'priorityAreas'
          ? base.priorityAreas.join('; ')
          : (base[field] ?? '—');
    return t('strategies.stale.change', { field: t(`strategies.form.${field}`), value });
  };

  return (
    <ModalForm
      modal={modal}
      describe={describe}
      staleWording={t('strategies.stale', { returnObjects: true })}
      failureTitle={t('strategies.form.failed')}
      tryAgain={t('strategies.form.tryAgain')}
      onCancel={onCancel}
      cancelLabel={t('strategies.form.cancel')}
      createLabel={t('strategies.form.create')}
      saveLabel={t('strategies.form.save')}
    >
      <CountrySelect
        ref={modal.fieldRef('countryIso3')}
        label={t('strategies.form.countryIso3')}
        loadingLabel={t('common.loading')}
        placeholder={t('strategies.form.pickCountry')}
        nothingFoundMessage={t('strategies.form.noCountry')}
        value={values.countryIso3}
        onChange={(value) => set('countryIso3', value)}
        error={errorOf('countryIso3')}
        withAsterisk
      />
      <TextInput
        ref={modal.fieldRef('title')}
        label={t('strategies.form.title')}
        placeholder={t('strategies.form.titlePlaceholder')}
        value={values.title}
        onChange={(event) => set('title', event.currentTarget.value)}
        error={errorOf('title')}
        withAsterisk
        maxLength={500}
      />
      <SimpleGrid cols={{ base: 1, xs: 2 }}>
        <DateField
          ref={modal.fieldRef('periodFrom')}
          label={t('strategies.form.periodFrom')}
          value={values.periodFrom}
          onChange={(value) => set('periodFrom', value)}
          error={errorOf('periodFrom')}
          withAsterisk
        />
        <DateField
          ref={modal.fieldRef('periodTo')}
          label={t('strategies.form.periodTo')}
          value={values.periodTo}
          minDate={values.periodFrom || undefined}
          onChange={(value) => set('periodTo', value)}
          error={errorOf('periodTo')}
          withAsterisk
        />
      </SimpleGrid>
      <TagsInput
        ref={modal.fieldRef('priorityAreas')}
        label={t('strategies.form.priorityAreas')}
        description={t('strategies.form.priorityAreasHint')}
        placeholder={values.priorityAreas.length ? undefined : t('strategies.form.priorityAreasPlaceholder')}
        value={values.priorityAreas}
        onChange={(areas) => set('priorityAreas', areas)}
        error={errorOf('priorityAreas')}
        splitChars={[';']}
        maxTags={50}
        clearable
        clearButtonProps={{ 'aria-label': t('strategies.form.clearAreas') }}
      />
      <TextInput
        label={t('strategies.form.reference')}
        description={t('strategies.form.referenceHint')}
        value={values.reference}
        onChange={(event) => set('reference', event.currentTarget.value)}
        error={errorOf('reference')}
        maxLength={2000}
      />
    </ModalForm>
  );
}
