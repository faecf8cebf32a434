import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

interface ConfirmDeleteModalProps {
  opened: boolean;
  title: string;
  body: string;
  error: string | null;
  pending: boolean;
  blocked?: boolean;
  onCancel: () => void;
  onConfirm: () => void;
}

export function ConfirmDeleteModal({
  opened,
  title,
  body,
  error,
  pending,
  blocked = false,
  onCancel,
  onConfirm,
}: ConfirmDeleteModalProps) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={opened}
      onClose={onCancel}
      title={title}
      centered
      closeButtonProps={{ 'aria-label': t('donors.form.cancel') }}
    >
      <Stack gap="md">
        <Text size="sm">{body}</Text>
        {error ? (
          <Alert color="red" variant="light" role="alert" title={t('donors.delete.failed')}>
            {error}
          </Alert>
        ) : null}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onCancel}>
            {t('donors.form.cancel')}
          </Button>
          <Button color="red.9" loading={pending} disabled={blocked} onClick={onConfirm}>
            {t('donors.delete.confirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
