import { Alert, Button, Modal, Select, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { addDays, dueDateRefusal, reviewDueDate } from '@hstf/domain';
import { IconUserPlus } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../../components/DateField';
import { FormModalFooter } from '../../../components/FormModalFooter';
import { problemSlug, writeFailureOf } from '../../../lib/field-errors';
import { useFormatters } from '../../../lib/format';
import { useAssessmentSettings } from '../api/assessment-settings';
import { useAssignReviewer } from '../api/assign-reviewer';
import { useReviewerChoices } from '../api/get-reviewers';

interface AssignReviewerProps {
  projectId: string;
  code: string;
  /** The reviewers of the open round: a reviewer is assigned once per round. */
  assignedIds: readonly string[];
  /** The id of what names the proposal, where the button sits among several proposals. */
  describedBy?: string;
}

interface Values {
  reviewerId: string | null;
  dueOn: string;
}

/** Today in UTC, the calendar the API judges due dates on. */
const todayUtc = () => new Date().toISOString().slice(0, 10);

/**
 * Staff and admins assign a reviewer to a proposal under review, with the day the review is due,
 * from the review board and from the project's scorecard alike. The picker shows each reviewer's
 * open work so the load can be spread; the due date starts at the days the assessment settings give.
 */
export function AssignReviewer({ projectId, code, assignedIds, describedBy }: AssignReviewerProps) {
  const { t } = useTranslation();
  const { number } = useFormatters();
  const [opened, setOpened] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const choices = useReviewerChoices(opened);
  const settings = useAssessmentSettings();
  const assign = useAssignReviewer(projectId);
  const today = todayUtc();
  const dueDays = settings.data?.reviewDueDays ?? null;
  const defaultDue = dueDays === null ? '' : reviewDueDate(today, dueDays);

  const form = useForm<Values>({
    initialValues: { reviewerId: null, dueOn: '' },
    validate: {
      reviewerId: (value) => (value ? null : t('reviews.assign.required')),
      dueOn: (value) =>
        !value
          ? t('rounds.dueRequired')
          : dueDateRefusal(value, todayUtc())
            ? t('rounds.dueBeforeToday')
            : null,
    },
  });
  const values = form.getValues();

  const available = useMemo(
    () => (choices.data ?? []).filter((reviewer) => !assignedIds.includes(reviewer.id)),
    [choices.data, assignedIds],
  );
  const byId = useMemo(() => new Map(available.map((reviewer) => [reviewer.id, reviewer])), [available]);

  const failure = writeFailureOf(assign.error, ['reviewerId', 'dueOn']);
  const reviewerError =
    form.errors.reviewerId ??
    (problemSlug(assign.error) === 'duplicate-review'
      ? t('reviews.assign.duplicate')
      : failure.status === 400 && failure.fields['reviewerId']
        ? t('reviews.assign.notReviewer')
        : undefined);
  const dueError =
    form.errors.dueOn ??
    (failure.status === 400 && failure.fields['dueOn'] ? t('rounds.dueBeforeToday') : undefined);
  const otherError =
    !assign.isError || reviewerError || dueError
      ? null
      : failure.status === 422
        ? t('reviews.assign.notUnderReview')
        : t('reviews.errors.tryAgain');

  const open = () => {
    setDone(null);
    form.setValues({ reviewerId: null, dueOn: defaultDue });
    setOpened(true);
  };
  const close = () => {
    setOpened(false);
    form.reset();
    assign.reset();
  };

  return (
    <Stack gap={4} align="flex-start">
      <Button
        variant="light"
        leftSection={<IconUserPlus size={18} aria-hidden="true" />}
        onClick={open}
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
          onSubmit={form.onSubmit(({ reviewerId, dueOn }) => {
            if (!reviewerId) return;
            const name = byId.get(reviewerId)?.name ?? '';
            assign.mutate(
              { reviewerId, dueOn },
              {
                onSuccess: () => {
                  close();
                  setDone(name);
                },
              },
            );
          })}
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
              value={values.reviewerId}
              onChange={(value) => {
                form.setFieldValue('reviewerId', value);
                assign.reset();
              }}
              searchable
              nothingFoundMessage={t('reviews.assign.none')}
              disabled={choices.isError}
              withAsterisk
              error={reviewerError}
              comboboxProps={{ withinPortal: true }}
            />
            <DateField
              label={t('rounds.dueOn')}
              description={dueDays === null ? undefined : t('rounds.dueHint', { days: number(dueDays) })}
              value={values.dueOn}
              onChange={(value) => {
                form.setFieldValue('dueOn', value);
                assign.reset();
              }}
              minDate={today}
              maxDate={addDays(today, 730)}
              withAsterisk
              error={dueError}
            />
            {choices.isError ? (
              <Alert color="red" variant="light" role="alert" title={t('reviews.assign.optionsError')}>
                {t('reviews.errors.tryAgain')}
              </Alert>
            ) : null}
            <FormModalFooter
              failure={otherError ? { title: t('reviews.assign.failed'), message: otherError } : null}
              onCancel={close}
              cancelLabel={t('reviews.assign.cancel')}
              submitLabel={t('reviews.assign.submit')}
              submitting={assign.isPending}
            />
          </Stack>
        </form>
      </Modal>
    </Stack>
  );
}
