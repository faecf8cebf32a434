import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { fileTypeFromBuffer } from 'file-type';
import { Problem } from '../common/problem-details/problem';

export type ImportFormat = 'csv' | 'xlsx';

/** A file's rows as text, each with the row number a spreadsheet shows for it (the header is row 1). */
export interface ImportSheet {
  headers: string[];
  rows: { row: number; cells: string[] }[];
}

/** The most rows one file may hold: a larger portfolio is imported in several files. */
export const MAX_IMPORT_ROWS = 20_000;

/**
 * The file's format from its content, never from its name or the type the browser claims: an
 * Excel workbook by its signature, a CSV as valid UTF-8 text without control characters. Anything
 * else (a PDF, an image, a workbook of another kind, a binary renamed .csv) answers 415.
 */
export async function formatOf(content: Buffer): Promise<ImportFormat> {
  const detected = await fileTypeFromBuffer(content);
  if (detected?.ext === 'xlsx') return 'xlsx';
  if (!detected && isPlainText(content)) return 'csv';
  throw new Problem(
    415,
    'unsupported-import-file',
    'Unsupported file',
    `The file is ${detected ? `a ${detected.ext.toUpperCase()} file` : 'not text'}; send a CSV (UTF-8) or an Excel workbook (.xlsx).`,
  );
}

function isPlainText(content: Buffer): boolean {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(content);
  } catch {
    return false;
  }
  // Tabs and line ends are text; any other control character is a binary file.
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if ((code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) || code === 0x7f) return false;
  }
  return true;
}

export async function readSheet(content: Buffer, format: ImportFormat): Promise<ImportSheet> {
  const table = format === 'csv' ? readCsv(content) : await readXlsx(content);
  const [header, ...rest] = table;
  if (!header || !header.cells.some((cell) => cell !== '')) {
    throw Problem.validation([{ field: 'file', message: 'has no header row' }]);
  }
  const rows = rest.filter((line) => line.cells.some((cell) => cell !== ''));
  if (rows.length === 0)
    throw Problem.validation([{ field: 'file', message: 'has no rows below its header' }]);
  if (rows.length > MAX_IMPORT_ROWS) {
    throw Problem.validation([
      { field: 'file', message: `has ${rows.length} rows; import at most ${MAX_IMPORT_ROWS} at a time` },
    ]);
  }
  return { headers: header.cells, rows };
}

function readCsv(content: Buffer): { row: number; cells: string[] }[] {
  const text = content.toString('utf8').replace(/^\uFEFF/, '');
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  // Excel saves CSV with semicolons where the decimal mark is a comma (French, Spanish, Russian…).
  const delimiter = firstLine.includes(';') && !firstLine.includes(',') ? ';' : ',';
  let records: string[][];
  try {
    records = parse(text, { delimiter, relax_column_count: true, trim: true });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw Problem.validation([{ field: 'file', message: `is not readable as CSV: ${message}` }]);
  }
  return records.map((cells, index) => ({ row: index + 1, cells }));
}

async function readXlsx(content: Buffer): Promise<{ row: number; cells: string[] }[]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(content as unknown as ArrayBuffer);
  } catch {
    throw Problem.validation([{ field: 'file', message: 'is not a readable Excel workbook' }]);
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw Problem.validation([{ field: 'file', message: 'has no sheet' }]);
  const table: { row: number; cells: string[] }[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, number) => {
    const cells: string[] = [];
    for (let column = 1; column <= row.cellCount; column += 1) {
      cells.push(cellText(row.getCell(column).value));
    }
    table.push({ row: number, cells });
  });
  return table;
}

/** A cell as the text a CSV would hold: dates as YYYY-MM-DD, formulas by their result. */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value === 'string') return value.trim();
  if ('richText' in value)
    return value.richText
      .map((part) => part.text)
      .join('')
      .trim();
  if ('result' in value) return cellText(value.result ?? null);
  if ('text' in value) return String(value.text).trim();
  return '';
}
