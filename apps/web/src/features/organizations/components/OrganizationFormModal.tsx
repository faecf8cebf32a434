import { Fieldset, Modal, NativeSelect, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { FormModalFooter } from '../../../components/FormModalFooter';
import { staleAlertFor } from '../../../components/stale-alert';
import { LANGUAGES, isLanguage, type Language } from '../../../i18n/languages';
import { problemSlug, writeFailureOf } from '../../../lib/field-errors';
import { useStaleMerge } from '../../../lib/form';
import type { Organization } from '../api/get-organizations';
import {
  organizationQueryOptions,
  useCreateOrganization,
  useUpdateOrganization,
  type UpdateOrganizationInput,
} from '../api/save-organization';
import { ORGANIZATION_KINDS, isOrganizationKind, type OrganizationKind } from '../lib/filters';

const FIELDS = ['name', 'acronym', 'kind', 'contactName', 'contactEmail', 'contactLanguage'] as const;
type Field = (typeof FIELDS)[number];

interface Values {
  name: string;
  acronym: string;
  kind: OrganizationKind;
  contactName: string;
  contactEmail: string;
  /** '' : the product's default language. */
  contactLanguage: Language | '';
}

function valuesOf(organization: Organization | null): Values {
  return {
    name: organization?.name ?? '',
    acronym: organization?.acronym ?? '',
    kind: organization && isOrganizationKind(organization.kind) ? organization.kind : 'un_entity',
    contactName: organization?.contactName ?? '',
    contactEmail: organization?.contactEmail ?? '',
    contactLanguage: isLanguage(organization?.contactLanguage) ? organization.contactLanguage : '',
  };
}

/** What the form sends: blanks as null, so a cleared field clears the record's. */
function bodyOf(values: Values) {
  const orNull = (text: string) => text.trim() || null;
  return {
    name: values.name.trim(),
    acronym: orNull(values.acronym),
    kind: values.kind,
    contactName: orNull(values.contactName),
    contactEmail: orNull(values.contactEmail),
    contactLanguage: values.contactLanguage || null,
  };
}

const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

interface OrganizationFormModalProps {
  opened: boolean;
  onClose: () => void;
  organization: Organization | null;
  onSaved: (organization: Organization, created: boolean) => void;
}

export function OrganizationFormModal({
  opened,
  onClose,
  organization,
  onSaved,
}: OrganizationFormModalProps) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={
        organization
          ? t('orgContact.form.editTitle', { name: organization.name })
          : t('orgContact.form.createTitle')
      }
      centered
      closeButtonProps={{ 'aria-label': t('orgContact.form.cancel') }}
    >
      {opened ? (
        <OrganizationForm
          key={organization?.id ?? 'new'}
          organization={organization}
          onCancel={onClose}
          onSaved={onSaved}
        />
      ) : null}
    </Modal>
  );
}

/** An organization: its name, acronym and kind, and the contact told of its projects' reports. */
export function OrganizationForm({
  organization,
  onCancel,
  onSaved,
}: {
  organization: Organization | null;
  onCancel: () => void;
  onSaved: (organization: Organization, created: boolean) => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const create = useCreateOrganization();
  const update = useUpdateOrganization(organization?.id ?? '');
  const mutation = organization ? update : create;
  const refs = useRef<Partial<Record<Field, HTMLElement | null>>>({});
  const localErrorsOf = (next: Values): Partial<Record<Field, string>> => {
    const errors: Partial<Record<Field, string>> = {};
    if (next.name.trim().length < 2) errors.name = t('orgContact.form.nameShort');
    const email = next.contactEmail.trim();
    if (email && !EMAIL.test(email)) errors.contactEmail = t('orgContact.form.emailInvalid');
    return errors;
  };
  const form = useForm<Values>({ initialValues: valuesOf(organization), validate: localErrorsOf });
  const values = form.getValues();
  const stale = useStaleMerge(form, organization, valuesOf);
  const base = stale.base;

  const failure = mutation.error ? writeFailureOf(mutation.error, FIELDS) : null;
  const duplicate = problemSlug(mutation.error) === 'duplicate-organization';
  const errorOf = (field: Field) =>
    (form.errors[field] as string | undefined) ??
    failure?.fields[field] ??
    (field === 'name' && duplicate ? t('orgContact.form.duplicate') : undefined);

  const handleSubmit = (submitted: Values) => {
    const next = bodyOf(submitted);
    if (!organization || !base) {
      create.mutate(next, { onSuccess: (saved) => onSaved(saved, true) });
      return;
    }
    const before = bodyOf(valuesOf(base));
    const input: UpdateOrganizationInput = {};
    for (const key of Object.keys(next) as (keyof typeof next)[]) {
      if (next[key] !== before[key]) Object.assign(input, { [key]: next[key] });
    }
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
            queryClient.fetchQuery({ ...organizationQueryOptions(organization.id), staleTime: 0 }),
          ),
      },
    );
  };
  const focusFirst = (errors: Record<string, unknown>) => {
    const first = FIELDS.find((field) => errors[field]);
    if (first) refs.current[first]?.focus();
  };
  const text = (field: Exclude<Field, 'kind' | 'contactLanguage'>) => ({
    label: t(`orgContact.form.${field}`),
    value: values[field],
    onChange: (event: React.ChangeEvent<HTMLInputElement>) =>
      form.setFieldValue(field, event.currentTarget.value),
    error: errorOf(field),
  });

  return (
    <form onSubmit={(event) => form.onSubmit(handleSubmit, focusFirst)(event)} noValidate>
      <Stack gap="md">
        <TextInput
          ref={(element) => {
            refs.current.name = element;
          }}
          {...text('name')}
          withAsterisk
          maxLength={300}
          data-autofocus
        />
        <TextInput
          ref={(element) => {
            refs.current.acronym = element;
          }}
          {...text('acronym')}
          maxLength={30}
        />
        <NativeSelect
          ref={(element) => {
            refs.current.kind = element;
          }}
          label={t('orgContact.form.kind')}
          value={values.kind}
          onChange={(event) => {
            const kind = event.currentTarget.value;
            if (isOrganizationKind(kind)) form.setFieldValue('kind', kind);
          }}
          error={errorOf('kind')}
          withAsterisk
        >
          {ORGANIZATION_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {t(`organizations.kinds.${kind}`)}
            </option>
          ))}
        </NativeSelect>
        <Fieldset legend={t('orgContact.form.contact')}>
          <Stack gap="sm">
            <TextInput
              ref={(element) => {
                refs.current.contactName = element;
              }}
              {...text('contactName')}
              maxLength={200}
            />
            <TextInput
              ref={(element) => {
                refs.current.contactEmail = element;
              }}
              {...text('contactEmail')}
              type="email"
              maxLength={254}
              description={t('orgContact.form.contactEmailHint')}
            />
            <NativeSelect
              ref={(element) => {
                refs.current.contactLanguage = element;
              }}
              label={t('orgContact.form.contactLanguage')}
              value={values.contactLanguage}
              onChange={(event) => {
                const language = event.currentTarget.value;
                form.setFieldValue('contactLanguage', isLanguage(language) ? language : '');
              }}
              error={errorOf('contactLanguage')}
            >
              <option value="">{t('orgContact.form.defaultLanguage')}</option>
              {LANGUAGES.map((language) => (
                <option key={language.code} value={language.code} lang={language.code}>
                  {language.nativeName}
                </option>
              ))}
            </NativeSelect>
          </Stack>
        </Fieldset>
        <FormModalFooter
          staleAlert={staleAlertFor(stale, update, (field) =>
            t('orgContact.stale.change', {
              field: t(`orgContact.form.${field}`),
              value: base ? String(bodyOf(valuesOf(base))[field] ?? '—') : '—',
            }),
          )}
          failure={
            mutation.isError && !failure?.stale && !duplicate && !Object.keys(failure?.fields ?? {}).length
              ? {
                  title: t('orgContact.form.failed'),
                  message: failure?.others.length ? failure.others.join(' ') : t('orgContact.form.tryAgain'),
                }
              : null
          }
          onCancel={onCancel}
          cancelLabel={t('orgContact.form.cancel')}
          submitLabel={organization ? t('orgContact.form.save') : t('orgContact.form.create')}
          submitting={mutation.isPending}
        />
      </Stack>
    </form>
  );
}
