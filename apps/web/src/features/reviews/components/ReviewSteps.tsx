import { Group, Text, ThemeIcon } from '@mantine/core';
import { IconCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

export type ReviewStep = 'declare' | 'score' | 'submitted';
const STEPS: ReviewStep[] = ['declare', 'score', 'submitted'];

/** Where the reviewer is: declare conflicts, score, submitted. */
export function ReviewSteps({ current }: { current: ReviewStep }) {
  const { t } = useTranslation();
  const index = STEPS.indexOf(current);
  return (
    <Group
      component="ol"
      gap="lg"
      wrap="wrap"
      aria-label={t('reviews.steps.label')}
      m={0}
      p={0}
      mb="lg"
      style={{ listStyle: 'none' }}
    >
      {STEPS.map((step, position) => {
        const done = position < index || current === 'submitted';
        const active = position === index;
        return (
          <Group component="li" key={step} gap={8} wrap="nowrap" aria-current={active ? 'step' : undefined}>
            <ThemeIcon
              radius="xl"
              size={26}
              variant={done || active ? 'filled' : 'light'}
              color={done ? 'teal.8' : active ? 'unBlue.7' : 'gray'}
              aria-hidden="true"
            >
              {done ? (
                <IconCheck size={16} />
              ) : (
                <Text fz="xs" fw={700}>
                  {position + 1}
                </Text>
              )}
            </ThemeIcon>
            <Text fw={active ? 700 : 500} c={active || done ? undefined : 'dimmed'} size="sm">
              {t(`reviews.steps.${step}`)}
            </Text>
          </Group>
        );
      })}
    </Group>
  );
}
