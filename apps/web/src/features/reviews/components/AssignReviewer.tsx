import { Alert, Button, Group, Modal, Select, Stack, Text } from '@mantine/core';
import { IconUserPlus } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { problemSlug, writeFailureOf } from '../../../lib/field-errors';
import { useFormatters } from '../../../lib/format';
import { useAssignReviewer } from '../api/assign-reviewer';
import { useReviewerChoices } from '../api/get-reviewers';

interface AssignReviewerProps {
  projectId: string;
  code: string;
  /** Everyone with a review of the proposal, whatever its status: a reviewer is assigned once. */
  assignedIds: readonly string[];
  /** The id of what names the proposal, where the button sits among several proposals. */
  describedBy?: string;
}

/**
 * Staff and admins assign a reviewer to a proposal under review, from the review board and from the
 * project's scorecard alike. The picker shows each reviewer's open work so the load can be spread.
 */
export function AssignReviewer({ projectId, code, assignedIds, describedBy }: AssignReviewerProps) {
  const { t } = useTranslation();
  const { number } = useFormatters();
  const [opened, setOpened] = useState(false);
  const [reviewerId, setReviewerId] = useState<string | null>(null);
  const [tried, setTried] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const choices = useReviewerChoices(opened);
  const assign = useAssignReviewer(projectId);

  const available = useMemo(
    () => (choices.data ?? []).filter((reviewer) => !assignedIds.includes(reviewer.id)),
    [choices.data, assignedIds],
  );
  const byId = useMemo(() => new Map(available.map((reviewer) => [reviewer.id, reviewer])), [available]);

  const failure = writeFailureOf(assign.error, ['reviewerId']);
  const fieldError =
    tried && !reviewerId
      ? t('reviews.assign.required')
      : problemSlug(assign.error) === 'duplicate-review'
        ? t('reviews.assign.duplicate')
        : failure.status === 400 && failure.fields['reviewerId']
          ? t('reviews.assign.notReviewer')
          : undefined;
  const otherError =
    !assign.isError || fieldError ? null : failure.status === 422 ? 'notUnderReview' : 'failed';

  const close = () => {
    setOpened(false);
    setReviewerId(null);
    setTried(false);
    assign.reset();
  };

  return (
    <Stack gap={4} align="flex-start">
      <Button
        variant="light"
        leftSection={<IconUserPlus size={18} aria-hidden="true" />}
        onClick={() => {
          setDone(null);
          setOpened(true);
        }}
        aria-describedby={describedBy}
      >
        {t('reviews.board.assign')}
      </Button>
      {done ? (
        <Text size="sm" c="teal.9" role="status">
          {t('reviews.assign.done', { name: done })}
        </Text>
      ) : null}

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
            const name = byId.get(reviewerId)?.name ?? '';
            assign.mutate(reviewerId, {
              onSuccess: () => {
                close();
                setDone(name);
              },
            });
          }}
        >
          <Stack gap="md">
            <Select
              label={t('reviews.assign.reviewer')}
              placeholder={choices.isPending ? t('common.loading') : t('reviews.assign.pick')}
              data={available.map((reviewer) => ({
                value: reviewer.id,
                label: `${reviewer.name} · ${reviewer.email}`,
              }))}
              renderOption={({ option }) => {
                const reviewer = byId.get(option.value);
                return (
                  <Stack gap={0}>
                    <Text size="sm">{option.label}</Text>
                    {reviewer ? (
                      <Text size="xs" c="dimmed">
                        {t('reviews.assign.workload', {
                          open: number(reviewer.openAssignments),
                          submitted: number(reviewer.submittedReviews),
                        })}
                      </Text>
                    ) : null}
                  </Stack>
                );
              }}
              value={reviewerId}
              onChange={(value) => {
                setReviewerId(value);
                assign.reset();
              }}
              searchable
              nothingFoundMessage={t('reviews.assign.none')}
              disabled={choices.isError}
              withAsterisk
              error={fieldError}
              comboboxProps={{ withinPortal: true }}
            />
            {choices.isError ? (
              <Alert color="red" variant="light" role="alert" title={t('reviews.assign.optionsError')}>
                {t('reviews.errors.tryAgain')}
              </Alert>
            ) : null}
            {otherError === 'notUnderReview' ? (
              <Alert color="red" variant="light" role="alert" title={t('reviews.assign.failed')}>
                {t('reviews.assign.notUnderReview')}
              </Alert>
            ) : otherError === 'failed' ? (
              <Alert color="red" variant="light" role="alert" title={t('reviews.assign.failed')}>
                {t('reviews.errors.tryAgain')}
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
    </Stack>
  );
}
