import { ValidateBy, ValidationOptions } from 'class-validator';

const CALENDAR_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** `2015-02-28` yes; `2015-02-30`, `2015-2-3` and `2015-02-28T00:00:00Z` no. */
export function isCalendarDate(value: unknown): value is string {
  if (typeof value !== 'string' || !CALENDAR_DATE.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value && value >= '1000';
}

/** A calendar date (no time, no zone) as `YYYY-MM-DD`. */
export function IsCalendarDate(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isCalendarDate',
      validator: {
        validate: (value: unknown) => isCalendarDate(value),
        defaultMessage: () => 'must be a date as YYYY-MM-DD',
      },
    },
    options,
  );
}

/**
 * A PostgreSQL `date` as `YYYY-MM-DD`. node-postgres parses dates as local midnight, so the local
 * calendar fields are the stored date whatever the server's time zone; strings pass through.
 */
export function dateOnly(value: Date | string | null): string | null {
  if (value === null) return null;
  if (typeof value === 'string') return value.slice(0, 10);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${String(value.getFullYear()).padStart(4, '0')}-${pad(value.getMonth() + 1)}-${pad(value.getDate())}`;
}
