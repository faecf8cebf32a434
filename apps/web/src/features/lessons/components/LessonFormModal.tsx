import {
  Modal,
  MultiSelect,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  TagsInput,
  TextInput,
  Textarea,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { HUMAN_SECURITY_DIMENSIONS, PRINCIPLE_IDS } from '@hstf/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormModalFooter } from '../../../components/FormModalFooter';
import { useCountryName } from '../../../lib/country-name';
import { showServerErrors } from '../../../lib/form';
import { detailOf } from '../../../lib/problem-members';
import { useClosedProjects, useSaveLesson, type Lesson } from '../api/lessons';

interface Values {
  projectId: string;
  title: string;
  whatHappened: string;
  whatLearned: string;
  principles: string[];
  dimensions: string[];
  countries: string[];
  themes: string[];
  public: boolean;
}

function valuesOf(lesson: Lesson | null): Values {
  return {
    projectId: lesson?.projectId ?? '',
    title: lesson?.title ?? '',
    whatHappened: lesson?.whatHappened ?? '',
    whatLearned: lesson?.whatLearned ?? '',
    principles: lesson?.principles ?? [],
    dimensions: lesson?.dimensions ?? [],
    countries: lesson?.countries ?? [],
    themes: lesson?.themes ?? [],
    public: lesson?.public ?? false,
  };
}

interface LessonFormModalProps {
  lesson: Lesson | 'new' | null;
  onClose: () => void;
  onSaved: (lesson: Lesson) => void;
}

export function LessonFormModal({ lesson, onClose, onSaved }: LessonFormModalProps) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={lesson !== null}
      onClose={onClose}
      title={lesson === 'new' ? t('lessons.form.createTitle') : t('lessons.form.editTitle')}
      size="xl"
      centered
      closeButtonProps={{ 'aria-label': t('common.cancel') }}
    >
      {lesson ? (
        <LessonForm
          key={lesson === 'new' ? 'new' : lesson.id}
          lesson={lesson === 'new' ? null : lesson}
          onCancel={onClose}
          onSaved={onSaved}
        />
      ) : null}
    </Modal>
  );
}

/** A lesson learned from a closed project: what happened, what was learned, its tags, and who may read it. */
function LessonForm({
  lesson,
  onCancel,
  onSaved,
}: {
  lesson: Lesson | null;
  onCancel: () => void;
  onSaved: (lesson: Lesson) => void;
}) {
  const { t } = useTranslation();
  const countryName = useCountryName();
  const save = useSaveLesson();
  const projects = useClosedProjects(lesson === null);
  const [others, setOthers] = useState<string[]>([]);
  const required = (value: string) => (value.trim() ? null : t('lessons.form.required'));
  const form = useForm<Values>({
    initialValues: valuesOf(lesson),
    validate: {
      projectId: (value) => (lesson || value ? null : t('lessons.form.projectRequired')),
      title: required,
      whatHappened: required,
      whatLearned: required,
    },
  });
  const values = form.getValues();
  const project = projects.data?.find((p) => p.id === values.projectId);
  const recipients = lesson ? lesson.countries : (project?.countries ?? []);

  const submit = (next: Values) => {
    setOthers([]);
    const tags = {
      principles: next.principles as Lesson['principles'],
      dimensions: next.dimensions as Lesson['dimensions'],
      countries: next.countries,
      themes: next.themes.map((theme) => theme.trim()).filter(Boolean),
      public: next.public,
    };
    const text = {
      title: next.title.trim(),
      whatHappened: next.whatHappened.trim(),
      whatLearned: next.whatLearned.trim(),
    };
    save.mutate(
      lesson
        ? { id: lesson.id, version: lesson.version, body: { ...text, ...tags } }
        : { id: null, body: { projectId: next.projectId, ...text, ...tags } },
      { onSuccess: onSaved, onError: (error) => setOthers(showServerErrors(form, error)) },
    );
  };
  const detail = save.error ? detailOf(save.error) : null;
  const failure =
    save.error && (others.length || (detail && !Object.keys(form.errors).length))
      ? { title: t('lessons.form.refused'), message: others.length ? others.join(' ') : detail }
      : null;

  return (
    <form onSubmit={form.onSubmit(submit)} noValidate aria-label={t('lessons.form.label')}>
      <Stack gap="md">
        {lesson ? null : (
          <Select
            label={t('lessons.form.project')}
            description={t('lessons.form.projectHint')}
            withAsterisk
            searchable
            data={(projects.data ?? []).map((p) => ({ value: p.id, label: `${p.code} · ${p.title}` }))}
            nothingFoundMessage={t('lessons.form.noProject')}
            value={values.projectId || null}
            error={form.errors.projectId}
            onChange={(value) => {
              form.setFieldValue('projectId', value ?? '');
              form.setFieldValue('countries', []);
            }}
          />
        )}
        <TextInput label={t('lessons.fields.title')} withAsterisk {...form.getInputProps('title')} />
        <Textarea
          label={t('lessons.fields.whatHappened')}
          withAsterisk
          autosize
          minRows={3}
          {...form.getInputProps('whatHappened')}
        />
        <Textarea
          label={t('lessons.fields.whatLearned')}
          withAsterisk
          autosize
          minRows={3}
          {...form.getInputProps('whatLearned')}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <MultiSelect
            label={t('lessons.fields.principles')}
            data={PRINCIPLE_IDS.map((id) => ({ value: id, label: t(`projects.principles.${id}`) }))}
            {...form.getInputProps('principles')}
          />
          <MultiSelect
            label={t('lessons.fields.dimensions')}
            data={HUMAN_SECURITY_DIMENSIONS.map((id) => ({
              value: id,
              label: t(`projects.dimensions.${id}`),
            }))}
            {...form.getInputProps('dimensions')}
          />
          <MultiSelect
            label={t('lessons.fields.countries')}
            description={t('lessons.form.countriesHint')}
            data={recipients.map((iso3) => ({ value: iso3, label: countryName(iso3) }))}
            {...form.getInputProps('countries')}
          />
          <TagsInput
            label={t('lessons.fields.themes')}
            description={t('lessons.form.themesHint')}
            maxTags={12}
            {...form.getInputProps('themes')}
          />
        </SimpleGrid>
        <Switch
          label={t('lessons.fields.public')}
          description={t('lessons.form.publicHint')}
          {...form.getInputProps('public', { type: 'checkbox' })}
        />
        <FormModalFooter
          failure={failure}
          onCancel={onCancel}
          submitLabel={t('lessons.form.save')}
          submitting={save.isPending}
        />
      </Stack>
    </form>
  );
}
