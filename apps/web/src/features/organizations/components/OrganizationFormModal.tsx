import { Fieldset, NativeSelect, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { FormModal, ModalForm } from '../../../components/FormModal';
import { LANGUAGES, isLanguage, type Language } from '../../../i18n/languages';
import { problemSlug } from '../../../lib/field-errors';
import { useFormModal } from '../../../lib/use-form-modal';
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
    <FormModal
      opened={opened}
      onClose={onClose}
      title={
        organization
          ? t('orgContact.form.editTitle', { name: organization.name })
          : t('orgContact.form.createTitle')
      }
      closeLabel={t('orgContact.form.cancel')}
    >
      <OrganizationForm
        key={organization?.id ?? 'new'}
        organization={organization}
        onCancel={onClose}
        onSaved={onSaved}
      />
    </FormModal>
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
  const localErrorsOf = (next: Values): Partial<Record<Field, string>> => {
    const errors: Partial<Record<Field, string>> = {};
    if (next.name.trim().length < 2) errors.name = t('orgContact.form.nameShort');
    const email = next.contactEmail.trim();
    if (email && !EMAIL.test(email)) errors.contactEmail = t('orgContact.form.emailInvalid');
    return errors;
  };
  const form = useForm<Values>({ initialValues: valuesOf(organization), validate: localErrorsOf });
  const modal = useFormModal({
    form,
    record: organization,
    fields: FIELDS,
    valuesOf,
    create: useCreateOrganization(),
    update: useUpdateOrganization(organization?.id ?? ''),
    bodyOf,
    changesFrom: (submitted, base) => {
      const next = bodyOf(submitted);
      const before = bodyOf(valuesOf(base));
      const input: UpdateOrganizationInput = {};
      for (const key of Object.keys(next) as (keyof typeof next)[]) {
        if (next[key] !== before[key]) Object.assign(input, { [key]: next[key] });
      }
      return input;
    },
    readLatest: () =>
      queryClient.fetchQuery({ ...organizationQueryOptions(organization?.id ?? ''), staleTime: 0 }),
    onSaved,
    onCancel,
  });
  const { values, base } = modal;
  const duplicate = problemSlug(modal.mutation.error) === 'duplicate-organization';
  const errorOf = (field: Field) =>
    modal.errorOf(field) ?? (field === 'name' && duplicate ? t('orgContact.form.duplicate') : undefined);
  const text = (field: Exclude<Field, 'kind' | 'contactLanguage'>) => ({
    label: t(`orgContact.form.${field}`),
    value: values[field],
    onChange: (event: React.ChangeEvent<HTMLInputElement>) =>
      form.setFieldValue(field, event.currentTarget.value),
    error: errorOf(field),
  });

  return (
    <ModalForm
      modal={modal}
      describe={(field) =>
        t('orgContact.stale.change', {
          field: t(`orgContact.form.${field}`),
          value: base ? String(bodyOf(valuesOf(base))[field] ?? '—') : '—',
        })
      }
      failureTitle={t('orgContact.form.failed')}
      tryAgain={t('orgContact.form.tryAgain')}
      failureShown={duplicate}
      onCancel={onCancel}
      cancelLabel={t('orgContact.form.cancel')}
      createLabel={t('orgContact.form.create')}
      saveLabel={t('orgContact.form.save')}
    >
      <TextInput ref={modal.fieldRef('name')} {...text('name')} withAsterisk maxLength={300} data-autofocus />
      <TextInput ref={modal.fieldRef('acronym')} {...text('acronym')} maxLength={30} />
      <NativeSelect
        ref={modal.fieldRef('kind')}
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
          <TextInput ref={modal.fieldRef('contactName')} {...text('contactName')} maxLength={200} />
          <TextInput
            ref={modal.fieldRef('contactEmail')}
            {...text('contactEmail')}
            type="email"
            maxLength={254}
            description={t('orgContact.form.contactEmailHint')}
          />
          <NativeSelect
            ref={modal.fieldRef('contactLanguage')}
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
    </ModalForm>
  );
}
