import { DateInput, type DateInputProps } from '@mantine/dates';
import '@mantine/dates/styles.css';
import 'dayjs/locale/ar';
import 'dayjs/locale/es';
import 'dayjs/locale/fr';
import 'dayjs/locale/ru';
import 'dayjs/locale/zh-cn';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { dateParserFor } from '../lib/dates';
import { useIntl } from '../lib/intl';

/** dayjs names Chinese by its region; the other five languages by their code. */
const DAYJS_LOCALE: Record<string, string> = { zh: 'zh-cn' };

interface DateFieldProps extends Omit<
  DateInputProps,
  'value' | 'onChange' | 'minDate' | 'maxDate' | 'locale' | 'valueFormat'
> {
  /** A calendar date of the API ("2026-12-31"), or '' for none. */
  value: string;
  onChange: (value: string) => void;
  minDate?: string;
  maxDate?: string;
}

/**
 * A calendar date in the reader's language: shown as Intl writes it, typed in the reader's order or
 * as YYYY-MM-DD, picked on a calendar with the language's month and day names. Never the browser's
 * own "mm/dd/yyyy".
 */
export function DateField({ value, onChange, minDate, maxDate, ...props }: DateFieldProps) {
  const { t } = useTranslation();
  const { locale, calendarDate } = useIntl();
  const parse = useMemo(() => dateParserFor(locale), [locale]);
  return (
    <DateInput
      {...props}
      value={value || null}
      onChange={(next) => onChange(next ?? '')}
      minDate={minDate || undefined}
      maxDate={maxDate || undefined}
      locale={DAYJS_LOCALE[locale] ?? locale}
      valueFormat={calendarDate}
      dateParser={parse}
      clearable
      clearButtonProps={{ 'aria-label': t('common.clearDate') }}
      allowDeselect
      popoverProps={{ withinPortal: true }}
    />
  );
}
