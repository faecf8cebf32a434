import { Checkbox, SimpleGrid, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { NARRATIVE_FIELDS, NARRATIVE_PRINCIPLE, fieldId } from '../../lib/project-form';
import { Section, type ProjectFormPartProps } from './Section';

/** One narrative per principle, and the protection and empowerment measures. */
export function PrinciplesSection({ form, errors }: ProjectFormPartProps) {
  const { t } = useTranslation();
  const values = form.getValues();
  return (
    <Section
      id="section-principles"
      title={t('projects.form.sections.principles')}
      description={t('projects.form.principlesHint')}
    >
      {NARRATIVE_FIELDS.map((field) => (
        <Textarea
          dir="auto"
          key={field}
          id={fieldId(`narratives.${field}`)}
          label={t(`projects.principles.${NARRATIVE_PRINCIPLE[field]}`)}
          description={t(`projects.form.narrativeHints.${NARRATIVE_PRINCIPLE[field]}`)}
          autosize
          minRows={3}
          maxLength={20000}
          value={values.narratives[field]}
          onChange={(event) => form.setFieldValue(`narratives.${field}`, event.currentTarget.value)}
          error={errors[`narratives.${field}`]}
        />
      ))}
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <Textarea
          dir="auto"
          id={fieldId('protectionMeasures')}
          label={t('projects.fields.protectionMeasures')}
          description={t('projects.form.protectionHint')}
          autosize
          minRows={3}
          maxLength={20000}
          value={values.protectionMeasures}
          onChange={(event) => form.setFieldValue('protectionMeasures', event.currentTarget.value)}
          error={errors['protectionMeasures']}
        />
        <Textarea
          dir="auto"
          id={fieldId('empowermentMeasures')}
          label={t('projects.fields.empowermentMeasures')}
          description={t('projects.form.empowermentHint')}
          autosize
          minRows={3}
          maxLength={20000}
          value={values.empowermentMeasures}
          onChange={(event) => form.setFieldValue('empowermentMeasures', event.currentTarget.value)}
          error={errors['empowermentMeasures']}
        />
      </SimpleGrid>
    </Section>
  );
}

/** The paragraph 3 declarations: no coercion, distinct from the responsibility to protect. */
export function DeclarationsSection({ form, errors }: ProjectFormPartProps) {
  const { t } = useTranslation();
  const values = form.getValues();
  return (
    <Section
      id="section-declarations"
      title={t('projects.paragraph3.title')}
      description={t('projects.paragraph3.intro')}
    >
      <Checkbox
        id={fieldId('declarations.noCoercion')}
        label={t('projects.form.declareNoCoercion')}
        description={t('projects.paragraph3.quote3e')}
        checked={values.declarations.noCoercion}
        onChange={(event) => form.setFieldValue('declarations.noCoercion', event.currentTarget.checked)}
        error={errors['declarations.noCoercion']}
      />
      <Checkbox
        id={fieldId('declarations.distinctFromR2p')}
        label={t('projects.form.declareDistinct')}
        description={t('projects.paragraph3.quote3d')}
        checked={values.declarations.distinctFromR2p}
        onChange={(event) => form.setFieldValue('declarations.distinctFromR2p', event.currentTarget.checked)}
        error={errors['declarations.distinctFromR2p']}
      />
    </Section>
  );
}
