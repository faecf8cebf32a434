import { Readable, pipeline } from 'node:stream';
import { stringify } from 'csv-stringify';
import { csvCell, ExportColumn } from './export-columns';

/**
 * RFC 4180 CSV (CRLF line ends, fields quoted when needed), UTF-8 with a byte order mark so Excel
 * reads Arabic and Chinese right. Cells starting with = + - @ are prefixed with a quote
 * (escape_formulas), so a title cannot run as a formula in the reader's spreadsheet.
 */
export function csvExport<Row>(
  headers: readonly string[],
  columns: readonly ExportColumn<Row>[],
  rows: AsyncIterable<Row>,
): Readable {
  async function* records(): AsyncGenerator<string[]> {
    yield [...headers];
    for await (const row of rows) yield columns.map((column) => csvCell(column, row));
  }
  const stringifier = stringify({ bom: true, record_delimiter: 'windows', escape_formulas: true });
  // pipeline destroys the source (and so closes the database cursor) when the reader goes away.
  pipeline(Readable.from(records()), stringifier, () => undefined);
  return stringifier;
}
