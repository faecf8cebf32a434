import { NativeSelect, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { CountrySelect } from '../../../components/CountrySelect';
import { FormModal, ModalForm } from '../../../components/FormModal';
import { problemSlug } from '../../../lib/field-errors';
import { useFormModal } from '../../../lib/use-form-modal';
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
    <FormModal
      opened={opened}
      onClose={onClose}
      title={donor ? t('donors.form.editTitle', { name: donor.name }) : t('donors.form.createTitle')}
      closeLabel={t('donors.form.cancel')}
    >
      <DonorForm key={donor?.id ?? 'new'} donor={donor} onCancel={onClose} onSaved={onSaved} />
    </FormModal>
  );
}

/** What the form sends: the country only for a Member State. */
function bodyOf(next: Values) {
  return {
    name: next.name.trim(),
    kind: next.kind,
    countryIso3: next.kind === 'member_state' ? next.countryIso3 : null,
  };
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
  const localErrorsOf = (next: Values): Partial<Record<Field, string>> => {
    const errors: Partial<Record<Field, string>> = {};
    if (next.name.trim().length < 2) errors.name = t('donors.form.nameShort');
    if (next.kind === 'member_state' && !next.countryIso3)
      errors.countryIso3 = t('donors.form.countryRequired');
    return errors;
  };
  const form = useForm<Values>({ initialValues: valuesOf(donor), validate: localErrorsOf });
  const modal = useFormModal({
    form,
    record: donor,
    fields: FIELDS,
    valuesOf,
    create: useCreateDonor(),
    update: useUpdateDonor(donor?.id ?? ''),
    bodyOf,
    changesFrom: (submitted, base) => {
      const next = bodyOf(submitted);
      const input: UpdateDonorInput = {};
      if (next.name !== base.name) input.name = next.name;
      if (next.kind !== base.kind) input.kind = next.kind;
      if (next.countryIso3 !== base.countryIso3) input.countryIso3 = next.countryIso3;
      return input;
    },
    readLatest: () => queryClient.fetchQuery({ ...donorQueryOptions(donor?.id ?? ''), staleTime: 0 }),
    onSaved,
    onCancel,
  });
  const { values, base } = modal;
  const memberState = values.kind === 'member_state';
  const duplicate = problemSlug(modal.mutation.error) === 'duplicate-donor';
  const errorOf = (field: Field) =>
    modal.errorOf(field) ?? (field === 'name' && duplicate ? t('donors.form.duplicate') : undefined);

  return (
    <ModalForm
      modal={modal}
      describe={(field) =>
        t('donors.stale.change', {
          field: t(`donors.form.${field}`),
          value:
            field === 'kind' && base
              ? t(`donors.kinds.${base.kind}`)
              : ((base?.[field] as string | null) ?? '—'),
        })
      }
      staleWording={t('donors.stale', { returnObjects: true })}
      failureTitle={t('donors.form.failed')}
      tryAgain={t('donors.form.tryAgain')}
      failureShown={duplicate}
      onCancel={onCancel}
      cancelLabel={t('donors.form.cancel')}
      createLabel={t('donors.form.create')}
      saveLabel={t('donors.form.save')}
    >
      <TextInput
        ref={modal.fieldRef('name')}
        label={t('donors.form.name')}
        value={values.name}
        onChange={(event) => form.setFieldValue('name', event.currentTarget.value)}
        error={errorOf('name')}
        withAsterisk
        maxLength={300}
        data-autofocus
      />
      <NativeSelect
        ref={modal.fieldRef('kind')}
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
          ref={modal.fieldRef('countryIso3')}
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
    </ModalForm>
  );
}
