import { Anchor, Breadcrumbs, Stack, Text } from '@mantine/core';
import type { Stage } from '@hstf/domain';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeader } from '../../../components/PageHeader';
import type { ProjectFormPageState } from '../lib/use-project-form-page';
import { ErrorSummary, ProjectForm } from './ProjectForm';
import { ProjectFormFooter, type ProjectFormFooterProps } from './ProjectFormFooter';

interface ProjectFormPageProps {
  page: ProjectFormPageState;
  mode: 'create' | 'edit';
  stage?: Stage;
  onSubmit: () => void;
  /** The crumbs between the project list and this page. */
  crumbs?: ReactNode;
  current: string;
  title: string;
  description: string;
  /** What stands above the error summary (someone else's save, a notice). */
  alerts?: ReactNode;
  footer: ProjectFormFooterProps;
}

/** The project's create and edit pages: where they are, the errors, every field, then the save. */
export function ProjectFormPage({
  page,
  mode,
  stage,
  onSubmit,
  crumbs,
  current,
  title,
  description,
  alerts,
  footer,
}: ProjectFormPageProps) {
  const { t } = useTranslation();
  return (
    <form noValidate onSubmit={page.form.onSubmit(onSubmit)}>
      <Stack gap="lg">
        <Breadcrumbs separator="›" aria-label={t('projects.detail.breadcrumb')}>
          <Anchor component={Link} to="/projects" size="sm">
            {t('projects.title')}
          </Anchor>
          {crumbs}
          <Text size="sm" aria-current="page">
            {current}
          </Text>
        </Breadcrumbs>
        <PageHeader title={title} description={description} />
        {alerts}
        {page.submitted ? <ErrorSummary errors={page.errors} labels={page.label} /> : null}
        <ProjectForm
          mode={mode}
          stage={stage}
          form={page.form}
          errors={page.errors}
          live={page.live}
          countries={page.countries.data ?? []}
          organizations={page.organizations.data ?? []}
          referenceLoading={page.countries.isPending || page.organizations.isPending}
        />
        <ProjectFormFooter {...footer} />
      </Stack>
    </form>
  );
}
