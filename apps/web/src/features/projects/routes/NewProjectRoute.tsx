import { Anchor, Breadcrumbs, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDocumentTitle } from '@mantine/hooks';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { PageHeader } from '../../../components/PageHeader';
import { NotFoundRoute } from '../../../app/routes/NotFoundRoute';
import { useCurrentUser } from '../../../lib/auth';
import { notifySaved } from '../../../lib/notify';
import { useAllCountries, useAllOrganizations } from '../api/reference';
import { useCreateProject } from '../api/save-project';
import { ErrorSummary, ProjectForm } from '../components/ProjectForm';
import { ProjectFormFooter } from '../components/ProjectFormFooter';
import { fieldErrorsOf } from '../../../lib/problem-members';
import {
  emptyProjectValues,
  liveCheck,
  valuesToCreateBody,
  type ProjectFormValues,
} from '../lib/project-form';
import { canEditProjects } from '../lib/roles';
import { useProjectFormErrors } from '../lib/use-form-errors';
import { focusErrorSummary } from '../lib/focus';
import { useProblemText } from '../../../lib/use-problem-text';

/** A new project, from its concept note: only the title and the window are needed to start. */
export function NewProjectRoute() {
  const { t } = useTranslation();
  useDocumentTitle(`${t('projects.new')} · ${t('app.name')}`);
  const navigate = useNavigate();
  const { data: user } = useCurrentUser();
  const countries = useAllCountries();
  const organizations = useAllOrganizations();
  const create = useCreateProject();
  const problemText = useProblemText();
  const form = useForm<ProjectFormValues>({ initialValues: emptyProjectValues() });
  const values = form.getValues();
  const [submitted, setSubmitted] = useState(false);
  const [server, setServer] = useState<{ errors: Record<string, string>; values: ProjectFormValues } | null>(
    null,
  );
  const live = useMemo(() => liveCheck(values), [values]);
  const { errors, label, check } = useProjectFormErrors({
    mode: 'create',
    values,
    live,
    submitted,
    server,
    organizations: organizations.data ?? [],
  });

  if (!canEditProjects(user?.role)) return <NotFoundRoute />;

  const submit = () => {
    setSubmitted(true);
    setServer(null);
    if (Object.keys(check()).length > 0) {
      focusErrorSummary();
      return;
    }
    const sent = values;
    create.mutate(valuesToCreateBody(values), {
      onSuccess: (project) => {
        notifySaved(t('saved.created', { name: project.code }));
        void navigate(`/projects/${project.id}`);
      },
      onError: (error) => {
        const fieldErrors = fieldErrorsOf(error);
        if (Object.keys(fieldErrors).length) {
          setServer({ errors: fieldErrors, values: sent });
          focusErrorSummary();
        }
      },
    });
  };

  const generalError =
    create.isError && Object.keys(fieldErrorsOf(create.error)).length === 0
      ? problemText(create.error)
      : null;

  return (
    <form noValidate onSubmit={form.onSubmit(submit)}>
      <Stack gap="lg">
        <Breadcrumbs separator="›" aria-label={t('projects.detail.breadcrumb')}>
          <Anchor component={Link} to="/projects" size="sm">
            {t('projects.title')}
          </Anchor>
          <Text size="sm" aria-current="page">
            {t('projects.new')}
          </Text>
        </Breadcrumbs>
        <PageHeader title={t('projects.new')} description={t('projects.form.newIntro')} />
        {submitted ? <ErrorSummary errors={errors} labels={label} /> : null}
        <ProjectForm
          mode="create"
          form={form}
          errors={errors}
          live={live}
          countries={countries.data ?? []}
          organizations={organizations.data ?? []}
          referenceLoading={countries.isPending || organizations.isPending}
        />
        <ProjectFormFooter
          failure={generalError}
          cancelTo="/projects"
          submitLabel={t('projects.form.create')}
          submitting={create.isPending}
        />
      </Stack>
    </form>
  );
}
