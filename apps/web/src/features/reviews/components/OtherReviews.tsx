import { Paper, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { EmptyResult, ErrorResult } from '../../../components/QueryStates';
import { useProjectReviews } from '../api/get-project-reviews';
import { ReviewReadout, ScoreComparison } from './ReviewReadout';

/** The panel's other reviews, shown to a reviewer only once their own is submitted (blind review). */
export function OtherReviews({ projectId, ownReviewId }: { projectId: string; ownReviewId: string }) {
  const { t } = useTranslation();
  const reviews = useProjectReviews(projectId);
  const all = reviews.data ?? [];
  const others = all.filter((review) => review.id !== ownReviewId && review.status !== 'declined_conflict');
  const submitted = others.filter((review) => review.status === 'submitted');
  const pending = others.length - submitted.length;

  return (
    <Stack gap="md" component="section" aria-labelledby="others-title">
      <Stack gap={4}>
        <Title order={2} fz="h3" id="others-title">
          {t('reviews.others.title')}
        </Title>
        <Text c="dimmed" size="sm">
          {t('reviews.others.intro')}
        </Text>
      </Stack>
      {reviews.isPending ? (
        <Paper withBorder p="lg" radius="md" aria-busy="true">
          <Stack gap="sm" aria-hidden="true">
            <Skeleton height={18} width="40%" />
            <Skeleton height={12} />
            <Skeleton height={12} width="80%" />
          </Stack>
          <Text size="sm" c="dimmed" mt="sm">
            {t('common.loading')}
          </Text>
        </Paper>
      ) : reviews.isError ? (
        <ErrorResult title={t('reviews.others.error')} onRetry={() => void reviews.refetch()} />
      ) : submitted.length === 0 ? (
        <Paper withBorder radius="md">
          <EmptyResult
            title={t('reviews.others.empty')}
            body={pending ? t('reviews.others.pending') : undefined}
          />
        </Paper>
      ) : (
        <>
          <ScoreComparison reviews={all.filter((review) => review.status === 'submitted')} />
          {submitted.map((review) => (
            <ReviewReadout key={review.id} review={review} title={review.reviewerName} />
          ))}
          {pending ? (
            <Text size="sm" c="dimmed">
              {t('reviews.others.pending')}
            </Text>
          ) : null}
        </>
      )}
    </Stack>
  );
}
