import { ValidationError, ValidationPipe } from '@nestjs/common';
import type { Type } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { FieldError, Problem } from '../problem-details/problem';
import { keepValidationRuleLookups } from './rule-lookup-cache';

function flatten(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({
      field,
      // class-validator starts messages with the property name; the field already says it.
      message: message.startsWith(`property ${error.property} `)
        ? `is not allowed`
        : message.replace(new RegExp(`^${error.property} `), ''),
    }));
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

const VALIDATOR_OPTIONS = {
  whitelist: true,
  forbidNonWhitelisted: true,
  forbidUnknownValues: true,
  validationError: { target: false, value: false },
};
const TRANSFORM_OPTIONS = { enableImplicitConversion: false };

/** Whitelisting, unknown properties refused, types converted, errors as problem+json fields. */
export function createValidationPipe(): ValidationPipe {
  keepValidationRuleLookups();
  return new ValidationPipe({
    ...VALIDATOR_OPTIONS,
    transform: true,
    transformOptions: TRANSFORM_OPTIONS,
    exceptionFactory: (errors) => Problem.validation(flatten(errors)),
  });
}

/**
 * A request body checked exactly as the pipe checks it at a route, for input that arrives by other
 * ways than one JSON body (a row of an imported file): the instance, or the errors by field.
 */
export async function validateRequest<T extends object>(
  type: Type<T>,
  plain: Record<string, unknown>,
): Promise<{ request: T; errors: FieldError[] }> {
  keepValidationRuleLookups();
  const request = plainToInstance(type, plain, TRANSFORM_OPTIONS);
  const errors = flatten(await validate(request, VALIDATOR_OPTIONS));
  return { request, errors };
}
