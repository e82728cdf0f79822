/**
 * Reads the first worksheet of an .xlsx file with read-excel-file (the `xlsx` package on npm is unmaintained and has
 * known vulnerabilities). Row numbers are the worksheet's own, so a message points at the row Excel shows.
 */
import { readSheet } from 'read-excel-file/node';
import type { Problem } from './problems.ts';
import { cellText } from './text.ts';
import type { SheetRows } from './read-sheet.ts';

export async function readXlsx(bytes: Uint8Array, file: string): Promise<{ sheet?: SheetRows; problems: Problem[] }> {
  try {
    const data = (await readSheet(Buffer.from(bytes))) as unknown[][];
    return { sheet: { rows: data.map((cells, i) => ({ line: i + 1, cells: cells.map(cellText) })) }, problems: [] };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return {
      problems: [
        {
          file,
          message: `Không đọc được tệp Excel (${reason}): mở bằng Excel, kiểm tra rồi lưu lại dạng .xlsx hoặc "CSV UTF-8"`,
        },
      ],
    };
  }
}
