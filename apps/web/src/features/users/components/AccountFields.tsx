import { NativeSelect, Select, TextInput } from '@mantine/core';
import { ROLES, isRole } from '@hstf/domain';
import { useTranslation } from 'react-i18next';
import type { DonorOption } from '../api/get-donor-options';
import type { AccountField, AccountValues } from '../lib/account';

interface AccountFieldsProps {
  values: AccountValues;
  onValues: (patch: Partial<AccountValues>) => void;
  errorOf: (field: AccountField) => string | undefined;
  /** Hands each field's element to the form, to focus the first one in error. */
  fieldRef: (field: AccountField, element: HTMLElement | null) => void;
  donors: { data?: DonorOption[]; isPending: boolean; isError: boolean };
  /** The account's email when it exists: shown, never changed. */
  fixedEmail?: string;
  emailHint?: string;
  /** Said under the role, e.g. when an admin is about to take away their own. */
  roleWarning?: string;
}

export function AccountFields({
  values,
  onValues,
  errorOf,
  fieldRef,
  donors,
  fixedEmail,
  emailHint,
  roleWarning,
}: AccountFieldsProps) {
  const { t } = useTranslation();
  const roleLabel = (role: string) => (isRole(role) ? t(`roles.${role}`) : role);
  return (
    <>
      {fixedEmail !== undefined ? (
        <TextInput
          label={t('users.form.email')}
          value={fixedEmail}
          readOnly
          variant="filled"
          description={t('users.form.emailFixed')}
        />
      ) : (
        <TextInput
          ref={(element) => fieldRef('email', element)}
          label={t('users.form.email')}
          description={emailHint}
          type="email"
          autoComplete="off"
          value={values.email}
          onChange={(event) => onValues({ email: event.currentTarget.value })}
          error={errorOf('email')}
          withAsterisk
          data-autofocus
        />
      )}
      <TextInput
        ref={(element) => fieldRef('name', element)}
        label={t('users.form.name')}
        value={values.name}
        onChange={(event) => onValues({ name: event.currentTarget.value })}
        error={errorOf('name')}
        withAsterisk
        maxLength={200}
      />
      <NativeSelect
        ref={(element) => fieldRef('role', element)}
        label={t('users.form.role')}
        description={t(`users.roleHints.${values.role}`)}
        value={values.role}
        onChange={(event) => {
          const role = event.currentTarget.value;
          if (isRole(role)) onValues({ role });
        }}
        error={errorOf('role') ?? roleWarning}
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
          ref={(element) => fieldRef('donorId', element)}
          label={t('users.form.donorId')}
          description={t('users.form.donorHint')}
          placeholder={donors.isPending ? t('common.loading') : t('users.form.pickDonor')}
          data={(donors.data ?? []).map((donor) => ({ value: donor.id, label: donor.name }))}
          value={values.donorId}
          onChange={(value) => onValues({ donorId: value })}
          searchable
          nothingFoundMessage={t('users.form.noDonorFound')}
          error={errorOf('donorId') ?? (donors.isError ? t('users.form.donorsError') : undefined)}
          withAsterisk
        />
      ) : null}
    </>
  );
}
