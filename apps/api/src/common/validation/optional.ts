import { IsOptional, ValidateIf } from 'class-validator';

/**
 * The field may be left out; when sent it is validated. `nullable` lets null through too (null clears
 * the field); otherwise null is validated, and refused, because class-validator's IsOptional() alone
 * would let `"name": null` reach a NOT NULL column.
 */
export function Optional(options: { nullable?: boolean } = {}): PropertyDecorator {
  return options.nullable ? IsOptional() : ValidateIf((_: object, value: unknown) => value !== undefined);
}
