import { PasswordInput, Stack, Switch } from '@mantine/core';
import { isRole } from '@hstf/domain';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { FormModal, ModalForm } from '../../../components/FormModal';
import { problemSlug } from '../../../lib/field-errors';
import { useFormModal } from '../../../lib/use-form-modal';
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
    <FormModal
      opened={opened}
      onClose={onClose}
      title={user ? t('users.form.editTitle', { name: user.name }) : t('users.form.createTitle')}
      size="lg"
      closeLabel={t('users.form.cancel')}
    >
      <UserForm
        key={user?.id ?? 'new'}
        user={user}
        currentUserId={currentUserId}
        onCancel={onClose}
        onSaved={onSaved}
      />
    </FormModal>
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
  const modal = useFormModal({
    form,
    record: user,
    fields: FIELDS,
    valuesOf,
    create: useCreateUser(),
    update: useUpdateUser(user?.id ?? ''),
    bodyOf: (next) => ({
      email: next.email.trim(),
      name: next.name.trim(),
      role: next.role,
      donorId: next.role === 'donor' ? next.donorId : null,
      password: next.password,
    }),
    changesFrom: (next, from) => {
      const input: UpdateUserInput = {};
      if (next.name.trim() !== from.name) input.name = next.name.trim();
      if (next.role !== from.role) input.role = next.role;
      const donorId = next.role === 'donor' ? next.donorId : null;
      if (donorId !== from.donorId) input.donorId = donorId;
      if (next.active !== from.active) input.active = next.active;
      if (next.password) input.password = next.password;
      return input;
    },
    readLatest: () => queryClient.fetchQuery({ ...userQueryOptions(user?.id ?? ''), staleTime: 0 }),
    onSaved,
    onCancel,
    // The password typed is kept: the account as read holds none to take.
    keptOnTakeTheirs: ['password'],
  });
  const { values, base } = modal;
  const donors = useDonorOptions(values.role === 'donor');
  const editingSelf = user !== null && user.id === currentUserId;

  const set = <K extends keyof Values>(key: K, value: Values[K]) => form.setFieldValue(key, value as never);
  const checkedEmail = user ? user.email : values.email;

  const slug = problemSlug(modal.mutation.error);
  const errorOf = modal.errorOf;

  const roleLabel = (role: string) => (isRole(role) ? t(`roles.${role}`) : role);
  const describeChange = (key: keyof Values) => {
    if (!isCompared(key)) return null;
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
    <ModalForm
      modal={modal}
      describe={describeChange}
      staleWording={{
        title: t('users.stale.title'),
        body: t('users.stale.body'),
        noChanges: t('users.stale.otherChange'),
        keepMine: t('users.stale.keepMine'),
        takeTheirs: t('users.stale.takeTheirs'),
      }}
      failureTitle={t('users.form.failed')}
      tryAgain={t('users.form.tryAgain')}
      failureMessage={slug === 'own-account' ? t('users.form.ownAccount') : undefined}
      onCancel={onCancel}
      cancelLabel={t('users.form.cancel')}
      createLabel={t('users.form.create')}
      saveLabel={t('users.form.save')}
    >
      <AccountFields
        values={values}
        onValues={(patch) => form.setValues(patch)}
        errorOf={errorOf}
        fieldRef={(field, element) => modal.fieldRef(field)(element)}
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
          ref={modal.fieldRef('password')}
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
    </ModalForm>
  );
}
