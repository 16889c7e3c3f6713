// The journal as CSV that Excel in Russian opens right: UTF-8 with a BOM (else it reads the bytes as Windows-1251),
// `;` between fields (the Russian list separator; `,` is the decimal one), CRLF line ends, RFC 4180 quoting.
import { formatWallTime, type JournalCell, type JournalEncoder } from './journalRows';

export const CSV_BOM = '\uFEFF';
export const CSV_SEPARATOR = ';';
const NEEDS_QUOTES = /[;"\r\n]/;
/** A text starting like a formula is read by Excel as one (CSV injection): a leading apostrophe keeps it text. */
const FORMULA_START = /^[=+\-@\t\r]/;

/** One field: quoted when it holds the separator, a quote or a line break, quotes doubled. */
export function csvField(cell: JournalCell): string {
  if (cell === null) return '';
  if ('number' in cell) return String(cell.number);
  if ('wallMillis' in cell) return formatWallTime(cell.wallMillis);
  const value = FORMULA_START.test(cell.text) ? `'${cell.text}` : cell.text;
  return NEEDS_QUOTES.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

export const csvLine = (cells: readonly JournalCell[]): string => `${cells.map(csvField).join(CSV_SEPARATOR)}\r\n`;

export function csvEncoder(): JournalEncoder {
  const utf8 = new TextEncoder();
  return {
    contentType: 'text/csv; charset=utf-8',
    begin: (header) => [utf8.encode(CSV_BOM + csvLine(header.map((title) => ({ text: title }))))],
    rows: (rows) => (rows.length === 0 ? [] : [utf8.encode(rows.map(csvLine).join(''))]),
    end: () => [],
  };
}
