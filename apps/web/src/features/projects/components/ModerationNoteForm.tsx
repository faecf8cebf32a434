import { Alert, Button, Group, Paper, Stack, Text, Textarea } from '@mantine/core';
import type { PrincipleId } from '@hstf/domain';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { IconMessage2 } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { staleAlertFor } from '../../../components/stale-alert';
import { isStaleVersion, problemSlug } from '../../../lib/field-errors';
import { useStaleMerge } from '../../../lib/form';
import { notifySaved } from '../../../lib/notify';
import { assessmentQueryOptions, useSaveModerationNote } from '../api/assessment';
import type { ModerationNote } from '../api/types';
import { useProjectFormat } from '../../../lib/project-format';
import { fieldErrorsOf, statusOfError } from '../../../lib/problem-members';
import { useProblemText } from '../../../lib/use-problem-text';
import { ALERT_STYLES } from '../../../lib/colors';

interface ModerationNoteFormProps {
  projectId: string;
  principle: PrincipleId;
  note: ModerationNote | null;
  disagreement: boolean;
  canModerate: boolean;
}

/** How staff moderated reviewers who disagree on a principle: required before a decision. */
export function ModerationNoteForm({
  projectId,
  principle,
  note,
  disagreement,
  canModerate,
}: ModerationNoteFormProps) {
  const { t } = useTranslation();
  const format = useProjectFormat();
  const save = useSaveModerationNote(projectId);
  const problemText = useProblemText();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(false);
  const form = useForm<{ note: string }>({
    initialValues: { note: note?.note ?? '' },
    validate: { note: (value) => (value.trim() ? null : t('projects.form.errors.required')) },
  });
  const text = form.getValues().note;
  const stale = useStaleMerge(form, note, (from: ModerationNote | null) => ({ note: from?.note ?? '' }));
  const fieldError = fieldErrorsOf(save.error)['note'];
  const open = editing || (!note && canModerate && disagreement);
  const inputId = `moderation-${principle}`;

  return (
    <Paper
      radius="md"
      p="md"
      withBorder
      style={{ borderInlineStart: '4px solid var(--mantine-color-indigo-6)' }}
    >
      <Stack gap="xs">
        <Group gap={6}>
          <IconMessage2 size={16} aria-hidden="true" />
          <Text size="sm" fw={600}>
            {t('projects.moderation.title')}
          </Text>
        </Group>
        {note && !editing ? (
          <>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} dir="auto">
              {note.note}
            </Text>
            <Text size="xs" c="dimmed">
              {t('projects.moderation.by', {
                name: note.authorName ?? t('projects.moderation.unknownAuthor'),
                date: format.dateTime(note.updatedAt),
              })}
            </Text>
            {canModerate ? (
              <Button
                variant="subtle"
                size="compact-sm"
                w="fit-content"
                onClick={() => {
                  form.setValues({ note: note.note });
                  setEditing(true);
                }}
              >
                {t('projects.moderation.edit')}
              </Button>
            ) : null}
          </>
        ) : null}
        {!note && !open ? (
          <Text size="sm" c="dimmed">
            {t('projects.moderation.none')}
          </Text>
        ) : null}
        {open ? (
          <form
            noValidate
            onSubmit={form.onSubmit((values) => {
              // The note this one replaces: as read, or as re-read after someone saved one meanwhile.
              const base = stale.base;
              stale.clear();
              save.mutate(
                { principle, note: values.note.trim(), ...(base ? { version: base.version } : {}) },
                {
                  onSuccess: () => {
                    notifySaved(t('saved.note'));
                    setEditing(false);
                  },
                  onError: (error) =>
                    void stale.refused(
                      error,
                      () =>
                        queryClient
                          .fetchQuery({ ...assessmentQueryOptions(projectId), staleTime: 0 })
                          .then((assessment) =>
                            assessment.moderationNotes.find((item) => item.principle === principle),
                          ),
                      isStaleVersion(error) || problemSlug(error) === 'moderation-note-exists',
                    ),
                },
              );
            })}
          >
            <Stack gap="xs">
              <Textarea
                dir="auto"
                id={inputId}
                label={t('projects.moderation.label')}
                description={t('projects.moderation.hint')}
                autosize
                minRows={3}
                maxLength={10000}
                value={text}
                onChange={(event) => form.setFieldValue('note', event.currentTarget.value)}
                error={form.errors['note'] ?? fieldError}
              />
              {staleAlertFor(
                {
                  ...stale,
                  // The form shows one field: the note as the other save left it.
                  changed: stale.changed === null ? null : stale.base ? [stale.base.note] : [],
                },
                save,
                (note) => note,
                { body: t('projects.moderation.stale'), noChanges: t('stale.noChanges') },
              ) ??
                (save.isError && !fieldError ? (
                  <Alert color="red" variant="light" role="alert" p="xs" styles={ALERT_STYLES}>
                    {statusOfError(save.error) === 409
                      ? problemText(save.error)
                      : t('projects.moderation.failed')}
                  </Alert>
                ) : null)}
              <Group gap="xs">
                <Button type="submit" size="xs" loading={save.isPending} disabled={stale.stale}>
                  {t('projects.moderation.save')}
                </Button>
                {editing ? (
                  <Button size="xs" variant="default" onClick={() => setEditing(false)}>
                    {t('projects.actions.cancel')}
                  </Button>
                ) : null}
              </Group>
            </Stack>
          </form>
        ) : null}
      </Stack>
    </Paper>
  );
}
