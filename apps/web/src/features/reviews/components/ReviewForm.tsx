import { Alert, Anchor, Button, Group, List, Paper, Radio, Stack, Text, Title } from '@mantine/core';
import { PRINCIPLE_IDS, RECOMMENDATIONS, type SubmissionGap } from '@hstf/domain';
import { useForm } from '@mantine/form';
import { useMediaQuery } from '@mantine/hooks';
import { useQueryClient } from '@tanstack/react-query';
import { IconAlertTriangle, IconDeviceFloppy, IconSend } from '@tabler/icons-react';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { staleAlertFor } from '../../../components/stale-alert';
import { isStaleVersion } from '../../../lib/field-errors';
import { useIntl } from '../../../lib/intl';
import { ApiError } from '../../../lib/problem';
import { reviewQueryOptions, type ReviewDetail } from '../api/get-review';
import { useSaveReview } from '../api/save-review';
import { useSubmitReview } from '../api/submit-review';
import {
  changesBetween,
  draftOf,
  fieldOfGap,
  gapsFromProblem,
  gapsOf,
  wholeDraft,
  type ReviewDraft,
} from '../lib/review-draft';
import { PrincipleSection } from './PrincipleSection';
import { SubmitConfirmModal } from './SubmitConfirmModal';
import { PHONE_QUERY } from '../../../lib/media';

/** A draft saves itself this long after the reviewer stops typing. */
export const AUTOSAVE_DELAY_MS = 4000;

function focusField(field: string) {
  const element = document.getElementById(field);
  const target =
    element instanceof HTMLTextAreaElement || element instanceof HTMLInputElement
      ? element
      : (element?.querySelector<HTMLElement>('[role="radio"], input, textarea') ?? element);
  target?.focus();
  target?.scrollIntoView?.({ block: 'center' });
}

/** Step two: score each principle beside the proposal's narrative, justify it, recommend; drafts save themselves. */
export function ReviewForm({ detail }: { detail: ReviewDetail }) {
  const { t } = useTranslation();
  const { time } = useIntl();
  const queryClient = useQueryClient();
  const { review, proposal } = detail;
  const save = useSaveReview(review.id);
  const submit = useSubmitReview(review.id);
  // The draft is the form's values; the saved review is what it is compared with to know what to save.
  const [saveFailed, setSaveFailed] = useState(false);
  const form = useForm<ReviewDraft>({
    initialValues: draftOf(review),
    // An edit after a failed save lets the autosave try again.
    onValuesChange: () => setSaveFailed(false),
  });
  const draft = form.getValues();
  const [stale, setStale] = useState(false);
  const [shownGaps, setShownGaps] = useState<SubmissionGap[] | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [savedAt, setSavedAt] = useState<Date | null>(null);
  const [resolving, setResolving] = useState(false);
  const summaryRef = useRef<HTMLDivElement>(null);
  const compact = useMediaQuery(PHONE_QUERY);

  const baseline = useMemo(() => draftOf(review), [review]);
  const changes = changesBetween(baseline, draft);
  const changesKey = changes ? JSON.stringify(changes) : null;
  const busy = save.isPending || submit.isPending || resolving;

  // Live: once the reviewer has tried to submit, each field says what it still lacks until it is filled.
  const liveGaps = shownGaps ? gapsOf(draft) : [];
  const gapFields = new Set(liveGaps.map(fieldOfGap));

  const onFailure = (error: Error) => {
    if (isStaleVersion(error)) setStale(true);
    else setSaveFailed(true);
  };

  const saveNow = () => {
    if (!changes || busy || stale) return;
    setSaveFailed(false);
    save.mutate(
      { version: review.version, draft: changes },
      { onSuccess: () => setSavedAt(new Date()), onError: onFailure },
    );
  };

  // Autosave: a pause in typing saves the draft.
  const saveRef = useRef(saveNow);
  useEffect(() => {
    saveRef.current = saveNow;
  });
  useEffect(() => {
    if (!changesKey || stale || saveFailed) return;
    const timer = window.setTimeout(() => saveRef.current(), AUTOSAVE_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [changesKey, stale, saveFailed]);

  // Leaving with unsaved text asks first.
  useEffect(() => {
    if (!changesKey) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [changesKey]);

  const reload = async () => {
    const fresh = await queryClient.fetchQuery({ ...reviewQueryOptions(review.id), staleTime: 0 });
    return fresh.review;
  };

  const keepMine = async () => {
    setResolving(true);
    try {
      const fresh = await reload();
      setStale(false);
      save.mutate(
        { version: fresh.version, draft: wholeDraft(draft) },
        { onSuccess: () => setSavedAt(new Date()), onError: onFailure },
      );
    } catch {
      setSaveFailed(true);
    } finally {
      setResolving(false);
    }
  };

  const takeTheirs = async () => {
    setResolving(true);
    try {
      const fresh = await reload();
      form.setValues(draftOf(fresh));
      setStale(false);
    } catch {
      setSaveFailed(true);
    } finally {
      setResolving(false);
    }
  };

  const showGaps = (gaps: SubmissionGap[]) => {
    setShownGaps(gaps);
    window.setTimeout(() => summaryRef.current?.focus(), 0);
  };

  const askToSubmit = () => {
    const gaps = gapsOf(draft);
    if (gaps.length) {
      showGaps(gaps);
      return;
    }
    setShownGaps(null);
    setConfirming(true);
  };

  const confirmSubmit = () => {
    submit.mutate(
      { version: review.version, unsaved: changes },
      {
        onSuccess: () => setConfirming(false),
        onError: (error) => {
          setConfirming(false);
          if (isStaleVersion(error)) {
            setStale(true);
            return;
          }
          const gaps =
            error instanceof ApiError && error.status === 422 ? gapsFromProblem(error.problem) : null;
          if (gaps?.length) showGaps(gaps);
        },
      },
    );
  };

  const gapMessage = (gap: SubmissionGap) =>
    gap.code === 'recommendation_missing'
      ? t('reviews.gaps.recommendation')
      : t(`reviews.gaps.${gap.code === 'score_missing' ? 'score' : 'justification'}`, {
          principle: t(`reviews.principles.${gap.facts.principle}.title`),
        });

  const saveState = save.isPending
    ? t('reviews.save.saving')
    : stale || saveFailed
      ? t('reviews.save.notSaved')
      : changes
        ? t('reviews.save.unsaved')
        : savedAt
          ? t('reviews.save.savedAt', { time: time(savedAt) })
          : review.status === 'draft'
            ? t('reviews.save.saved')
            : t('reviews.save.empty');

  const submitError =
    submit.error &&
    !isStaleVersion(submit.error) &&
    !(submit.error instanceof ApiError && submit.error.status === 422)
      ? submit.error
      : null;

  return (
    <Stack gap="lg">
      {shownGaps && liveGaps.length ? (
        <Alert
          ref={summaryRef}
          tabIndex={-1}
          color="red"
          variant="light"
          role="alert"
          icon={<IconAlertTriangle aria-hidden="true" />}
          title={t('reviews.gaps.title')}
          styles={{ title: { color: 'var(--mantine-color-red-9)' } }}
          data-testid="submission-gaps"
        >
          <Text size="sm" mb="xs">
            {t('reviews.gaps.body')}
          </Text>
          <List size="sm" spacing={4}>
            {liveGaps.map((gap) => {
              const field = fieldOfGap(gap);
              return (
                <List.Item key={field}>
                  <Anchor
                    href={`#${field}`}
                    size="sm"
                    c="red.9"
                    onClick={(event) => {
                      event.preventDefault();
                      focusField(field);
                    }}
                  >
                    {gapMessage(gap)}
                  </Anchor>
                </List.Item>
              );
            })}
          </List>
        </Alert>
      ) : null}

      {PRINCIPLE_IDS.map((principle, index) => (
        <PrincipleSection
          key={principle}
          position={index + 1}
          principle={principle}
          proposal={proposal.principles?.find((item) => item.principle === principle)}
          score={draft.scores[principle]}
          justification={draft.justifications[principle]}
          onScore={(score) => form.setFieldValue('scores', (scores) => ({ ...scores, [principle]: score }))}
          onJustification={(text) =>
            form.setFieldValue('justifications', (justifications) => ({
              ...justifications,
              [principle]: text,
            }))
          }
          scoreError={gapFields.has(`score-${principle}`) ? t('reviews.gaps.scoreField') : undefined}
          justificationError={
            gapFields.has(`justification-${principle}`) ? t('reviews.gaps.justificationField') : undefined
          }
          disabled={submit.isPending}
        />
      ))}

      <Paper
        withBorder
        radius="md"
        p={{ base: 'md', sm: 'lg' }}
        component="section"
        aria-labelledby="recommendation-title"
      >
        <Title order={2} fz="h3" id="recommendation-title" mb="xs">
          {t('reviews.recommendation.title')}
        </Title>
        <Radio.Group
          id="recommendation"
          label={t('reviews.recommendation.label')}
          value={draft.recommendation}
          onChange={(value) =>
            form.setFieldValue('recommendation', RECOMMENDATIONS.find((item) => item === value) ?? null)
          }
          error={gapFields.has('recommendation') ? t('reviews.gaps.recommendationField') : undefined}
          withAsterisk
        >
          <Stack gap="sm" mt="xs">
            {RECOMMENDATIONS.map((recommendation) => (
              <Radio
                key={recommendation}
                value={recommendation}
                label={t(`reviews.recommendation.${recommendation}`)}
                description={t(`reviews.recommendation.${recommendation}Hint`)}
              />
            ))}
          </Stack>
        </Radio.Group>
      </Paper>

      {
        // Drafts save themselves whole, so the choice is between the two versions, not field by field.
        staleAlertFor(
          { stale, changed: [], takeTheirs: () => void takeTheirs() },
          { isPending: resolving },
          () => null,
          {
            title: t('reviews.stale.title'),
            body: t('reviews.stale.body'),
            keepMine: t('reviews.stale.keepMine'),
            takeTheirs: t('reviews.stale.takeTheirs'),
          },
          { keepMine: { onClick: () => void keepMine() } },
        )
      }
      {saveFailed ? (
        <Alert color="red" variant="light" role="alert" title={t('reviews.save.failed')}>
          {t('reviews.errors.tryAgain')}
        </Alert>
      ) : null}
      {submitError ? (
        <Alert color="red" variant="light" role="alert" title={t('reviews.submit.failed')}>
          {submitError instanceof ApiError && submitError.problem?.detail
            ? submitError.problem.detail
            : t('reviews.errors.tryAgain')}
        </Alert>
      ) : null}

      <Paper
        withBorder
        radius="md"
        p={compact ? 'xs' : 'md'}
        shadow="sm"
        pos="sticky"
        bottom={8}
        style={{ zIndex: 5 }}
        aria-label={t('reviews.form.actions')}
        component="section"
      >
        <Group justify="space-between" gap="xs">
          <Text
            size={compact ? 'xs' : 'sm'}
            c="dimmed"
            role="status"
            aria-live="polite"
            data-testid="save-state"
          >
            {saveState}
          </Text>
          <Group gap="xs" wrap="nowrap" w={compact ? '100%' : undefined}>
            <Button
              variant="default"
              size={compact ? 'sm' : 'md'}
              fullWidth={compact}
              onClick={saveNow}
              disabled={!changes || stale}
              loading={save.isPending}
              leftSection={compact ? undefined : <IconDeviceFloppy size={18} aria-hidden="true" />}
            >
              {t('reviews.save.button')}
            </Button>
            <Button
              size={compact ? 'sm' : 'md'}
              fullWidth={compact}
              onClick={askToSubmit}
              disabled={stale || resolving}
              leftSection={
                compact ? undefined : <IconSend size={18} aria-hidden="true" className="directional-icon" />
              }
            >
              {t('reviews.submit.button')}
            </Button>
          </Group>
        </Group>
      </Paper>

      <SubmitConfirmModal
        opened={confirming}
        code={proposal.code}
        submitting={submit.isPending}
        onCancel={() => setConfirming(false)}
        onConfirm={confirmSubmit}
      />
    </Stack>
  );
}
