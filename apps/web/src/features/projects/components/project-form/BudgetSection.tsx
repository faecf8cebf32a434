import { SimpleGrid } from '@mantine/core';
import { COMMITTED_STAGES, type Stage } from '@hstf/domain';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../../../components/DateField';
import { MoneyInput } from '../../../../components/MoneyInput';
import { fieldId } from '../../lib/project-form';
import { Section, type ProjectFormPartProps } from './Section';

/** The requested budget first (the organizations' shares add up to it), co-funding, the dates. */
export function BudgetSection({
  form,
  errors,
  mode,
  stage,
}: ProjectFormPartProps & { mode: 'create' | 'edit'; stage?: Stage }) {
  const { t } = useTranslation();
  const values = form.getValues();
  const approvedFixed = stage !== undefined && (COMMITTED_STAGES as readonly string[]).includes(stage);
  return (
    <Section
      id="section-budget"
      title={t('projects.form.sections.budget')}
      description={t('projects.form.budgetHint')}
    >
      <SimpleGrid cols={{ base: 1, sm: mode === 'edit' ? 3 : 2 }} spacing="md">
        <MoneyInput
          id={fieldId('requestedBudget')}
          label={t('projects.fields.requestedBudget')}
          value={values.requestedBudget}
          onChange={(value) => form.setFieldValue('requestedBudget', value)}
          error={errors['requestedBudget']}
        />
        {mode === 'edit' ? (
          <MoneyInput
            id={fieldId('approvedBudget')}
            label={t('projects.fields.approvedBudget')}
            description={approvedFixed ? t('projects.form.approvedFixed') : t('projects.form.approvedHint')}
            value={values.approvedBudget}
            onChange={(value) => form.setFieldValue('approvedBudget', value)}
            error={errors['approvedBudget']}
            disabled={approvedFixed}
            inputWrapperOrder={['label', 'input', 'description', 'error']}
          />
        ) : null}
        <MoneyInput
          id={fieldId('coFunding')}
          label={t('projects.fields.coFunding')}
          value={values.coFunding}
          onChange={(value) => form.setFieldValue('coFunding', value)}
          error={errors['coFunding']}
        />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        <DateField
          id={fieldId('startDate')}
          label={t('projects.fields.startDate')}
          value={values.startDate}
          onChange={(value) => form.setFieldValue('startDate', value)}
          error={errors['startDate']}
        />
        <DateField
          id={fieldId('endDate')}
          label={t('projects.fields.endDate')}
          // The calendar opens at the start; an earlier end is still typed, for the domain's rule to name.
          defaultDate={values.startDate || undefined}
          value={values.endDate}
          onChange={(value) => form.setFieldValue('endDate', value)}
          error={errors['endDate']}
          description={approvedFixed ? t('revisions.endFixed') : undefined}
          disabled={approvedFixed}
          inputWrapperOrder={['label', 'input', 'description', 'error']}
        />
      </SimpleGrid>
    </Section>
  );
}
