/** Reads a results sheet into rows of clean text, by its content (not only its name): .xlsx, or CSV. */
import type { Problem } from './problems.ts';
import { readCsv } from './read-csv.ts';
import { readXlsx } from './read-xlsx.ts';

export interface SheetRows {
  /** Rows in file order; `line` is the CSV line or worksheet row an editor sees. */
  rows: Array<{ line: number; cells: string[] }>;
}

const isZip = (b: Uint8Array) => b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;
const isOle = (b: Uint8Array) => b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0;

export async function readSheetFile(
  bytes: Uint8Array,
  file: string,
): Promise<{ sheet?: SheetRows; problems: Problem[] }> {
  if (bytes.length === 0) return { problems: [{ file, message: 'Tệp rỗng: kiểm tra lại tệp đã lưu đúng chưa' }] };
  if (isOle(bytes)) {
    return {
      problems: [
        {
          file,
          message: 'Tệp Excel 97–2003 (.xls) chưa được hỗ trợ: mở bằng Excel và lưu lại dạng .xlsx hoặc "CSV UTF-8"',
        },
      ],
    };
  }
  if (isZip(bytes)) return readXlsx(bytes, file);
  if (/\.xlsx$/i.test(file)) {
    return {
      problems: [
        { file, message: 'Tệp có đuôi .xlsx nhưng không phải tệp Excel: mở bằng Excel và lưu lại dạng .xlsx' },
      ],
    };
  }
  return readCsv(bytes, file);
}
