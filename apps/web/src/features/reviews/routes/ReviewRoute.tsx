import {
  Alert,
  Anchor,
  Breadcrumbs,
  Button,
  Group,
  Paper,
  Skeleton,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { IconArrowBack, IconCircleCheck, IconUserOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorResult } from '../../../components/QueryStates';
import { useCurrentUser } from '../../../lib/auth';
import { useCountryName } from '../../../lib/country-name';
import { useIntl } from '../../../lib/intl';
import { statusOf } from '../../../lib/problem';
import { useReview, type ReviewDetail } from '../api/get-review';
import { ConflictDeclarationForm } from '../components/ConflictDeclarationForm';
import { DeclarationSummary } from '../components/DeclarationSummary';
import { OtherReviews } from '../components/OtherReviews';
import { ProposalSummary } from '../components/ProposalSummary';
import { ReviewForm } from '../components/ReviewForm';
import { ReviewReadout } from '../components/ReviewReadout';
import { ReviewStatusTag } from '../components/ReviewStatusTag';
import { ReviewSteps } from '../components/ReviewSteps';
import { RoundTag } from '../components/RoundTags';

function LoadingReview() {
  const { t } = useTranslation();
  return (
    <Stack gap="lg" aria-busy="true">
      <Text role="status" size="sm" c="dimmed">
        {t('common.loading')}
      </Text>
      <Stack gap="sm" aria-hidden="true">
        <Skeleton height={14} width={180} />
        <Skeleton height={30} width="60%" />
        <Skeleton height={180} radius="md" />
        <Skeleton height={320} radius="md" />
      </Stack>
    </Stack>
  );
}

function BackToQueue() {
  const { t } = useTranslation();
  return (
    <Button
      component={Link}
      to="/reviews"
      variant="default"
      leftSection={<IconArrowBack size={18} aria-hidden="true" className="directional-icon" />}
    >
      {t('reviews.backToQueue')}
    </Button>
  );
}

/** /reviews/:id: the reviewer declares conflicts, scores and submits; staff read a submitted review. */
export function ReviewRoute() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const review = useReview(id);
  const { data: user } = useCurrentUser();
  const title = review.data
    ? `${review.data.proposal.code} · ${t('reviews.review.title')}`
    : t('reviews.review.title');
  useDocumentTitle(`${title} · ${t('app.name')}`);

  if (review.isPending) return <LoadingReview />;
  if (review.isError) {
    const missing = statusOf(review.error) === 404 || statusOf(review.error) === 400;
    return (
      <Stack gap="md" align="flex-start">
        {missing ? (
          <Alert color="gray" variant="light" title={t('reviews.review.notFound')}>
            {t('reviews.review.notFoundBody')}
          </Alert>
        ) : (
          <ErrorResult title={t('reviews.review.error')} onRetry={() => void review.refetch()} />
        )}
        <BackToQueue />
      </Stack>
    );
  }
  return <ReviewScreen detail={review.data} viewerId={user?.id ?? null} />;
}

function ReviewScreen({ detail, viewerId }: { detail: ReviewDetail; viewerId: string | null }) {
  const { t } = useTranslation();
  const { dateTime, integer } = useIntl();
  const countryName = useCountryName();
  const { review, proposal } = detail;
  const mine = viewerId === review.reviewerId;
  const withdrawn = review.status === 'declined_conflict' || review.conflict?.declared === true;
  const closed = proposal.open && proposal.stage !== undefined && proposal.stage !== 'under_review';

  const header = (
    <Stack gap="xs" mb="lg">
      <Breadcrumbs separator="›" aria-label={t('reviews.breadcrumbs')}>
        <Anchor component={Link} to="/reviews" size="sm">
          {t('reviews.title')}
        </Anchor>
        <Text size="sm" aria-current="page" ff="monospace" dir="ltr">
          {proposal.code}
        </Text>
      </Breadcrumbs>
      <Group justify="space-between" align="flex-start" gap="md">
        <Stack gap={4} maw={820}>
          <Title order={1} fz={{ base: 24, sm: 28 }} dir="auto">
            {proposal.title}
          </Title>
          <Text c="dimmed" size="sm">
            {[
              proposal.code,
              ...proposal.countries.map((country) => countryName(country.iso3, country.name)),
            ].join(' · ')}
            {!mine ? ` · ${t('reviews.review.by', { name: review.reviewerName })}` : ''}
          </Text>
        </Stack>
        <Group gap="xs">
          <RoundTag round={review.round} counting={review.currentRound} />
          <ReviewStatusTag status={review.status} />
        </Group>
      </Group>
    </Stack>
  );

  if (!mine) {
    return (
      <>
        {header}
        <Stack gap="lg">
          <DeclarationSummary review={review} proposal={proposal} />
          {review.status !== 'declined_conflict' ? (
            <ReviewReadout
              review={review}
              title={t('reviews.review.by', { name: review.reviewerName })}
              level={2}
            />
          ) : null}
          {proposal.open ? <ProposalSummary proposal={proposal} /> : null}
        </Stack>
      </>
    );
  }

  if (withdrawn) {
    return (
      <>
        {header}
        <Paper withBorder radius="md" p="xl">
          <Stack gap="sm" align="flex-start">
            <Group gap="sm">
              <IconUserOff size={28} aria-hidden="true" color="var(--mantine-color-grape-8)" />
              <Title order={2} fz="h3">
                {t('reviews.withdrawn.title')}
              </Title>
            </Group>
            <Text>{t('reviews.withdrawn.body')}</Text>
            {review.conflict?.declaredAt ? (
              <Text size="sm" c="dimmed">
                {t('reviews.withdrawn.declaredAt', { date: dateTime(review.conflict.declaredAt) })}
              </Text>
            ) : null}
            {review.conflict?.note ? (
              <Text size="sm">
                <Text span fw={600}>
                  {t('reviews.withdrawn.note')}
                </Text>{' '}
                {review.conflict.note}
              </Text>
            ) : null}
            <BackToQueue />
          </Stack>
        </Paper>
      </>
    );
  }

  // A review of an earlier round is kept for the record: read-only, whatever state it was left in.
  if (!review.currentRound) {
    return (
      <>
        {header}
        <Stack gap="lg">
          <Alert color="gray" variant="light" title={t('rounds.closedRoundTitle')} data-testid="closed-round">
            {t('rounds.closedRound', { number: integer(review.round) })}
          </Alert>
          {review.status !== 'assigned' ? (
            <ReviewReadout review={review} title={t('reviews.submitted.yours')} level={2} />
          ) : null}
        </Stack>
      </>
    );
  }

  if (review.status === 'submitted') {
    return (
      <>
        {header}
        <ReviewSteps current="submitted" />
        <Stack gap="xl">
          <Alert
            color="teal"
            variant="light"
            icon={<IconCircleCheck aria-hidden="true" />}
            title={t('reviews.submitted.title')}
            styles={{ title: { color: '#0b5d45' } }}
          >
            {t('reviews.submitted.body', { date: dateTime(review.submittedAt) })}
          </Alert>
          <ReviewReadout review={review} title={t('reviews.submitted.yours')} level={2} />
          <OtherReviews projectId={review.projectId} ownReviewId={review.id} />
        </Stack>
      </>
    );
  }

  if (review.conflict === null) {
    return (
      <>
        {header}
        <ReviewSteps current="declare" />
        <ConflictDeclarationForm reviewId={review.id} version={review.version} proposal={proposal} />
      </>
    );
  }

  if (closed) {
    return (
      <>
        {header}
        <Stack gap="lg">
          <Alert color="gray" variant="light" title={t('reviews.closed.title')}>
            {t('reviews.closed.body', { stage: t(`reviews.stages.${proposal.stage ?? 'under_review'}`) })}
          </Alert>
          <ReviewReadout review={review} title={t('reviews.submitted.yours')} level={2} />
        </Stack>
      </>
    );
  }

  return (
    <>
      {header}
      <ReviewSteps current="score" />
      <Stack gap="lg">
        <ProposalSummary proposal={proposal} />
        <ReviewForm key={review.id} detail={detail} />
      </Stack>
    </>
  );
}
