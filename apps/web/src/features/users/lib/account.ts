import { donorLinkProblem, type Role } from '@hstf/domain';
import type { TFunction } from 'i18next';

/** Who the account is for and what it may do: what creating, inviting and editing an account share. */
export interface AccountValues {
  email: string;
  name: string;
  role: Role;
  donorId: string | null;
}

export type AccountField = keyof AccountValues;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The account's required fields and libs/domain's donor-link rule; the email only while it can be typed. */
export function accountErrorsOf(
  t: TFunction,
  next: AccountValues,
  emailTyped: boolean,
): Partial<Record<AccountField, string>> {
  const errors: Partial<Record<AccountField, string>> = {};
  if (emailTyped) {
    if (!next.email.trim()) errors.email = t('users.form.emailRequired');
    else if (!EMAIL.test(next.email.trim())) errors.email = t('users.form.emailInvalid');
  }
  if (!next.name.trim()) errors.name = t('users.form.nameRequired');
  if (donorLinkProblem(next.role, next.role === 'donor' ? next.donorId : null)) {
    errors.donorId = t('users.form.donorRequired');
  }
  return errors;
}
