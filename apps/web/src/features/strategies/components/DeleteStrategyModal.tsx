import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { isStaleVersion, problemSlug } from '../../../lib/field-errors';
import { ApiError } from '../../../lib/problem';
import type { Strategy } from '../api/get-strategies';
import { useDeleteStrategy } from '../api/save-strategy';

export function DeleteStrategyModal({
  strategy,
  onClose,
  onDeleted,
}: {
  strategy: Strategy | null;
  onClose: () => void;
  onDeleted: (strategy: Strategy) => void;
}) {
  const { t } = useTranslation();
  const remove = useDeleteStrategy();
  const slug = problemSlug(remove.error);
  const alignments =
    remove.error instanceof ApiError
      ? Number((remove.error.problem as { alignments?: unknown } | null)?.alignments ?? 0)
      : 0;
  const close = () => {
    remove.reset();
    onClose();
  };
  return (
    <Modal
      opened={strategy !== null}
      onClose={close}
      title={t('strategies.delete.title')}
      centered
      closeButtonProps={{ 'aria-label': t('strategies.form.cancel') }}
    >
      <Stack gap="md">
        <Text size="sm">{t('strategies.delete.body', { title: strategy?.title ?? '' })}</Text>
        {remove.isError ? (
          <Alert color="red" variant="light" role="alert" title={t('strategies.delete.failed')}>
            {slug === 'strategy-in-use'
              ? t('strategies.delete.inUse', { alignments })
              : isStaleVersion(remove.error)
                ? t('strategies.delete.stale')
                : t('strategies.form.tryAgain')}
          </Alert>
        ) : null}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={close}>
            {t('strategies.form.cancel')}
          </Button>
          <Button
            color="red.9"
            loading={remove.isPending}
            disabled={slug === 'strategy-in-use'}
            onClick={() =>
              strategy &&
              remove.mutate(
                { id: strategy.id, version: strategy.version },
                { onSuccess: () => onDeleted(strategy) },
              )
            }
          >
            {t('strategies.delete.confirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
