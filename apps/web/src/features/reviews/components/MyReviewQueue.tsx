import {
  Anchor,
  Button,
  Card,
  Group,
  NativeSelect,
  Paper,
  SimpleGrid,
  Skeleton,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { REVIEW_STATUSES } from '@hstf/domain';
import { IconArrowRight } from '@tabler/icons-react';
import type { ColumnDef } from '@tanstack/react-table';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ListTable } from '../../../components/data-table/ListTable';
import { ListFooter } from '../../../components/ListFooter';
import { EmptyResult, ErrorResult } from '../../../components/QueryStates';
import { useCountryName } from '../../../lib/country-name';
import { useFormatters } from '../../../lib/format';
import { useMyReviews, type ReviewStatus, type ReviewSummary } from '../api/get-my-reviews';
import { ReviewStatusTag } from './ReviewStatusTag';
import { RoundTag } from './RoundTags';
import { useTranslatedText } from '../../../lib/translated-text';

function isStatus(value: string | null): value is ReviewStatus {
  return (REVIEW_STATUSES as readonly (string | null)[]).includes(value);
}

function WaitingCard({ review }: { review: ReviewSummary }) {
  const { t } = useTranslation();
  const translate = useTranslatedText();
  const countryName = useCountryName();
  const started = review.status === 'draft';
  return (
    <Card withBorder radius="md" padding="lg" component="article" aria-labelledby={`waiting-${review.id}`}>
      <Stack gap="sm" h="100%">
        <Group justify="space-between" gap="xs">
          <Text ff="monospace" size="sm" c="dimmed" dir="ltr">
            {review.code}
          </Text>
          <Group gap={6}>
            <RoundTag round={review.round} />
            <ReviewStatusTag status={review.status} />
          </Group>
        </Group>
        <Title order={3} fz="h4" id={`waiting-${review.id}`} dir="auto">
          {translate(review.title, review.titleTranslations)}
        </Title>
        <Text size="sm" c="dimmed">
          {review.countries.map((iso3) => countryName(iso3)).join(' · ')}
          {review.leadOrganization ? ` · ${review.leadOrganization}` : ''}
        </Text>
        <Group mt="auto" pt="xs">
          <Button
            component={Link}
            to={`/reviews/${review.id}`}
            rightSection={<IconArrowRight size={16} aria-hidden="true" className="directional-icon" />}
            aria-describedby={`waiting-${review.id}`}
          >
            {started
              ? t('reviews.queue.continue')
              : review.conflictDeclared === null
                ? t('reviews.queue.start')
                : t('reviews.queue.score')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

/** The reviewer's queue: what waits for them first, then every review they were given. */
export function MyReviewQueue() {
  const { t } = useTranslation();
  const translate = useTranslatedText();
  const { date, shortList } = useFormatters();
  const countryName = useCountryName();
  const [params, setParams] = useSearchParams();
  const rawStatus = params.get('status');
  const status = isStatus(rawStatus) ? rawStatus : null;
  const assigned = useMyReviews('assigned', 200);
  const drafts = useMyReviews('draft', 200);
  const all = useMyReviews(status);

  const waiting = [...(drafts.data?.pages ?? []), ...(assigned.data?.pages ?? [])]
    .flatMap((page) => page.items)
    .filter((review) => review.stage === 'under_review' && review.currentRound);
  const waitingPending = assigned.isPending || drafts.isPending;
  const waitingError = assigned.isError || drafts.isError;
  const items = all.data?.pages.flatMap((page) => page.items) ?? [];
  const columns = useMemo<ColumnDef<ReviewSummary>[]>(
    () => [
      {
        id: 'proposal',
        header: t('reviews.queue.proposal'),
        accessorFn: (review) => review.code,
        meta: { rowHeader: true },
        cell: ({ row: { original: review } }) => (
          <Anchor component={Link} to={`/reviews/${review.id}`} size="sm" fw={500}>
            <Text span ff="monospace" size="sm" dir="ltr">
              {review.code}
            </Text>{' '}
            <bdi>{translate(review.title, review.titleTranslations)}</bdi>
          </Anchor>
        ),
      },
      {
        id: 'countries',
        header: t('reviews.queue.countries'),
        accessorFn: (review) => shortList(review.countries.map((iso3) => countryName(iso3))),
      },
      {
        id: 'stage',
        header: t('reviews.queue.stage'),
        accessorFn: (review) => t(`reviews.stages.${review.stage}`),
      },
      {
        id: 'status',
        header: t('reviews.queue.status'),
        accessorFn: (review) => t(`reviews.status.${review.status}`),
        cell: ({ row: { original: review } }) => (
          // The two tags may stack: on a phone's card, in Russian, side by side they overflow it.
          <Group gap={6}>
            <RoundTag round={review.round} counting={review.currentRound} />
            <ReviewStatusTag status={review.status} />
          </Group>
        ),
      },
      {
        id: 'submitted',
        header: t('reviews.queue.submitted'),
        accessorFn: (review) => review.submittedAt ?? undefined,
        meta: { nowrap: true },
        cell: ({ row }) => (row.original.submittedAt ? date(row.original.submittedAt) : '—'),
      },
    ],
    [t, translate, countryName, date, shortList],
  );

  return (
    <Stack gap="xl">
      <Stack gap="md" component="section" aria-labelledby="waiting-title">
        <Title order={2} fz="h3" id="waiting-title">
          {t('reviews.queue.waiting')}
        </Title>
        {waitingPending ? (
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} aria-busy="true">
            <Skeleton height={170} radius="md" />
            <Skeleton height={170} radius="md" />
            <Text role="status" size="sm" c="dimmed">
              {t('common.loading')}
            </Text>
          </SimpleGrid>
        ) : waitingError ? (
          <ErrorResult
            title={t('reviews.queue.error')}
            onRetry={() => {
              void assigned.refetch();
              void drafts.refetch();
            }}
          />
        ) : waiting.length === 0 ? (
          <Paper withBorder radius="md">
            <EmptyResult
              title={t('reviews.queue.nothingWaiting')}
              body={t('reviews.queue.nothingWaitingBody')}
            />
          </Paper>
        ) : (
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
            {waiting.map((review) => (
              <WaitingCard key={review.id} review={review} />
            ))}
          </SimpleGrid>
        )}
      </Stack>

      <Stack gap="md" component="section" aria-labelledby="all-title">
        <Group justify="space-between" align="flex-end">
          <Title order={2} fz="h3" id="all-title">
            {t('reviews.queue.all')}
          </Title>
          <NativeSelect
            label={t('reviews.queue.statusFilter')}
            value={status ?? ''}
            onChange={(event) => {
              const value = event.currentTarget.value;
              setParams(
                (current) => {
                  const next = new URLSearchParams(current);
                  if (value) next.set('status', value);
                  else next.delete('status');
                  return next;
                },
                { replace: true, flushSync: true },
              );
            }}
            w={220}
          >
            <option value="">{t('reviews.queue.allStatuses')}</option>
            {REVIEW_STATUSES.map((value) => (
              <option key={value} value={value}>
                {t(`reviews.status.${value}`)}
              </option>
            ))}
          </NativeSelect>
        </Group>
        <Paper withBorder radius="md" p={{ base: 'xs', sm: 'md' }}>
          {all.isError && !all.data ? (
            <ErrorResult title={t('reviews.queue.error')} onRetry={() => void all.refetch()} />
          ) : !all.isPending && items.length === 0 ? (
            <EmptyResult title={t('reviews.queue.empty')} />
          ) : (
            <>
              <ListTable
                listId="my-reviews"
                cards
                columnChoice={false}
                label={t('reviews.queue.all')}
                columns={columns}
                data={items}
                getRowId={(review) => review.id}
                loading={all.isPending}
                refreshing={all.isPlaceholderData}
                // Ordered here once every page is loaded; until then, in the API's order.
                clientSort={all.hasNextPage ? undefined : { id: 'submitted', descending: true }}
                count={all.isPending ? undefined : { shown: items.length, hasMore: all.hasNextPage }}
                minWidth={720}
                fz="sm"
              />
              {!all.isPending ? (
                <ListFooter
                  shown={items.length}
                  hasMore={all.hasNextPage}
                  loadingMore={all.isFetchingNextPage}
                  onLoadMore={() => void all.fetchNextPage()}
                />
              ) : null}
            </>
          )}
        </Paper>
      </Stack>
    </Stack>
  );
}
