import { Badge, Box, Grid, Group, List, Paper, Radio, Stack, Text, Textarea, Title } from '@mantine/core';
import { RUBRIC, type PrincipleId } from '@hstf/domain';
import { useTranslation } from 'react-i18next';
import classes from './PrincipleSection.module.css';
import type { ProposalPrinciple } from '../api/get-review';
import { IndicatorList } from './IndicatorList';

const QUESTIONS = ['q1', 'q2', 'q3'] as const;

interface PrincipleSectionProps {
  position: number;
  principle: PrincipleId;
  /** The proposal's narrative and the indicators, as the API sends them once the proposal is open. */
  proposal: ProposalPrinciple | undefined;
  score: number | null;
  justification: string;
  onScore: (score: number | null) => void;
  onJustification: (text: string) => void;
  scoreError?: string | undefined;
  justificationError?: string | undefined;
  disabled?: boolean;
}

/** One principle: the proposal's narrative and the evidence on one side, the rubric and the reviewer's words on the other. */
export function PrincipleSection({
  position,
  principle,
  proposal,
  score,
  justification,
  onScore,
  onJustification,
  scoreError,
  justificationError,
  disabled = false,
}: PrincipleSectionProps) {
  const { t } = useTranslation();
  const titleId = `principle-${principle}-title`;
  return (
    <Paper
      withBorder
      radius="md"
      p={{ base: 'md', sm: 'lg' }}
      component="section"
      aria-labelledby={titleId}
      id={`principle-${principle}`}
      className={classes.section}
    >
      <Group gap="sm" wrap="nowrap" align="flex-start" mb="md">
        <Badge size="lg" circle variant="filled" color="unBlue.7" aria-hidden="true">
          {position}
        </Badge>
        <Stack gap={2}>
          <Title order={2} fz="h3" id={titleId}>
            {t(`reviews.principles.${principle}.title`)}
          </Title>
          <Text size="sm" c="dimmed">
            {t(`reviews.principles.${principle}.looksFor`)}
          </Text>
        </Stack>
      </Group>

      <Grid gap={{ base: 'md', md: 'xl' }}>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Stack gap="md">
            <Stack gap={6}>
              <Title order={3} fz="sm" tt="uppercase" c="dimmed" fw={700}>
                {t('reviews.form.narrative')}
              </Title>
              <Box
                p="md"
                bg="gray.0"
                style={{
                  borderInlineStart: '4px solid var(--mantine-color-unBlue-4)',
                  borderRadius: 'var(--mantine-radius-sm)',
                  whiteSpace: 'pre-wrap',
                }}
              >
                <Text size="sm" lh={1.6} dir="auto">
                  {proposal?.narrative?.trim() ? proposal.narrative : t('reviews.form.noNarrative')}
                </Text>
              </Box>
            </Stack>
            {proposal ? (
              <Stack gap={6}>
                <Title order={3} fz="sm" tt="uppercase" c="dimmed" fw={700}>
                  {t('reviews.form.indicators')}
                </Title>
                <Text size="xs" c="dimmed">
                  {t('reviews.form.indicatorsHint')}
                </Text>
                <IndicatorList indicators={proposal.indicators.indicators} />
              </Stack>
            ) : null}
            <Stack gap={6}>
              <Title order={3} fz="sm" tt="uppercase" c="dimmed" fw={700}>
                {t('reviews.form.questions')}
              </Title>
              <List type="ordered" size="sm" spacing={4}>
                {QUESTIONS.map((question) => (
                  <List.Item key={question}>{t(`reviews.principles.${principle}.${question}`)}</List.Item>
                ))}
              </List>
            </Stack>
          </Stack>
        </Grid.Col>

        <Grid.Col span={{ base: 12, md: 6 }}>
          <Stack gap="md">
            <Radio.Group
              id={`score-${principle}`}
              label={t('reviews.form.score', { principle: t(`reviews.principles.${principle}.title`) })}
              value={score === null ? null : String(score)}
              onChange={(value) => onScore(value === null || value === '' ? null : Number(value))}
              error={scoreError}
              withAsterisk
            >
              <Stack gap={6} mt="xs">
                {RUBRIC.map((level) => (
                  <Radio.Card
                    key={level.score}
                    value={String(level.score)}
                    radius="md"
                    p="sm"
                    disabled={disabled}
                    className={classes.level}
                  >
                    <Group wrap="nowrap" align="flex-start" gap="sm">
                      <Radio.Indicator />
                      <Stack gap={0}>
                        <Text fw={600} size="sm">
                          {`${level.score} · ${t(`reviews.rubric.${level.label}.name`)}`}
                        </Text>
                        <Text size="xs" c="dimmed">
                          {t(`reviews.rubric.${level.label}.description`)}
                        </Text>
                      </Stack>
                    </Group>
                  </Radio.Card>
                ))}
              </Stack>
            </Radio.Group>
            <Textarea
              id={`justification-${principle}`}
              label={t('reviews.form.justification')}
              description={t('reviews.form.justificationHint')}
              value={justification}
              onChange={(event) => onJustification(event.currentTarget.value)}
              error={justificationError}
              withAsterisk
              autosize
              minRows={4}
              maxRows={14}
              maxLength={10000}
              dir="auto"
              readOnly={disabled}
            />
          </Stack>
        </Grid.Col>
      </Grid>
    </Paper>
  );
}
