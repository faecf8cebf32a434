import { Group, Paper, Progress, Stack, Text } from '@mantine/core';
import { compareMoney, subtractMoney } from '@hstf/domain';
import { useTranslation } from 'react-i18next';
import { OK_TEXT, WARN_TEXT } from '../../../../lib/colors';
import { useProjectFormat } from '../../../../lib/project-format';
import type { LiveCheck } from '../../lib/project-form';

/** The organizations' shares against the requested budget, as they are typed. */
export function SharesTotal({ live }: { live: LiveCheck }) {
  const { t } = useTranslation();
  const format = useProjectFormat();
  const total = live.sharesTotal;
  const requested = live.requested;
  const difference = total !== null && requested !== null ? subtractMoney(requested, total) : null;
  const balanced = difference !== null && compareMoney(difference, '0') === 0;
  return (
    <Paper radius="md" p="sm" bg={balanced ? 'green.0' : 'gray.0'} withBorder data-testid="shares-total">
      <Stack gap={6} role="status" aria-live="polite">
        <Group justify="space-between" gap="xs">
          <Text size="sm" fw={600}>
            {t('projects.form.sharesTotal', {
              total: format.money(total ?? '0'),
              requested: requested === null ? '—' : format.money(requested),
            })}
          </Text>
          <Text size="sm" c={balanced ? OK_TEXT : WARN_TEXT} fw={600}>
            {difference === null
              ? t('projects.form.sharesNoBudget')
              : balanced
                ? t('projects.form.sharesBalanced')
                : compareMoney(difference, '0') > 0
                  ? t('projects.form.sharesToAllocate', { amount: format.money(difference) })
                  : t('projects.form.sharesOver', {
                      amount: format.money(subtractMoney('0', difference)),
                    })}
          </Text>
        </Group>
        {requested !== null && Number(requested) > 0 && total !== null ? (
          <Progress
            value={Math.min(100, (Number(total) / Number(requested)) * 100)}
            color={balanced ? 'teal.7' : compareMoney(total, requested) > 0 ? 'red.8' : 'orange.7'}
            aria-hidden="true"
          />
        ) : null}
      </Stack>
    </Paper>
  );
}
