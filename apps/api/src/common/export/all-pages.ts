import type { StreamableFile } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { MAX_LIMIT } from '../pagination/pagination';
import { exportFile, ExportRequest } from './export-file';

type PageOf<Item> = (
  cursor: string | undefined,
  limit: number,
) => Promise<{ items: Item[]; nextCursor: string | null }>;

/**
 * Every item of a keyset-paginated list, read a page of MAX_LIMIT at a time through the list's own
 * page function: the export holds one page in memory, each page costs what the first does, and the
 * file has exactly the JSON list's rows, filters and role rules. The first page is read before the
 * file starts, so a refusal (a project the caller may not see, a bad filter) is still a problem
 * document and not a broken download.
 */
export async function allPages<Item>(page: PageOf<Item>): Promise<AsyncIterable<Item>> {
  const first = await page(undefined, MAX_LIMIT);
  async function* items(): AsyncGenerator<Item> {
    let current = first;
    for (;;) {
      yield* current.items;
      if (!current.nextCursor) return;
      current = await page(current.nextCursor, MAX_LIMIT);
    }
  }
  return items();
}

/** A paginated list's every row as the CSV or Excel file `format` names (see exportFile). */
export async function exportAllPages<Item>(
  request: FastifyRequest,
  reply: FastifyReply,
  spec: Omit<ExportRequest<Item>, 'rows'> & { page: PageOf<Item> },
): Promise<StreamableFile> {
  const { page, ...file } = spec;
  return exportFile(request, reply, { ...file, rows: await allPages(page) });
}
