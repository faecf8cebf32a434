import { Alert, Anchor, Skeleton, Stack, Text } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useQueryClient } from '@tanstack/react-query';
import { IconInfoCircle } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ErrorResult } from '../../../components/QueryStates';
import { NotFoundRoute } from '../../../app/routes/NotFoundRoute';
import { useCurrentUser } from '../../../lib/auth';
import { projectQueryOptions, useProject } from '../api/get-project';
import { useUpdateProject } from '../api/save-project';
import type { Project } from '../api/types';
import { ProjectFormPage } from '../components/ProjectFormPage';
import { staleAlertFor } from '../../../components/stale-alert';
import { notifySaved } from '../../../lib/notify';
import { fieldErrorsOf, staleVersionOf, statusOfError } from '../../../lib/problem-members';
import {
  changedFields,
  projectToValues,
  reapply,
  updateBody,
  type ProjectFieldKey,
  type ProjectFormValues,
} from '../lib/project-form';
import { useProjectFormat } from '../../../lib/project-format';
import { canEditProjects } from '../lib/roles';
import { useProjectFormPage } from '../lib/use-project-form-page';
import { useProblemText } from '../../../lib/use-problem-text';
import { ALERT_STYLES } from '../../../lib/colors';

export function EditProjectRoute() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { data: user } = useCurrentUser();
  const project = useProject(id);
  useDocumentTitle(
    `${project.data ? `${project.data.code} · ` : ''}${t('projects.edit.title')} · ${t('app.name')}`,
  );

  if (!canEditProjects(user?.role)) return <NotFoundRoute />;
  if (project.isPending) {
    return (
      <Stack gap="md" aria-busy="true">
        <Skeleton height={36} width="50%" />
        <Skeleton height={240} />
        <Skeleton height={240} />
      </Stack>
    );
  }
  if (project.isError) {
    const status = statusOfError(project.error);
    if (status === 404 || status === 400) return <NotFoundRoute />;
    return <ErrorResult title={t('projects.detail.error')} onRetry={() => void project.refetch()} />;
  }
  // The form starts from the version read now; later refetches never replace what is typed.
  return <EditProjectForm key={project.data.id} project={project.data} />;
}

export interface StaleState {
  latest: Project | null;
  currentVersion: number;
}

function EditProjectForm({ project }: { project: Project }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const update = useUpdateProject(project.id);
  const problemText = useProblemText();
  const format = useProjectFormat();
  const [baseline, setBaseline] = useState<ProjectFormValues>(() => projectToValues(project));
  const [version, setVersion] = useState(project.version);
  const [stage, setStage] = useState(project.stage);
  const page = useProjectFormPage('edit', projectToValues(project));
  const { form, values } = page;
  const [stale, setStale] = useState<StaleState | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const send = (from: ProjectFormValues, atVersion: number) => {
    const sent = values;
    update.mutate(updateBody(from, values, atVersion), {
      onSuccess: () => {
        notifySaved(t('saved.changes'));
        void navigate(`/projects/${project.id}`);
      },
      onError: (error) => {
        const current = staleVersionOf(error);
        if (current !== null) {
          setStale({ latest: null, currentVersion: current });
          void queryClient
            .fetchQuery({ ...projectQueryOptions(project.id), staleTime: 0 })
            .then((latest) => setStale({ latest, currentVersion: latest.version }))
            .catch(() => undefined);
          return;
        }
        page.refused(error, sent);
      },
    });
  };

  const submit = () => {
    setNotice(null);
    if (!page.mayBeSent()) return;
    if (changedFields(baseline, values).length === 0) {
      setNotice(t('projects.edit.nothingChanged'));
      return;
    }
    send(baseline, version);
  };

  /** My edits, applied on top of the latest version; nothing is saved until I save again. */
  const reapplyOnLatest = () => {
    if (!stale?.latest) return;
    const latestValues = projectToValues(stale.latest);
    form.setValues(reapply(baseline, values, latestValues));
    setBaseline(latestValues);
    setVersion(stale.latest.version);
    setStage(stale.latest.stage);
    setStale(null);
    update.reset();
    setNotice(t('projects.stale.reapplied'));
  };

  /** Mine wins: every field where my form differs from the latest version is sent. */
  const overwrite = () => {
    if (!stale?.latest) return;
    const latestValues = projectToValues(stale.latest);
    setBaseline(latestValues);
    setVersion(stale.latest.version);
    setStage(stale.latest.stage);
    setStale(null);
    send(latestValues, stale.latest.version);
  };

  /** What changed on each side since the version this form opened, and what changed on both. */
  const staleChanges = (latest: Project): ReactNode[] => {
    const name = (field: ProjectFieldKey) =>
      field === 'translations' ? t('translations.section') : t(`projects.fields.${field}`);
    const theirs = changedFields(baseline, projectToValues(latest));
    const mine = changedFields(baseline, values);
    const both = theirs.filter((field) => mine.includes(field));
    return [
      theirs.length
        ? t('projects.stale.theirs', { fields: format.shortList(theirs.map(name)) })
        : t('projects.stale.theirsNone'),
      t('projects.stale.mine', { fields: format.shortList(mine.map(name)) || '—' }),
      ...(both.length
        ? [
            <Text span fw={600} size="sm" key="both">
              {t('projects.stale.both', { fields: format.shortList(both.map(name)) })}
            </Text>,
          ]
        : []),
    ];
  };

  const generalError =
    update.isError && !stale && Object.keys(fieldErrorsOf(update.error)).length === 0
      ? problemText(update.error)
      : null;

  return (
    <ProjectFormPage
      page={page}
      mode="edit"
      stage={stage}
      onSubmit={submit}
      crumbs={
        <Anchor component={Link} to={`/projects/${project.id}`} size="sm" dir="ltr">
          {project.code}
        </Anchor>
      }
      current={t('projects.edit.title')}
      title={t('projects.edit.heading', { code: project.code })}
      description={project.title}
      footer={{
        failure: generalError,
        cancelTo: `/projects/${project.id}`,
        submitLabel: t('projects.edit.save'),
        submitting: update.isPending,
        disabled: stale !== null,
      }}
      alerts={
        <>
          {staleAlertFor(
            // The lines say what changed on each side, so each is its own description.
            {
              stale: stale !== null,
              changed: stale?.latest ? staleChanges(stale.latest) : null,
              takeTheirs: overwrite,
            },
            { isPending: false },
            (line) => line,
            {
              title: t('projects.stale.title'),
              body: t('projects.stale.body', { version: stale?.currentVersion }),
              keepMine: t('projects.stale.reapply'),
              takeTheirs: t('projects.stale.overwrite'),
            },
            // "Reapply" lays my edits over the latest version without saving; "overwrite" saves them.
            { keepMine: { onClick: reapplyOnLatest }, takeTheirs: { loading: update.isPending } },
          )}
          {notice ? (
            <Alert
              color="unBlue"
              variant="light"
              icon={<IconInfoCircle aria-hidden="true" />}
              role="status"
              styles={ALERT_STYLES}
            >
              {notice}
            </Alert>
          ) : null}
        </>
      }
    />
  );
}
