import { Anchor, Stack, Text, Title } from '@mantine/core';
import type { ColumnDef } from '@tanstack/react-table';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ListTable } from '../../../components/data-table/ListTable';
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
  const columns = useMemo<ColumnDef<EarlierReview>[]>(
    () => [
      {
        id: 'reviewer',
        header: t('reviews.board.reviewer'),
        accessorFn: (review) => review.reviewerName,
        meta: { rowHeader: true },
      },
      {
        id: 'round',
        header: t('rounds.roundShown'),
        accessorFn: (review) => review.round,
        cell: ({ row }) => <RoundTag round={row.original.round} counting={false} />,
      },
      {
        id: 'status',
        header: t('reviews.board.status'),
        accessorFn: (review) => t(`reviews.status.${review.status}`),
        cell: ({ row }) => <ReviewStatusTag status={row.original.status} />,
      },
      {
        id: 'updated',
        header: t('reviews.board.updated'),
        accessorFn: (review) => review.submittedAt ?? undefined,
        cell: ({ row }) => (row.original.submittedAt ? dateTime(row.original.submittedAt) : '—'),
      },
      {
        id: 'read',
        header: t('rounds.read'),
        cell: ({ row }) => (
          <Anchor component={Link} to={`/reviews/${row.original.id}`} size="sm">
            {t('reviews.board.read', { name: row.original.reviewerName })}
          </Anchor>
        ),
      },
    ],
    [t, dateTime],
  );
  if (reviews.length === 0) return null;
  return (
    <Stack gap="xs" component="section" aria-labelledby={headingId} data-testid="earlier-rounds">
      <Title order={3} fz="md" id={headingId}>
        {t('rounds.earlier')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('rounds.earlierHint')}
      </Text>
      <ListTable
        listId="earlier-rounds"
        columnChoice={false}
        label={t('rounds.earlier')}
        columns={columns}
        // By name within a round: the table keeps this order among rows of equal rounds.
        data={[...reviews].sort((a, b) => a.reviewerName.localeCompare(b.reviewerName))}
        getRowId={(review) => review.id}
        clientSort={{ id: 'round', descending: true }}
        count={{ shown: reviews.length, hasMore: false }}
        minWidth={480}
        fz="sm"
      />
    </Stack>
  );
}
