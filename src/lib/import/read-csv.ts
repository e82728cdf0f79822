/**
 * Reads a CSV results sheet: UTF-8 with or without BOM, comma, semicolon or tab delimited (Excel writes semicolons
 * where the decimal mark is a comma). A file that is not UTF-8 (Excel's "CSV" in the Windows code page, or UTF-16
 * "Unicode text") is refused with the line where it fails and how to save it as "CSV UTF-8".
 */
import { parse } from 'csv-parse/sync';
import type { Problem } from './problems.ts';
import { cellText } from './text.ts';
import { findHeader } from './columns.ts';
import type { SheetRows } from './read-sheet.ts';
import { LIMIT_MESSAGES, type SheetLimits } from './limits.ts';
import { columnLetter } from './text.ts';

export const SAVE_AS_UTF8 =
  'tệp không phải UTF-8 (Excel lưu "CSV" theo bảng mã Windows làm hỏng chữ có dấu). Mở tệp bằng Excel, chọn ' +
  'Tệp → Lưu thành → kiểu "CSV UTF-8 (Comma delimited) (*.csv)", hoặc lưu dạng .xlsx, rồi nhập lại';

/** The 1-based line and text of the first line that is not valid UTF-8, if any. */
function firstInvalidLine(bytes: Uint8Array): { line: number; text: string } | undefined {
  const strict = new TextDecoder('utf-8', { fatal: true });
  // Shown as Excel's Vietnamese "CSV" would read, so the editor recognises the line.
  const ansi = new TextDecoder('windows-1258');
  let start = 0;
  let line = 1;
  for (let i = 0; i <= bytes.length; i++) {
    if (i < bytes.length && bytes[i] !== 0x0a) continue;
    const slice = bytes.subarray(start, i);
    try {
      strict.decode(slice);
    } catch {
      return { line, text: ansi.decode(slice).normalize('NFC').replace(/\r$/, '').slice(0, 60) };
    }
    start = i + 1;
    line++;
  }
  return undefined;
}

const DELIMITERS = [',', ';', '\t'] as const;

function parseWith(text: string, delimiter: string, toLine?: number): SheetRows['rows'] {
  const records = parse(text, {
    delimiter,
    ...(toLine !== undefined && { to_line: toLine }),
    bom: true,
    info: true,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: false,
  }) as unknown as Array<{ record: string[]; info: { lines: number } }>;
  return records.map(({ record, info }) => ({ line: info.lines, cells: record.map(cellText) }));
}

export function readCsv(
  bytes: Uint8Array,
  file: string,
  limits: SheetLimits,
): { sheet?: SheetRows; problems: Problem[] } {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return { problems: [{ file, line: 1, message: `Tệp lưu dạng UTF-16 ("Unicode Text"): ${SAVE_AS_UTF8}` }] };
  }
  // One strict decode of the whole file; only a file that fails it is scanned line by line for the bad line.
  let valid = true;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    valid = false;
  }
  const invalid = valid ? undefined : firstInvalidLine(bytes);
  if (invalid) {
    return {
      problems: [{ file, line: invalid.line, value: invalid.text, message: `Không đọc được: ${SAVE_AS_UTF8}` }],
    };
  }
  const text = new TextDecoder('utf-8').decode(bytes);
  // The delimiter is the one under which a header row is found with the most known columns. It is chosen on the
  // file's first 64 KB (the header is in its top rows), so the whole file is parsed once, not once per delimiter.
  const cut = text.length > 65_536 ? text.lastIndexOf('\n', 65_536) : -1;
  const head = cut > 0 ? text.slice(0, cut + 1) : text;
  let best: { rows: SheetRows['rows']; found: number; delimiter: string } | undefined;
  let lastError: unknown;
  for (const delimiter of DELIMITERS) {
    try {
      const rows = parseWith(head, delimiter);
      const found = findHeader(rows)?.found ?? 0;
      if (!best || found > best.found) best = { rows, found, delimiter };
    } catch (error) {
      lastError = error;
    }
  }
  if (best && head !== text) {
    try {
      // No further than twice the row limit in lines (blank lines allowed): a longer file is refused there.
      best.rows = parseWith(text, best.delimiter, limits.rows * 2 + 100);
    } catch (error) {
      lastError = error;
      best = undefined;
    }
  }
  if (!best) {
    const message = lastError instanceof Error ? lastError.message : String(lastError);
    return { problems: [{ file, message: `Tệp CSV hỏng (${message}): mở bằng Excel và lưu lại dạng "CSV UTF-8"` }] };
  }
  const checked = checkLimits(best.rows, file, limits);
  const cutAt = limits.rows * 2 + 100;
  if (checked.problems.length === 0 && best.rows.at(-1)?.line === cutAt && text.split('\n', cutAt + 1).length > cutAt) {
    checked.problems.push({ file, line: cutAt, message: LIMIT_MESSAGES.rows(limits.rows) });
  }
  return checked;
}

/** Rows within the limits: row count, columns and cell length, each over-limit cell named by line and column. */
function checkLimits(
  all: SheetRows['rows'],
  file: string,
  limits: SheetLimits,
): { sheet?: SheetRows; problems: Problem[] } {
  const problems: Problem[] = [];
  const rows: SheetRows['rows'] = [];
  for (const row of all) {
    const last = row.cells.findLastIndex((c) => c !== '');
    if (last < 0) continue;
    if (rows.length >= limits.rows) {
      problems.push({ file, line: row.line, message: LIMIT_MESSAGES.rows(limits.rows) });
      break;
    }
    if (last >= limits.columns) {
      problems.push({ file, line: row.line, message: LIMIT_MESSAGES.columns(limits.columns) });
      break;
    }
    row.cells.forEach((text, i) => {
      if (text.length > limits.cellChars) {
        problems.push({
          file,
          line: row.line,
          column: `cột ${columnLetter(i)}`,
          value: `${text.slice(0, 40)}…`,
          message: LIMIT_MESSAGES.cell(text.length, limits.cellChars),
        });
      }
    });
    rows.push(row.cells.length > last + 1 ? { line: row.line, cells: row.cells.slice(0, last + 1) } : row);
  }
  return { sheet: { rows }, problems };
}
