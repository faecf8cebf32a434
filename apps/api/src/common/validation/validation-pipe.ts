import { ValidationError, ValidationPipe } from '@nestjs/common';
import { FieldError, Problem } from '../problem-details/problem';

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

/** Whitelisting, unknown properties refused, types converted, errors as problem+json fields. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => Problem.validation(flatten(errors)),
  });
}
