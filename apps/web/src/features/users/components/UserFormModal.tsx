import {
  Alert,
  Button,
  Group,
  Modal,
  NativeSelect,
  PasswordInput,
  Select,
  Stack,
  Switch,
  TextInput,
} from '@mantine/core';
import { ROLES, donorLinkProblem, isRole, type Role } from '@hstf/domain';
import { useQueryClient } from '@tanstack/react-query';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { problemSlug, writeFailureOf } from '../../../lib/field-errors';
import { useDonorOptions } from '../api/get-donor-options';
import { userQueryOptions, type UserAccount } from '../api/get-users';
import { useCreateUser, useUpdateUser, type UpdateUserInput } from '../api/save-user';
import { usePasswordError } from '../lib/password';
import { PasswordPolicy } from './PasswordPolicy';
import { StaleChangesAlert } from '../../../components/StaleChangesAlert';

const FIELDS = ['email', 'name', 'role', 'donorId', 'active', 'password'] as const;
type Field = (typeof FIELDS)[number];
const COMPARED = ['name', 'role', 'donorId', 'active'] as const;

interface Values {
  email: string;
  name: string;
  role: Role;
  donorId: string | null;
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

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

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
  // The version this form is based on: the account as read, or as re-read after a 409.
  const [base, setBase] = useState<UserAccount | null>(user);
  const [values, setValues] = useState<Values>(() => valuesOf(user));
  const [tried, setTried] = useState(false);
  const [theirs, setTheirs] = useState<{ changed: (typeof COMPARED)[number][] } | null>(null);
  const donors = useDonorOptions(values.role === 'donor');
  const refs = useRef<Partial<Record<Field, HTMLElement | null>>>({});
  const editingSelf = user !== null && user.id === currentUserId;

  const set = <K extends keyof Values>(key: K, value: Values[K]) =>
    setValues((current) => ({ ...current, [key]: value }));

  const localErrors: Partial<Record<Field, string>> = {};
  if (!user) {
    if (!values.email.trim()) localErrors.email = t('users.form.emailRequired');
    else if (!EMAIL.test(values.email.trim())) localErrors.email = t('users.form.emailInvalid');
  }
  if (!values.name.trim()) localErrors.name = t('users.form.nameRequired');
  if (donorLinkProblem(values.role, values.role === 'donor' ? values.donorId : null)) {
    localErrors.donorId = t('users.form.donorRequired');
  }
  const checkedEmail = user ? user.email : values.email;
  if (!user || values.password) {
    const problem = passwordError(values.password, checkedEmail);
    if (problem) localErrors.password = problem;
  }

  const failure = mutation.error ? writeFailureOf(mutation.error, FIELDS) : null;
  const slug = problemSlug(mutation.error);
  const errorOf = (field: Field) => (tried ? localErrors[field] : undefined) ?? failure?.fields[field];

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
        onError: (error) => {
          if (!writeFailureOf(error, FIELDS).stale) return;
          void queryClient.fetchQuery(userQueryOptions(user.id)).then((latest) => {
            const changed = COMPARED.filter((key) => latest[key] !== from[key]);
            // What they changed and this admin did not is taken from theirs; this admin's edits stay.
            const original = valuesOf(from);
            const current = valuesOf(latest);
            setValues((typed) => ({
              ...typed,
              ...Object.fromEntries(
                COMPARED.filter((key) => typed[key] === original[key]).map((key) => [key, current[key]]),
              ),
            }));
            setTheirs({ changed });
            setBase(latest);
          });
        },
      },
    );
  };

  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    const first = FIELDS.find((field) => localErrors[field]);
    if (first) {
      refs.current[first]?.focus();
      return;
    }
    setTheirs(null);
    send(base);
  };

  const takeTheirs = () => {
    if (!base) return;
    setValues({ ...valuesOf(base), password: values.password });
    setTheirs(null);
    update.reset();
  };

  const roleLabel = (role: string) => (isRole(role) ? t(`roles.${role}`) : role);
  const describeChange = (key: (typeof COMPARED)[number]) => {
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
    <form onSubmit={handleSubmit} noValidate>
      <Stack gap="md">
        {user ? (
          <TextInput
            label={t('users.form.email')}
            value={user.email}
            readOnly
            variant="filled"
            description={t('users.form.emailFixed')}
          />
        ) : (
          <TextInput
            ref={(element) => {
              refs.current.email = element;
            }}
            label={t('users.form.email')}
            type="email"
            autoComplete="off"
            value={values.email}
            onChange={(event) => set('email', event.currentTarget.value)}
            error={errorOf('email')}
            withAsterisk
            data-autofocus
          />
        )}
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
          error={
            errorOf('role') ?? (editingSelf && values.role !== 'admin' ? t('users.form.ownRole') : undefined)
          }
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

        {theirs ? (
          <StaleChangesAlert
            title={t('users.stale.title')}
            body={t('users.stale.body')}
            changes={theirs.changed.map((key) => describeChange(key))}
            noChanges={t('users.stale.otherChange')}
            keepMine={t('users.stale.keepMine')}
            takeTheirs={t('users.stale.takeTheirs')}
            saving={update.isPending}
            onTakeTheirs={takeTheirs}
          />
        ) : null}

        {mutation.isError && !failure?.stale && !Object.keys(failure?.fields ?? {}).length ? (
          <Alert color="red" variant="light" role="alert" title={t('users.form.failed')}>
            {slug === 'own-account'
              ? t('users.form.ownAccount')
              : failure?.others.length
                ? failure.others.join(' ')
                : t('users.form.tryAgain')}
          </Alert>
        ) : null}

        <Group justify="flex-end" gap="sm" mt="xs">
          <Button variant="default" onClick={onCancel}>
            {t('users.form.cancel')}
          </Button>
          {!theirs ? (
            <Button type="submit" loading={mutation.isPending}>
              {user ? t('users.form.save') : t('users.form.create')}
            </Button>
          ) : null}
        </Group>
      </Stack>
    </form>
  );
}
