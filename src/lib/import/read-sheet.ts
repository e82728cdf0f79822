/**
 * Reads a results sheet into rows of clean text, by its content (not only its name): .xlsx, or CSV. Refuses a file
 * over the limits (limits.ts) before reading it. A workbook with several worksheets: the one named by `sheet`
 * (`--sheet`), else the first whose top rows hold the results header; the others are named in a notice.
 */
import { findHeader } from './columns.ts';
import { LIMIT_MESSAGES, LIMITS, type SheetLimits } from './limits.ts';
import type { Problem } from './problems.ts';
import { readCsv } from './read-csv.ts';
import { readXlsx } from './read-xlsx.ts';
import { matchKey } from './text.ts';

export interface SheetRows {
  /** Rows in file order; `line` is the CSV line or worksheet row an editor sees. */
  rows: Array<{ line: number; cells: string[] }>;
  /** The worksheet's name, for an .xlsx. */
  name?: string | undefined;
}

export interface ReadOptions {
  /** The worksheet to read, by name (any case or marks) or 1-based number. */
  sheet?: string | undefined;
  limits?: Partial<SheetLimits> | undefined;
}

export interface ReadResult {
  sheet?: SheetRows | undefined;
  problems: Problem[];
  notices: string[];
}

const isZip = (b: Uint8Array) => b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;
const isOle = (b: Uint8Array) => b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0;

export async function readSheetFile(bytes: Uint8Array, file: string, options: ReadOptions = {}): Promise<ReadResult> {
  const limits: SheetLimits = { ...LIMITS, ...options.limits };
  const only = (message: string): ReadResult => ({ problems: [{ file, message }], notices: [] });
  if (bytes.length === 0) return only('Tệp rỗng: kiểm tra lại tệp đã lưu đúng chưa');
  if (bytes.length > limits.fileBytes) return only(LIMIT_MESSAGES.file(bytes.length, limits.fileBytes));
  if (isOle(bytes))
    return only('Tệp Excel 97–2003 (.xls) chưa được hỗ trợ: mở bằng Excel và lưu lại dạng .xlsx hoặc "CSV UTF-8"');
  if (isZip(bytes)) {
    const read = readXlsx(bytes, file, limits);
    if (!read.sheets || read.sheets.length === 0) return { problems: read.problems, notices: [] };
    const chosen = chooseSheet(read.sheets, file, options.sheet);
    return { sheet: chosen.sheet, notices: chosen.notices, problems: [...read.problems, ...(chosen.problems ?? [])] };
  }
  if (/\.xlsx$/i.test(file))
    return only('Tệp có đuôi .xlsx nhưng không phải tệp Excel: mở bằng Excel và lưu lại dạng .xlsx');
  if (options.sheet !== undefined) return only(`Tệp CSV chỉ có một bảng: bỏ lựa chọn trang tính "${options.sheet}"`);
  return { ...readCsv(bytes, file, limits), notices: [] };
}

function chooseSheet(
  sheets: ReadonlyArray<{ name: string; rows: SheetRows['rows'] }>,
  file: string,
  wanted: string | undefined,
): { sheet?: SheetRows | undefined; notices: string[]; problems?: Problem[] } {
  const names = sheets.map((s) => `"${s.name}"`).join(', ');
  let chosen: (typeof sheets)[number] | undefined;
  if (wanted !== undefined) {
    chosen =
      sheets.find((s) => matchKey(s.name) === matchKey(wanted)) ??
      (/^\d+$/.test(wanted) ? sheets[Number(wanted) - 1] : undefined);
    if (!chosen) {
      return {
        notices: [],
        problems: [{ file, message: `Không có trang tính "${wanted}". Tệp có các trang: ${names}` }],
      };
    }
  } else {
    chosen = sheets.find((s) => findHeader(s.rows)) ?? sheets[0]!;
  }
  const others = sheets.filter((s) => s !== chosen);
  const notices =
    others.length === 0
      ? []
      : [
          `${file}: tệp có ${sheets.length} trang tính; đọc trang "${chosen.name}"` +
            (wanted === undefined ? ' (trang đầu tiên có dòng tiêu đề cột kết quả)' : '') +
            `, bỏ qua ${others.map((s) => `"${s.name}"`).join(', ')}. ` +
            'Nếu cần trang khác, chỉ để bảng kết quả trong tệp (hoặc dùng --sheet "<tên trang>")',
        ];
  return { sheet: { rows: chosen.rows, name: chosen.name }, notices };
}
