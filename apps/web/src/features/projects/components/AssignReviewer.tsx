import { Alert, Button, Group, Select, Stack, Text, Title } from '@mantine/core';
import { IconUserPlus } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAssignReviewer } from '../api/assessment';
import { useReviewerChoices } from '../api/reviewers';
import type { Project, Review } from '../api/types';
import { statusOfError } from '../lib/problems';
import { ALERT_STYLES, OK_TEXT, BAD_TEXT } from '../lib/colors';

interface AssignReviewerProps {
  project: Project;
  assigned: Review[];
  isAdmin: boolean;
}

/** Staff assign reviewers while the proposal is under review; a reviewer is assigned once. */
export function AssignReviewer({ project, assigned, isAdmin }: AssignReviewerProps) {
  const { t } = useTranslation();
  const open = project.stage === 'under_review';
  const choices = useReviewerChoices(isAdmin, open);
  const assign = useAssignReviewer(project.id);
  const [reviewerId, setReviewerId] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);

  const data = useMemo(() => {
    const taken = new Set(assigned.map((review) => review.reviewerId));
    return (choices.data ?? [])
      .filter((choice) => !taken.has(choice.id))
      .map((choice) => ({
        value: choice.id,
        label: choice.email ? `${choice.name} · ${choice.email}` : choice.name,
      }));
  }, [choices.data, assigned]);

  if (!open) {
    return (
      <Text size="sm" c="dimmed">
        {t('projects.assign.notUnderReview')}
      </Text>
    );
  }

  const status = statusOfError(assign.error);
  return (
    <Stack
      gap="xs"
      component="form"
      onSubmit={(event) => {
        event.preventDefault();
        if (!reviewerId) return;
        const name = choices.data?.find((choice) => choice.id === reviewerId)?.name ?? '';
        assign.mutate(reviewerId, {
          onSuccess: () => {
            setDone(name);
            setReviewerId(null);
          },
        });
      }}
    >
      <Title order={3} fz="sm">
        {t('projects.assign.title')}
      </Title>
      <Group align="flex-end" gap="sm">
        <Select
          label={t('projects.assign.reviewer')}
          placeholder={choices.isPending ? t('common.loading') : t('projects.assign.choose')}
          data={data}
          value={reviewerId}
          onChange={(value) => {
            setReviewerId(value);
            setDone(null);
            assign.reset();
          }}
          searchable
          nothingFoundMessage={t('projects.assign.nobody')}
          disabled={choices.isPending || choices.isError}
          w={{ base: '100%', sm: 340 }}
        />
        <Button
          type="submit"
          leftSection={<IconUserPlus size={16} aria-hidden="true" />}
          loading={assign.isPending}
          disabled={!reviewerId}
        >
          {t('projects.assign.submit')}
        </Button>
      </Group>
      {!isAdmin ? (
        <Text size="xs" c="dimmed">
          {t('projects.assign.staffSource')}
        </Text>
      ) : null}
      {choices.isError ? (
        <Text size="sm" c={BAD_TEXT} role="alert">
          {t('projects.assign.choicesFailed')}
        </Text>
      ) : null}
      {done ? (
        <Text size="sm" c={OK_TEXT} role="status">
          {t('projects.assign.done', { name: done })}
        </Text>
      ) : null}
      {assign.isError ? (
        <Alert color="red" variant="light" role="alert" p="xs" styles={ALERT_STYLES}>
          {status === 409
            ? t('projects.assign.duplicate')
            : status === 422
              ? t('projects.assign.notUnderReview')
              : status === 400
                ? t('projects.assign.notReviewer')
                : t('common.errorBody')}
        </Alert>
      ) : null}
    </Stack>
  );
}
