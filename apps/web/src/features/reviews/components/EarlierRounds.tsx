import { Anchor, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useIntl } from '../../../lib/intl';
import type { ReviewStatus } from '../api/get-my-reviews';
import { ReviewStatusTag } from './ReviewStatusTag';
import { RoundTag } from './RoundTags';

export interface EarlierReview {
  id: string;
  reviewerName: string;
  round: number;
  status: ReviewStatus;
  submittedAt: string | null;
}

/**
 * The reviews of a proposal's earlier rounds, read-only: kept for the record, never counted. Staff
 * see them all; a reviewer, their own.
 */
export function EarlierRounds({
  reviews,
  headingId,
}: {
  reviews: readonly EarlierReview[];
  headingId: string;
}) {
  const { t } = useTranslation();
  const { dateTime } = useIntl();
  if (reviews.length === 0) return null;
  const sorted = [...reviews].sort(
    (a, b) => b.round - a.round || a.reviewerName.localeCompare(b.reviewerName),
  );
  return (
    <Stack gap="xs" component="section" aria-labelledby={headingId} data-testid="earlier-rounds">
      <Title order={3} fz="md" id={headingId}>
        {t('rounds.earlier')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('rounds.earlierHint')}
      </Text>
      <Table.ScrollContainer minWidth={480}>
        <Table verticalSpacing="xs" aria-labelledby={headingId}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('reviews.board.reviewer')}</Table.Th>
              <Table.Th scope="col">{t('rounds.roundShown')}</Table.Th>
              <Table.Th scope="col">{t('reviews.board.status')}</Table.Th>
              <Table.Th scope="col">{t('reviews.board.updated')}</Table.Th>
              <Table.Th scope="col">{t('rounds.read')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {sorted.map((review) => (
              <Table.Tr key={review.id}>
                <Table.Th scope="row" fw={500}>
                  {review.reviewerName}
                </Table.Th>
                <Table.Td>
                  <RoundTag round={review.round} counting={false} />
                </Table.Td>
                <Table.Td>
                  <ReviewStatusTag status={review.status} />
                </Table.Td>
                <Table.Td>{review.submittedAt ? dateTime(review.submittedAt) : '—'}</Table.Td>
                <Table.Td>
                  <Anchor component={Link} to={`/reviews/${review.id}`} size="sm">
                    {t('reviews.board.read', { name: review.reviewerName })}
                  </Anchor>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}
