import { Alert, Button, Group, Modal, NativeSelect, Stack, TextInput } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CountrySelect } from '../../../components/CountrySelect';
import { problemSlug, writeFailureOf } from '../../../lib/field-errors';
import { donorQueryOptions, type Donor } from '../api/get-donors';
import { useCreateDonor, useUpdateDonor, type UpdateDonorInput } from '../api/save-donor';
import { DONOR_KINDS, isDonorKind, type DonorKind } from '../lib/filters';
import { StaleChangesAlert } from '../../../components/StaleChangesAlert';

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
  const [base, setBase] = useState<Donor | null>(donor);
  const [values, setValues] = useState<Values>(() => valuesOf(donor));
  const [tried, setTried] = useState(false);
  const [changed, setChanged] = useState<Field[] | null>(null);
  const refs = useRef<Partial<Record<Field, HTMLElement | null>>>({});
  const memberState = values.kind === 'member_state';

  const local: Partial<Record<Field, string>> = {};
  if (values.name.trim().length < 2) local.name = t('donors.form.nameShort');
  if (memberState && !values.countryIso3) local.countryIso3 = t('donors.form.countryRequired');
  const failure = mutation.error ? writeFailureOf(mutation.error, FIELDS) : null;
  const duplicate = problemSlug(mutation.error) === 'duplicate-donor';
  const errorOf = (field: Field) =>
    (tried ? local[field] : undefined) ??
    failure?.fields[field] ??
    (field === 'name' && duplicate ? t('donors.form.duplicate') : undefined);

  const body = () => ({
    name: values.name.trim(),
    kind: values.kind,
    countryIso3: memberState ? values.countryIso3 : null,
  });

  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    const first = FIELDS.find((field) => local[field]);
    if (first) {
      refs.current[first]?.focus();
      return;
    }
    if (!donor || !base) {
      create.mutate(body(), { onSuccess: (saved) => onSaved(saved, true) });
      return;
    }
    const next = body();
    const input: UpdateDonorInput = {};
    if (next.name !== base.name) input.name = next.name;
    if (next.kind !== base.kind) input.kind = next.kind;
    if (next.countryIso3 !== base.countryIso3) input.countryIso3 = next.countryIso3;
    if (Object.keys(input).length === 0) {
      onCancel();
      return;
    }
    setChanged(null);
    update.mutate(
      { ...input, version: base.version },
      {
        onSuccess: (saved) => onSaved(saved, false),
        onError: (error) => {
          if (!writeFailureOf(error, FIELDS).stale) return;
          void queryClient.fetchQuery({ ...donorQueryOptions(donor.id), staleTime: 0 }).then((latest) => {
            setChanged(FIELDS.filter((field) => latest[field] !== base[field]));
            // What they changed and this person did not is taken from theirs; these edits stay.
            const original = valuesOf(base);
            const current = valuesOf(latest);
            setValues((typed) => ({
              ...typed,
              ...Object.fromEntries(
                FIELDS.filter((key) => typed[key] === original[key]).map((key) => [key, current[key]]),
              ),
            }));
            setBase(latest);
          });
        },
      },
    );
  };

  return (
    <form onSubmit={handleSubmit} noValidate>
      <Stack gap="md">
        <TextInput
          ref={(element) => {
            refs.current.name = element;
          }}
          label={t('donors.form.name')}
          value={values.name}
          onChange={(event) => setValues((current) => ({ ...current, name: event.currentTarget.value }))}
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
            if (isDonorKind(kind)) setValues((current) => ({ ...current, kind }));
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
            onChange={(value) => setValues((current) => ({ ...current, countryIso3: value }))}
            error={errorOf('countryIso3')}
            withAsterisk
          />
        ) : null}
        {changed ? (
          <StaleChangesAlert
            title={t('donors.stale.title')}
            body={t('donors.stale.body')}
            changes={changed.map((field) =>
              t('donors.stale.change', {
                field: t(`donors.form.${field}`),
                value:
                  field === 'kind' && base
                    ? t(`donors.kinds.${base.kind}`)
                    : ((base?.[field] as string | null) ?? '—'),
              }),
            )}
            keepMine={t('donors.stale.keepMine')}
            takeTheirs={t('donors.stale.takeTheirs')}
            saving={update.isPending}
            onTakeTheirs={() => {
              if (base) setValues(valuesOf(base));
              setChanged(null);
              update.reset();
            }}
          />
        ) : null}
        {mutation.isError && !failure?.stale && !duplicate && !Object.keys(failure?.fields ?? {}).length ? (
          <Alert color="red" variant="light" role="alert" title={t('donors.form.failed')}>
            {failure?.others.length ? failure.others.join(' ') : t('donors.form.tryAgain')}
          </Alert>
        ) : null}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onCancel}>
            {t('donors.form.cancel')}
          </Button>
          {!changed ? (
            <Button type="submit" loading={mutation.isPending}>
              {donor ? t('donors.form.save') : t('donors.form.create')}
            </Button>
          ) : null}
        </Group>
      </Stack>
    </form>
  );
}
