import {
  Alert,
  Anchor,
  Box,
  Button,
  Group,
  Paper,
  PasswordInput,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDocumentTitle } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { LanguagePicker } from '../../../components/LanguagePicker';
import { ApiError } from '../../../lib/problem';
import { useRequestPasswordReset, useSetPassword } from '../api/account';

/**
 * /set-password (public): with the token of a mailed link, the account's new password; without,
 * the form that asks for such a link.
 */
export function SetPasswordRoute() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const token = params.get('token');
  useDocumentTitle(`${t('notifications.account.title')} · ${t('app.name')}`);
  return (
    <Box component="main" id="main-content" p="md" maw={480} mx="auto" mt="xl">
      <Group justify="flex-end" mb="md">
        <LanguagePicker size="sm" w={160} />
      </Group>
      <Paper withBorder radius="lg" p={{ base: 'lg', sm: 40 }} shadow="sm">
        {token ? <ChoosePassword token={token} /> : <AskForLink />}
      </Paper>
    </Box>
  );
}

function ChoosePassword({ token }: { token: string }) {
  const { t } = useTranslation();
  const setPassword = useSetPassword();
  const form = useForm({
    initialValues: { password: '' },
    validate: { password: (value) => (value ? null : t('notifications.account.passwordRequired')) },
  });
  if (setPassword.isSuccess) {
    return (
      <Stack>
        <Title order={1} fz={26}>
          {t('notifications.account.doneTitle')}
        </Title>
        <Text>{t('notifications.account.done')}</Text>
        <Anchor component={Link} to="/sign-in">
          {t('auth.submit')}
        </Anchor>
      </Stack>
    );
  }
  const error = setPassword.error instanceof ApiError ? setPassword.error : null;
  const tokenRefused = error?.problem?.errors?.some((item) => item.field === 'token') ?? false;
  const passwordErrors = error?.problem?.errors?.filter((item) => item.field === 'password') ?? [];
  return (
    <form onSubmit={form.onSubmit(({ password }) => setPassword.mutate({ token, password }))} noValidate>
      <Stack>
        <Title order={1} fz={26}>
          {t('notifications.account.chooseTitle')}
        </Title>
        {tokenRefused ? (
          <Alert color="red" title={t('notifications.account.linkRefusedTitle')}>
            {t('notifications.account.linkRefused')}{' '}
            <Anchor component={Link} to="/set-password">
              {t('notifications.account.askAgain')}
            </Anchor>
          </Alert>
        ) : null}
        <PasswordInput
          label={t('notifications.account.password')}
          description={t('notifications.account.passwordHelp')}
          autoComplete="new-password"
          {...form.getInputProps('password')}
          error={
            form.errors.password ??
            (passwordErrors.length ? passwordErrors.map((item) => item.message).join(' ') : undefined)
          }
        />
        <Button type="submit" loading={setPassword.isPending}>
          {t('notifications.account.save')}
        </Button>
      </Stack>
    </form>
  );
}

function AskForLink() {
  const { t } = useTranslation();
  const request = useRequestPasswordReset();
  const form = useForm({
    initialValues: { email: '' },
    validate: { email: (value) => (/^\S+@\S+$/.test(value.trim()) ? null : t('auth.errors.emailRequired')) },
  });
  return (
    <form onSubmit={form.onSubmit(({ email }) => request.mutate(email.trim()))} noValidate>
      <Stack>
        <Title order={1} fz={26}>
          {t('notifications.account.forgotTitle')}
        </Title>
        <Text c="dimmed">{t('notifications.account.forgot')}</Text>
        {request.isSuccess ? (
          <Alert color="teal" role="status">
            {t('notifications.account.sent')}
          </Alert>
        ) : null}
        <TextInput
          label={t('auth.email')}
          type="email"
          autoComplete="email"
          {...form.getInputProps('email')}
        />
        <Button type="submit" loading={request.isPending}>
          {t('notifications.account.send')}
        </Button>
        <Anchor component={Link} to="/sign-in" size="sm">
          {t('auth.submit')}
        </Anchor>
      </Stack>
    </form>
  );
}
