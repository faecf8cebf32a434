import type { QueryResultRow } from 'pg';
import type { EntityManager } from 'typeorm';
import { preparedQuery } from '../../database/prepared-query';
import { decodeCursor } from './pagination';

/** A list of one record's children in the order of a date column, then id (a project's reports, its tranches). */
export interface DatedListing {
  /** The SELECT … FROM … JOIN of a row, without WHERE. */
  select: string;
  /** The column naming the parent record, compared with the parent's id. */
  parent: string;
  date: string;
  id: string;
}

/**
 * One page of the listing under `parentId`, after the cursor's (date, id) key, read as `limit + 1`
 * rows (pageOf). Two fixed texts per listing, each prepared once per connection.
 */
export function readDatedPage<Row extends QueryResultRow>(
  manager: EntityManager,
  listing: DatedListing,
  parentId: string,
  cursor: string | undefined,
  limit: number,
): Promise<Row[]> {
  const after = decodeCursor(cursor, 2);
  const where = `WHERE ${listing.parent} = $1`;
  const order = `ORDER BY ${listing.date}, ${listing.id}`;
  return after
    ? preparedQuery<Row>(
        manager,
        `${listing.select} ${where} AND (${listing.date}, ${listing.id}) > ($2::date, $3::uuid) ${order} LIMIT $4`,
        [parentId, after[0], after[1], limit + 1],
      )
    : preparedQuery<Row>(manager, `${listing.select} ${where} ${order} LIMIT $2`, [parentId, limit + 1]);
}
