import { Button, Stack, Text, Title } from '@mantine/core';
import { IconClockExclamation, IconHourglassHigh } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorResult } from '../../../components/ErrorResult';
import { TONES } from '../../../components/tones';
import { useFormatters } from '../../../lib/format';
import { useReviewAlerts } from '../api/get-review-alerts';
import { AlertRow, type AlertLook } from './AlertRow';

const LOOK: Record<'review_overdue' | 'proposal_review_waiting', AlertLook> = {
  review_overdue: { icon: IconClockExclamation, ...TONES.orange },
  proposal_review_waiting: { icon: IconHourglassHigh, ...TONES.blue },
};

/** As many as the consent alerts above show; the rest (up to the 200 asked for) on request. */
const SHOWN = 6;

/**
 * Reviews waiting too long, under the consent alerts: reviews past their due date and proposals
 * under review beyond the days the assessment settings allow. Nothing is shown when nothing waits.
 */
export function ReviewAlertsList() {
  const { t } = useTranslation();
  const { date, number } = useFormatters();
  const alerts = useReviewAlerts();
  const [expanded, setExpanded] = useState(false);
  if (alerts.isError) {
    return <ErrorResult title={t('rounds.alerts.error')} onRetry={() => void alerts.refetch()} />;
  }
  const items = alerts.data?.items ?? [];
  if (items.length === 0) return null;
  const shown = expanded ? items : items.slice(0, SHOWN);
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
        {shown.map((alert) => (
          <AlertRow
            key={`${alert.projectId}-${alert.code}-${alert.reviewId ?? ''}`}
            look={LOOK[alert.code]}
            project={alert}
            message={
              <>
                <Text span inherit c={LOOK[alert.code].color}>
                  {t(`rounds.alerts.kinds.${alert.code}`)}
                </Text>
                {' · '}
                {t(`rounds.alerts.messages.${alert.code}`, {
                  date: date(alert.since),
                  round: number(alert.round),
                  limit: number(alerts.data?.waitingDays ?? 0),
                  reviewer: alert.reviewerName ?? '',
                })}
              </>
            }
          />
        ))}
      </Stack>
      {items.length > SHOWN ? (
        <Button
          variant="subtle"
          size="compact-sm"
          style={{ alignSelf: 'flex-start' }}
          onClick={() => setExpanded((value) => !value)}
        >
          {expanded
            ? t('dashboard.alerts.showFewer')
            : t('dashboard.alerts.showAll', { total: number(items.length) })}
        </Button>
      ) : null}
    </Stack>
  );
}
