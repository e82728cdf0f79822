/** A problem found in content, printed as `file:line [field] message` (line and field when known). */
export interface ContentProblem {
  file: string;
  line?: number | undefined;
  field?: string | undefined;
  message: string;
}

export function formatProblem(p: ContentProblem): string {
  const where = p.line ? `${p.file}:${p.line}` : p.file;
  return `${where}${p.field ? ` [${p.field}]` : ''} ${p.message}`;
}

/** Sorted by file, then line, so an editor can work down the list. */
export const sortProblems = (problems: ContentProblem[]): ContentProblem[] =>
  [...problems].sort((a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0));
