import { PassThrough, Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { drained } from './backpressure';
import { ExportColumn, XLSX_NUMBER_FORMATS, xlsxCell } from './export-columns';

/**
 * An Excel workbook of one sheet, written by ExcelJS's streaming writer: each row is committed
 * (serialized and zipped) as it comes, and the loop waits while the reader is behind, so memory
 * holds a few rows, not the list. Shared strings are off: the shared-string table would be held
 * in memory until the end.
 */
export function xlsxExport<Row>(
  sheetName: string,
  headers: readonly string[],
  columns: readonly ExportColumn<Row>[],
  rows: AsyncIterable<Row>,
  rightToLeft: boolean,
): Readable {
  const out = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: true,
    useSharedStrings: false,
  });
  const sheet = workbook.addWorksheet(sheetName, {
    views: [{ state: 'frozen', ySplit: 1, rightToLeft }],
  });
  sheet.columns = columns.map((column, index) => ({
    header: headers[index],
    key: String(index),
    width: column.width ?? 16,
  }));
  sheet.getRow(1).font = { bold: true };

  const write = async () => {
    for await (const row of rows) {
      if (out.destroyed) break;
      const added = sheet.addRow(columns.map((column) => xlsxCell(column, row)));
      columns.forEach((column, index) => {
        const format = XLSX_NUMBER_FORMATS[column.type];
        if (format) added.getCell(index + 1).numFmt = format;
      });
      added.commit();
      if (out.writableNeedDrain) await drained(out);
    }
    if (out.destroyed) return;
    sheet.commit();
    await workbook.commit();
  };
  write().catch((error: unknown) => out.destroy(error as Error));
  return out;
}
