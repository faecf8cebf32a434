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
import { staleAlertFor } from '../../../components/stale-alert';
import { useStaleMerge } from '../../../lib/form';
import { notifySaved } from '../../../lib/notify';
import { failuresOf, fieldErrorsOf } from '../../../lib/problem-members';
import { useReasonText } from '../../../lib/reasons';
import { StageBadge } from '../../../components/Badges';
import { useProblemText } from '../../../lib/use-problem-text';
import { useMoveLabel } from './move-label';

interface TransitionDialogProps {
  project: Project;
  to: Stage;
  version: number;
  onClose: () => void;
}

interface DecisionValues {
  note: string;
  reason: string;
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
  const suspending = to === 'suspended';
  const resuming = project.stage === 'suspended';
  const moveLabel = useMoveLabel(project.stage);
  const confirmLabel = resuming ? t('suspension.resumeConfirm') : t(`projects.transitions.confirm.${to}`);
  const form = useForm<DecisionValues>({
    initialValues: { note: '', reason: '', decidedOn: today() },
    validate: {
      note: (value) => (value.trim() ? null : t('projects.form.errors.required')),
      reason: (value) => (suspending && !value.trim() ? t('projects.form.errors.required') : null),
      decidedOn: (value) => (to === 'approved' && !value ? t('projects.form.errors.required') : null),
    },
  });
  // The note and the date are the decision's, not the project's: a newer project leaves them as typed.
  const stale = useStaleMerge(form, { ...project, version }, () => form.getValues());
  const error = transition.error;
  const fieldErrors = fieldErrorsOf(error);
  const failures = failuresOf(error);
  const latest = stale.base ?? project;

  const submit = ({ note, reason, decidedOn }: DecisionValues) => {
    stale.clear();
    transition.mutate(
      {
        to,
        note: note.trim(),
        version: latest.version,
        ...(suspending ? { reason: reason.trim() } : {}),
        ...(decidedOn ? { decidedOn } : {}),
      },
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
      title={<Text fw={700}>{moveLabel(to)}</Text>}
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
          {suspending ? (
            <Textarea
              dir="auto"
              label={t('suspension.reason')}
              description={t('suspension.reasonHint')}
              required
              autosize
              minRows={2}
              maxLength={2000}
              {...form.getInputProps('reason')}
              error={form.errors['reason'] ?? fieldErrors['reason']}
              data-autofocus
            />
          ) : null}
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
            data-autofocus={!suspending}
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
            staleAlert={staleAlertFor(
              {
                ...stale,
                // The dialog shows one thing another save can change: the stage it moves from.
                changed: stale.changed === null ? null : latest.stage !== project.stage ? [latest.stage] : [],
              },
              transition,
              (stage) => t('projects.transitions.stageNow', { stage: t(`projects.stages.${stage}`) }),
              {
                title: t('projects.stale.title'),
                body: t('projects.transitions.stale'),
                noChanges: t('projects.transitions.stageSame'),
                keepMine: confirmLabel,
                takeTheirs: t('projects.transitions.seeLatest'),
              },
              // Seeing the latest closes the dialog on the project page, which shows it.
              { takeTheirs: { onClick: onClose } },
            )}
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
                : error && !fieldErrors['note'] && !fieldErrors['reason'] && !fieldErrors['decidedOn']
                  ? { title: t('projects.transitions.failedTitle'), message: problemText(error) }
                  : null
            }
            onCancel={onClose}
            cancelLabel={t('projects.actions.cancel')}
            submitLabel={confirmLabel}
            submitting={transition.isPending}
            submitColor={to === 'rejected' || to === 'withdrawn' || suspending ? 'red.9' : undefined}
          />
        </Stack>
      </form>
    </Modal>
  );
}
