/**
 * Cross-collection reference checks. Astro validates the shape of a reference but not that its target exists, so
 * the build runs this over every entry and stops with all dangling references listed (file, field, value).
 */

export interface EntryLike {
  id: string;
  collection: string;
  filePath?: string | undefined;
  data: unknown;
}

export interface ReferenceProblem {
  file: string;
  field: string;
  value: string;
  target: string;
  message: string;
}

const isReference = (value: unknown): value is { id: string; collection: string } =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as { id?: unknown }).id === 'string' &&
  typeof (value as { collection?: unknown }).collection === 'string' &&
  Object.keys(value).length === 2;

/** Walks `data` and yields every reference with its dotted field path ("contributions.2.province"). */
function* walk(data: unknown, path: string[] = []): Generator<{ field: string; id: string; collection: string }> {
  if (isReference(data)) {
    yield { field: path.join('.'), id: data.id, collection: data.collection };
    return;
  }
  if (Array.isArray(data)) {
    for (const [i, item] of data.entries()) yield* walk(item, [...path, String(i)]);
  } else if (data && typeof data === 'object' && !(data instanceof Date)) {
    for (const [key, value] of Object.entries(data)) yield* walk(value, [...path, key]);
  }
}

/** Every reference in `entries` whose target is not among `entries`. */
export function findDanglingReferences(entries: readonly EntryLike[]): ReferenceProblem[] {
  const known = new Set(entries.map((e) => `${e.collection}/${e.id}`));
  const problems: ReferenceProblem[] = [];
  for (const entry of entries) {
    for (const ref of walk(entry.data)) {
      if (known.has(`${ref.collection}/${ref.id}`)) continue;
      problems.push({
        file: entry.filePath ?? `${entry.collection}/${entry.id}`,
        field: ref.field,
        value: ref.id,
        target: ref.collection,
        message: `không có mục "${ref.id}" trong ${ref.collection}: kiểm tra chính tả slug hoặc tạo mục đó trước`,
      });
    }
  }
  return problems;
}

/** One line per problem, as the build prints them: `file [field] "value": message`. */
export const formatProblems = (problems: readonly ReferenceProblem[]): string =>
  problems.map((p) => `${p.file} [${p.field}] "${p.value}": ${p.message}`).join('\n');
