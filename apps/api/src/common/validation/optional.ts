import { ValidateIf } from 'class-validator';

/**
 * The field may be left out, but when sent it is validated, null included. class-validator's
 * IsOptional() also skips null, which would let `"name": null` reach a NOT NULL column.
 */
export const IsOptionalNotNull = () => ValidateIf((_: object, value: unknown) => value !== undefined);
