/**
 * Imports a province's results sheet into a voting round: reads the sheet (CSV or .xlsx), checks every row against the
 * content, and writes the new and changed records only if no row has a problem. scripts/import-results.ts is its
 * command line; tests call it on a copy of content/.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { loadContent, type Collection, type ContentSnapshot } from './content.ts';
import { LIMIT_MESSAGES, LIMITS, type SheetLimits } from './limits.ts';
import { planImport, type ImportSource, type Plan, type PlanSummary } from './plan.ts';
import { formatProblem, sortProblems, type Problem } from './problems.ts';
import { ProvinceMatcher } from './province-match.ts';
import { readSheetFile } from './read-sheet.ts';
import { parseResultsSheet } from './sheet.ts';
import { writeFiles } from './write.ts';

export type { ImportSource } from './plan.ts';

export interface ImportOptions {
  /** The sheet, as the editor named it (messages show it as given). */
  file: string;
  /** Slug of the round in content/voting-rounds. */
  round: string;
  /** The content directory (default "content"). */
  contentDir?: string | undefined;
  /** Check and report only; write nothing. */
  dryRun?: boolean | undefined;
  /** Whom to cite for the new facts; default: the round's own sources. */
  source?: ImportSource | undefined;
  /** The worksheet of an .xlsx to read (name or number); default: the one with the results header. */
  sheet?: string | undefined;
  /** The content check's field rules, applied to every record before anything is written. */
  rules?: FieldRules | undefined;
  limits?: Partial<SheetLimits> | undefined;
}

/** The content check's rules for one record: its schema and the text rules (scripts/lib/check/run.ts). */
export type FieldRules = (
  collection: Collection,
  id: string,
  data: Record<string, unknown>,
) => Promise<Array<{ field?: string | undefined; message: string }>>;

export interface ImportReport {
  ok: boolean;
  /** Every problem, one line each (`file:line [column] "value": message`), in sheet order. */
  problems: string[];
  notices: string[];
  /** Files created or changed (or that would be, in a dry run or when there are problems). */
  files: Array<{ path: string; created: boolean }>;
  summary?: PlanSummary | undefined;
  written: boolean;
}

/** A YAML day (read as text, or as a Date by some parsers) at midnight in Việt Nam. */
function day(value: unknown): Date | undefined {
  const text = value instanceof Date ? value.toISOString().slice(0, 10) : typeof value === 'string' ? value : undefined;
  const date = text ? new Date(`${text}T00:00:00+07:00`) : undefined;
  return date && !Number.isNaN(date.getTime()) ? date : undefined;
}

/** The day a round's results date from, to tell a unit of its time from one that no longer existed then. */
export function roundDate(data: Record<string, unknown>): Date | undefined {
  const decision = data['decision'] as Record<string, unknown> | undefined;
  const ceremony = data['ceremony'] as Record<string, unknown> | undefined;
  const known = day(decision?.['date']) ?? day(ceremony?.['date']);
  if (known) return known;
  const year = Number(data['year']);
  // Only 2025 straddles the reorganisation of 1/7/2025; any other year lies wholly on one side of it.
  return Number.isInteger(year) && year !== 2025 ? new Date(`${year}-07-01T00:00:00+07:00`) : undefined;
}

function checkSource(source: ImportSource | undefined): Problem[] {
  if (!source) return [];
  const problems: Problem[] = [];
  const flag = (column: string, value: string, message: string) =>
    problems.push({ file: 'lệnh nhập', column, value, message });
  if (!source.publisher || source.publisher.trim().length < 2) {
    flag(
      '--source-publisher',
      source.publisher ?? '',
      'Ghi tên cơ quan hoặc tờ báo công bố kết quả, ví dụ "Sở Công Thương Hà Tĩnh"',
    );
  }
  if (source.url !== undefined && !/^https:\/\/[^\s/]+\.[^\s]+$/.test(source.url)) {
    flag('--source-url', source.url, 'Đường dẫn nguồn phải là địa chỉ đầy đủ bắt đầu bằng https://');
  }
  if (source.date !== undefined) {
    const valid =
      /^\d{4}-\d{2}-\d{2}$/.test(source.date) && !Number.isNaN(new Date(`${source.date}T00:00:00Z`).getTime());
    if (!valid || new Date(`${source.date}T00:00:00Z`).toISOString().slice(0, 10) !== source.date) {
      flag('--source-date', source.date, 'Ngày phải viết dạng YYYY-MM-DD, ví dụ 2022-09-20');
    }
  }
  return problems;
}

export interface Prepared {
  problems: Problem[];
  notices: string[];
  plan?: Plan | undefined;
}

/**
 * Everything an import decides, from the sheet's bytes and a snapshot of the content, without writing: the sheet
 * read within the limits, every row checked, the plan, and the content check's field rules on every record the plan
 * creates or changes. The command line (importResults) and the content check and build (beside.ts) all call this.
 */
export async function prepareImport(
  bytes: Uint8Array,
  content: ContentSnapshot,
  options: Omit<ImportOptions, 'contentDir' | 'dryRun'>,
): Promise<Prepared> {
  const { file } = options;
  const problems: Problem[] = [...checkSource(options.source)];
  const round = content.rounds.find((r) => r.id === options.round);
  if (!round) {
    const known = content.rounds.map((r) => r.id).join(', ');
    problems.push({
      file: 'lệnh nhập',
      column: '--round',
      value: options.round,
      message: `Không có đợt bình chọn này. Các đợt đang có: ${known}`,
    });
    return { problems, notices: [] };
  }
  const provinces = new ProvinceMatcher(content.provinces);
  const read = await readSheetFile(bytes, file, { sheet: options.sheet, limits: options.limits });
  problems.push(...read.problems);
  const notices = [...read.notices];
  if (!read.sheet || read.problems.length > 0) return { problems, notices };
  const sheet = parseResultsSheet(read.sheet, { file, provinces, when: roundDate(round.data) });
  problems.push(...sheet.problems);
  notices.push(...sheet.notices);
  if (!sheet.parsed) return { problems, notices };
  const plan = planImport(sheet.parsed, content, round, provinces, { file, source: options.source });
  problems.push(...plan.problems);
  notices.push(...plan.notices);
  if (options.rules) {
    for (const record of plan.files) {
      const collection: Collection = content.rounds.includes(record)
        ? 'voting-rounds'
        : content.products.includes(record) || record.path.includes('/products/')
          ? 'products'
          : 'beneficiaries';
      for (const issue of await options.rules(collection, record.id, record.data)) {
        problems.push({
          file,
          line: plan.origins.get(record),
          column: `${record.display}${issue.field ? ` › ${issue.field}` : ''}`,
          message: `${issue.message} (bản ghi sẽ tạo hoặc sửa từ dòng này)`,
        });
      }
    }
  }
  return { problems, notices, plan };
}

export async function importResults(options: ImportOptions): Promise<ImportReport> {
  const { file } = options;
  const fail = (problems: Problem[]): ImportReport => ({
    ok: false,
    problems: sortProblems(problems).map(formatProblem),
    notices: [],
    files: [],
    written: false,
  });
  if (!existsSync(file)) return fail([{ file, message: 'Không có tệp này: kiểm tra đường dẫn và tên tệp' }]);
  const max = options.limits?.fileBytes ?? LIMITS.fileBytes;
  const size = statSync(file).size;
  if (size > max) return fail([{ file, message: LIMIT_MESSAGES.file(size, max) }]);
  const { content, problems: contentProblems } = loadContent(options.contentDir ?? 'content');
  const prepared = await prepareImport(new Uint8Array(readFileSync(file)), content, options);
  const problems = [...contentProblems, ...prepared.problems];
  const plan = prepared.plan;
  const ok = problems.length === 0 && plan !== undefined;
  const written = ok && !options.dryRun && plan.files.length > 0;
  if (written) writeFiles(plan.files);
  return {
    ok,
    problems: sortProblems(problems).map(formatProblem),
    notices: prepared.notices,
    files: (plan?.files ?? []).map((f) => ({ path: f.display, created: f.isNew })),
    summary: plan?.summary,
    written,
  };
}
