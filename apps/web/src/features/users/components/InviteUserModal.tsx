import { Modal, NativeSelect, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { FormModalFooter } from '../../../components/FormModalFooter';
import { LANGUAGES, isLanguage, type Language } from '../../../i18n/languages';
import { writeFailureOf } from '../../../lib/field-errors';
import { useDonorOptions } from '../api/get-donor-options';
import type { UserAccount } from '../api/get-users';
import { useInviteUser } from '../api/save-user';
import { accountErrorsOf, type AccountValues } from '../lib/account';
import { AccountFields } from './AccountFields';

const FIELDS = ['email', 'name', 'role', 'donorId', 'language'] as const;
type Field = (typeof FIELDS)[number];

interface Values extends AccountValues {
  language: Language;
}

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
    validate: (next) => accountErrorsOf(t, next, true),
  });
  const values = form.getValues();
  const donors = useDonorOptions(values.role === 'donor');
  const refs = useRef<Partial<Record<Field, HTMLElement | null>>>({});
  const set = <K extends keyof Values>(key: K, value: Values[K]) => form.setFieldValue(key, value as never);

  const failure = invite.error ? writeFailureOf(invite.error, FIELDS) : null;
  const errorOf = (field: Field) => (form.errors[field] as string | undefined) ?? failure?.fields[field];

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
        <AccountFields
          values={values}
          onValues={(patch) => form.setValues(patch)}
          errorOf={errorOf}
          fieldRef={(field, element) => {
            refs.current[field] = element;
          }}
          donors={donors}
          emailHint={t('users.invite.emailHint')}
        />
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
