import { Modal, NativeSelect, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { CountrySelect } from '../../../components/CountrySelect';
import { FormModalFooter } from '../../../components/FormModalFooter';
import { staleAlertFor } from '../../../components/stale-alert';
import { problemSlug, writeFailureOf } from '../../../lib/field-errors';
import { useStaleMerge } from '../../../lib/form';
import { donorQueryOptions, type Donor } from '../api/get-donors';
import { useCreateDonor, useUpdateDonor, type UpdateDonorInput } from '../api/save-donor';
import { DONOR_KINDS, isDonorKind, type DonorKind } from '../lib/filters';

const FIELDS = ['name', 'kind', 'countryIso3'] as const;
type Field = (typeof FIELDS)[number];

interface Values {
  name: string;
  kind: DonorKind;
  countryIso3: string | null;
}

function valuesOf(donor: Donor | null): Values {
  return {
    name: donor?.name ?? '',
    kind: donor?.kind ?? 'member_state',
    countryIso3: donor?.countryIso3 ?? null,
  };
}

interface DonorFormModalProps {
  opened: boolean;
  onClose: () => void;
  donor: Donor | null;
  onSaved: (donor: Donor, created: boolean) => void;
}

export function DonorFormModal({ opened, onClose, donor, onSaved }: DonorFormModalProps) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={donor ? t('donors.form.editTitle', { name: donor.name }) : t('donors.form.createTitle')}
      centered
      closeButtonProps={{ 'aria-label': t('donors.form.cancel') }}
    >
      {opened ? (
        <DonorForm key={donor?.id ?? 'new'} donor={donor} onCancel={onClose} onSaved={onSaved} />
      ) : null}
    </Modal>
  );
}

/** A donor: name, kind, and the country for a Member State (and only for one). */
export function DonorForm({
  donor,
  onCancel,
  onSaved,
}: {
  donor: Donor | null;
  onCancel: () => void;
  onSaved: (donor: Donor, created: boolean) => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const create = useCreateDonor();
  const update = useUpdateDonor(donor?.id ?? '');
  const mutation = donor ? update : create;
  const refs = useRef<Partial<Record<Field, HTMLElement | null>>>({});
  const localErrorsOf = (next: Values): Partial<Record<Field, string>> => {
    const errors: Partial<Record<Field, string>> = {};
    if (next.name.trim().length < 2) errors.name = t('donors.form.nameShort');
    if (next.kind === 'member_state' && !next.countryIso3)
      errors.countryIso3 = t('donors.form.countryRequired');
    return errors;
  };
  const form = useForm<Values>({ initialValues: valuesOf(donor), validate: localErrorsOf });
  const values = form.getValues();
  const stale = useStaleMerge(form, donor, valuesOf);
  const base = stale.base;
  const memberState = values.kind === 'member_state';

  const failure = mutation.error ? writeFailureOf(mutation.error, FIELDS) : null;
  const duplicate = problemSlug(mutation.error) === 'duplicate-donor';
  const errorOf = (field: Field) =>
    (form.errors[field] as string | undefined) ??
    failure?.fields[field] ??
    (field === 'name' && duplicate ? t('donors.form.duplicate') : undefined);

  const body = (next: Values) => ({
    name: next.name.trim(),
    kind: next.kind,
    countryIso3: next.kind === 'member_state' ? next.countryIso3 : null,
  });

  const handleSubmit = (submitted: Values) => {
    const next = body(submitted);
    if (!donor || !base) {
      create.mutate(next, {
        onSuccess: (saved) => onSaved(saved, true),
      });
      return;
    }
    const input: UpdateDonorInput = {};
    if (next.name !== base.name) input.name = next.name;
    if (next.kind !== base.kind) input.kind = next.kind;
    if (next.countryIso3 !== base.countryIso3) input.countryIso3 = next.countryIso3;
    if (Object.keys(input).length === 0) {
      onCancel();
      return;
    }
    stale.clear();
    update.mutate(
      { ...input, version: base.version },
      {
        onSuccess: (saved) => onSaved(saved, false),
        onError: (error) =>
          void stale.refused(error, () =>
            queryClient.fetchQuery({ ...donorQueryOptions(donor.id), staleTime: 0 }),
          ),
      },
    );
  };
  const focusFirst = (errors: Record<string, unknown>) => {
    const first = FIELDS.find((field) => errors[field]);
    if (first) refs.current[first]?.focus();
  };

  return (
    <form onSubmit={(event) => form.onSubmit(handleSubmit, focusFirst)(event)} noValidate>
      <Stack gap="md">
        <TextInput
          ref={(element) => {
            refs.current.name = element;
          }}
          label={t('donors.form.name')}
          value={values.name}
          onChange={(event) => form.setFieldValue('name', event.currentTarget.value)}
          error={errorOf('name')}
          withAsterisk
          maxLength={300}
          data-autofocus
        />
        <NativeSelect
          ref={(element) => {
            refs.current.kind = element;
          }}
          label={t('donors.form.kind')}
          value={values.kind}
          onChange={(event) => {
            const kind = event.currentTarget.value;
            if (isDonorKind(kind)) form.setFieldValue('kind', kind);
          }}
          error={errorOf('kind')}
          withAsterisk
        >
          {DONOR_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {t(`donors.kinds.${kind}`)}
            </option>
          ))}
        </NativeSelect>
        {memberState ? (
          <CountrySelect
            ref={(element) => {
              refs.current.countryIso3 = element;
            }}
            label={t('donors.form.countryIso3')}
            description={t('donors.form.countryHint')}
            loadingLabel={t('common.loading')}
            placeholder={t('donors.form.pickCountry')}
            nothingFoundMessage={t('donors.form.noCountry')}
            value={values.countryIso3}
            onChange={(value) => form.setFieldValue('countryIso3', value)}
            error={errorOf('countryIso3')}
            withAsterisk
          />
        ) : null}
        <FormModalFooter
          staleAlert={staleAlertFor(
            stale,
            update,
            (field) =>
              t('donors.stale.change', {
                field: t(`donors.form.${field}`),
                value:
                  field === 'kind' && base
                    ? t(`donors.kinds.${base.kind}`)
                    : ((base?.[field] as string | null) ?? '—'),
              }),
            t('donors.stale', { returnObjects: true }),
          )}
          failure={
            mutation.isError && !failure?.stale && !duplicate && !Object.keys(failure?.fields ?? {}).length
              ? {
                  title: t('donors.form.failed'),
                  message: failure?.others.length ? failure.others.join(' ') : t('donors.form.tryAgain'),
                }
              : null
          }
          onCancel={onCancel}
          cancelLabel={t('donors.form.cancel')}
          submitLabel={donor ? t('donors.form.save') : t('donors.form.create')}
          submitting={mutation.isPending}
        />
      </Stack>
    </form>
  );
}
