import { Anchor, Box, Group, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconClockExclamation, IconHourglassHigh } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorResult } from '../../../components/QueryStates';
import { useFormatters } from '../../../lib/format';
import { useReviewAlerts } from '../api/get-review-alerts';

const LOOK = {
  review_overdue: { icon: IconClockExclamation, color: '#8a3a00', background: '#fff1e6' },
  proposal_review_waiting: { icon: IconHourglassHigh, color: '#00558c', background: '#e6f4fb' },
} as const;

/**
 * Reviews waiting too long, under the consent alerts: reviews past their due date and proposals
 * under review beyond the days the assessment settings allow. Nothing is shown when nothing waits.
 */
export function ReviewAlertsList() {
  const { t } = useTranslation();
  const { date, number } = useFormatters();
  const alerts = useReviewAlerts();
  if (alerts.isError) {
    return <ErrorResult title={t('rounds.alerts.error')} onRetry={() => void alerts.refetch()} />;
  }
  const items = alerts.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <Stack gap={8} mt="md" component="section" aria-labelledby="review-alerts-heading">
      <Title order={3} fz="md" id="review-alerts-heading">
        {t('rounds.alerts.title')}
      </Title>
      <Stack
        component="ul"
        gap={8}
        p={0}
        m={0}
        style={{ listStyle: 'none' }}
        data-testid="review-alerts-list"
      >
        {items.map((alert) => {
          const look = LOOK[alert.code];
          const Icon = look.icon;
          return (
            <Box
              component="li"
              key={`${alert.projectId}-${alert.code}-${alert.reviewId ?? ''}`}
              p="xs"
              style={{ borderRadius: 'var(--mantine-radius-md)', background: look.background }}
            >
              <Group gap="sm" wrap="nowrap" align="flex-start">
                <ThemeIcon color={look.color} variant="transparent" size={24} aria-hidden="true" mt={2}>
                  <Icon size={20} />
                </ThemeIcon>
                <Stack gap={2} style={{ minWidth: 0, flex: 1 }}>
                  <Text size="sm" fw={600} lh={1.35}>
                    <Text span inherit c={look.color}>
                      {t(`rounds.alerts.kinds.${alert.code}`)}
                    </Text>
                    {' · '}
                    {t(`rounds.alerts.messages.${alert.code}`, {
                      date: date(alert.since),
                      round: number(alert.round),
                      limit: number(alerts.data?.waitingDays ?? 0),
                      reviewer: alert.reviewerName ?? '',
                    })}
                  </Text>
                  <Group gap={6} wrap="nowrap" style={{ minWidth: 0 }}>
                    <Anchor
                      component={Link}
                      to={`/projects/${alert.projectId}`}
                      size="sm"
                      fw={600}
                      style={{ whiteSpace: 'nowrap' }}
                      dir="ltr"
                    >
                      {alert.projectCode}
                    </Anchor>
                    <Text size="sm" truncate="end" c="dark.6" title={alert.projectTitle}>
                      {alert.projectTitle}
                    </Text>
                  </Group>
                </Stack>
              </Group>
            </Box>
          );
        })}
      </Stack>
    </Stack>
  );
}
