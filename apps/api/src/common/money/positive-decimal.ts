import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ValidateBy, ValidateIf } from 'class-validator';

export interface DecimalShape {
  /** Digits before the point (numeric(18,2) → 16). */
  integerDigits: number;
  /** At most this many digits after the point. */
  decimals: number;
  example: string;
}

export const MONEY: DecimalShape = { integerDigits: 16, decimals: 2, example: '250000.00' };

export function decimalPattern(shape: DecimalShape): RegExp {
  return new RegExp(`^(0|[1-9][0-9]{0,${shape.integerDigits - 1}})(\\.[0-9]{1,${shape.decimals}})?$`);
}

/** Why a value is not a positive decimal string of this shape, or null when it is one. */
export function positiveDecimalProblem(value: unknown, shape: DecimalShape): string | null {
  if (typeof value === 'number') return `must be a decimal string such as "${shape.example}", not a number`;
  if (typeof value !== 'string') return `must be a decimal string such as "${shape.example}"`;
  if (/^\s*-/.test(value)) return 'must not be negative';
  if (/^[0-9]+\.[0-9]+$/.test(value) && value.split('.')[1]!.length > shape.decimals) {
    return `must have at most ${shape.decimals} decimals`;
  }
  if (!decimalPattern(shape).test(value)) {
    return `must be a decimal string with at most ${shape.integerDigits} digits before the point, such as "${shape.example}"`;
  }
  if (!/[1-9]/.test(value)) return 'must be greater than zero';
  return null;
}

const validPositiveDecimal = (shape: DecimalShape) =>
  ValidateBy({
    name: 'isPositiveDecimal',
    validator: {
      validate: (value) => positiveDecimalProblem(value, shape) === null,
      defaultMessage: (args) => positiveDecimalProblem(args?.value, shape) ?? 'is invalid',
    },
  });

/**
 * An amount greater than zero as a decimal string ("1250.50"), never a JSON number: one field
 * error that says what is wrong (a number, negative, too many decimals, zero).
 */
export function IsPositiveDecimal(shape: DecimalShape = MONEY, options: { description?: string } = {}) {
  return applyDecorators(
    ApiProperty({
      type: String,
      pattern: decimalPattern(shape).source,
      example: shape.example,
      description: options.description,
    }),
    validPositiveDecimal(shape),
  );
}

export function IsOptionalPositiveDecimal(
  shape: DecimalShape = MONEY,
  options: { description?: string } = {},
) {
  return applyDecorators(
    ApiPropertyOptional({
      type: String,
      pattern: decimalPattern(shape).source,
      example: shape.example,
      description: options.description,
    }),
    // Absent is fine; null is not (the field cannot be cleared).
    ValidateIf((_, value) => value !== undefined),
    validPositiveDecimal(shape),
  );
}
