import {
  Anchor,
  Box,
  Button,
  Group,
  List,
  Paper,
  SimpleGrid,
  Skeleton,
  Stack,
  Table,
  Text,
  ThemeIcon,
  Title,
} from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconArrowRight, IconCircleCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EmptyResult } from '../../../components/EmptyResult';
import { ErrorResult } from '../../../components/ErrorResult';
import { Tag, type TagTone } from '../../../components/Tag';
import type { Role } from '../../../lib/authorization';
import { useMyReviews, type ReviewSummary } from '../api/get-my-reviews';
import { useFigures } from '../../../lib/figures';
import { PHONE_QUERY } from '../../../lib/media';
import { Paragraph6Quote } from './Paragraph6Quote';
import { PrinciplesGrid } from './PrinciplesGrid';
import { WelcomeBanner } from './WelcomeBanner';
import { useTranslatedText } from '../../../lib/translated-text';

const TASKS = ['first', 'second', 'third'] as const;
const QUEUE_STATUSES = ['assigned', 'draft', 'submitted', 'declined_conflict'] as const;
const STATUS_TONES: Record<ReviewSummary['status'], TagTone> = {
  assigned: 'orange',
  draft: 'blue',
  submitted: 'teal',
  declined_conflict: 'gray',
};
/** What still needs the reviewer: a review not started, then one in draft. */
const TO_DO: ReviewSummary['status'][] = ['assigned', 'draft'];

/** The reviewer's overview: the queue at a glance, then paragraph 6 and the five principles they score. */
export function ReviewerOverview({ role, name }: { role: Role; name: string }) {
  const { t } = useTranslation();
  // On a phone the lead organization goes under the title: three columns did not fit 390 px.
  const phone = useMediaQuery(PHONE_QUERY) ?? false;
  const translate = useTranslatedText();
  const reviews = useMyReviews();
  const { number } = useFigures();
  const items = reviews.data?.items ?? [];
  const toDo = items
    .filter((item) => TO_DO.includes(item.status))
    .sort((a, b) => TO_DO.indexOf(a.status) - TO_DO.indexOf(b.status) || a.code.localeCompare(b.code));

  return (
    <Stack gap="xl">
      <WelcomeBanner role={role} name={name}>
        <List
          spacing="xs"
          lh={1.5}
          icon={
            <ThemeIcon color="unBlue" variant="light" size={24} radius="xl" aria-hidden="true">
              <IconCircleCheck size={15} />
            </ThemeIcon>
          }
        >
          {TASKS.map((task) => (
            <List.Item key={task}>{t(`overview.roles.${role}.tasks.${task}`)}</List.Item>
          ))}
        </List>
      </WelcomeBanner>

      <Paper
        component="section"
        withBorder
        radius="md"
        p={{ base: 'md', sm: 'lg' }}
        aria-labelledby="queue-heading"
      >
        <Group justify="space-between" align="flex-start" gap="sm" mb={4}>
          <Title order={2} id="queue-heading" fz={20}>
            {t('dashboard.queue.title')}
          </Title>
          <Button
            component={Link}
            to="/reviews"
            variant="light"
            size="xs"
            rightSection={<IconArrowRight size={14} aria-hidden="true" className="directional-icon" />}
          >
            {t('dashboard.queue.all')}
          </Button>
        </Group>
        <Text size="sm" c="dimmed" mb="md">
          {t('dashboard.queue.description')}
        </Text>
        {reviews.isError ? (
          <ErrorResult title={t('dashboard.queue.error')} onRetry={() => void reviews.refetch()} />
        ) : (
          <Stack gap="md">
            <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm" data-testid="queue-counts">
              {QUEUE_STATUSES.map((status) => (
                <Paper key={status} withBorder radius="md" p="sm" bg="gray.0">
                  <Text size="xs" fw={600} c="dimmed">
                    {t(`dashboard.queue.statuses.${status}`)}
                  </Text>
                  {reviews.isPending ? (
                    <Skeleton height={26} width={40} mt={4} />
                  ) : (
                    <Text fz={26} fw={700} lh={1.3}>
                      {number(items.filter((item) => item.status === status).length)}
                    </Text>
                  )}
                </Paper>
              ))}
            </SimpleGrid>
            {reviews.isPending ? (
              <Skeleton height={120} radius="md" />
            ) : items.length === 0 ? (
              <EmptyResult title={t('dashboard.queue.empty')} body={t('dashboard.queue.emptyBody')} />
            ) : toDo.length === 0 ? (
              <Group gap="sm" role="status">
                <ThemeIcon color="teal.8" variant="light" size={32} radius="xl" aria-hidden="true">
                  <IconCircleCheck size={20} />
                </ThemeIcon>
                <Text fw={600}>{t('dashboard.queue.allDone')}</Text>
              </Group>
            ) : (
              // Narrow enough for a phone: the titles wrap rather than the table scrolling sideways.
              <Table.ScrollContainer minWidth={300}>
                <Table striped fz="sm" data-testid="queue-table">
                  <Table.Caption style={{ captionSide: 'top', textAlign: 'start' }}>
                    {t('dashboard.queue.toDo')}
                  </Table.Caption>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">{t('dashboard.queue.proposal')}</Table.Th>
                      {phone ? null : <Table.Th scope="col">{t('dashboard.queue.lead')}</Table.Th>}
                      <Table.Th scope="col">{t('dashboard.queue.status')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {toDo.map((review) => (
                      <Table.Tr key={review.id}>
                        <Table.Th scope="row" fw={500}>
                          <Anchor component={Link} to={`/reviews/${review.id}`} fw={600} size="sm">
                            <Text span dir="ltr" fw={700} size="sm">
                              {review.code}
                            </Text>{' '}
                            <bdi>{translate(review.title, review.titleTranslations)}</bdi>
                          </Anchor>
                          {phone ? (
                            <Text size="xs" c="dimmed" mt={2}>
                              {review.leadOrganization ?? t('dashboard.queue.noLead')}
                            </Text>
                          ) : null}
                        </Table.Th>
                        {phone ? null : (
                          <Table.Td>{review.leadOrganization ?? t('dashboard.queue.noLead')}</Table.Td>
                        )}
                        <Table.Td>
                          <Tag tone={STATUS_TONES[review.status]}>
                            {t(`dashboard.queue.statuses.${review.status}`)}
                          </Tag>
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )}
          </Stack>
        )}
      </Paper>

      <Paragraph6Quote />

      <Box component="section" aria-labelledby="principles-heading">
        <Title order={2} id="principles-heading" fz={22} mb={4}>
          {t('overview.principles.title')}
        </Title>
        <Text c="dimmed" mb="md" maw={760}>
          {t('overview.principles.intro')}
        </Text>
        <PrinciplesGrid />
      </Box>
    </Stack>
  );
}
