import { StreamableFile } from '@nestjs/common';
import type { Request } from 'express';
import { csvExport } from '../common/export/csv-export';
import type { ExportColumn } from '../common/export/export-columns';
import { exportLanguage } from '../common/export/export-file';
import { XLSX_MEDIA_TYPE } from '../common/export/export-format';
import { xlsxExport } from '../common/export/xlsx-export';
import { IMPORT_DEFINITIONS, ImportKind } from './import-kinds';
import { importLabel } from './import-labels';

/**
 * The empty file an import of `kind` reads: its header row in the reader's language (any
 * language's headers are read back), written by the exports' own CSV and Excel writers.
 */
export function importTemplate(request: Request, kind: ImportKind, format: 'csv' | 'xlsx'): StreamableFile {
  const language = exportLanguage(request);
  const columns = IMPORT_DEFINITIONS[kind].columns;
  const headers = columns.map((column) => importLabel(column.label, language));
  // No rows: a column here only sets its width; the header is given above.
  const layout: ExportColumn<never>[] = columns.map(() => ({
    label: 'code',
    type: 'text',
    value: () => null,
    width: 24,
  }));
  const noRows = (async function* (): AsyncGenerator<never> {})();
  const stream =
    format === 'csv'
      ? csvExport(headers, layout, noRows)
      : xlsxExport(kind, headers, layout, noRows, language === 'ar');
  request.res?.vary('Accept-Language');
  request.res?.setHeader('Content-Language', language);
  return new StreamableFile(stream, {
    type: format === 'csv' ? 'text/csv; charset=utf-8' : XLSX_MEDIA_TYPE,
    disposition: `attachment; filename="${kind}-import-template.${format}"`,
  });
}
