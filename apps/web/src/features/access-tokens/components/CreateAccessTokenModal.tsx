import { Modal, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import {
  ACCESS_TOKEN_MAX_DAYS,
  ACCESS_TOKEN_NAME_MAX_LENGTH,
  accessTokenProblems,
  addDays,
} from '@hstf/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../../components/DateField';
import { FormModalFooter } from '../../../components/FormModalFooter';
import { writeFailureOf } from '../../../lib/field-errors';
import { showServerErrors } from '../../../lib/form';
import { ApiError } from '../../../lib/problem';
import { useCreateAccessToken, type CreatedAccessToken } from '../api/access-tokens';

interface Values {
  name: string;
  expiresOn: string;
}
const FIELDS = ['name', 'expiresOn'] as const;

/** Today in UTC, the day the API judges expiry dates on. */
const todayUtc = () => new Date().toISOString().slice(0, 10);

interface CreateAccessTokenModalProps {
  opened: boolean;
  onClose: () => void;
  onCreated: (token: CreatedAccessToken) => void;
}

export function CreateAccessTokenModal({ opened, onClose, onCreated }: CreateAccessTokenModalProps) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t('accessTokens.form.title')}
      centered
      closeButtonProps={{ 'aria-label': t('common.cancel') }}
    >
      {opened ? <CreateAccessTokenForm onCancel={onClose} onCreated={onCreated} /> : null}
    </Modal>
  );
}

function CreateAccessTokenForm({
  onCancel,
  onCreated,
}: {
  onCancel: () => void;
  onCreated: (token: CreatedAccessToken) => void;
}) {
  const { t } = useTranslation();
  const create = useCreateAccessToken();
  const [others, setOthers] = useState<string[]>([]);
  const today = todayUtc();
  const form = useForm<Values>({
    initialValues: { name: '', expiresOn: addDays(today, 90) },
    validate: {
      name: (value) => (value.trim() ? null : t('accessTokens.form.nameRequired')),
      // The API's rule (libs/domain), so the form refuses exactly the dates the server would.
      expiresOn: (value) => {
        const problem = accessTokenProblems({ expiresOn: value || null, today, live: 0 })[0];
        return problem ? t(`accessTokens.rules.${problem.code}`, problem.facts) : null;
      },
    },
  });
  const failure = create.error ? writeFailureOf(create.error, FIELDS) : null;

  const submit = (values: Values) => {
    setOthers([]);
    create.mutate(
      { name: values.name.trim(), expiresOn: values.expiresOn || null },
      {
        onSuccess: onCreated,
        onError: (error) => setOthers(showServerErrors(form, error)),
      },
    );
  };

  return (
    <form onSubmit={form.onSubmit(submit)} noValidate aria-label={t('accessTokens.form.title')}>
      <Stack gap="md">
        <TextInput
          label={t('accessTokens.form.name')}
          description={t('accessTokens.form.nameHint')}
          maxLength={ACCESS_TOKEN_NAME_MAX_LENGTH}
          withAsterisk
          data-autofocus
          {...form.getInputProps('name')}
        />
        <DateField
          label={t('accessTokens.form.expiresOn')}
          description={t('accessTokens.form.expiresOnHint', { days: ACCESS_TOKEN_MAX_DAYS })}
          minDate={today}
          maxDate={addDays(today, ACCESS_TOKEN_MAX_DAYS)}
          clearable
          value={form.getValues().expiresOn}
          onChange={(value) => form.setFieldValue('expiresOn', value)}
          error={form.errors.expiresOn}
        />
        <FormModalFooter
          failure={
            others.length > 0 || (failure && Object.keys(failure.fields).length === 0)
              ? {
                  title: t('accessTokens.form.failed'),
                  message:
                    others.join(' ') ||
                    (create.error instanceof ApiError && create.error.status === 429
                      ? t('accessTokens.form.tooMany', {
                          minutes: Math.ceil((create.error.retryAfterSeconds ?? 60) / 60),
                        })
                      : t('accessTokens.form.failedBody')),
                }
              : null
          }
          onCancel={onCancel}
          submitLabel={t('accessTokens.form.submit')}
          submitting={create.isPending}
        />
      </Stack>
    </form>
  );
}
