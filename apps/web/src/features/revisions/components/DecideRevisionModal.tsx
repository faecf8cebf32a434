import { Modal, SegmentedControl, Stack, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { FormModalFooter } from '../../../components/FormModalFooter';
import { detailOf } from '../../../lib/problem-members';
import { isStaleVersion } from '../../../lib/field-errors';
import { useDecideRevision, type Revision } from '../api/revisions';
import { RevisionChange } from './RevisionChange';
import { revisionProblemsOf, useRevisionProblemText } from '../lib/problem-text';

interface Values {
  decision: 'approve' | 'reject';
  comment: string;
}

interface DecideRevisionModalProps {
  projectId: string;
  revision: Revision | null;
  onClose: () => void;
  onDecided: (revision: Revision) => void;
}

/** Approve or reject a pending request, with a comment: offered only to someone other than its requester. */
export function DecideRevisionModal({ projectId, revision, onClose, onDecided }: DecideRevisionModalProps) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={revision !== null}
      onClose={onClose}
      title={t('revisions.decide.title')}
      size="lg"
      centered
      closeButtonProps={{ 'aria-label': t('common.cancel') }}
    >
      {revision ? (
        <DecideForm
          key={revision.id}
          projectId={projectId}
          revision={revision}
          onCancel={onClose}
          onDecided={onDecided}
        />
      ) : null}
    </Modal>
  );
}

function DecideForm({
  projectId,
  revision,
  onCancel,
  onDecided,
}: {
  projectId: string;
  revision: Revision;
  onCancel: () => void;
  onDecided: (revision: Revision) => void;
}) {
  const { t } = useTranslation();
  const decide = useDecideRevision(projectId);
  const say = useRevisionProblemText();
  const [problem] = revisionProblemsOf(decide.error);
  const form = useForm<Values>({
    initialValues: { decision: 'approve', comment: '' },
    validate: { comment: (value) => (value.trim() ? null : t('revisions.decide.commentRequired')) },
  });
  const values = form.getValues();
  const failure = decide.error
    ? {
        title: isStaleVersion(decide.error) ? t('revisions.decide.stale') : t('revisions.decide.refused'),
        message: problem ? say(problem) : (detailOf(decide.error) ?? t('revisions.decide.refused')),
      }
    : null;

  return (
    <form
      onSubmit={form.onSubmit((next) =>
        decide.mutate(
          { revision, decision: next.decision, comment: next.comment.trim() },
          { onSuccess: onDecided },
        ),
      )}
      noValidate
      aria-label={t('revisions.decide.label')}
    >
      <Stack gap="md">
        <RevisionChange revision={revision} />
        <SegmentedControl
          fullWidth
          aria-label={t('revisions.decide.decision')}
          data={[
            { value: 'approve', label: t('revisions.decide.approve') },
            { value: 'reject', label: t('revisions.decide.reject') },
          ]}
          {...form.getInputProps('decision')}
        />
        <Textarea
          label={t('revisions.decide.comment')}
          withAsterisk
          autosize
          minRows={3}
          {...form.getInputProps('comment')}
        />
        <FormModalFooter
          failure={failure}
          onCancel={onCancel}
          submitLabel={
            values.decision === 'approve' ? t('revisions.decide.approve') : t('revisions.decide.reject')
          }
          submitColor={values.decision === 'reject' ? 'red' : undefined}
          submitting={decide.isPending}
        />
      </Stack>
    </form>
  );
}
