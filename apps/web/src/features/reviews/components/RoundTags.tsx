import { useTranslation } from 'react-i18next';
import { Tag } from '../../../components/Tag';
import { useIntl } from '../../../lib/intl';
import type { ReviewStatus } from '../api/get-my-reviews';

/** "Round 2": the review round a review or an assessment belongs to; the latest one counts. */
export function RoundTag({ round, counting }: { round: number; counting?: boolean }) {
  const { t } = useTranslation();
  const { integer } = useIntl();
  return (
    <Tag tone={counting === false ? 'gray' : 'indigo'} miw="max-content" data-round={round}>
      {t('rounds.round', { number: integer(round) })}
      {counting === undefined ? '' : ` · ${counting ? t('rounds.counting') : t('rounds.closed')}`}
    </Tag>
  );
}

/** Today in UTC, the calendar the API judges due dates on. */
const todayUtc = () => new Date().toISOString().slice(0, 10);

/** The due date of a review still owed, marked once it has passed (libs/domain reviewOverdue's day). */
export function DueTag({ dueOn, status }: { dueOn: string; status: ReviewStatus }) {
  const { t } = useTranslation();
  const { calendarDate } = useIntl();
  if (status !== 'assigned' && status !== 'draft') return null;
  const overdue = dueOn < todayUtc();
  return (
    <Tag tone={overdue ? 'orange' : 'gray'} miw="max-content" data-overdue={overdue}>
      {overdue
        ? t('rounds.overdue', { date: calendarDate(dueOn) })
        : t('rounds.due', { date: calendarDate(dueOn) })}
    </Tag>
  );
}
