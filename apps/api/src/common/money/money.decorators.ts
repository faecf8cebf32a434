import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, ValidateIf } from 'class-validator';

/**
 * Money travels as a decimal string with at most two decimals ("1250000.50"), never a JSON
 * number: a float cannot hold every cent. It fits numeric(18,2): at most 16 integer digits.
 */
export const MONEY_PATTERN = /^(0|[1-9][0-9]{0,15})(\.[0-9]{1,2})?$/;

export function IsMoney(options: { description?: string; example?: string } = {}) {
  return applyDecorators(
    ApiProperty({
      type: String,
      pattern: MONEY_PATTERN.source,
      example: options.example ?? '250000.00',
      description: options.description,
    }),
    IsString({ message: 'must be a decimal string such as "1250.50", not a number' }),
    Matches(MONEY_PATTERN, { message: 'must be an amount with at most two decimals, such as "1250.50"' }),
  );
}

export function IsOptionalMoney(options: { description?: string; nullable?: boolean } = {}) {
  return applyDecorators(
    ApiPropertyOptional({
      type: String,
      pattern: MONEY_PATTERN.source,
      nullable: options.nullable ?? false,
      description: options.description,
    }),
    // Null only where the field is nullable; otherwise null is validated (and refused).
    options.nullable ? IsOptional() : ValidateIf((_: object, value: unknown) => value !== undefined),
    ValidateIf((_: object, value: unknown) => value !== null || !options.nullable),
    IsString({ message: 'must be a decimal string such as "1250.50", not a number' }),
    Matches(MONEY_PATTERN, { message: 'must be an amount with at most two decimals, such as "1250.50"' }),
  );
}

/** PostgreSQL returns numeric as a string; normalise to two decimals ("5" → "5.00"). */
export function moneyOut(value: string | null): string | null {
  if (value === null) return null;
  const [whole, fraction = ''] = value.split('.');
  return `${whole}.${(fraction + '00').slice(0, 2)}`;
}
