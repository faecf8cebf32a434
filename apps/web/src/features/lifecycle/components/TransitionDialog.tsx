import { Alert, Button, Group, List, Modal, Stack, Text, TextInput, Textarea } from '@mantine/core';
import type { Stage } from '@hstf/domain';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useTransitionProject } from '../api/transitions';
import type { Project } from '../../projects';
import { failuresOf, fieldErrorsOf, staleVersionOf } from '../../../lib/problem-members';
import { useReasonText } from '../../../lib/reasons';
import { StageBadge } from '../../../components/Badges';
import { useProblemText } from '../../../lib/use-problem-text';
import { ALERT_STYLES } from '../../../lib/colors';

interface TransitionDialogProps {
  project: Project;
  to: Stage;
  version: number;
  onClose: () => void;
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
  const [note, setNote] = useState('');
  const [decidedOn, setDecidedOn] = useState(today());
  const [touched, setTouched] = useState(false);
  const error = transition.error;
  const fieldErrors = fieldErrorsOf(error);
  const failures = failuresOf(error);
  const stale = staleVersionOf(error) !== null;
  const noteMissing = touched && !note.trim();
  const dateMissing = touched && to === 'approved' && !decidedOn;

  const submit = () => {
    setTouched(true);
    if (!note.trim() || (to === 'approved' && !decidedOn)) return;
    transition.mutate(
      { to, note: note.trim(), version, ...(decidedOn ? { decidedOn } : {}) },
      { onSuccess: onClose },
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
      <form
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
        noValidate
      >
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
            value={note}
            onChange={(event) => setNote(event.currentTarget.value)}
            error={noteMissing ? t('projects.form.errors.required') : fieldErrors['note']}
            data-autofocus
          />
          <TextInput
            type="date"
            label={t('projects.transitions.decidedOn')}
            description={to === 'approved' ? t('projects.transitions.decidedOnApproval') : undefined}
            required={to === 'approved'}
            max={today()}
            value={decidedOn}
            onChange={(event) => setDecidedOn(event.currentTarget.value)}
            error={dateMissing ? t('projects.form.errors.required') : fieldErrors['decidedOn']}
          />
          {error && failures.length > 0 ? (
            <Alert
              color="red"
              variant="light"
              icon={<IconAlertTriangle aria-hidden="true" />}
              title={t('projects.transitions.refusedTitle')}
              role="alert"
              styles={ALERT_STYLES}
            >
              <List size="sm" spacing={4}>
                {failures.map((failure, index) => (
                  <List.Item key={`${failure.code}-${index}`}>{reasons.transitionFailure(failure)}</List.Item>
                ))}
              </List>
            </Alert>
          ) : error && stale ? (
            <Alert
              color="orange"
              variant="light"
              title={t('projects.stale.title')}
              role="alert"
              styles={ALERT_STYLES}
            >
              {t('projects.transitions.stale')}
            </Alert>
          ) : error && !fieldErrors['note'] && !fieldErrors['decidedOn'] ? (
            <Alert
              color="red"
              variant="light"
              title={t('projects.transitions.failedTitle')}
              role="alert"
              styles={ALERT_STYLES}
            >
              {problemText(error)}
            </Alert>
          ) : null}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              {t('projects.actions.cancel')}
            </Button>
            <Button
              type="submit"
              loading={transition.isPending}
              color={to === 'rejected' || to === 'withdrawn' ? 'red.9' : undefined}
            >
              {t(`projects.transitions.confirm.${to}`)}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
