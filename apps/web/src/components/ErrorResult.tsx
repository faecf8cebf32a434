import { Alert, Button, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconRefresh } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

export function ErrorResult({ title, onRetry }: { title: string; onRetry?: () => void }) {
  const { t } = useTranslation();
  return (
    <Alert
      variant="light"
      color="red"
      title={title}
      icon={<IconAlertTriangle aria-hidden="true" />}
      my="md"
      styles={{ title: { color: 'var(--mantine-color-red-9)' } }}
    >
      <Stack gap="sm" align="flex-start">
        <Text size="sm">{t('common.errorBody')}</Text>
        {onRetry ? (
          <Button
            variant="default"
            size="xs"
            leftSection={<IconRefresh size={16} aria-hidden="true" />}
            onClick={onRetry}
          >
            {t('common.retry')}
          </Button>
        ) : null}
      </Stack>
    </Alert>
  );
}
