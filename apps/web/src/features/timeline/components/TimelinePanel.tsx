import { Button, Group, Paper, Skeleton, Stack, Text, Timeline, Title } from '@mantine/core';
import { ExportMenu } from '../../../components/ExportMenu';
import {
  IconArrowsExchange,
  IconCoin,
  IconFileCertificate,
  IconFlag,
  IconPencil,
  IconStars,
} from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { EmptyResult, ErrorResult } from '../../../components/QueryStates';
import { useProjectFormat } from '../../../lib/project-format';
import { useProjectTimeline } from '../api/timeline';
import { describeEvent, type DescribedEvent } from '../lib/describe-event';

const ICONS: Record<DescribedEvent['kind'], typeof IconFlag> = {
  decision: IconArrowsExchange,
  consent: IconFileCertificate,
  alignment: IconFlag,
  review: IconStars,
  money: IconCoin,
  record: IconPencil,
};

/** The project's whole story, newest first: each event in words, with who and when. */
export function TimelinePanel({ projectId }: { projectId: string }) {
  const { t } = useTranslation();
  const format = useProjectFormat();
  const timeline = useProjectTimeline(projectId);
  const events = timeline.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="timeline-heading">
      <Group justify="space-between" align="flex-start" gap="sm">
        <Title order={2} fz="lg" id="timeline-heading">
          {t('timeline.title')}
        </Title>
        <ExportMenu path="/api/v1/audit" query={{ projectId }} />
      </Group>
      <Text size="sm" c="dimmed" mb="md">
        {t('timeline.description')}
      </Text>
      {timeline.isPending ? (
        <Stack gap="sm" aria-busy="true">
          <Skeleton height={48} />
          <Skeleton height={48} />
        </Stack>
      ) : timeline.isError ? (
        <ErrorResult title={t('timeline.error')} onRetry={() => void timeline.refetch()} />
      ) : events.length === 0 ? (
        <EmptyResult title={t('timeline.empty')} />
      ) : (
        <>
          <Timeline bulletSize={26} lineWidth={2} data-testid="project-timeline">
            {events.map((event) => {
              const described = describeEvent(event, t, format);
              const Icon = ICONS[described.kind];
              return (
                <Timeline.Item
                  key={event.id}
                  bullet={<Icon size={14} aria-hidden="true" />}
                  title={
                    <Text size="sm" fw={600} dir="auto">
                      {described.title}
                    </Text>
                  }
                  data-entity={event.entity}
                >
                  <Text size="xs" c="dimmed" mt={2}>
                    <time dateTime={event.occurredAt}>{format.dateTime(event.occurredAt)}</time>
                    {event.actorName ? ` · ${t('timeline.by', { name: event.actorName })}` : ''}
                  </Text>
                  {described.details.map((line, index) => (
                    <Text
                      key={index}
                      size="sm"
                      c="gray.8"
                      mt={4}
                      style={{ whiteSpace: 'pre-wrap' }}
                      dir="auto"
                    >
                      {line}
                    </Text>
                  ))}
                </Timeline.Item>
              );
            })}
          </Timeline>
          {timeline.hasNextPage ? (
            <Button
              variant="subtle"
              size="compact-sm"
              mt="md"
              loading={timeline.isFetchingNextPage}
              onClick={() => void timeline.fetchNextPage()}
            >
              {t('timeline.more')}
            </Button>
          ) : null}
        </>
      )}
    </Paper>
  );
}
