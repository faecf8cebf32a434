import { StreamableFile } from '@nestjs/common';
import ExcelJS from 'exceljs';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { csvExport } from '../common/export/csv-export';
import type { ExportColumn } from '../common/export/export-columns';
import { exportLanguage } from '../common/export/export-file';
import { XLSX_MEDIA_TYPE } from '../common/export/export-format';
import { IMPORT_DEFINITIONS, ImportKind } from './import-kinds';
import { importLabel } from './import-labels';
import { importNotes } from './import-notes';

/**
 * The empty file an import of `kind` reads: its header row in the reader's language (any
 * language's headers are read back). The Excel template also carries a sheet of notes (which
 * record a row changes, how lists and shares are written); only the first sheet is read back.
 */
export async function importTemplate(
  request: FastifyRequest,
  reply: FastifyReply,
  kind: ImportKind,
  format: 'csv' | 'xlsx',
): Promise<StreamableFile> {
  const language = exportLanguage(request);
  const columns = IMPORT_DEFINITIONS[kind].columns;
  const headers = columns.map((column) => importLabel(column.label, language));
  reply.header('Vary', 'Accept-Language').header('Content-Language', language);
  const disposition = `attachment; filename="${kind}-import-template.${format}"`;
  if (format === 'csv') {
    const layout: ExportColumn<never>[] = columns.map(() => ({
      label: 'code',
      type: 'text',
      value: () => null,
    }));
    const noRows = (async function* (): AsyncGenerator<never> {})();
    return new StreamableFile(csvExport(headers, layout, noRows), {
      type: 'text/csv; charset=utf-8',
      disposition,
    });
  }
  const rightToLeft = language === 'ar';
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(kind, { views: [{ state: 'frozen', ySplit: 1, rightToLeft }] });
  sheet.columns = headers.map((header) => ({ header, width: 24 }));
  sheet.getRow(1).font = { bold: true };
  const notes = importNotes(kind, language);
  const notesSheet = book.addWorksheet(notes.title, { views: [{ rightToLeft }] });
  notesSheet.getColumn(1).width = 120;
  for (const line of notes.lines) {
    notesSheet.addRow([line]).getCell(1).alignment = { wrapText: true, vertical: 'top' };
  }
  const content = Buffer.from(await book.xlsx.writeBuffer());
  return new StreamableFile(content, { type: XLSX_MEDIA_TYPE, disposition });
}
