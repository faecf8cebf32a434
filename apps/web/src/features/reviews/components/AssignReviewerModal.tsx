import { Alert, Button, Group, Modal, Select, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { problemSlug, writeFailureOf } from '../../../lib/field-errors';
import { useAssignReviewer } from '../api/assign-reviewer';
import { useReviewerOptions } from '../api/get-reviewers';

interface AssignReviewerModalProps {
  opened: boolean;
  onClose: () => void;
  projectId: string;
  code: string;
  assignedIds: string[];
  isAdmin: boolean;
}

export function AssignReviewerModal({
  opened,
  onClose,
  projectId,
  code,
  assignedIds,
  isAdmin,
}: AssignReviewerModalProps) {
  const { t } = useTranslation();
  const options = useReviewerOptions(isAdmin, opened);
  const assign = useAssignReviewer(projectId);
  const [reviewerId, setReviewerId] = useState<string | null>(null);
  const [tried, setTried] = useState(false);
  const available = (options.data ?? []).filter((option) => !assignedIds.includes(option.id));
  const failure = assign.error ? writeFailureOf(assign.error, ['reviewerId']) : null;
  const slug = problemSlug(assign.error);

  const close = () => {
    setReviewerId(null);
    setTried(false);
    assign.reset();
    onClose();
  };

  return (
    <Modal
      opened={opened}
      onClose={close}
      title={t('reviews.assign.title', { code })}
      centered
      closeButtonProps={{ 'aria-label': t('reviews.assign.cancel') }}
    >
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          setTried(true);
          if (!reviewerId) return;
          assign.mutate(reviewerId, { onSuccess: close });
        }}
      >
        <Stack gap="md">
          <Select
            label={t('reviews.assign.reviewer')}
            placeholder={options.isPending ? t('common.loading') : t('reviews.assign.pick')}
            data={available.map((option) => ({
              value: option.id,
              label: option.email ? `${option.name} · ${option.email}` : option.name,
            }))}
            value={reviewerId}
            onChange={setReviewerId}
            searchable
            nothingFoundMessage={t('reviews.assign.none')}
            withAsterisk
            error={
              tried && !reviewerId
                ? t('reviews.assign.required')
                : (failure?.fields['reviewerId'] ??
                  (slug === 'duplicate-review' ? t('reviews.assign.duplicate') : undefined))
            }
            comboboxProps={{ withinPortal: true }}
          />
          {!isAdmin ? (
            <Text size="xs" c="dimmed">
              {t('reviews.assign.staffHint')}
            </Text>
          ) : null}
          {options.isError ? (
            <Alert color="red" variant="light" title={t('reviews.assign.optionsError')}>
              {t('reviews.errors.tryAgain')}
            </Alert>
          ) : null}
          {assign.isError && !failure?.fields['reviewerId'] && slug !== 'duplicate-review' ? (
            <Alert color="red" variant="light" role="alert" title={t('reviews.assign.failed')}>
              {failure?.others.join(' ') || t('reviews.errors.tryAgain')}
            </Alert>
          ) : null}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={close}>
              {t('reviews.assign.cancel')}
            </Button>
            <Button type="submit" loading={assign.isPending}>
              {t('reviews.assign.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
