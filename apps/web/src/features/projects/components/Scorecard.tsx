import {
  Alert,
  Badge,
  Box,
  Card,
  Group,
  List,
  Paper,
  Progress,
  Select,
  SimpleGrid,
  Skeleton,
  Stack,
  Table,
  Text,
  ThemeIcon,
  Title,
} from '@mantine/core';
import { PRINCIPLE_IDS } from '@hstf/domain';
import { IconAlertTriangle, IconCircleCheck, IconCircleDashed, IconScale } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorResult } from '../../../components/QueryStates';
import { useAssessment, useProjectReviews } from '../api/assessment';
import type { Assessment, PrincipleAssessment, Project, Review } from '../api/types';
import { useProjectFormat } from '../../../lib/project-format';
import { useReasonText } from '../../../lib/reasons';
import { AssignReviewer, EarlierRounds, RoundTag } from '../../reviews';
import { useIntl } from '../../../lib/intl';
import { DisagreementBadge, PassBadge, ToneBadge } from '../../../components/Badges';
import { ModerationNoteForm } from './ModerationNoteForm';
import { ALERT_STYLES, OK_TEXT, BAD_TEXT } from '../../../lib/colors';

interface ScorecardProps {
  project: Project;
  /** Staff and admin moderate disagreements and assign reviewers. */
  canModerate: boolean;
}

/** The assessment of a proposal against the five principles, with the evidence behind every figure. */
export function Scorecard({ project, canModerate }: ScorecardProps) {
  const { t } = useTranslation();
  // Staff may look back at an earlier round; undefined is the latest, the one that counts.
  const [round, setRound] = useState<number | undefined>(undefined);
  const assessment = useAssessment(project.id, true, round);
  const reviews = useProjectReviews(project.id);

  if (assessment.isPending || reviews.isPending) {
    return (
      <Stack gap="md" aria-busy="true">
        <Skeleton height={140} radius="md" />
        <Skeleton height={260} radius="md" />
      </Stack>
    );
  }
  if (assessment.isError || reviews.isError) {
    return (
      <ErrorResult
        title={t('projects.scorecard.error')}
        onRetry={() => {
          void assessment.refetch();
          void reviews.refetch();
        }}
      />
    );
  }
  return (
    <ScorecardView
      project={project}
      assessment={assessment.data}
      reviews={reviews.data}
      canModerate={canModerate}
      onRound={canModerate ? setRound : undefined}
    />
  );
}

interface ScorecardViewProps {
  project: Project;
  assessment: Assessment;
  reviews: Review[];
  canModerate: boolean;
  /** Staff: show another round (undefined: the latest). */
  onRound?: (round: number | undefined) => void;
}

export function ScorecardView({
  project,
  assessment,
  reviews,
  canModerate: canModerateLatest,
  onRound,
}: ScorecardViewProps) {
  const { t } = useTranslation();
  const format = useProjectFormat();
  const reasons = useReasonText();
  const { calendarDate, integer } = useIntl();
  const shown = assessment.round;
  const latest = assessment.rounds.find((round) => round.counting) ?? null;
  // An earlier round is read-only: nothing there can be moderated or assigned any more.
  const earlierShown = shown !== null && !shown.counting;
  const canModerate = canModerateLatest && !earlierShown;
  const earlierReviews = useMemo(
    () => reviews.filter((review) => latest !== null && review.round !== latest.number),
    [reviews, latest],
  );
  const counted = useMemo(() => {
    const ids = new Set(
      assessment.reviews.filter((review) => review.counted).map((review) => review.reviewId),
    );
    return reviews.filter((review) => ids.has(review.id));
  }, [assessment.reviews, reviews]);
  const assignedIds = useMemo(
    () => reviews.filter((review) => review.round === latest?.number).map((review) => review.reviewerId),
    [reviews, latest],
  );
  const decimal = (value: string) =>
    new Intl.NumberFormat(format.locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(
      Number(value),
    );
  const { thresholds } = assessment;

  return (
    <Stack gap="lg" data-testid="scorecard">
      <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="scorecard-heading">
        <Group justify="space-between" align="flex-start" gap="md" mb="md">
          <Stack gap={2}>
            <Group gap="xs">
              <Title order={2} fz="lg" id="scorecard-heading">
                {t('projects.scorecard.title')}
              </Title>
              {shown ? <RoundTag round={shown.number} counting={shown.counting} /> : null}
            </Group>
            {shown ? (
              <Text size="sm" data-testid="scorecard-round">
                {shown.closedAt
                  ? t('rounds.assessedClosed', {
                      number: integer(shown.number),
                      opened: calendarDate(shown.openedAt),
                      closed: calendarDate(shown.closedAt),
                    })
                  : t('rounds.assessed', {
                      number: integer(shown.number),
                      opened: calendarDate(shown.openedAt),
                    })}
              </Text>
            ) : null}
            <Text size="sm" c="dimmed" maw={620}>
              {t('projects.scorecard.intro', {
                principle: format.number(thresholds.minPrincipleMean),
                overall: format.number(thresholds.minOverallMean),
                reviews: format.number(thresholds.minReviews),
              })}
            </Text>
          </Stack>
          <Stack gap="xs" align="flex-end">
            <PassBadge passes={assessment.passes} />
            {onRound && assessment.rounds.length > 1 ? (
              <Select
                size="xs"
                w={200}
                label={t('rounds.roundShown')}
                data={[...assessment.rounds].reverse().map((round) => ({
                  value: String(round.number),
                  label: round.counting
                    ? t('rounds.roundOptionCounting', { number: integer(round.number) })
                    : t('rounds.roundOption', { number: integer(round.number) }),
                }))}
                value={shown ? String(shown.number) : null}
                onChange={(value) =>
                  onRound(value === null || Number(value) === latest?.number ? undefined : Number(value))
                }
                allowDeselect={false}
                comboboxProps={{ withinPortal: true }}
              />
            ) : null}
          </Stack>
        </Group>
        {earlierShown && shown ? (
          <Alert
            mb="md"
            color="gray"
            variant="light"
            title={t('rounds.viewingEarlierTitle')}
            styles={ALERT_STYLES}
            data-testid="scorecard-earlier"
          >
            {t('rounds.viewingEarlier', {
              number: integer(shown.number),
              date: calendarDate(shown.closedAt ?? shown.openedAt),
              latest: integer(latest?.number ?? shown.number),
            })}
          </Alert>
        ) : null}
        <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="md" mb="md">
          <Stat
            label={t('projects.scorecard.countedReviews')}
            value={t('projects.scorecard.ofRequired', {
              counted: format.number(assessment.countedReviews),
              required: format.number(thresholds.minReviews),
            })}
            ok={assessment.enoughReviews}
          />
          <Stat
            label={t('projects.scorecard.overallMean')}
            value={assessment.overallMean ? `${decimal(assessment.overallMean.decimal)} / 4` : '—'}
            ok={
              assessment.overallMean
                ? Number(assessment.overallMean.decimal) >= thresholds.minOverallMean
                : null
            }
          />
          <Stat
            label={t('projects.scorecard.recommendations')}
            value={t('projects.scorecard.recommendationCounts', {
              approve: format.number(assessment.recommendations.approve),
              revise: format.number(assessment.recommendations.revise),
              reject: format.number(assessment.recommendations.reject),
            })}
            ok={null}
          />
        </SimpleGrid>
        {assessment.passes ? (
          <Text size="sm" c={OK_TEXT}>
            {t('projects.scorecard.whyPasses', {
              principle: format.number(thresholds.minPrincipleMean),
              overall: format.number(thresholds.minOverallMean),
            })}
          </Text>
        ) : (
          <Box>
            <Text size="sm" fw={600} c={BAD_TEXT}>
              {t('projects.scorecard.whyFails')}
            </Text>
            <List size="sm" spacing={4} withPadding data-testid="scorecard-failures">
              {assessment.failures.map((failure, index) => (
                <List.Item key={`${failure.code}-${index}`}>{reasons.assessmentFailure(failure)}</List.Item>
              ))}
            </List>
          </Box>
        )}
        {assessment.unmoderatedDisagreements.length > 0 ? (
          <Alert
            mt="md"
            color="orange"
            variant="light"
            icon={<IconAlertTriangle aria-hidden="true" />}
            title={t('projects.scorecard.unmoderatedTitle')}
            styles={ALERT_STYLES}
          >
            {t('projects.scorecard.unmoderated', {
              principles: format.list(
                assessment.unmoderatedDisagreements.map((p) => reasons.principleName(p)),
              ),
            })}
          </Alert>
        ) : null}
      </Paper>

      <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="reviewers-heading">
        <Title order={2} fz="lg" id="reviewers-heading" mb="sm">
          {t('projects.scorecard.reviewers')}
        </Title>
        {assessment.reviews.length === 0 ? (
          <Text size="sm" c="dimmed" mb="md">
            {t('projects.scorecard.noReviewers')}
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={560} mb="md">
            <Table>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('projects.scorecard.reviewer')}</Table.Th>
                  <Table.Th scope="col">{t('projects.scorecard.status')}</Table.Th>
                  <Table.Th scope="col">{t('projects.scorecard.recommendation')}</Table.Th>
                  <Table.Th scope="col">{t('projects.scorecard.counted')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {assessment.reviews.map((review) => (
                  <Table.Tr key={review.reviewId}>
                    <Table.Th scope="row" fw={500}>
                      {review.reviewerName}
                    </Table.Th>
                    <Table.Td>{t(`projects.review.status.${review.status}`)}</Table.Td>
                    <Table.Td>
                      {review.recommendation
                        ? t(`projects.review.recommendation.${review.recommendation}`)
                        : '—'}
                    </Table.Td>
                    <Table.Td>
                      {review.counted ? (
                        <Group gap={4}>
                          <IconCircleCheck
                            size={16}
                            color="var(--mantine-color-green-8)"
                            aria-hidden="true"
                          />
                          <Text size="sm">{t('projects.scorecard.yes')}</Text>
                        </Group>
                      ) : (
                        <Text size="sm" c="dimmed">
                          {exclusionsShown(review.exclusions).map(reasons.assessmentFailure).join(' ')}
                        </Text>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        <Box mt="md">
          <EarlierRounds reviews={earlierReviews} headingId="scorecard-earlier-rounds" />
        </Box>
        {!canModerate ? null : project.stage === 'under_review' ? (
          <Box mt="md">
            <AssignReviewer projectId={project.id} code={project.code} assignedIds={assignedIds} />
          </Box>
        ) : (
          <Text size="sm" c="dimmed" mt="md">
            {t('projects.assign.notUnderReview')}
          </Text>
        )}
      </Paper>

      <Stack gap="md" component="section" aria-labelledby="principles-heading">
        <Title order={2} fz="lg" id="principles-heading">
          {t('projects.scorecard.principles')}
        </Title>
        {PRINCIPLE_IDS.map((id) => {
          const principle = assessment.principles.find((item) => item.principle === id);
          if (!principle) return null;
          return (
            <PrincipleCard
              key={id}
              projectId={project.id}
              principle={principle}
              indicators={assessment.indicators.find((item) => item.principle === id)}
              reviews={counted}
              threshold={thresholds.minPrincipleMean}
              note={assessment.moderationNotes.find((note) => note.principle === id) ?? null}
              canModerate={canModerate}
            />
          );
        })}
      </Stack>
    </Stack>
  );
}

/** A withdrawal for a conflict is the whole story: that the review was not submitted follows from it. */
function exclusionsShown<T extends { code: string }>(exclusions: T[]): T[] {
  return exclusions.some((exclusion) => exclusion.code === 'review_conflict_declared')
    ? exclusions.filter((exclusion) => exclusion.code !== 'review_not_submitted')
    : exclusions;
}

function Stat({ label, value, ok }: { label: string; value: string; ok: boolean | null }) {
  return (
    <Paper radius="md" p="sm" bg="gray.0">
      <Text size="xs" c="dimmed" fw={600}>
        {label}
      </Text>
      <Group gap={6} mt={2}>
        {ok === true ? (
          <IconCircleCheck size={18} color="var(--mantine-color-green-8)" aria-hidden="true" />
        ) : null}
        {ok === false ? (
          <IconAlertTriangle size={18} color="var(--mantine-color-red-8)" aria-hidden="true" />
        ) : null}
        <Text fw={700} fz="lg">
          {value}
        </Text>
      </Group>
    </Paper>
  );
}

const SCORE_TONES = ['red', 'amber', 'amber', 'teal', 'green'] as const;

interface PrincipleCardProps {
  projectId: string;
  principle: PrincipleAssessment;
  indicators: Assessment['indicators'][number] | undefined;
  reviews: Review[];
  threshold: number;
  note: Assessment['moderationNotes'][number] | null;
  canModerate: boolean;
}

function PrincipleCard({
  projectId,
  principle,
  indicators,
  reviews,
  threshold,
  note,
  canModerate,
}: PrincipleCardProps) {
  const { t } = useTranslation();
  const format = useProjectFormat();
  const reasons = useReasonText();
  const id = principle.principle;
  const headingId = `principle-${id}`;
  const mean = principle.mean ? Number(principle.mean.decimal) : null;
  const decimal = new Intl.NumberFormat(format.locale, {
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  });

  return (
    <Card
      withBorder
      radius="md"
      padding="lg"
      component="article"
      aria-labelledby={headingId}
      data-principle={id}
    >
      <Group justify="space-between" align="flex-start" gap="sm" mb="sm">
        <Stack gap={4}>
          <Title order={3} fz="md" id={headingId}>
            {t(`projects.principles.${id}`)}
          </Title>
          <Group gap="xs">
            {principle.disagreement ? <DisagreementBadge moderated={principle.moderated} /> : null}
            {principle.meetsThreshold === false ? (
              <ToneBadge tone="red" size="sm">
                {t('projects.scorecard.belowThreshold')}
              </ToneBadge>
            ) : null}
          </Group>
        </Stack>
        <Stack gap={2} align="flex-end" miw={180}>
          <Text size="xs" c="dimmed" fw={600}>
            {t('projects.scorecard.mean')}
          </Text>
          <Text fz={22} fw={700} lh={1}>
            {mean === null ? '—' : decimal.format(mean)}
            <Text span size="sm" c="dimmed" fw={400}>
              {' / 4'}
            </Text>
          </Text>
          {mean !== null ? (
            <Progress
              w={160}
              value={(mean / 4) * 100}
              color={principle.meetsThreshold ? 'teal.7' : 'red.8'}
              aria-label={t('projects.scorecard.meanBar', {
                mean: decimal.format(mean),
                threshold: format.number(threshold),
              })}
            />
          ) : null}
          <Text size="xs" c="dimmed">
            {principle.min === null
              ? t('projects.scorecard.noScores')
              : t('projects.scorecard.range', {
                  min: format.number(principle.min),
                  max: format.number(principle.max ?? principle.min),
                  spread: format.number(principle.spread ?? 0),
                })}
          </Text>
        </Stack>
      </Group>

      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <Stack gap="xs">
          <Group gap={6}>
            <ThemeIcon variant="light" size="sm" radius="xl" aria-hidden="true">
              <IconScale size={14} />
            </ThemeIcon>
            <Text size="sm" fw={600}>
              {t('projects.scorecard.indicators')}
            </Text>
          </Group>
          <Text size="xs" c="dimmed">
            {t('projects.scorecard.indicatorsHint')}
          </Text>
          <Stack gap={6}>
            {indicators?.indicators.map((indicator) => (
              <Group
                key={indicator.code}
                gap={8}
                wrap="nowrap"
                align="flex-start"
                data-indicator={indicator.code}
              >
                {indicator.met ? (
                  <IconCircleCheck
                    size={18}
                    color="var(--mantine-color-green-8)"
                    style={{ flexShrink: 0 }}
                    aria-hidden="true"
                  />
                ) : (
                  <IconCircleDashed
                    size={18}
                    color="var(--mantine-color-orange-8)"
                    style={{ flexShrink: 0 }}
                    aria-hidden="true"
                  />
                )}
                <Text size="sm">
                  <Text span fw={600}>
                    {indicator.met ? t('projects.scorecard.met') : t('projects.scorecard.notMet')}
                  </Text>{' '}
                  {reasons.indicator(indicator)}
                </Text>
              </Group>
            ))}
          </Stack>
        </Stack>
        <Stack gap="xs">
          <Text size="sm" fw={600}>
            {t('projects.scorecard.scores')}
          </Text>
          {reviews.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('projects.scorecard.noCountedScores')}
            </Text>
          ) : (
            reviews.map((review) => {
              const score = review.scores?.[id] ?? null;
              const justification = review.justifications?.[id] ?? null;
              return (
                <Paper
                  key={review.id}
                  withBorder
                  radius="sm"
                  p="sm"
                  bg="gray.0"
                  data-reviewer={review.reviewerName}
                >
                  <Group justify="space-between" gap="xs" mb={4}>
                    <Text size="sm" fw={600}>
                      {review.reviewerName}
                    </Text>
                    {score !== null ? (
                      <ToneBadge tone={SCORE_TONES[score] ?? 'gray'} size="sm">
                        {t('projects.scorecard.score', {
                          score: format.number(score),
                          label: t(`projects.rubric.${score as 0}`),
                        })}
                      </ToneBadge>
                    ) : (
                      <Badge variant="outline" color="gray" size="sm">
                        —
                      </Badge>
                    )}
                  </Group>
                  <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} dir="auto">
                    {justification ?? t('projects.scorecard.noJustification')}
                  </Text>
                </Paper>
              );
            })
          )}
        </Stack>
      </SimpleGrid>

      {principle.disagreement || note ? (
        <Box mt="md">
          <ModerationNoteForm
            projectId={projectId}
            principle={id}
            note={note}
            disagreement={principle.disagreement}
            canModerate={canModerate}
          />
        </Box>
      ) : null}
    </Card>
  );
}
