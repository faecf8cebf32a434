import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { unstorableText } from '../http/text';
import { Problem } from '../problem-details/problem';

export const DEFAULT_LIMIT = 50;
export const MAX_LIMIT = 200;

export class PageQuery {
  @ApiPropertyOptional({ minimum: 1, maximum: MAX_LIMIT, default: DEFAULT_LIMIT })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_LIMIT)
  limit?: number;

  @ApiPropertyOptional({ description: 'The nextCursor of the previous page' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  cursor?: string;
}

/** The `nextCursor` of a page: what to send as `cursor` for the next one, null on the last page. */
export function NextCursor(): PropertyDecorator {
  return ApiProperty({
    type: String,
    nullable: true,
    description: 'Send as `cursor` for the next page; null on the last page',
    example: 'WyJKYXBhbiIsIjNmYTg1ZjY0LTU3MTctNDU2Mi1iM2ZjLTJjOTYzZjY2YWZhNiJd',
  });
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** Keyset cursors are the sort key of the last row, opaque to clients. */
export function encodeCursor(key: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

export function decodeCursor(cursor: string | undefined, arity: number): (string | number)[] | null {
  if (cursor === undefined) return null;
  try {
    const key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (
      Array.isArray(key) &&
      key.length === arity &&
      key.every(
        (part): part is string | number =>
          (typeof part === 'string' && unstorableText(part) === null) || typeof part === 'number',
      )
    ) {
      return key;
    }
  } catch {
    // fall through to the problem below
  }
  throw Problem.validation([{ field: 'cursor', message: 'is not a cursor this list gave out' }]);
}

/** Fetch `limit + 1` rows; the extra one only says whether another page exists. */
export function toPage<T>(rows: T[], limit: number, keyOf: (row: T) => (string | number)[]): Page<T> {
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > limit && last ? encodeCursor(keyOf(last)) : null };
}

export function limitOf(query: PageQuery): number {
  return query.limit ?? DEFAULT_LIMIT;
}

/**
 * The page of `rows` (read as `limit + 1` rows, `limitOf(query)`, in the order `keyOf` names: the
 * keyset of the cursor), in the API's shape.
 */
export function pageOf<Row, Dto>(
  rows: Row[],
  query: PageQuery,
  keyOf: (row: Row) => (string | number)[],
  toDto: (row: Row) => Dto,
): Page<Dto> {
  const page = toPage(rows, limitOf(query), keyOf);
  return { ...page, items: page.items.map(toDto) };
}
