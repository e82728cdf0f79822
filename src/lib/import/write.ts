/**
 * Writes an import's files all or nothing, as far as a file system allows: every file is first written beside its
 * target under a temporary name, and only when all of them are written are they renamed into place (a rename is
 * atomic). A file this import creates must not exist by then.
 */
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { RecordFile } from './record-file.ts';

export function writeFiles(files: readonly RecordFile[]): void {
  const staged: Array<{ tmp: string; file: RecordFile }> = [];
  try {
    for (const file of files) {
      if (file.isNew && existsSync(file.path))
        throw new Error(`${file.display} đã có (vừa được tạo bởi người khác?): chạy lại lệnh nhập`);
      mkdirSync(dirname(file.path), { recursive: true });
      const tmp = `${file.path}.${process.pid}.tmp`;
      writeFileSync(tmp, file.render(), { encoding: 'utf8', flag: 'wx' });
      staged.push({ tmp, file });
    }
  } catch (error) {
    for (const { tmp } of staged) rmSync(tmp, { force: true });
    throw error;
  }
  for (const { tmp, file } of staged) renameSync(tmp, file.path);
}
