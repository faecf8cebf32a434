import { Alert, Button, Group, List, Modal, Stack, Text } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

interface SubmitConfirmModalProps {
  opened: boolean;
  code: string;
  submitting: boolean;
  onCancel: () => void;
  onConfirm: () => void;
}

/** Submitting is final: the reviewer confirms, knowing what follows. */
export function SubmitConfirmModal({
  opened,
  code,
  submitting,
  onCancel,
  onConfirm,
}: SubmitConfirmModalProps) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={opened}
      onClose={submitting ? () => undefined : onCancel}
      title={t('reviews.submit.confirmTitle', { code })}
      centered
      size="lg"
      closeButtonProps={{ 'aria-label': t('reviews.submit.cancel') }}
    >
      <Stack gap="md">
        <Alert color="orange" variant="light" icon={<IconLock aria-hidden="true" />}>
          <Text size="sm" fw={600} c="#8a3a00">
            {t('reviews.submit.final')}
          </Text>
        </Alert>
        <List size="sm" spacing={6}>
          <List.Item>{t('reviews.submit.consequenceLocked')}</List.Item>
          <List.Item>{t('reviews.submit.consequenceCounted')}</List.Item>
          <List.Item>{t('reviews.submit.consequenceOthers')}</List.Item>
        </List>
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onCancel} disabled={submitting}>
            {t('reviews.submit.cancel')}
          </Button>
          <Button onClick={onConfirm} loading={submitting} data-autofocus>
            {t('reviews.submit.confirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
