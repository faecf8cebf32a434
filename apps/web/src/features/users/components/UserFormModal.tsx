import { Modal, PasswordInput, Stack, Switch } from '@mantine/core';
import { isRole } from '@hstf/domain';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { FormModalFooter } from '../../../components/FormModalFooter';
import { staleAlertFor } from '../../../components/stale-alert';
import { problemSlug, writeFailureOf } from '../../../lib/field-errors';
import { useStaleMerge } from '../../../lib/form';
import { useDonorOptions } from '../api/get-donor-options';
import { userQueryOptions, type UserAccount } from '../api/get-users';
import { useCreateUser, useUpdateUser, type UpdateUserInput } from '../api/save-user';
import { usePasswordError } from '../lib/password';
import { accountErrorsOf, type AccountValues } from '../lib/account';
import { AccountFields } from './AccountFields';
import { PasswordPolicy } from './PasswordPolicy';

const FIELDS = ['email', 'name', 'role', 'donorId', 'active', 'password'] as const;
type Field = (typeof FIELDS)[number];
const COMPARED = ['name', 'role', 'donorId', 'active'] as const;
type Compared = (typeof COMPARED)[number];
const isCompared = (key: string): key is Compared => (COMPARED as readonly string[]).includes(key);

interface Values extends AccountValues {
  active: boolean;
  password: string;
}

function valuesOf(user: UserAccount | null): Values {
  return {
    email: user?.email ?? '',
    name: user?.name ?? '',
    role: user && isRole(user.role) ? user.role : 'staff',
    donorId: user?.donorId ?? null,
    active: user?.active ?? true,
    password: '',
  };
}

interface UserFormModalProps {
  opened: boolean;
  onClose: () => void;
  /** null: a new account. */
  user: UserAccount | null;
  currentUserId: string | null;
  onSaved: (user: UserAccount, created: boolean) => void;
}

export function UserFormModal({ opened, onClose, user, currentUserId, onSaved }: UserFormModalProps) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={user ? t('users.form.editTitle', { name: user.name }) : t('users.form.createTitle')}
      size="lg"
      centered
      closeButtonProps={{ 'aria-label': t('users.form.cancel') }}
    >
      {opened ? (
        <UserForm
          key={user?.id ?? 'new'}
          user={user}
          currentUserId={currentUserId}
          onCancel={onClose}
          onSaved={onSaved}
        />
      ) : null}
    </Modal>
  );
}

interface UserFormProps {
  user: UserAccount | null;
  currentUserId: string | null;
  onCancel: () => void;
  onSaved: (user: UserAccount, created: boolean) => void;
}

/** Create an account, or change one: name, role, donor link, active, a new password. */
export function UserForm({ user, currentUserId, onCancel, onSaved }: UserFormProps) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const passwordError = usePasswordError();
  const create = useCreateUser();
  const update = useUpdateUser(user?.id ?? '');
  const mutation = user ? update : create;
  /** The account's rules of libs/domain (donor link, password policy) and the required fields. */
  const localErrorsOf = (next: Values): Partial<Record<Field, string>> => {
    const localErrors: Partial<Record<Field, string>> = accountErrorsOf(t, next, !user);
    if (!user || next.password) {
      const problem = passwordError(next.password, user ? user.email : next.email);
      if (problem) localErrors.password = problem;
    }
    return localErrors;
  };
  const form = useForm<Values>({ initialValues: valuesOf(user), validate: localErrorsOf });
  const values = form.getValues();
  // The version this form is based on: the account as read, or as re-read after a 409.
  const stale = useStaleMerge(form, user, valuesOf);
  const base = stale.base;
  const donors = useDonorOptions(values.role === 'donor');
  const refs = useRef<Partial<Record<Field, HTMLElement | null>>>({});
  const editingSelf = user !== null && user.id === currentUserId;

  const set = <K extends keyof Values>(key: K, value: Values[K]) => form.setFieldValue(key, value as never);
  const checkedEmail = user ? user.email : values.email;

  const failure = mutation.error ? writeFailureOf(mutation.error, FIELDS) : null;
  const slug = problemSlug(mutation.error);
  const errorOf = (field: Field) => (form.errors[field] as string | undefined) ?? failure?.fields[field];

  const changesFrom = (from: UserAccount): UpdateUserInput => {
    const input: UpdateUserInput = {};
    if (values.name.trim() !== from.name) input.name = values.name.trim();
    if (values.role !== from.role) input.role = values.role;
    const donorId = values.role === 'donor' ? values.donorId : null;
    if (donorId !== from.donorId) input.donorId = donorId;
    if (values.active !== from.active) input.active = values.active;
    if (values.password) input.password = values.password;
    return input;
  };

  const send = (from: UserAccount | null) => {
    if (!user || !from) {
      create.mutate(
        {
          email: values.email.trim(),
          name: values.name.trim(),
          role: values.role,
          donorId: values.role === 'donor' ? values.donorId : null,
          password: values.password,
        },
        { onSuccess: (saved) => onSaved(saved, true) },
      );
      return;
    }
    const input = changesFrom(from);
    if (Object.keys(input).length === 0) {
      onCancel();
      return;
    }
    update.mutate(
      { ...input, version: from.version },
      {
        onSuccess: (saved) => onSaved(saved, false),
        onError: (error) =>
          void stale.refused(error, () =>
            queryClient.fetchQuery({ ...userQueryOptions(user.id), staleTime: 0 }),
          ),
      },
    );
  };

  const focusFirst = (errors: Record<string, unknown>) => {
    const first = FIELDS.find((field) => errors[field]);
    if (first) refs.current[first]?.focus();
  };
  const handleSubmit = () => {
    stale.clear();
    send(base);
  };

  const roleLabel = (role: string) => (isRole(role) ? t(`roles.${role}`) : role);
  const describeChange = (key: Compared) => {
    if (!base) return '';
    const value =
      key === 'role'
        ? roleLabel(base.role)
        : key === 'active'
          ? base.active
            ? t('users.table.active')
            : t('users.table.inactive')
          : key === 'donorId'
            ? (donors.data?.find((donor) => donor.id === base.donorId)?.name ??
              (base.donorId ? '…' : t('users.form.noDonor')))
            : base.name;
    return t('users.stale.change', { field: t(`users.form.${key}`), value });
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
          fixedEmail={user?.email}
          roleWarning={editingSelf && values.role !== 'admin' ? t('users.form.ownRole') : undefined}
        />
        {user ? (
          <Switch
            label={t('users.form.active')}
            description={editingSelf ? t('users.form.ownActive') : t('users.form.activeHint')}
            checked={values.active}
            onChange={(event) => set('active', event.currentTarget.checked)}
            disabled={editingSelf}
            error={errorOf('active')}
          />
        ) : null}
        <Stack gap={6}>
          <PasswordInput
            ref={(element) => {
              refs.current.password = element;
            }}
            label={user ? t('users.form.newPassword') : t('users.form.password')}
            description={user ? t('users.form.newPasswordHint') : t('users.form.passwordHint')}
            autoComplete="new-password"
            value={values.password}
            onChange={(event) => set('password', event.currentTarget.value)}
            error={errorOf('password')}
            withAsterisk={!user}
            visibilityToggleButtonProps={{ 'aria-label': t('users.form.showPassword') }}
          />
          {!user || values.password ? (
            <PasswordPolicy id="password-policy" password={values.password} email={checkedEmail} />
          ) : null}
        </Stack>

        <FormModalFooter
          staleAlert={staleAlertFor(
            // The password typed is kept: the account as read holds none to take.
            {
              ...stale,
              changed: stale.changed?.filter(isCompared) ?? null,
              takeTheirs: () => stale.takeTheirs(['password']),
            },
            update,
            describeChange,
            {
              title: t('users.stale.title'),
              body: t('users.stale.body'),
              noChanges: t('users.stale.otherChange'),
              keepMine: t('users.stale.keepMine'),
              takeTheirs: t('users.stale.takeTheirs'),
            },
          )}
          failure={
            mutation.isError && !failure?.stale && !Object.keys(failure?.fields ?? {}).length
              ? {
                  title: t('users.form.failed'),
                  message:
                    slug === 'own-account'
                      ? t('users.form.ownAccount')
                      : failure?.others.length
                        ? failure.others.join(' ')
                        : t('users.form.tryAgain'),
                }
              : null
          }
          onCancel={onCancel}
          cancelLabel={t('users.form.cancel')}
          submitLabel={user ? t('users.form.save') : t('users.form.create')}
          submitting={mutation.isPending}
        />
      </Stack>
    </form>
  );
}
