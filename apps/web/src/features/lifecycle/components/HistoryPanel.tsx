import { Group, Paper, Skeleton, Stack, Text, Timeline, Title } from '@mantine/core';
import { IconArrowsExchange } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { EmptyResult } from '../../../components/EmptyResult';
import { ErrorResult } from '../../../components/ErrorResult';
import { useProjectHistory } from '../api/transitions';
import { useProjectFormat } from '../../../lib/project-format';
import { StageBadge } from '../../../components/Badges';

/** The project's decisions, oldest first: each move, when it was decided, by whom and why. */
export function HistoryPanel({ projectId }: { projectId: string }) {
  const { t } = useTranslation();
  const format = useProjectFormat();
  const history = useProjectHistory(projectId);

  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="history-heading">
      <Title order={2} fz="lg" id="history-heading" mb="md">
        {t('projects.history.title')}
      </Title>
      {history.isPending ? (
        <Stack gap="sm" aria-busy="true">
          <Skeleton height={48} />
          <Skeleton height={48} />
        </Stack>
      ) : history.isError ? (
        <ErrorResult title={t('projects.history.error')} onRetry={() => void history.refetch()} />
      ) : history.data.length === 0 ? (
        <EmptyResult title={t('projects.history.empty')} />
      ) : (
        <Timeline active={history.data.length - 1} bulletSize={26} lineWidth={2}>
          {history.data.map((entry) => (
            <Timeline.Item
              key={entry.id}
              bullet={<IconArrowsExchange size={14} aria-hidden="true" />}
              title={
                <Group gap="xs" wrap="wrap">
                  <StageBadge stage={entry.from} size="sm" />
                  <Text size="sm" aria-hidden="true">
                    →
                  </Text>
                  <StageBadge stage={entry.to} size="sm" />
                </Group>
              }
            >
              <Text size="sm" mt={4}>
                {t('projects.history.decidedOn', { date: format.date(entry.decidedOn) })}
                {entry.actorName ? ` · ${t('projects.history.by', { name: entry.actorName })}` : ''}
              </Text>
              {entry.note ? (
                <Text size="sm" c="gray.8" mt={4} style={{ whiteSpace: 'pre-wrap' }} dir="auto">
                  {entry.note}
                </Text>
              ) : null}
            </Timeline.Item>
          ))}
        </Timeline>
      )}
    </Paper>
  );
}
