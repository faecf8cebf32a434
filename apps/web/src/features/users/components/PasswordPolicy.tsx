import { List, Text, ThemeIcon, VisuallyHidden } from '@mantine/core';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, passwordProblems } from '@hstf/domain';
import { IconCheck, IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../../lib/format';

/**
 * The password policy of libs/domain as a live checklist: length (counted in characters, not bytes),
 * not one character repeated, and not containing the email address. The list of common passwords is
 * too large for the bundle: the API checks it when the form is saved. Length makes a password strong; no composition rules are imposed.
 */
export function PasswordPolicy({ id, password, email }: { id: string; password: string; email: string }) {
  const { t } = useTranslation();
  const { number } = useFormatters();
  const problems = passwordProblems(password, email);
  const rules = [
    {
      key: 'length',
      met:
        password.length > 0 &&
        !problems.some((problem) => problem.code === 'too_short' || problem.code === 'too_long'),
      text: t('users.password.length', {
        min: number(PASSWORD_MIN_LENGTH),
        max: number(PASSWORD_MAX_LENGTH),
      }),
    },
    {
      key: 'one-character',
      met: password.length > 0 && !problems.some((problem) => problem.code === 'one_character'),
      text: t('users.password.notOneCharacter'),
    },
    {
      key: 'email',
      met: password.length > 0 && !problems.some((problem) => problem.code === 'same_as_email'),
      text: t('users.password.notEmail'),
    },
  ];
  return (
    <div id={id}>
      <Text size="xs" c="dimmed" mb={4}>
        {t('users.password.count', { length: number([...password].length) })}
      </Text>
      <List size="xs" spacing={2} center>
        {rules.map((rule) => (
          <List.Item
            key={rule.key}
            data-met={rule.met}
            icon={
              <ThemeIcon size={16} radius="xl" color={rule.met ? 'teal.8' : 'gray.6'} aria-hidden="true">
                {rule.met ? <IconCheck size={11} /> : <IconX size={11} />}
              </ThemeIcon>
            }
          >
            <Text size="xs" c={rule.met ? 'teal.9' : undefined}>
              {rule.text}
              <VisuallyHidden>
                {' '}
                {rule.met ? t('users.password.met') : t('users.password.unmet')}
              </VisuallyHidden>
            </Text>
          </List.Item>
        ))}
      </List>
    </div>
  );
}
