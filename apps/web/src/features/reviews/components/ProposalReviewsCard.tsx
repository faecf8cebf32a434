import {
  Alert,
  Anchor,
  Button,
  Group,
  Modal,
  Paper,
  Progress,
  Skeleton,
  Stack,
  Text,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { IconUserMinus } from '@tabler/icons-react';
import type { ColumnDef } from '@tanstack/react-table';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ListTable } from '../../../components/data-table/ListTable';
import { ErrorResult } from '../../../components/QueryStates';
import { Tag } from '../../../components/Tag';
import { useCountryName } from '../../../lib/country-name';
import { useFormatters } from '../../../lib/format';
import { useIntl } from '../../../lib/intl';
import { useUnassignReviewer } from '../api/assign-reviewer';
import type { ReviewSummary } from '../api/get-my-reviews';
import type { ProposalSummary } from '../api/get-proposals-under-review';
import { useReviewQueue } from '../api/get-review-queue';
import { AssignReviewer } from './AssignReviewer';
import { EarlierRounds } from './EarlierRounds';
import { ReviewStatusTag } from './ReviewStatusTag';
import { DueTag, RoundTag } from './RoundTags';

interface ProposalReviewsCardProps {
  proposal: ProposalSummary;
  minReviews: number | null;
}

/** One proposal under review: its reviewers, how far each has got, conflicts declared; assign and unassign. */
export function ProposalReviewsCard({ proposal, minReviews }: ProposalReviewsCardProps) {
  const { t } = useTranslation();
  const { number } = useFormatters();
  const { dateTime } = useIntl();
  const countryName = useCountryName();
  const reviews = useReviewQueue({ projectId: proposal.id });
  const unassign = useUnassignReviewer(proposal.id);
  const [removing, setRemoving] = useState<ReviewSummary | null>(null);
  const all = useMemo(() => reviews.data ?? [], [reviews.data]);
  // The open round is the panel; the reviews of earlier rounds are kept, read-only, below it.
  const items = useMemo(() => all.filter((review) => review.currentRound), [all]);
  const earlier = useMemo(() => all.filter((review) => !review.currentRound), [all]);
  const round =
    items[0]?.round ?? (earlier.length ? Math.max(...earlier.map((review) => review.round)) + 1 : 1);
  const assignedIds = useMemo(() => items.map((review) => review.reviewerId), [items]);
  const panel = items.filter((review) => review.status !== 'declined_conflict');
  const submitted = panel.filter((review) => review.status === 'submitted').length;
  const short = minReviews !== null && panel.length < minReviews;
  const titleId = `proposal-${proposal.id}`;
  const columns = useMemo<ColumnDef<ReviewSummary>[]>(
    () => [
      {
        id: 'reviewer',
        header: t('reviews.board.reviewer'),
        accessorFn: (review) => review.reviewerName,
        meta: { rowHeader: true },
      },
      {
        id: 'status',
        header: t('reviews.board.status'),
        accessorFn: (review) => t(`reviews.status.${review.status}`),
        cell: ({ row }) => <ReviewStatusTag status={row.original.status} />,
      },
      {
        id: 'conflicts',
        header: t('reviews.board.conflicts'),
        accessorFn: (review) =>
          review.conflictDeclared === null
            ? t('reviews.board.conflictPending')
            : review.conflictDeclared
              ? t('reviews.board.conflictYes')
              : t('reviews.board.conflictNo'),
      },
      {
        id: 'due',
        header: t('rounds.dueOn'),
        accessorFn: (review) => review.dueOn ?? undefined,
        cell: ({ row }) => <DueTag dueOn={row.original.dueOn} status={row.original.status} />,
      },
      {
        id: 'updated',
        header: t('reviews.board.updated'),
        accessorFn: (review) => review.submittedAt ?? review.updatedAt,
        cell: ({ row }) => dateTime(row.original.submittedAt ?? row.original.updatedAt),
      },
      {
        id: 'actions',
        header: () => <VisuallyHidden>{t('reviews.board.actions')}</VisuallyHidden>,
        meta: { label: t('reviews.board.actions') },
        cell: ({ row: { original: review } }) => (
          <Group gap="xs" justify="flex-end" wrap="nowrap">
            {review.status === 'submitted' || review.status === 'declined_conflict' ? (
              <Anchor component={Link} to={`/reviews/${review.id}`} size="sm">
                {t('reviews.board.read', { name: review.reviewerName })}
              </Anchor>
            ) : null}
            {review.status !== 'submitted' ? (
              <Button
                size="compact-sm"
                variant="subtle"
                color="red"
                c="red.9"
                leftSection={<IconUserMinus size={16} aria-hidden="true" />}
                onClick={() => setRemoving(review)}
                aria-label={t('reviews.board.unassignNamed', { name: review.reviewerName })}
              >
                {t('reviews.board.unassign')}
              </Button>
            ) : null}
          </Group>
        ),
      },
    ],
    [t, dateTime],
  );

  return (
    <Paper withBorder radius="md" p={{ base: 'md', sm: 'lg' }} component="article" aria-labelledby={titleId}>
      <Stack gap="md">
        <Group justify="space-between" align="flex-start" gap="sm">
          <Stack gap={2} maw={720}>
            <Group gap="xs">
              <Text ff="monospace" size="sm" c="dimmed" dir="ltr">
                {proposal.code}
              </Text>
              <RoundTag round={round} />
            </Group>
            <Title order={3} fz="h4" id={titleId} dir="auto">
              <Anchor component={Link} to={`/projects/${proposal.id}`} inherit c="inherit" underline="hover">
                {proposal.title}
              </Anchor>
            </Title>
            <Text size="sm" c="dimmed">
              {proposal.countries.map((iso3) => countryName(iso3)).join(' · ')}
              {proposal.leadOrganization ? ` · ${proposal.leadOrganization}` : ''}
            </Text>
          </Stack>
          <AssignReviewer
            projectId={proposal.id}
            code={proposal.code}
            assignedIds={assignedIds}
            describedBy={titleId}
          />
        </Group>

        {reviews.isPending ? (
          <Stack gap="xs" aria-busy="true">
            <Skeleton height={10} aria-hidden="true" />
            <Skeleton height={60} aria-hidden="true" />
          </Stack>
        ) : reviews.isError ? (
          <ErrorResult title={t('reviews.board.reviewsError')} onRetry={() => void reviews.refetch()} />
        ) : (
          <>
            <Stack gap={6}>
              <Group justify="space-between">
                <Text size="sm" fw={600} id={`${titleId}-progress`}>
                  {t('reviews.board.progress', { submitted: number(submitted), total: number(panel.length) })}
                </Text>
                {short ? (
                  <Tag tone="orange">{t('reviews.board.needMore', { min: number(minReviews ?? 0) })}</Tag>
                ) : null}
              </Group>
              <Progress.Root size="md" radius="xl">
                <Progress.Section
                  value={panel.length ? (submitted / panel.length) * 100 : 0}
                  color="teal.8"
                  aria-labelledby={`${titleId}-progress`}
                />
              </Progress.Root>
            </Stack>
            {items.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('reviews.board.noReviewers')}
              </Text>
            ) : (
              <ListTable
                listId="proposal-reviewers"
                columnChoice={false}
                label={t('reviews.board.reviewersOf', { code: proposal.code })}
                columns={columns}
                data={items}
                getRowId={(review) => review.id}
                clientSort={{ id: 'reviewer', descending: false }}
                count={{ shown: items.length, hasMore: false }}
                minWidth={560}
                fz="sm"
              />
            )}
            <EarlierRounds reviews={earlier} headingId={`${titleId}-earlier`} />
          </>
        )}
      </Stack>

      <Modal
        opened={removing !== null}
        onClose={() => {
          setRemoving(null);
          unassign.reset();
        }}
        title={t('reviews.board.unassignTitle')}
        centered
        closeButtonProps={{ 'aria-label': t('reviews.assign.cancel') }}
      >
        <Stack gap="md">
          <Text size="sm">
            {t('reviews.board.unassignBody', { name: removing?.reviewerName ?? '', code: proposal.code })}
          </Text>
          {unassign.isError ? (
            <Alert color="red" variant="light" role="alert" title={t('reviews.board.unassignFailed')}>
              {t('reviews.errors.tryAgain')}
            </Alert>
          ) : null}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={() => setRemoving(null)}>
              {t('reviews.assign.cancel')}
            </Button>
            <Button
              color="red.9"
              loading={unassign.isPending}
              onClick={() =>
                removing &&
                unassign.mutate(
                  { reviewId: removing.id, version: removing.version },
                  { onSuccess: () => setRemoving(null) },
                )
              }
            >
              {t('reviews.board.unassignConfirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Paper>
  );
}
