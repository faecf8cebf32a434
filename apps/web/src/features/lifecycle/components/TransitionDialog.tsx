import { Group, List, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import type { Stage } from '@hstf/domain';
import { useQueryClient } from '@tanstack/react-query';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useTransitionProject } from '../api/transitions';
import { projectQueryOptions, type Project } from '../../projects';
import { DateField } from '../../../components/DateField';
import { FormModalFooter } from '../../../components/FormModalFooter';
import { StaleVersionAlert } from '../../../components/StaleVersionAlert';
import { useStaleMerge } from '../../../lib/form';
import { notifySaved } from '../../../lib/notify';
import { failuresOf, fieldErrorsOf } from '../../../lib/problem-members';
import { useReasonText } from '../../../lib/reasons';
import { StageBadge } from '../../../components/Badges';
import { useProblemText } from '../../../lib/use-problem-text';

interface TransitionDialogProps {
  project: Project;
  to: Stage;
  version: number;
  onClose: () => void;
}

interface DecisionValues {
  note: string;
  decidedOn: string;
}

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/** The decision itself: a note is required, and the date it was taken (paragraph 6 is judged on it). */
export function TransitionDialog({ project, to, version, onClose }: TransitionDialogProps) {
  const { t } = useTranslation();
  const reasons = useReasonText();
  const transition = useTransitionProject(project.id);
  const problemText = useProblemText();
  const queryClient = useQueryClient();
  const form = useForm<DecisionValues>({
    initialValues: { note: '', decidedOn: today() },
    validate: {
      note: (value) => (value.trim() ? null : t('projects.form.errors.required')),
      decidedOn: (value) => (to === 'approved' && !value ? t('projects.form.errors.required') : null),
    },
  });
  // The note and the date are the decision's, not the project's: a newer project leaves them as typed.
  const stale = useStaleMerge(form, { ...project, version }, () => form.getValues());
  const error = transition.error;
  const fieldErrors = fieldErrorsOf(error);
  const failures = failuresOf(error);
  const latest = stale.base ?? project;

  const submit = ({ note, decidedOn }: DecisionValues) => {
    stale.clear();
    transition.mutate(
      { to, note: note.trim(), version: latest.version, ...(decidedOn ? { decidedOn } : {}) },
      {
        onSuccess: () => {
          notifySaved(t('saved.decision'));
          onClose();
        },
        onError: (refusal) =>
          void stale.refused(refusal, () =>
            queryClient.fetchQuery({ ...projectQueryOptions(project.id), staleTime: 0 }),
          ),
      },
    );
  };

  return (
    <Modal
      opened
      onClose={onClose}
      size="lg"
      closeButtonProps={{ 'aria-label': t('projects.actions.close') }}
      title={<Text fw={700}>{t(`projects.transitions.actions.${to}`)}</Text>}
    >
      <form onSubmit={form.onSubmit(submit)} noValidate>
        <Stack gap="md">
          <Group gap="xs" wrap="wrap">
            <Text size="sm">{project.code}</Text>
            <StageBadge stage={project.stage} size="sm" />
            <Text size="sm" aria-hidden="true">
              →
            </Text>
            <StageBadge stage={to} size="sm" />
          </Group>
          <Textarea
            dir="auto"
            label={t('projects.transitions.note')}
            description={t('projects.transitions.noteHint')}
            required
            autosize
            minRows={3}
            maxLength={5000}
            {...form.getInputProps('note')}
            error={form.errors['note'] ?? fieldErrors['note']}
            data-autofocus
          />
          <DateField
            label={t('projects.transitions.decidedOn')}
            description={to === 'approved' ? t('projects.transitions.decidedOnApproval') : undefined}
            required={to === 'approved'}
            maxDate={today()}
            value={form.getValues().decidedOn}
            onChange={(value) => form.setFieldValue('decidedOn', value)}
            error={form.errors['decidedOn'] ?? fieldErrors['decidedOn']}
          />
          <FormModalFooter
            staleAlert={
              stale.stale ? (
                <StaleVersionAlert
                  title={t('projects.stale.title')}
                  body={t('projects.transitions.stale')}
                  changes={
                    stale.changed === null
                      ? null
                      : latest.stage !== project.stage
                        ? [
                            t('projects.transitions.stageNow', {
                              stage: t(`projects.stages.${latest.stage}`),
                            }),
                          ]
                        : []
                  }
                  noChanges={t('projects.transitions.stageSame')}
                  primary={{
                    label: t(`projects.transitions.confirm.${to}`),
                    loading: transition.isPending,
                  }}
                  secondary={{ label: t('projects.transitions.seeLatest'), onClick: onClose }}
                />
              ) : null
            }
            failure={
              error && failures.length > 0
                ? {
                    title: t('projects.transitions.refusedTitle'),
                    icon: <IconAlertTriangle aria-hidden="true" />,
                    message: (
                      <List size="sm" spacing={4}>
                        {failures.map((failure, index) => (
                          <List.Item key={`${failure.code}-${index}`}>
                            {reasons.transitionFailure(failure)}
                          </List.Item>
                        ))}
                      </List>
                    ),
                  }
                : error && !fieldErrors['note'] && !fieldErrors['decidedOn']
                  ? { title: t('projects.transitions.failedTitle'), message: problemText(error) }
                  : null
            }
            onCancel={onClose}
            cancelLabel={t('projects.actions.cancel')}
            submitLabel={t(`projects.transitions.confirm.${to}`)}
            submitting={transition.isPending}
            submitColor={to === 'rejected' || to === 'withdrawn' ? 'red.9' : undefined}
          />
        </Stack>
      </form>
    </Modal>
  );
}
