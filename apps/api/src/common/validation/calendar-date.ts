import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ValidateBy, ValidateIf } from 'class-validator';
import { checkMoneyEventDate, describeBoundProblem } from '@hstf/domain';

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
const MESSAGE = 'must be a calendar date written YYYY-MM-DD, such as "2024-03-31"';

/** "2024-02-29" yes; "2023-02-29", "2024-3-1" and "2024-03-31T00:00:00Z" no. */
export function isCalendarDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = DATE_ONLY.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    year >= 1000 &&
    date.getUTCFullYear() === year &&
    date.getUTCMonth() === month - 1 &&
    date.getUTCDate() === day
  );
}

/** The validator alone, for DTOs that declare their own OpenAPI property. */
export const ValidCalendarDate = () =>
  ValidateBy({
    name: 'isCalendarDate',
    validator: { validate: isCalendarDate, defaultMessage: () => MESSAGE },
  });

/** The UTC calendar day now, as "YYYY-MM-DD". */
function todayUtc(): string {
  return new Date().toISOString().slice(0, 10);
}

/** The date of money that moved: from the Fund's founding (1999) to today (libs/domain). */
const WithinFundLifetime = () =>
  ValidateBy({
    name: 'isMoneyEventDate',
    validator: {
      validate: (value) => typeof value !== 'string' || checkMoneyEventDate(value, todayUtc()) === null,
      defaultMessage: (args) => {
        const problem = checkMoneyEventDate(String(args?.value), todayUtc());
        return problem ? describeBoundProblem(problem) : 'is invalid';
      },
    },
  });

interface CalendarDateOptions {
  description?: string;
  example?: string;
  /** A receipt, a pledge or a transfer: not before 1999, not after today. */
  moneyEvent?: boolean;
}

/** A date without a time (PostgreSQL `date`), as "YYYY-MM-DD". */
export function IsCalendarDate(options: CalendarDateOptions = {}) {
  return applyDecorators(
    ApiProperty({
      type: String,
      format: 'date',
      example: options.example ?? '2024-03-31',
      description: options.description,
    }),
    ...(options.moneyEvent ? [WithinFundLifetime()] : []),
    ValidCalendarDate(),
  );
}

/** Optional (absent is fine); with `nullable`, null clears it, otherwise null is refused. */
export function IsOptionalCalendarDate(options: CalendarDateOptions & { nullable?: boolean } = {}) {
  return applyDecorators(
    ApiPropertyOptional({
      type: String,
      format: 'date',
      nullable: options.nullable ?? false,
      example: options.example ?? '2024-03-31',
      description: options.description,
    }),
    ValidateIf((_, value) => value !== undefined && !(options.nullable && value === null)),
    ...(options.moneyEvent ? [WithinFundLifetime()] : []),
    ValidCalendarDate(),
  );
}

/**
 * A PostgreSQL `date` as "YYYY-MM-DD". The pg type parser (database/typeorm-options.ts) already
 * returns dates as strings; a Date, from a driver without that parser, is read in local time,
 * which is how node-postgres builds it.
 */
export function dateOnly(value: Date | string | null): string | null {
  if (value === null) return null;
  if (typeof value === 'string') return value.slice(0, 10);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${String(value.getFullYear()).padStart(4, '0')}-${pad(value.getMonth() + 1)}-${pad(value.getDate())}`;
}
