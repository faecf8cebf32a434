import { Badge, Button, Group, Paper, Skeleton, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import {
  IconAlertTriangle,
  IconCalendarX,
  IconCircleCheck,
  IconClockHour4,
  IconHandOff,
  IconHourglassHigh,
} from '@tabler/icons-react';
import { useDeferredValue, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorResult } from '../../../components/ErrorResult';
import { TONES } from '../../../components/tones';
import { useFormatters } from '../../../lib/format';
import { useCountryName } from '../../../lib/country-name';
import { useAlerts, type AlertCode, type ConsentAlert } from '../api/get-alerts';
import { useSuspendProject } from '../api/suspend-project';
import { useFigures } from '../../../lib/figures';
import { notifySaved } from '../../../lib/notify';
import { useProblemText } from '../../../lib/use-problem-text';
import { AlertRow, type AlertLook } from './AlertRow';
import { ReviewAlertsList } from './ReviewAlertsList';

/** Most urgent first: a funded project without consent before a proposal still waiting for one. */
const ALERT_ORDER: AlertCode[] = [
  'funded_consent_withdrawn',
  'funded_consent_expired',
  'funded_consent_invalid',
  'funded_consent_expiring',
  'consent_request_overdue',
];

// Red a shade brighter than the badges' red, as the count badge above the list.
const ALERT_RED = { color: '#a51c1c', background: '#fdecec' };

const ALERT_LOOK: Record<AlertCode, AlertLook> = {
  funded_consent_withdrawn: { icon: IconHandOff, ...ALERT_RED },
  funded_consent_expired: { icon: IconCalendarX, ...ALERT_RED },
  funded_consent_invalid: { icon: IconAlertTriangle, ...ALERT_RED },
  funded_consent_expiring: { icon: IconHourglassHigh, ...TONES.orange },
  consent_request_overdue: { icon: IconClockHour4, ...TONES.blue },
};

const SHOWN = 6;

function factDate(alert: ConsentAlert): string | null {
  const { facts } = alert;
  const value = facts['withdrawnOn'] ?? facts['validUntil'] ?? facts['requestedOn'];
  return typeof value === 'string' ? value : null;
}

export function AlertsSection() {
  const { t } = useTranslation();
  const alerts = useAlerts();
  // Rendered at a lower priority, in slices, like the rest of the overview (see StaffOverview).
  const data = useDeferredValue(alerts.data ?? null, null);
  const { date } = useFormatters();
  const { number } = useFigures();
  const countryName = useCountryName({ loadList: false });
  const [expanded, setExpanded] = useState(false);
  const suspend = useSuspendProject();
  const problemText = useProblemText();

  const items = [...(data?.items ?? [])].sort(
    (a, b) => ALERT_ORDER.indexOf(a.code) - ALERT_ORDER.indexOf(b.code),
  );
  const more = data?.nextCursor !== null && data?.nextCursor !== undefined;
  const counts = ALERT_ORDER.map((code) => ({
    code,
    count: items.filter((item) => item.code === code).length,
  }));
  const shown = expanded ? items : items.slice(0, SHOWN);

  return (
    <Paper
      component="section"
      withBorder
      radius="md"
      p={{ base: 'md', sm: 'lg' }}
      aria-labelledby="alerts-heading"
      h="100%"
    >
      <Group justify="space-between" align="baseline" mb={4}>
        <Title order={2} id="alerts-heading" fz={20}>
          {t('dashboard.alerts.title')}
        </Title>
        {data && items.length > 0 ? (
          <Badge color="#a51c1c" variant="filled" size="lg" radius="sm" aria-hidden="true">
            {more ? `${number(items.length)}+` : number(items.length)}
          </Badge>
        ) : null}
      </Group>
      <Text size="sm" c="dimmed" mb="sm">
        {t('dashboard.alerts.description')}
      </Text>

      {alerts.isError ? (
        <ErrorResult title={t('dashboard.alerts.error')} onRetry={() => void alerts.refetch()} />
      ) : data === null ? (
        <Stack gap="sm" aria-busy="true">
          {Array.from({ length: 4 }, (_, index) => (
            <Skeleton key={index} height={54} radius="md" />
          ))}
        </Stack>
      ) : items.length === 0 ? (
        <Group gap="sm" wrap="nowrap" py="md" role="status">
          <ThemeIcon color="teal.8" variant="light" size={36} radius="xl" aria-hidden="true">
            <IconCircleCheck size={22} />
          </ThemeIcon>
          <Text fw={600}>{t('dashboard.alerts.empty')}</Text>
        </Group>
      ) : (
        <>
          <Group gap={6} mb="sm" wrap="wrap">
            {counts
              .filter(({ count }) => count > 0)
              .map(({ code, count }) => (
                <Badge
                  key={code}
                  variant="light"
                  radius="sm"
                  tt="none"
                  fw={600}
                  styles={{
                    root: { color: ALERT_LOOK[code].color, background: ALERT_LOOK[code].background },
                  }}
                >
                  {t(`dashboard.alerts.kinds.${code}`)}{' '}
                  <Text span inherit fw={800}>
                    {more ? `${number(count)}+` : number(count)}
                  </Text>
                </Badge>
              ))}
          </Group>
          <Stack component="ul" gap={8} p={0} m={0} style={{ listStyle: 'none' }} data-testid="alerts-list">
            {shown.map((alert) => {
              const on = factDate(alert);
              const message = t(`dashboard.alerts.messages.${alert.code}`, {
                country: countryName(alert.country, alert.countryName),
                date: on ? date(on) : '',
              });
              const suspending = suspend.variables?.projectId === alert.projectId;
              return (
                <AlertRow
                  key={`${alert.projectId}-${alert.country}-${alert.code}`}
                  look={ALERT_LOOK[alert.code]}
                  message={message}
                  project={alert}
                  aside={
                    <Text size="xs" fw={600} c="dark.6" style={{ whiteSpace: 'nowrap' }}>
                      {t(`dashboard.stages.${alert.stage}`)}
                    </Text>
                  }
                >
                  {alert.proposedDecision === 'suspended' ? (
                    <Group gap="xs" wrap="wrap" mt={4} data-testid="suspension-proposal">
                      <Text size="xs" c="dark.7">
                        {t('suspension.alert.proposal')}
                      </Text>
                      <Button
                        size="compact-xs"
                        color="red.9"
                        loading={suspending && suspend.isPending}
                        disabled={suspend.isPending && !suspending}
                        onClick={() =>
                          suspend.mutate(
                            {
                              projectId: alert.projectId,
                              reason: t('suspension.alert.reason', { alert: message }),
                              note: t('suspension.alert.note'),
                            },
                            {
                              onSuccess: () =>
                                notifySaved(t('suspension.alert.done', { code: alert.projectCode })),
                            },
                          )
                        }
                      >
                        {t('suspension.alert.action')}
                      </Button>
                      {suspending && suspend.isError ? (
                        <Text size="xs" c="red.9" role="alert" w="100%">
                          {t('suspension.alert.failed', { code: alert.projectCode })}:{' '}
                          {problemText(suspend.error)}
                        </Text>
                      ) : null}
                    </Group>
                  ) : null}
                </AlertRow>
              );
            })}
          </Stack>
          {items.length > SHOWN ? (
            <Button variant="subtle" size="compact-sm" mt="sm" onClick={() => setExpanded((value) => !value)}>
              {expanded
                ? t('dashboard.alerts.showFewer')
                : t('dashboard.alerts.showAll', { total: number(items.length) })}
            </Button>
          ) : null}
        </>
      )}
      <ReviewAlertsList />
    </Paper>
  );
}
