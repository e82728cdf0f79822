/**
 * What the importer reports. A problem stops the import (nothing is written); a notice is printed and does not.
 * Each is one line an editor can act on: `file:line [column] "value": message`, the message in Vietnamese with the fix.
 */

export interface Problem {
  /** The sheet (as given on the command line) or the content file concerned. */
  file: string;
  /** 1-based line of a CSV file or row of a worksheet; absent for a whole-file problem. */
  line?: number | undefined;
  /** The column as the sheet names it, with its letter: `Nhóm sản phẩm (cột C)`; or a field of a content file. */
  column?: string | undefined;
  /** The value found, as written. */
  value?: string | undefined;
  /** What is wrong and how to fix it. */
  message: string;
}

/** `ket-qua.csv:7 [Nhóm sản phẩm (cột C)] "5": …` */
export function formatProblem(p: Problem): string {
  const where = p.line === undefined ? p.file : `${p.file}:${p.line}`;
  const column = p.column === undefined ? '' : ` [${p.column}]`;
  const value = p.value === undefined ? '' : ` "${p.value}"`;
  return `${where}${column}${value}: ${p.message}`;
}

/** Problems in file and line order, so the list reads top to bottom like the sheet. */
export function sortProblems(problems: readonly Problem[]): Problem[] {
  return [...problems].sort((a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0));
}
