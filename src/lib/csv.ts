/**
 * CSV for the open-data downloads: UTF-8 with a byte-order mark (so Excel reads the Vietnamese marks correctly),
 * comma-separated, CRLF line ends and RFC 4180 quoting. Text that a spreadsheet would run as a formula
 * (= + - @ at the start) is prefixed with an apostrophe; numbers are written as numbers, with a decimal point.
 */

/** A cell before writing: empty for null/undefined, lists joined with "; ". */
export type CsvValue = string | number | boolean | null | undefined | readonly (string | number)[];

export const BOM = '\uFEFF';

const FORMULA = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/** One field as written in the file. */
export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  const text = typeof value === 'string' ? value : value.join('; ');
  const safe = FORMULA.test(text) ? `'${text}` : text;
  return NEEDS_QUOTES.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The whole file: BOM, a header row of `columns`, then one line per row in column order. */
export function toCsv(columns: readonly string[], rows: ReadonlyArray<Readonly<Record<string, CsvValue>>>): string {
  const lines = [columns.map(csvCell).join(','), ...rows.map((row) => columns.map((c) => csvCell(row[c])).join(','))];
  return `${BOM}${lines.join('\r\n')}\r\n`;
}
