import type { ExportLabelKey } from './export-labels';

/**
 * How a column's value is written. Values arrive as PostgreSQL wrote them as text, so nothing is
 * lost on the way: money as numeric text ("1234.50"), dates as YYYY-MM-DD, timestamps as ISO 8601.
 */
export type ExportColumnType = 'text' | 'integer' | 'money' | 'date' | 'timestamp' | 'list';

export interface ExportColumn<Row> {
  /** The header, looked up in EXPORT_LABELS in the reader's language. */
  label: ExportLabelKey;
  type: ExportColumnType;
  value: (row: Row) => string | number | readonly string[] | null;
  /** Width in characters in the spreadsheet. */
  width?: number;
}

/** A list joined in one cell; a semicolon, since commas are common inside names. */
export const LIST_SEPARATOR = '; ';

/** The cell of a CSV: text exactly as the JSON list gives it, so the two can be compared field by field. */
export function csvCell<Row>(column: ExportColumn<Row>, row: Row): string {
  const value = column.value(row);
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.join(LIST_SEPARATOR);
  return String(value);
}

/** The cell of a spreadsheet, typed: numbers for money and counts, dates as dates (in UTC). */
export function xlsxCell<Row>(column: ExportColumn<Row>, row: Row): string | number | Date | null {
  const value = column.value(row);
  if (value === null || value === undefined) return null;
  if (Array.isArray(value)) return value.join(LIST_SEPARATOR);
  switch (column.type) {
    case 'money':
    case 'integer':
      return Number(value);
    case 'date':
      return new Date(`${String(value)}T00:00:00Z`);
    case 'timestamp':
      return new Date(String(value));
    default:
      return String(value);
  }
}

/** Excel number formats: two decimals for money, ISO-like dates so every locale reads them alike. */
export const XLSX_NUMBER_FORMATS: Partial<Record<ExportColumnType, string>> = {
  money: '#,##0.00',
  integer: '0',
  date: 'yyyy-mm-dd',
  timestamp: 'yyyy-mm-dd hh:mm:ss',
};
