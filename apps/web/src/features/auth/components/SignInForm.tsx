import { Alert, Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { IconAlertCircle, IconClockPause, IconLock, IconMail } from '@tabler/icons-react';
import { useForm } from '@mantine/form';
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../../lib/format';
import { ApiError } from '../../../lib/problem';
import { useLogin, type LoginSession } from '../api/login';
import { useBeforeScriptsMark, useDrawingAtBuild } from '../../../lib/before-scripts';
import { drawnSignInForm, isSignInField, type SignInField } from '../lib/typed-before-scripts';

type FieldErrors = Partial<Record<SignInField, string>>;

interface SignInFormProps {
  onSignedIn: (session: LoginSession) => void;
}

export function SignInForm({ onSignedIn }: SignInFormProps) {
  const { t } = useTranslation();
  // Drawn at build time, for the page the API sends before the scripts (../prerender), the form
  // cannot be sent until they run: its button is disabled, which also keeps Enter from submitting
  // it as a plain HTML form.
  const beforeScripts = useDrawingAtBuild();
  const beforeScriptsMark = useBeforeScriptsMark('sign-in');
  const { number } = useFormatters();
  const login = useLogin();
  const [drawn] = useState(drawnSignInForm);
  const [typedAtFirst] = useState(() => drawn?.typed());
  const form = useForm({
    initialValues: { email: typedAtFirst?.email ?? '', password: typedAtFirst?.password ?? '' },
    validate: {
      email: (value) => (value.trim() ? null : t('auth.errors.emailRequired')),
      password: (value) => (value ? null : t('auth.errors.passwordRequired')),
    },
  });
  const [locked, setLocked] = useState(false);
  const emailRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);
  // Before the browser paints this form in place of the drawn one: what was typed there since.
  const { setValues } = form;
  const caughtUp = useRef(false);
  useLayoutEffect(() => {
    if (!drawn || caughtUp.current) return;
    caughtUp.current = true;
    const { email, password, focused } = drawn.typed();
    setValues({ email, password });
    if (focused) (focused === 'email' ? emailRef : passwordRef).current?.focus();
  }, [drawn, setValues]);

  const error = login.error;
  const apiError = error instanceof ApiError ? error : null;

  // Field errors of a 400 problem document go on their fields; anything else on the form.
  const serverFieldErrors: FieldErrors = {};
  const otherMessages: string[] = [];
  if (apiError?.status === 400) {
    for (const item of apiError.problem?.errors ?? []) {
      if (isSignInField(item.field)) serverFieldErrors[item.field] ??= item.message;
      else otherMessages.push(item.message);
    }
  }
  // What the form finds missing (until the field is edited) stands before what the server refused.
  const errorOf = (field: SignInField) =>
    (form.errors[field] as string | undefined) ?? serverFieldErrors[field];

  const unlockTimer = useRef<number | undefined>(undefined);
  useEffect(() => () => window.clearTimeout(unlockTimer.current), []);

  const handleFailure = (failure: Error) => {
    if (!(failure instanceof ApiError)) return;
    if (failure.status === 429) {
      // Keep the button disabled for as long as the server asked us to wait.
      const seconds = failure.retryAfterSeconds ?? 60;
      setLocked(true);
      window.clearTimeout(unlockTimer.current);
      unlockTimer.current = window.setTimeout(() => setLocked(false), seconds * 1000);
    }
    if (failure.status === 400) {
      // Land keyboard and screen-reader users on the first field the server rejected.
      const fields = failure.problem?.errors?.map((item) => item.field) ?? [];
      if (fields.includes('email')) emailRef.current?.focus();
      else if (fields.includes('password')) passwordRef.current?.focus();
    }
  };

  const signIn = ({ email, password }: typeof form.values) =>
    login.mutate({ email: email.trim(), password }, { onSuccess: onSignedIn, onError: handleFailure });
  const focusFirst = (missing: Record<string, unknown>) =>
    (missing['email'] ? emailRef : passwordRef).current?.focus();

  let formAlert: { title: string; body: string; tone: 'red' | 'orange' } | null = null;
  if (error) {
    if (apiError?.status === 401) {
      formAlert = {
        title: t('auth.errors.invalidTitle'),
        body: t('auth.errors.invalidCredentials'),
        tone: 'red',
      };
    } else if (apiError?.status === 429) {
      formAlert = {
        title: t('auth.errors.tooManyTitle'),
        body:
          apiError.retryAfterSeconds !== null
            ? t('auth.errors.tooManyWait', { seconds: number(apiError.retryAfterSeconds) })
            : t('auth.errors.tooManyWaitLater'),
        tone: 'orange',
      };
    } else if (apiError?.status === 400) {
      const detail =
        otherMessages.join(' ') || (Object.keys(serverFieldErrors).length ? '' : apiError.problem?.detail);
      formAlert = detail ? { title: t('auth.errors.invalidInputTitle'), body: detail, tone: 'red' } : null;
    } else if (!apiError) {
      formAlert = { title: t('auth.errors.networkTitle'), body: t('auth.errors.network'), tone: 'red' };
    } else {
      formAlert = { title: t('auth.errors.unexpectedTitle'), body: t('auth.errors.unexpected'), tone: 'red' };
    }
  }

  return (
    <form
      onSubmit={(event) => form.onSubmit(signIn, focusFirst)(event)}
      // Were it ever sent as a plain HTML form (no script), the password stays out of the address.
      method="post"
      {...beforeScriptsMark}
      noValidate
      aria-describedby={formAlert ? 'sign-in-alert' : undefined}
    >
      <Stack gap="md">
        {formAlert ? (
          <Alert
            id="sign-in-alert"
            variant="light"
            color={formAlert.tone}
            title={formAlert.title}
            icon={
              formAlert.tone === 'orange' ? (
                <IconClockPause aria-hidden="true" />
              ) : (
                <IconAlertCircle aria-hidden="true" />
              )
            }
            role="alert"
            styles={{
              title: { color: `var(--mantine-color-${formAlert.tone === 'orange' ? 'orange' : 'red'}-9)` },
            }}
          >
            {formAlert.body}
          </Alert>
        ) : null}
        <TextInput
          ref={emailRef}
          label={t('auth.email')}
          name="email"
          type="email"
          autoComplete="username"
          inputMode="email"
          dir="ltr"
          required
          withAsterisk
          size="md"
          leftSection={<IconMail size={18} aria-hidden="true" />}
          {...form.getInputProps('email')}
          error={errorOf('email')}
        />
        <PasswordInput
          ref={passwordRef}
          label={t('auth.password')}
          name="password"
          autoComplete="current-password"
          required
          withAsterisk
          size="md"
          leftSection={<IconLock size={18} aria-hidden="true" />}
          {...form.getInputProps('password')}
          error={errorOf('password')}
          visibilityToggleButtonProps={{ 'aria-label': t('auth.showPassword') }}
        />
        <Button
          type="submit"
          size="md"
          fullWidth
          loading={login.isPending}
          disabled={locked || beforeScripts}
          mt="xs"
        >
          {t('auth.submit')}
        </Button>
      </Stack>
    </form>
  );
}
