import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { Matches } from 'class-validator';
import { Optional } from './optional';

const ISO3 = /^[A-Z]{3}$/;

/** " ken " is read as "KEN": codes are compared upper case, as the countries table keeps them. */
const upperTrimmed = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.trim().toUpperCase() : value;

export interface CountryCodeOptions {
  /** The request may leave it out. */
  optional?: boolean;
  /** Null clears it (implies optional). */
  nullable?: boolean;
  description?: string;
  example?: string;
}

/**
 * An ISO 3166-1 alpha-3 country code, in a body or a query. Whether the country exists is the
 * service's check (a foreign key), which answers with the field's name too.
 */
export function CountryCode(options: CountryCodeOptions = {}): PropertyDecorator {
  const example = options.example ?? 'KEN';
  const optional = options.optional === true || options.nullable === true;
  return applyDecorators(
    ApiProperty({
      type: String,
      required: !optional,
      nullable: options.nullable || undefined,
      pattern: ISO3.source,
      example,
      description: options.description,
    }),
    ...(optional ? [Optional({ nullable: options.nullable })] : []),
    Matches(ISO3, { message: `must be an ISO 3166-1 alpha-3 code, such as "${example}"` }),
    Transform(upperTrimmed),
  );
}
