import { Checkbox, SimpleGrid, TextInput } from '@mantine/core';
import { HUMAN_SECURITY_DIMENSIONS, VULNERABLE_GROUPS } from '@hstf/domain';
import { useTranslation } from 'react-i18next';
import { SDGS } from '../../lib/filters';
import { useProjectFormat } from '../../../../lib/project-format';
import { fieldId } from '../../lib/project-form';
import { Section, type ProjectFormPartProps } from './Section';

/** Human-security dimensions, beneficiaries, vulnerable groups and SDGs. */
export function ScopeSection({ form, errors }: ProjectFormPartProps) {
  const { t } = useTranslation();
  const format = useProjectFormat();
  const values = form.getValues();
  return (
    <Section id="section-scope" title={t('projects.form.sections.scope')}>
      <Checkbox.Group
        id={fieldId('dimensions')}
        label={t('projects.fields.dimensions')}
        description={t('projects.form.dimensionsHint')}
        value={values.dimensions}
        onChange={(value) => form.setFieldValue('dimensions', value)}
        error={errors['dimensions']}
      >
        <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="xs" mt={8}>
          {HUMAN_SECURITY_DIMENSIONS.map((dimension) => (
            <Checkbox key={dimension} value={dimension} label={t(`projects.dimensions.${dimension}`)} />
          ))}
        </SimpleGrid>
      </Checkbox.Group>
      <TextInput
        id={fieldId('targetBeneficiaries')}
        label={t('projects.fields.targetBeneficiaries')}
        inputMode="numeric"
        value={values.targetBeneficiaries}
        onChange={(event) => form.setFieldValue('targetBeneficiaries', event.currentTarget.value)}
        error={errors['targetBeneficiaries']}
        maw={260}
        dir="ltr"
      />
      <Checkbox.Group
        id={fieldId('vulnerableGroups')}
        label={t('projects.fields.vulnerableGroups')}
        description={t('projects.form.groupsHint')}
        value={values.vulnerableGroups}
        onChange={(value) => form.setFieldValue('vulnerableGroups', value)}
        error={errors['vulnerableGroups']}
      >
        <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="xs" mt={8}>
          {VULNERABLE_GROUPS.map((group) => (
            <Checkbox key={group} value={group} label={t(`projects.groups.${group}`)} />
          ))}
        </SimpleGrid>
      </Checkbox.Group>
      <Checkbox.Group
        id={fieldId('sdgs')}
        label={t('projects.fields.sdgs')}
        value={values.sdgs}
        onChange={(value) => form.setFieldValue('sdgs', value)}
        error={errors['sdgs']}
      >
        <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="xs" mt={8}>
          {SDGS.map((sdg) => (
            <Checkbox
              key={sdg}
              value={String(sdg)}
              label={`${format.number(sdg)}. ${t(`projects.sdgNames.${sdg as 1}`)}`}
            />
          ))}
        </SimpleGrid>
      </Checkbox.Group>
    </Section>
  );
}
