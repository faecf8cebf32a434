import { Stack } from '@mantine/core';
import type { Stage } from '@hstf/domain';
import type { Country, Organization } from '../api/types';
import type { LiveCheck } from '../lib/project-form';
import { BudgetSection } from './project-form/BudgetSection';
import { IdentitySection } from './project-form/IdentitySection';
import { PartnersSection } from './project-form/PartnersSection';
import { DeclarationsSection, PrinciplesSection } from './project-form/PrinciplesSection';
import { ScopeSection } from './project-form/ScopeSection';
import { TranslationsSection } from './project-form/TranslationsSection';
import type { ProjectFormPartProps } from './project-form/Section';

export { ErrorSummary } from './project-form/ErrorSummary';

interface ProjectFormProps extends ProjectFormPartProps {
  mode: 'create' | 'edit';
  stage?: Stage;
  live: LiveCheck;
  countries: Country[];
  organizations: Organization[];
  referenceLoading: boolean;
}

/**
 * Every field of the project's create and update requests, with the domain's rules as you type. The
 * requested budget comes before the organizations' shares that must add up to it.
 */
export function ProjectForm({
  form,
  errors,
  mode,
  stage,
  live,
  countries,
  organizations,
  referenceLoading,
}: ProjectFormProps) {
  return (
    <Stack gap="lg">
      <IdentitySection form={form} errors={errors} mode={mode} />
      <TranslationsSection form={form} errors={errors} />
      <BudgetSection form={form} errors={errors} mode={mode} stage={stage} />
      <PartnersSection
        form={form}
        errors={errors}
        live={live}
        countries={countries}
        organizations={organizations}
        referenceLoading={referenceLoading}
      />
      <ScopeSection form={form} errors={errors} />
      <PrinciplesSection form={form} errors={errors} />
      <DeclarationsSection form={form} errors={errors} />
    </Stack>
  );
}
