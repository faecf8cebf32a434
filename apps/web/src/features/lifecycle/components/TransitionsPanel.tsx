import { Alert, Button, Group, List, Paper, Skeleton, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { allowedTransitions, type Stage } from '@hstf/domain';
import { IconArrowRight, IconCircleCheck, IconLock, IconPencil } from '@tabler/icons-react';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useTransitionOptions } from '../api/transitions';
import type { Project, TransitionFailure } from '../../projects';
import { statusOfError } from '../../../lib/problem-members';
import { useProjectFormat } from '../../../lib/project-format';
import { useReasonText } from '../../../lib/reasons';
import { useMoveLabel } from './move-label';
import { ALERT_STYLES, OK_TEXT, BAD_TEXT } from '../../../lib/colors';

// The decision's dialog (a date picker among its fields) in a chunk of its own: a project's page
// opens without it, and it is fetched as staff reach for a decision, before they click.
const loadDialog = () => import('./TransitionDialog').then((m) => ({ default: m.TransitionDialog }));
const TransitionDialog = lazy(loadDialog);
function preloadDialog() {
  void loadDialog();
}

interface TransitionsPanelProps {
  project: Project;
}

/** Fixable gates that are fixed by editing the project: a link takes staff there. */
const FIXED_BY_EDITING = new Set([
  'required_fields_missing',
  'recipient_country_missing',
  'lead_organization_missing',
  'approved_budget_missing',
  'approved_budget_not_positive',
]);

/** Moves that send a project back, stop or end it: never the filled, primary button. */
const SECONDARY = new Set<Stage>([
  'concept_note',
  'revision_requested',
  'rejected',
  'withdrawn',
  'suspended',
]);

/**
 * The decisions open to the project now. Each refused gate is explained before the click: the
 * button is disabled and the reasons are listed under it, in words.
 */
export function TransitionsPanel({ project }: TransitionsPanelProps) {
  const { t } = useTranslation();
  const reasons = useReasonText();
  const format = useProjectFormat();
  const options = useTransitionOptions(project.id, true);
  const [target, setTarget] = useState<Stage | null>(null);
  const moveLabel = useMoveLabel(project.stage);

  // Should the options route be unavailable, the moves still come from libs/domain, checked on click.
  const fallback = options.isError && statusOfError(options.error) === 404;
  const moves: { to: Stage; allowed: boolean; failures: TransitionFailure[] }[] = fallback
    ? allowedTransitions(project.stage).map((to) => ({ to, allowed: true, failures: [] }))
    : (options.data?.options ?? []).map((option) => ({ ...option, to: option.to }));
  const version = options.data?.version ?? project.version;
  // The decisions open now are said once, with one primary action: the first step forward. Sending a
  // proposal back, asking for a revision, rejecting and withdrawing stay secondary.
  const open = moves.filter((move) => move.allowed);
  const refused = moves.filter((move) => !move.allowed);
  const primary = open.find((move) => !SECONDARY.has(move.to))?.to ?? null;

  return (
    <Paper
      withBorder
      radius="md"
      p="lg"
      component="section"
      aria-labelledby="decisions-heading"
      onPointerEnter={preloadDialog}
      onFocus={preloadDialog}
    >
      <Stack gap="md">
        <Group justify="space-between" align="baseline" gap="xs">
          <Title order={2} fz="lg" id="decisions-heading">
            {t('projects.transitions.title')}
          </Title>
          {options.data ? (
            <Text size="xs" c="dimmed">
              {t('projects.transitions.checkedOn', { date: format.date(options.data.on) })}
            </Text>
          ) : null}
        </Group>
        {project.stage === 'suspended' ? (
          <Alert color="red" variant="light" styles={ALERT_STYLES} data-testid="suspended-notice">
            {t('suspension.notice')}
          </Alert>
        ) : null}
        {options.isPending ? (
          <Stack gap="xs" aria-busy="true">
            <Skeleton height={36} width="40%" />
            <Skeleton height={14} width="80%" />
          </Stack>
        ) : options.isError && !fallback ? (
          <Alert color="red" variant="light" title={t('projects.transitions.error')} styles={ALERT_STYLES}>
            <Button variant="default" size="xs" mt="xs" onClick={() => void options.refetch()}>
              {t('common.retry')}
            </Button>
          </Alert>
        ) : moves.length === 0 ? (
          <Group gap="sm">
            <ThemeIcon variant="light" color="gray" radius="xl" aria-hidden="true">
              <IconLock size={16} />
            </ThemeIcon>
            <Text size="sm">
              {t('projects.transitions.final', { stage: t(`projects.stages.${project.stage}`) })}
            </Text>
          </Group>
        ) : (
          <Stack gap="md">
            {open.length > 0 ? (
              <Stack gap="xs" data-testid="transitions-open">
                <Group gap={6}>
                  <IconCircleCheck size={16} color="var(--mantine-color-green-8)" aria-hidden="true" />
                  <Text size="sm" c={OK_TEXT}>
                    {t('projects.transitions.open')}
                  </Text>
                </Group>
                <Group gap="sm" wrap="wrap">
                  {open.map((move) => (
                    <Button
                      key={move.to}
                      data-transition={move.to}
                      variant={move.to === primary ? 'filled' : 'default'}
                      onClick={() => setTarget(move.to)}
                      rightSection={
                        <IconArrowRight size={16} aria-hidden="true" className="directional-icon" />
                      }
                    >
                      {moveLabel(move.to)}
                    </Button>
                  ))}
                </Group>
              </Stack>
            ) : null}
            {refused.map((move) => {
              const reasonsId = `transition-${move.to}-reasons`;
              const editable = move.failures.some((failure) => FIXED_BY_EDITING.has(failure.code));
              return (
                <Stack key={move.to} gap={6} data-transition={move.to}>
                  <Group gap="sm" wrap="wrap">
                    <Button
                      variant="default"
                      disabled
                      rightSection={
                        <IconArrowRight size={16} aria-hidden="true" className="directional-icon" />
                      }
                      aria-describedby={reasonsId}
                    >
                      {moveLabel(move.to)}
                    </Button>
                    <Text size="sm" c={BAD_TEXT} fw={600}>
                      {t('projects.transitions.refused')}
                    </Text>
                  </Group>
                  <List id={reasonsId} size="sm" spacing={4} withPadding c="gray.9">
                    {move.failures.map((failure, index) => (
                      <List.Item key={`${failure.code}-${index}`}>
                        {reasons.transitionFailure(failure)}
                      </List.Item>
                    ))}
                  </List>
                  {editable ? (
                    <Button
                      component={Link}
                      to={`/projects/${project.id}/edit`}
                      variant="subtle"
                      size="compact-sm"
                      leftSection={<IconPencil size={14} aria-hidden="true" />}
                      w="fit-content"
                    >
                      {t('projects.transitions.fixInForm')}
                    </Button>
                  ) : null}
                </Stack>
              );
            })}
          </Stack>
        )}
      </Stack>
      {target ? (
        <Suspense fallback={null}>
          <TransitionDialog project={project} to={target} version={version} onClose={() => setTarget(null)} />
        </Suspense>
      ) : null}
    </Paper>
  );
}
