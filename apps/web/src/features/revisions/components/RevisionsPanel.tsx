import { Alert, Button, Group, Paper, Skeleton, Stack, Text, Timeline, Title } from '@mantine/core';
import { IconCalendarPlus, IconCoin, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ToneBadge } from '../../../components/Badges';
import { EmptyResult, ErrorResult } from '../../../components/QueryStates';
import { useCurrentUser } from '../../../lib/auth';
import { ALERT_STYLES } from '../../../lib/colors';
import { useIntl } from '../../../lib/intl';
import { notifySaved } from '../../../lib/notify';
import { DocumentsButton } from '../../documents';
import type { Project } from '../../projects';
import { useRevisions, type Revision } from '../api/revisions';
import { DecideRevisionModal } from './DecideRevisionModal';
import { RevisionChange } from './RevisionChange';
import { RevisionRequestModal } from './RevisionRequestModal';

const STATUS_TONES = { pending: 'amber', approved: 'green', rejected: 'red' } as const;
/** The stages whose approved budget and end date are held by decisions (libs/domain REVISABLE_STAGES). */
const REVISABLE = ['approved', 'active'];

/**
 * A project's budget revisions and no-cost extensions, newest first: what each asked and why, who
 * asked and when, and the decision, by whom, when and with what comment. Staff request; another
 * staff member decides.
 */
export function RevisionsPanel({ project, canEdit }: { project: Project; canEdit: boolean }) {
  const { t } = useTranslation();
  const { dateTime } = useIntl();
  const { data: user } = useCurrentUser();
  const revisions = useRevisions(project.id);
  const [requesting, setRequesting] = useState(false);
  const [deciding, setDeciding] = useState<Revision | null>(null);
  const open = REVISABLE.includes(project.stage);

  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="revisions-heading">
      <Group justify="space-between" align="flex-start" mb="md" gap="sm">
        <Stack gap={4}>
          <Title order={2} fz="lg" id="revisions-heading">
            {t('revisions.title')}
          </Title>
          <Text size="sm" c="dimmed" maw={720}>
            {t('revisions.description')}
          </Text>
        </Stack>
        {canEdit && open ? (
          <Button leftSection={<IconPlus size={16} aria-hidden="true" />} onClick={() => setRequesting(true)}>
            {t('revisions.request.open')}
          </Button>
        ) : null}
      </Group>
      {revisions.isPending ? (
        <Stack gap="sm" aria-busy="true">
          <Skeleton height={56} />
          <Skeleton height={56} />
        </Stack>
      ) : revisions.isError ? (
        <ErrorResult title={t('revisions.error')} onRetry={() => void revisions.refetch()} />
      ) : revisions.data.length === 0 ? (
        <EmptyResult title={t('revisions.empty')} body={open ? undefined : t('revisions.notOpen')} />
      ) : (
        <Timeline bulletSize={26} lineWidth={2} active={-1}>
          {revisions.data.map((revision) => {
            const mine = revision.requestedBy.id === user?.id;
            const Icon = revision.kind === 'budget' ? IconCoin : IconCalendarPlus;
            return (
              <Timeline.Item
                key={revision.id}
                bullet={<Icon size={14} aria-hidden="true" />}
                title={
                  <Group gap="xs" wrap="wrap">
                    <Text fw={600} size="sm">
                      {t(`revisions.kinds.${revision.kind}`)}
                    </Text>
                    <ToneBadge tone={STATUS_TONES[revision.status]} size="sm">
                      {t(`revisions.statuses.${revision.status}`)}
                    </ToneBadge>
                  </Group>
                }
              >
                <Stack gap={6} mt={4}>
                  <RevisionChange revision={revision} />
                  <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} dir="auto">
                    {revision.justification}
                  </Text>
                  <DocumentsButton
                    record={{ projectId: project.id, recordKind: 'revision', recordId: revision.id }}
                    canEdit={canEdit}
                    label={t(`revisions.kinds.${revision.kind}`)}
                  />
                  <Text size="xs" c="dimmed">
                    {t('revisions.requested', {
                      name: revision.requestedBy.name,
                      when: dateTime(revision.requestedAt),
                    })}
                  </Text>
                  {revision.decidedBy ? (
                    <Alert
                      variant="light"
                      color={revision.status === 'approved' ? 'green' : 'red'}
                      styles={ALERT_STYLES}
                      p="xs"
                      title={t(
                        `revisions.decided.${revision.status === 'approved' ? 'approved' : 'rejected'}`,
                        {
                          name: revision.decidedBy.name,
                          when: dateTime(revision.decidedAt),
                        },
                      )}
                    >
                      <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} dir="auto">
                        {revision.decisionComment}
                      </Text>
                    </Alert>
                  ) : canEdit && !mine ? (
                    <Group>
                      <Button size="xs" variant="light" onClick={() => setDeciding(revision)}>
                        {t('revisions.decide.open')}
                      </Button>
                    </Group>
                  ) : (
                    <Text size="xs" c="dimmed">
                      {mine ? t('revisions.awaitingOther') : t('revisions.awaiting')}
                    </Text>
                  )}
                </Stack>
              </Timeline.Item>
            );
          })}
        </Timeline>
      )}
      <RevisionRequestModal
        project={project}
        opened={requesting}
        onClose={() => setRequesting(false)}
        onSaved={() => {
          setRequesting(false);
          notifySaved(t('revisions.request.saved'));
        }}
      />
      <DecideRevisionModal
        projectId={project.id}
        revision={deciding}
        onClose={() => setDeciding(null)}
        onDecided={(decided) => {
          setDeciding(null);
          notifySaved(t(`revisions.decide.saved.${decided.status === 'approved' ? 'approved' : 'rejected'}`));
        }}
      />
    </Paper>
  );
}
