import { Group, Radio, TextInput, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { WINDOWS } from '../../lib/filters';
import { codeYearOf, fieldId } from '../../lib/project-form';
import { Section, type ProjectFormPartProps } from './Section';

/** Code (new projects only), title, summary and funding window. */
export function IdentitySection({ form, errors, mode }: ProjectFormPartProps & { mode: 'create' | 'edit' }) {
  const { t } = useTranslation();
  const values = form.getValues();
  // The year the API puts in a generated code: the start date's, or this year's without one.
  const year = codeYearOf(values.startDate);
  return (
    <Section id="section-identity" title={t('projects.form.sections.identity')}>
      {mode === 'create' ? (
        <TextInput
          id={fieldId('code')}
          label={t('projects.fields.code')}
          description={t('projects.form.codeHint', { year })}
          placeholder={`HS-${year}-0042`}
          value={values.code}
          onChange={(event) => form.setFieldValue('code', event.currentTarget.value.toUpperCase())}
          error={errors['code']}
          dir="ltr"
          maw={260}
        />
      ) : null}
      <TextInput
        id={fieldId('title')}
        dir="auto"
        label={t('projects.fields.title')}
        required
        maxLength={300}
        value={values.title}
        onChange={(event) => form.setFieldValue('title', event.currentTarget.value)}
        error={errors['title']}
      />
      <Textarea
        dir="auto"
        id={fieldId('summary')}
        label={t('projects.fields.summary')}
        autosize
        minRows={3}
        maxLength={5000}
        value={values.summary}
        onChange={(event) => form.setFieldValue('summary', event.currentTarget.value)}
        error={errors['summary']}
      />
      <Radio.Group
        id={fieldId('window')}
        label={t('projects.fields.window')}
        description={t('projects.form.windowHint')}
        required={mode === 'create'}
        value={values.window}
        onChange={(value) => form.setFieldValue('window', value)}
        error={errors['window']}
      >
        <Group gap="lg" mt={6}>
          {WINDOWS.map((window) => (
            <Radio key={window} value={window} label={t('projects.window', { window })} />
          ))}
        </Group>
      </Radio.Group>
    </Section>
  );
}
