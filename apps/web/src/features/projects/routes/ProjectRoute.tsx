import {
  Anchor,
  Box,
  Breadcrumbs,
  Button,
  Group,
  Paper,
  Skeleton,
  Stack,
  Tabs,
  Text,
  Title,
} from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import {
  IconAdjustmentsDollar,
  IconChartBar,
  IconClipboardCheck,
  IconCoin,
  IconHistory,
  IconInfoCircle,
  IconListSearch,
  IconPencil,
  IconReportAnalytics,
  IconTargetArrow,
  IconTimeline,
} from '@tabler/icons-react';
import { projectPlaceIn } from '@hstf/domain';
import { lazy, Suspense, useDeferredValue } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { ErrorResult } from '../../../components/ErrorResult';
import { NotFoundRoute } from '../../../app/routes/NotFoundRoute';
import { useCurrentUser } from '../../../lib/auth';
import { useProjectAt } from '../api/get-project';
import { useCompliance } from '../../compliance';
import { ComplianceBadge, StageBadge, ToneBadge } from '../../../components/Badges';
import { HistoryPanel, TransitionsPanel } from '../../lifecycle';
import { ProjectDetails } from '../components/ProjectDetails';
import { FactSheetButton } from '../../statements';
import { WhenVisible } from '../../../components/WhenVisible';
import { useProjectFormat } from '../../../lib/project-format';
import { statusOfError } from '../../../lib/problem-members';
import { canEditProjects, canReadReviews } from '../lib/roles';
import { useTranslatedText } from '../../../lib/translated-text';

const TABS = [
  'overview',
  'paragraph6',
  'scorecard',
  'finance',
  'revisions',
  'reports',
  'results',
  'history',
  'timeline',
  'audit',
] as const;
type Tab = (typeof TABS)[number];

/**
 * The tabs' panels other than the first, each in a chunk of its own fetched when its tab opens (or
 * is pointed at): a project opens on its overview, and the panels' forms and dialogs are most of the
 * page's code.
 */
const panels = {
  paragraph6: () => import('../components/Paragraph6Panel').then((m) => ({ default: m.Paragraph6Panel })),
  scorecard: () => import('../components/Scorecard').then((m) => ({ default: m.Scorecard })),
  finance: () => import('../../transfers').then((m) => ({ default: m.FinancePanel })),
  revisions: () => import('../../revisions').then((m) => ({ default: m.RevisionsPanel })),
  reports: () => import('../../reports').then((m) => ({ default: m.ReportsPanel })),
  results: () => import('../../results').then((m) => ({ default: m.ResultsPanel })),
  timeline: () => import('../../timeline').then((m) => ({ default: m.TimelinePanel })),
  audit: () => import('../components/AuditPanel').then((m) => ({ default: m.AuditPanel })),
};
const Paragraph6Panel = lazy(panels.paragraph6);
// Under the project's details, below the first screen of a phone: its form (a select with its
// floating dropdown) was the longest task of the page's first render, and nobody sees it before
// scrolling.
const DocumentsSection = lazy(() => import('../../documents').then((m) => ({ default: m.DocumentsSection })));
const Scorecard = lazy(panels.scorecard);
const FinancePanel = lazy(panels.finance);
const RevisionsPanel = lazy(panels.revisions);
const ReportsPanel = lazy(panels.reports);
const ResultsPanel = lazy(panels.results);
const TimelinePanel = lazy(panels.timeline);
const AuditPanel = lazy(panels.audit);

/** Starts fetching the panels once the reader reaches for the tabs, so a click rarely waits. */
function preloadPanels() {
  for (const load of Object.values(panels)) void load();
}

/** One project: its stage and the decisions open to it, paragraph 6, the scorecard, money, history. */
export function ProjectRoute() {
  const { t } = useTranslation();
  const translate = useTranslatedText();
  const { id = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const { data: user } = useCurrentUser();
  const format = useProjectFormat();
  const project = useProjectAt(id);
  const sections = useDeferredValue(project.data ?? null, null);
  const canEdit = canEditProjects(user?.role);
  const staff = canReadReviews(user?.role);
  useDocumentTitle(
    project.data
      ? `${project.data.code} · ${t('projects.title')} · ${t('app.name')}`
      : `${t('projects.title')} · ${t('app.name')}`,
  );

  // The timeline follows the audit log's rules: staff, admin and donors (who see what they may read).
  const readsTimeline = staff || user?.role === 'donor';
  const tabs = TABS.filter(
    (tab) =>
      staff ||
      (tab !== 'scorecard' &&
        tab !== 'revisions' &&
        tab !== 'audit' &&
        tab !== 'reports' &&
        (tab !== 'timeline' || readsTimeline)),
  );
  const requested = params.get('tab') as Tab | null;
  const tab: Tab = requested && tabs.includes(requested) ? requested : 'overview';

  if (project.isPending) {
    return (
      <Stack gap="md" aria-busy="true">
        <Skeleton height={18} width={200} />
        <Skeleton height={36} width="70%" />
        <Skeleton height={120} />
        <Skeleton height={300} />
      </Stack>
    );
  }
  if (project.isError) {
    const status = statusOfError(project.error);
    if (status === 404 || status === 400) return <NotFoundRoute />;
    return <ErrorResult title={t('projects.detail.error')} onRetry={() => void project.refetch()} />;
  }
  const data = project.data;

  return (
    <Stack gap="lg">
      <Breadcrumbs separator="›" aria-label={t('projects.detail.breadcrumb')}>
        <Anchor component={Link} to="/projects" size="sm">
          {t('projects.title')}
        </Anchor>
        <Text size="sm" dir="ltr" aria-current="page">
          {data.code}
        </Text>
      </Breadcrumbs>

      <Group justify="space-between" align="flex-start" gap="md" wrap="wrap">
        <Stack gap="xs" maw={820}>
          <Group gap="sm" wrap="wrap">
            <Text ff="monospace" fw={600} c="unBlue.8" dir="ltr">
              {data.code}
            </Text>
            <StageBadge stage={data.stage} />
            <ToneBadge tone="slate">{t('projects.window', { window: data.window })}</ToneBadge>
            <Paragraph6Status projectId={data.id} />
          </Group>
          <Title order={1} fz={{ base: 24, sm: 30 }} lh={1.2} dir="auto">
            {translate(data.title, data.titleTranslations)}
          </Title>
          {translate(data.title, data.titleTranslations) !== data.title ? (
            <Text size="sm" c="dimmed">
              <Trans
                i18nKey="translations.original"
                values={{ title: data.title }}
                components={{ bdi: <bdi /> }}
              />
            </Text>
          ) : null}
          <Text c="dimmed">
            {projectPlaceIn(format.locale, data, {
              noCountries: t('projects.detail.noCountries'),
              ledBy: (name) => t('projects.detail.ledBy', { name }),
            })}
          </Text>
        </Stack>
        <Group gap="sm">
          {user?.role === 'reviewer' ? null : <FactSheetButton projectId={data.id} />}
          {canEdit ? (
            <Button
              component={Link}
              to={`/projects/${data.id}/edit`}
              variant="default"
              leftSection={<IconPencil size={16} aria-hidden="true" />}
            >
              {t('projects.detail.edit')}
            </Button>
          ) : null}
        </Group>
      </Group>

      {/* Below the title, at a lower priority and in slices: the title paints first, and no long
          task holds the page while the tabs and the details render. */}
      {sections ? (
        <>
          {canEdit ? <TransitionsPanel project={sections} /> : null}

          <Tabs
            value={tab}
            onChange={(value) =>
              setParams(
                (current) => {
                  const next = new URLSearchParams(current);
                  if (!value || value === 'overview') next.delete('tab');
                  else next.set('tab', value);
                  return next;
                },
                { replace: true },
              )
            }
            keepMounted={false}
          >
            <Tabs.List
              aria-label={t('projects.detail.sections')}
              className="wrapping-tabs"
              onPointerEnter={preloadPanels}
              onFocus={preloadPanels}
            >
              <Tabs.Tab value="overview" leftSection={<IconInfoCircle size={16} aria-hidden="true" />}>
                {t('projects.tabs.overview')}
              </Tabs.Tab>
              <Tabs.Tab value="paragraph6" leftSection={<IconClipboardCheck size={16} aria-hidden="true" />}>
                {t('projects.tabs.paragraph6')}
              </Tabs.Tab>
              {staff ? (
                <Tabs.Tab value="scorecard" leftSection={<IconChartBar size={16} aria-hidden="true" />}>
                  {t('projects.tabs.scorecard')}
                </Tabs.Tab>
              ) : null}
              <Tabs.Tab value="finance" leftSection={<IconCoin size={16} aria-hidden="true" />}>
                {t('projects.tabs.finance')}
              </Tabs.Tab>
              {staff ? (
                <Tabs.Tab
                  value="revisions"
                  leftSection={<IconAdjustmentsDollar size={16} aria-hidden="true" />}
                >
                  {t('revisions.tab')}
                </Tabs.Tab>
              ) : null}
              {staff ? (
                <Tabs.Tab value="reports" leftSection={<IconReportAnalytics size={16} aria-hidden="true" />}>
                  {t('reports.tab')}
                </Tabs.Tab>
              ) : null}
              <Tabs.Tab value="results" leftSection={<IconTargetArrow size={16} aria-hidden="true" />}>
                {t('results.tab')}
              </Tabs.Tab>
              <Tabs.Tab value="history" leftSection={<IconHistory size={16} aria-hidden="true" />}>
                {t('projects.tabs.history')}
              </Tabs.Tab>
              {readsTimeline ? (
                <Tabs.Tab value="timeline" leftSection={<IconTimeline size={16} aria-hidden="true" />}>
                  {t('timeline.tab')}
                </Tabs.Tab>
              ) : null}
              {staff ? (
                <Tabs.Tab value="audit" leftSection={<IconListSearch size={16} aria-hidden="true" />}>
                  {t('projects.tabs.audit')}
                </Tabs.Tab>
              ) : null}
            </Tabs.List>
            <Box pt="lg">
              <Suspense fallback={<Skeleton height={300} radius="md" aria-busy="true" />}>
                <Tabs.Panel value="overview">
                  <ProjectDetails project={sections} />
                  <Paper withBorder radius="md" p="lg" mt="lg">
                    <WhenVisible placeholder={<Skeleton height={240} radius="md" />}>
                      <Suspense fallback={<Skeleton height={240} radius="md" />}>
                        <DocumentsSection
                          record={{ projectId: sections.id, recordKind: 'project', recordId: sections.id }}
                          canEdit={canEdit}
                        />
                      </Suspense>
                    </WhenVisible>
                  </Paper>
                </Tabs.Panel>
                <Tabs.Panel value="paragraph6">
                  <Paragraph6Panel project={sections} canEdit={canEdit} />
                </Tabs.Panel>
                {staff ? (
                  <Tabs.Panel value="scorecard">
                    <Scorecard project={sections} canModerate={canEdit} />
                  </Tabs.Panel>
                ) : null}
                <Tabs.Panel value="finance">
                  <FinancePanel project={sections} canEdit={canEdit} />
                </Tabs.Panel>
                {staff ? (
                  <Tabs.Panel value="revisions">
                    <RevisionsPanel project={sections} canEdit={canEdit} />
                  </Tabs.Panel>
                ) : null}
                {staff ? (
                  <Tabs.Panel value="reports">
                    <ReportsPanel projectId={sections.id} canEdit={canEdit} />
                  </Tabs.Panel>
                ) : null}
                <Tabs.Panel value="results">
                  <ResultsPanel projectId={sections.id} canEdit={canEdit} />
                </Tabs.Panel>
                <Tabs.Panel value="history">
                  <HistoryPanel projectId={sections.id} />
                </Tabs.Panel>
                {readsTimeline ? (
                  <Tabs.Panel value="timeline">
                    <TimelinePanel projectId={sections.id} />
                  </Tabs.Panel>
                ) : null}
                {staff ? (
                  <Tabs.Panel value="audit">
                    <AuditPanel projectId={sections.id} />
                  </Tabs.Panel>
                ) : null}
              </Suspense>
            </Box>
          </Tabs>
        </>
      ) : (
        <Skeleton height={420} radius="md" aria-busy="true" />
      )}
    </Stack>
  );
}

/** Paragraph 6 at a glance, for every role: donors see this status and its reasons, never the records. */
function Paragraph6Status({ projectId }: { projectId: string }) {
  const { t } = useTranslation();
  const compliance = useCompliance(projectId);
  if (!compliance.data) return null;
  return (
    <Group gap={6} wrap="nowrap">
      <Text size="sm" c="dimmed">
        {t('projects.detail.paragraph6')}
      </Text>
      <ComplianceBadge status={compliance.data.status} />
    </Group>
  );
}
