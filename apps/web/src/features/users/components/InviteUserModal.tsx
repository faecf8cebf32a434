import { Modal, NativeSelect, Select, Stack, TextInput } from '@mantine/core';
import { ROLES, donorLinkProblem, isRole, type Role } from '@hstf/domain';
import { useForm } from '@mantine/form';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { FormModalFooter } from '../../../components/FormModalFooter';
import { LANGUAGES, isLanguage, type Language } from '../../../i18n/languages';
import { writeFailureOf } from '../../../lib/field-errors';
import { useDonorOptions } from '../api/get-donor-options';
import type { UserAccount } from '../api/get-users';
import { useInviteUser } from '../api/save-user';

const FIELDS = ['email', 'name', 'role', 'donorId', 'language'] as const;
type Field = (typeof FIELDS)[number];

interface Values {
  email: string;
  name: string;
  role: Role;
  donorId: string | null;
  language: Language;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

interface InviteUserModalProps {
  opened: boolean;
  onClose: () => void;
  onInvited: (user: UserAccount) => void;
}

export function InviteUserModal({ opened, onClose, onInvited }: InviteUserModalProps) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t('users.invite.title')}
      size="lg"
      centered
      closeButtonProps={{ 'aria-label': t('users.form.cancel') }}
    >
      {opened ? <InviteUserForm onCancel={onClose} onInvited={onInvited} /> : null}
    </Modal>
  );
}

/**
 * Invites a person: their account is created without a password they would have to be told, and
 * a one-time link, in the language chosen, lets them choose their own.
 */
function InviteUserForm({
  onCancel,
  onInvited,
}: {
  onCancel: () => void;
  onInvited: (user: UserAccount) => void;
}) {
  const { t, i18n } = useTranslation();
  const invite = useInviteUser();
  const form = useForm<Values>({
    initialValues: {
      email: '',
      name: '',
      role: 'staff',
      donorId: null,
      language: isLanguage(i18n.language) ? i18n.language : 'en',
    },
    validate: (next) => {
      const errors: Partial<Record<Field, string>> = {};
      if (!next.email.trim()) errors.email = t('users.form.emailRequired');
      else if (!EMAIL.test(next.email.trim())) errors.email = t('users.form.emailInvalid');
      if (!next.name.trim()) errors.name = t('users.form.nameRequired');
      if (donorLinkProblem(next.role, next.role === 'donor' ? next.donorId : null)) {
        errors.donorId = t('users.form.donorRequired');
      }
      return errors;
    },
  });
  const values = form.getValues();
  const donors = useDonorOptions(values.role === 'donor');
  const refs = useRef<Partial<Record<Field, HTMLElement | null>>>({});
  const set = <K extends keyof Values>(key: K, value: Values[K]) => form.setFieldValue(key, value as never);

  const failure = invite.error ? writeFailureOf(invite.error, FIELDS) : null;
  const errorOf = (field: Field) => (form.errors[field] as string | undefined) ?? failure?.fields[field];
  const roleLabel = (role: string) => (isRole(role) ? t(`roles.${role}`) : role);

  const handleSubmit = () => {
    invite.mutate(
      {
        email: values.email.trim(),
        name: values.name.trim(),
        role: values.role,
        donorId: values.role === 'donor' ? values.donorId : null,
        language: values.language,
      },
      { onSuccess: onInvited },
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
            refs.current.email = element;
          }}
          label={t('users.form.email')}
          description={t('users.invite.emailHint')}
          type="email"
          autoComplete="off"
          value={values.email}
          onChange={(event) => set('email', event.currentTarget.value)}
          error={errorOf('email')}
          withAsterisk
          data-autofocus
        />
        <TextInput
          ref={(element) => {
            refs.current.name = element;
          }}
          label={t('users.form.name')}
          value={values.name}
          onChange={(event) => set('name', event.currentTarget.value)}
          error={errorOf('name')}
          withAsterisk
          maxLength={200}
        />
        <NativeSelect
          ref={(element) => {
            refs.current.role = element;
          }}
          label={t('users.form.role')}
          description={t(`users.roleHints.${values.role}`)}
          value={values.role}
          onChange={(event) => {
            const role = event.currentTarget.value;
            if (isRole(role)) set('role', role);
          }}
          error={errorOf('role')}
          withAsterisk
        >
          {ROLES.map((role) => (
            <option key={role} value={role}>
              {roleLabel(role)}
            </option>
          ))}
        </NativeSelect>
        {values.role === 'donor' ? (
          <Select
            ref={(element) => {
              refs.current.donorId = element;
            }}
            label={t('users.form.donorId')}
            description={t('users.form.donorHint')}
            placeholder={donors.isPending ? t('common.loading') : t('users.form.pickDonor')}
            data={(donors.data ?? []).map((donor) => ({ value: donor.id, label: donor.name }))}
            value={values.donorId}
            onChange={(value) => set('donorId', value)}
            searchable
            nothingFoundMessage={t('users.form.noDonorFound')}
            error={errorOf('donorId') ?? (donors.isError ? t('users.form.donorsError') : undefined)}
            withAsterisk
          />
        ) : null}
        <NativeSelect
          ref={(element) => {
            refs.current.language = element;
          }}
          label={t('users.invite.language')}
          description={t('users.invite.languageHint')}
          value={values.language}
          onChange={(event) => {
            const language = event.currentTarget.value;
            if (isLanguage(language)) set('language', language);
          }}
          error={errorOf('language')}
        >
          {LANGUAGES.map((language) => (
            <option key={language.code} value={language.code} lang={language.code}>
              {language.nativeName}
            </option>
          ))}
        </NativeSelect>

        <FormModalFooter
          failure={
            invite.isError && !Object.keys(failure?.fields ?? {}).length
              ? {
                  title: t('users.invite.failed'),
                  message: failure?.others.length ? failure.others.join(' ') : t('users.form.tryAgain'),
                }
              : null
          }
          onCancel={onCancel}
          cancelLabel={t('users.form.cancel')}
          submitLabel={t('users.invite.submit')}
          submitting={invite.isPending}
        />
      </Stack>
    </form>
  );
}
