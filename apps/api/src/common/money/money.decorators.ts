import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { ValidateBy } from 'class-validator';
import {
  checkPlausibleAmount,
  describeBoundProblem,
  MAX_PLAUSIBLE_USD,
  type MoneyString,
} from '@hstf/domain';
import { Optional } from '../validation/optional';

export interface DecimalShape {
  /** Digits before the point (numeric(18,2) → 16). */
  integerDigits: number;
  /** At most this many digits after the point. */
  decimals: number;
  example: string;
}

/** US dollars and contribution amounts: numeric(18,2). */
export const MONEY: DecimalShape = { integerDigits: 16, decimals: 2, example: '250000.00' };

export function decimalPattern(shape: DecimalShape): RegExp {
  return new RegExp(`^(0|[1-9][0-9]{0,${shape.integerDigits - 1}})(\\.[0-9]{1,${shape.decimals}})?$`);
}

export interface MoneyOptions {
  /** The column's shape; US dollars (MONEY) by default. */
  shape?: DecimalShape;
  /** Zero is accepted (a budget not yet known); otherwise an amount must be greater than zero. */
  allowZero?: boolean;
  /**
   * The largest amount accepted: the domain's plausible bound for US dollars by default; null for an
   * amount in another currency, whose US-dollar value is bounded instead.
   */
  max?: MoneyString | null;
  /** The request may leave it out. */
  optional?: boolean;
  /** Null clears it (implies optional); otherwise null is refused. */
  nullable?: boolean;
  description?: string;
  example?: string;
}

/** Why a value is not an amount of this kind, or null when it is one: one message per field. */
export function moneyProblem(value: unknown, options: MoneyOptions = {}): string | null {
  const shape = options.shape ?? MONEY;
  const example = options.example ?? shape.example;
  if (typeof value === 'number') return `must be a decimal string such as "${example}", not a number`;
  if (typeof value !== 'string') return `must be a decimal string such as "${example}"`;
  if (/^\s*-/.test(value)) return 'must not be negative';
  if (/^[0-9]+\.[0-9]+$/.test(value) && value.split('.')[1]!.length > shape.decimals) {
    return `must have at most ${shape.decimals} decimals`;
  }
  if (!decimalPattern(shape).test(value)) {
    return `must be a decimal string with at most ${shape.integerDigits} digits before the point, such as "${example}"`;
  }
  if (!options.allowZero && !/[1-9]/.test(value)) return 'must be greater than zero';
  const max = options.max === undefined ? (shape === MONEY ? MAX_PLAUSIBLE_USD : null) : options.max;
  const tooLarge = max === null ? null : checkPlausibleAmount(value, max);
  return tooLarge ? describeBoundProblem(tooLarge) : null;
}

/**
 * An amount as a decimal string ("1250.50"), never a JSON number: a float cannot hold every cent.
 * One decorator for every amount the API accepts: budgets, shares, receipts, rates, transfers.
 */
export function IsMoney(options: MoneyOptions = {}): PropertyDecorator {
  const shape = options.shape ?? MONEY;
  const optional = options.optional === true || options.nullable === true;
  return applyDecorators(
    ApiProperty({
      type: String,
      required: !optional,
      nullable: options.nullable || undefined,
      pattern: decimalPattern(shape).source,
      example: options.example ?? shape.example,
      description: options.description,
    }),
    ...(optional ? [Optional({ nullable: options.nullable })] : []),
    ValidateBy({
      name: 'isMoney',
      validator: {
        validate: (value) => moneyProblem(value, options) === null,
        defaultMessage: (args) => moneyProblem(args?.value, options) ?? 'is invalid',
      },
    }),
  );
}

/** PostgreSQL returns numeric as a string; normalise to two decimals ("5" → "5.00"). */
export function moneyOut(value: string | null): string | null {
  if (value === null) return null;
  const [whole, fraction = ''] = value.split('.');
  return `${whole}.${(fraction + '00').slice(0, 2)}`;
}
