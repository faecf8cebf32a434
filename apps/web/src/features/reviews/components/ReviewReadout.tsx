import { Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { PRINCIPLE_IDS, RUBRIC } from '@hstf/domain';
import { useTranslation } from 'react-i18next';
import { Tag } from '../../../components/Tag';
import { useIntl } from '../../../lib/intl';
import type { Review } from '../api/get-review';
import { ReviewStatusTag } from './ReviewStatusTag';

type ReadableReview = Pick<
  Review,
  | 'reviewerName'
  | 'status'
  | 'scores'
  | 'justifications'
  | 'recommendation'
  | 'submittedAt'
  | 'contentVisible'
>;

const RECOMMENDATION_TONES = { approve: 'teal', revise: 'orange', reject: 'grape' } as const;

/** One review, read: each principle's score in words and its justification, and the recommendation. */
export function ReviewReadout({
  review,
  title,
  level = 3,
}: {
  review: ReadableReview;
  title: string;
  /** 2 where the review is a section of the page itself; 3 inside "the other reviews". */
  level?: 2 | 3;
}) {
  const { t } = useTranslation();
  const { dateTime } = useIntl();
  return (
    <Paper withBorder radius="md" p={{ base: 'md', sm: 'lg' }} component="article" aria-label={title}>
      <Group justify="space-between" align="flex-start" mb="md" gap="sm">
        <Stack gap={2}>
          <Title order={level} fz="h4">
            {title}
          </Title>
          {review.submittedAt ? (
            <Text size="sm" c="dimmed">
              {t('reviews.readout.submittedAt', { date: dateTime(review.submittedAt) })}
            </Text>
          ) : null}
        </Stack>
        <Group gap="xs">
          <ReviewStatusTag status={review.status} />
          {review.recommendation ? (
            <Tag tone={RECOMMENDATION_TONES[review.recommendation]}>
              {t(`reviews.recommendation.${review.recommendation}`)}
            </Tag>
          ) : null}
        </Group>
      </Group>
      {review.contentVisible && review.scores ? (
        <Stack gap="md">
          {PRINCIPLE_IDS.map((principle) => {
            const score = review.scores?.[principle] ?? null;
            const level = RUBRIC.find((item) => item.score === score);
            return (
              <Stack key={principle} gap={4}>
                <Group gap="xs" wrap="nowrap">
                  <Tag tone="blue" miw={34} aria-hidden="true">
                    {score ?? '—'}
                  </Tag>
                  <Text fw={600} size="sm">
                    {t(`reviews.principles.${principle}.title`)}
                    <Text span c="dimmed" fw={400} size="sm">
                      {' · '}
                      {level
                        ? `${level.score} · ${t(`reviews.rubric.${level.label}.name`)}`
                        : t('reviews.readout.noScore')}
                    </Text>
                  </Text>
                </Group>
                <Text size="sm" ps={42} style={{ whiteSpace: 'pre-wrap' }} dir="auto">
                  {review.justifications?.[principle] || t('reviews.readout.noJustification')}
                </Text>
              </Stack>
            );
          })}
        </Stack>
      ) : (
        <Text size="sm" c="dimmed">
          {t('reviews.readout.notVisible')}
        </Text>
      )}
    </Paper>
  );
}

/** The scores side by side: one row per principle, one column per reviewer who submitted. */
export function ScoreComparison({ reviews }: { reviews: (ReadableReview & { id: string })[] }) {
  const { t } = useTranslation();
  const visible = reviews.filter((review) => review.contentVisible && review.scores);
  if (visible.length < 2) return null;
  return (
    <Table.ScrollContainer
      minWidth={360}
      type="native"
      tabIndex={0}
      role="region"
      aria-label={t('reviews.others.comparison')}
    >
      <Table withTableBorder withColumnBorders aria-label={t('reviews.others.comparison')} ta="center">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col" ta="start">
              {t('reviews.others.principle')}
            </Table.Th>
            {visible.map((review) => (
              <Table.Th scope="col" key={review.id} ta="center">
                {review.reviewerName}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {PRINCIPLE_IDS.map((principle) => (
            <Table.Tr key={principle}>
              <Table.Th scope="row" ta="start" fw={500}>
                {t(`reviews.principles.${principle}.title`)}
              </Table.Th>
              {visible.map((review) => (
                <Table.Td key={review.id} style={{ fontVariantNumeric: 'tabular-nums' }}>
                  {review.scores?.[principle] ?? '—'}
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
