import { useDocumentTitle } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { NotFoundRoute } from '../../../app/routes/NotFoundRoute';
import { useCurrentUser } from '../../../lib/auth';
import { notifySaved } from '../../../lib/notify';
import { useCreateProject } from '../api/save-project';
import { ProjectFormPage } from '../components/ProjectFormPage';
import { fieldErrorsOf } from '../../../lib/problem-members';
import { emptyProjectValues, valuesToCreateBody } from '../lib/project-form';
import { canEditProjects } from '../lib/roles';
import { useProjectFormPage } from '../lib/use-project-form-page';
import { useProblemText } from '../../../lib/use-problem-text';

/** A new project, from its concept note: only the title and the window are needed to start. */
export function NewProjectRoute() {
  const { t } = useTranslation();
  useDocumentTitle(`${t('projects.new')} · ${t('app.name')}`);
  const navigate = useNavigate();
  const { data: user } = useCurrentUser();
  const create = useCreateProject();
  const problemText = useProblemText();
  const page = useProjectFormPage('create', emptyProjectValues());

  if (!canEditProjects(user?.role)) return <NotFoundRoute />;

  const submit = () => {
    if (!page.mayBeSent()) return;
    const sent = page.values;
    create.mutate(valuesToCreateBody(sent), {
      onSuccess: (project) => {
        notifySaved(t('saved.created', { name: project.code }));
        void navigate(`/projects/${project.id}`);
      },
      onError: (error) => page.refused(error, sent),
    });
  };

  const generalError =
    create.isError && Object.keys(fieldErrorsOf(create.error)).length === 0
      ? problemText(create.error)
      : null;

  return (
    <ProjectFormPage
      page={page}
      mode="create"
      onSubmit={submit}
      current={t('projects.new')}
      title={t('projects.new')}
      description={t('projects.form.newIntro')}
      footer={{
        failure: generalError,
        cancelTo: '/projects',
        submitLabel: t('projects.form.create'),
        submitting: create.isPending,
      }}
    />
  );
}
