import { Anchor, Group, Paper, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ToneBadge } from '../../../components/Badges';
import { ErrorResult } from '../../../components/QueryStates';
import { useIntl } from '../../../lib/intl';
import { useOverdueReports } from '../api/reports';
import { useReportName } from '../lib/report-name';

/** The overview's alert of reports overdue today: how many, and the oldest, each a link to its project. */
export function OverdueReportsCard() {
  const { t } = useTranslation();
  const { calendarDate, integer } = useIntl();
  const name = useReportName();
  const overdue = useOverdueReports(5);
  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="overdue-reports-heading">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} fz="lg" id="overdue-reports-heading">
            {t('reports.overview.title')}
          </Title>
          {overdue.data ? (
            <ToneBadge tone={overdue.data.total ? 'red' : 'green'} data-testid="overdue-reports-count">
              {t('reports.overview.count', { formatted: integer(overdue.data.total) })}
            </ToneBadge>
          ) : null}
        </Group>
        {overdue.isPending ? (
          <Skeleton height={60} />
        ) : overdue.isError ? (
          <ErrorResult title={t('reports.error')} onRetry={() => void overdue.refetch()} />
        ) : overdue.data.items.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('reports.overview.none')}
          </Text>
        ) : (
          <Stack gap={6} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {overdue.data.items.map((item) => (
              <li key={item.reportId}>
                <Anchor component={Link} to={`/projects/${item.projectId}?tab=reports`} size="sm">
                  <Text span ff="monospace" dir="ltr">
                    {item.projectCode}
                  </Text>
                  {' · '}
                  {name(item)}
                </Anchor>
                <Text size="xs" c="dimmed">
                  {t('reports.overview.dueOn', {
                    date: calendarDate(item.dueOn),
                    days: integer(item.daysOverdue),
                  })}
                </Text>
              </li>
            ))}
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}
