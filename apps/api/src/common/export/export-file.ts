import type { Readable } from 'node:stream';
import { StreamableFile } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { acceptedLanguage } from '../http/accepted-language';
import { csvExport } from './csv-export';
import type { ExportColumn } from './export-columns';
import { XLSX_MEDIA_TYPE } from './export-format';
import { xlsxExport } from './xlsx-export';
import { EXPORT_LANGUAGES, ExportLanguage, exportLabel } from './export-labels';

export interface ExportRequest<Row> {
  /** The list's name: the file is called `<name>-<YYYY-MM-DD>.<format>`. */
  name: string;
  format: 'csv' | 'xlsx';
  columns: readonly ExportColumn<Row>[];
  rows: AsyncIterable<Row>;
}

const CONTENT_TYPES = {
  csv: 'text/csv; charset=utf-8',
  xlsx: XLSX_MEDIA_TYPE,
} as const;

/**
 * The reader's language: the `lang` the dashboard sends (a plain link cannot set Accept-Language),
 * else Accept-Language (zh-CN reads zh), English when none is offered.
 */
export function exportLanguage(request: Pick<FastifyRequest, 'query' | 'raw'>): ExportLanguage {
  const asked: unknown = (request.query as { lang?: unknown } | undefined)?.lang;
  if ((EXPORT_LANGUAGES as readonly unknown[]).includes(asked)) return asked as ExportLanguage;
  return acceptedLanguage(request, EXPORT_LANGUAGES) ?? 'en';
}

/** The file of an export, as a stream, with the type and name it is served with. */
export interface ExportStream {
  stream: Readable;
  type: string;
  filename: string;
}

/**
 * The export written out in `language`: the one writer of list files, used by the download in the
 * request and by the exports prepared in the background, so both hold the same rows.
 */
export function exportStream<Row>(spec: ExportRequest<Row>, language: ExportLanguage): ExportStream {
  const headers = spec.columns.map((column) => exportLabel(column.label, language));
  const stream =
    spec.format === 'csv'
      ? csvExport(headers, spec.columns, spec.rows)
      : xlsxExport(spec.name, headers, spec.columns, spec.rows, language === 'ar');
  const date = new Date().toISOString().slice(0, 10);
  return { stream, type: CONTENT_TYPES[spec.format], filename: `${spec.name}-${date}.${spec.format}` };
}

/**
 * The whole list as a downloaded file. Nest's StreamableFile sends it chunk by chunk and destroys
 * the stream (and so the database cursor behind it) if the client goes away.
 */
export function exportFile<Row>(
  request: FastifyRequest,
  reply: FastifyReply,
  spec: ExportRequest<Row>,
): StreamableFile {
  const language = exportLanguage(request);
  const { stream, type, filename } = exportStream(spec, language);
  reply.header('Vary', 'Accept-Language').header('Content-Language', language);
  return new StreamableFile(stream, { type, disposition: `attachment; filename="${filename}"` });
}
