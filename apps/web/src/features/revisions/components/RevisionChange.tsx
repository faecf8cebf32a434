import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useIntl } from '../../../lib/intl';
import type { Revision } from '../api/revisions';

/** What a request changes: the approved budget and each organization's part, or the end date. */
export function RevisionChange({ revision }: { revision: Revision }) {
  const { t } = useTranslation();
  const { money, calendarDate } = useIntl();
  if (revision.kind === 'extension') {
    return (
      <Text size="sm">
        {t('revisions.change.endDate', {
          from: revision.previousEndDate ? calendarDate(revision.previousEndDate) : '—',
          to: revision.proposedEndDate ? calendarDate(revision.proposedEndDate) : '—',
        })}
      </Text>
    );
  }
  const before = new Map((revision.previousShares ?? []).map((s) => [s.organizationId, s.part]));
  return (
    <Stack gap={2}>
      <Text size="sm">
        {t('revisions.change.budget', {
          from: revision.previousApprovedBudget ? money(revision.previousApprovedBudget) : '—',
          to: revision.proposedApprovedBudget ? money(revision.proposedApprovedBudget) : '—',
        })}
      </Text>
      {(revision.proposedShares ?? [])
        .filter((s) => before.get(s.organizationId) !== s.part)
        .map((s) => (
          <Text size="xs" c="dimmed" key={s.organizationId}>
            {t('revisions.change.part', {
              name: s.organizationName,
              from: money(before.get(s.organizationId) ?? '0.00'),
              to: money(s.part),
            })}
          </Text>
        ))}
    </Stack>
  );
}
