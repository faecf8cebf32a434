import { passwordProblems } from '@hstf/domain';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../../lib/format';

/** The policy problem to show on the field, in the reader's language; null when the password is acceptable. */
export function usePasswordError() {
  const { t } = useTranslation();
  const { number } = useFormatters();
  return (password: string, email: string): string | null => {
    const [problem] = passwordProblems(password, email);
    if (!problem) return null;
    switch (problem.code) {
      case 'too_short':
        return t('users.password.tooShort', { min: number(problem.minLength) });
      case 'too_long':
        return t('users.password.tooLong', { max: number(problem.maxLength) });
      case 'same_as_email':
        return t('users.password.sameAsEmail');
      case 'one_character':
        return t('users.password.oneCharacter');
      case 'common':
        return t('users.password.common');
    }
  };
}
