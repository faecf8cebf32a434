import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { Optional } from './optional';

/** Leading and trailing spaces are never meant: "  UNDP " is stored as "UNDP". */
export const trimmed = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export interface TextOptions {
  max: number;
  /** The shortest text accepted, after trimming: 1 by default (a blank text is refused); 0 accepts "". */
  min?: number;
  /** What to say when the text is shorter than `min`. */
  tooShort?: string;
  /** Trim spaces before validating (the default); false keeps the text as sent. */
  trim?: boolean;
  example?: string;
  description?: string;
}

function textRules(options: TextOptions, nullable: boolean): PropertyDecorator[] {
  const min = options.min ?? 1;
  const tooShort =
    options.tooShort ??
    (min > 1
      ? `must be at least ${min} characters long`
      : nullable
        ? 'must not be empty (send null for none)'
        : 'must not be blank');
  // Listed in the order stacked decorators would register them, so the messages keep their order.
  return [
    MaxLength(options.max),
    ...(min > 0 ? [MinLength(min, { message: tooShort })] : []),
    IsString(),
    ...(options.trim === false ? [] : [Transform(trimmed)]),
  ];
}

function apiText(options: TextOptions, required: boolean, nullable: boolean): PropertyDecorator {
  const min = options.min ?? 1;
  return ApiProperty({
    type: String,
    required,
    nullable: nullable || undefined,
    minLength: min > 0 ? min : undefined,
    maxLength: options.max,
    example: options.example,
    description: options.description,
  });
}

/** A text the request must carry, trimmed, between `min` (1) and `max` characters. */
export function RequiredText(options: TextOptions): PropertyDecorator {
  return applyDecorators(apiText(options, true, false), ...textRules(options, false));
}

/**
 * A text the request may leave out. With `nullable`, null clears the field (and an empty text is
 * refused: send null for none); without it, null is refused like any other non-text.
 */
export function OptionalText(options: TextOptions & { nullable?: boolean }): PropertyDecorator {
  const nullable = options.nullable ?? false;
  return applyDecorators(
    apiText(options, false, nullable),
    Optional({ nullable }),
    ...textRules(options, nullable),
  );
}
