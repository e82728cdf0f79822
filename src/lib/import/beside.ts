/**
 * Results sheets saved beside their round: `content/voting-rounds/<round-slug>.xlsx` (or `.csv`), the file the web
 * editor's upload field writes for that round. The content check and the build both call roundSheets(), which reads
 * each sheet with exactly the importer's code (prepareImport: same limits, rows, matching and messages as
 * `npm run import:results`) and returns what the import would write, as records, without writing anything: the
 * check validates them and lists every problem by the sheet's row; the build's loaders (loader.ts) put them in the
 * content store in place of the round, products and establishments on disk. A sheet with any problem changes
 * nothing.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { COLLECTIONS } from '../check/collections.ts';
import { loadContent, type Collection } from './content.ts';
import { prepareImport } from './index.ts';
import { LIMIT_MESSAGES, LIMITS } from './limits.ts';
import type { Problem } from './problems.ts';

/** Sheet files beside the rounds: not drafts ("_…"), .xlsx or .csv. */
export const ROUND_SHEET = /^([^_.][^/]*)\.(xlsx|csv)$/i;

export interface SheetRecord {
  collection: Collection;
  id: string;
  /** The record's raw data, as its YAML file would hold it after the import. */
  data: Record<string, unknown>;
  /** Created by the sheet (no file on disk). */
  isNew: boolean;
  /** Its file (absolute), or where the importer would create it. */
  path: string;
  /** The sheet row that created or first changed it; undefined for the round itself. */
  line?: number | undefined;
}

export interface RoundSheet {
  /** The sheet's path relative to the project root, as messages show it: content/voting-rounds/<slug>.xlsx */
  file: string;
  round: string;
  problems: Problem[];
  notices: string[];
  /** What the sheet makes or changes; empty when it has any problem. */
  records: SheetRecord[];
}

/** Every results sheet beside a round under `root` (the project), each read as the importer reads it. */
export async function roundSheets(root: string): Promise<RoundSheet[]> {
  const folder = join(root, COLLECTIONS.votingRounds.path);
  if (!existsSync(folder)) return [];
  const names = readdirSync(folder)
    .filter((n) => ROUND_SHEET.test(n))
    .sort();
  if (names.length === 0) return [];
  const { content, problems: contentProblems } = loadContent(join(root, 'content'));
  const out: RoundSheet[] = [];
  // Each sheet's round: the one whose `resultsSheet` names it (the web editor's upload field), else the one whose
  // slug is its name.
  const claimed = new Map<string, string>();
  for (const r of content.rounds) {
    const named = r.data['resultsSheet'];
    if (typeof named === 'string' && named.trim()) claimed.set(named.trim().replace(/^.*\//, ''), r.id);
  }
  const bySlug = new Map<string, string>();
  const pending: Array<{ name: string; round: string; sheet: RoundSheet }> = [];
  for (const [name, round] of claimed) {
    if (!names.includes(name)) {
      const r = content.rounds.find((x) => x.id === round)!;
      out.push({
        file: r.display,
        round,
        problems: [
          {
            file: r.display,
            column: 'resultsSheet',
            value: name,
            message: `Không có tệp ${COLLECTIONS.votingRounds.path}/${name}: tải lên lại bảng kết quả`,
          },
        ],
        notices: [],
        records: [],
      });
    }
  }
  for (const name of names) {
    const round = claimed.get(name) ?? ROUND_SHEET.exec(name)![1]!;
    const file = `${COLLECTIONS.votingRounds.path}/${name}`;
    const sheet: RoundSheet = { file, round, problems: [], notices: [], records: [] };
    out.push(sheet);
    const twin = bySlug.get(round);
    if (twin) {
      sheet.problems.push({
        file,
        message: `Đợt "${round}" đã có bảng kết quả ${twin}: mỗi đợt một tệp (.xlsx hoặc .csv), xóa tệp kia`,
      });
      continue;
    }
    bySlug.set(round, file);
    if (!content.rounds.some((r) => r.id === round)) {
      sheet.problems.push({
        file,
        message:
          `Tệp bảng kết quả không thuộc đợt nào: đặt tên tệp theo slug của đợt (${COLLECTIONS.votingRounds.path}/<slug>.xlsx) ` +
          `hoặc tải lên ở trường "Bảng kết quả" của đợt. Các đợt đang có: ${content.rounds.map((r) => r.id).join(', ')}`,
      });
      continue;
    }
    pending.push({ name, round, sheet });
  }
  for (const { name, round, sheet } of pending) {
    const file = sheet.file;
    const path = join(folder, name);
    const size = statSync(path).size;
    if (size > LIMITS.fileBytes) {
      sheet.problems.push({ file, message: LIMIT_MESSAGES.file(size, LIMITS.fileBytes) });
      continue;
    }
    if (contentProblems.length > 0) {
      // A content file the importer cannot read: the check reports it on that file; the sheet waits for the fix.
      sheet.problems.push({
        file,
        message: 'Chưa đọc bảng này: sửa trước các tệp nội dung bị lỗi cú pháp (xem danh sách)',
      });
      continue;
    }
    const prepared = await prepareImport(new Uint8Array(readFileSync(path)), content, { file, round });
    sheet.problems.push(...prepared.problems);
    sheet.notices.push(...prepared.notices);
    const plan = prepared.plan;
    if (!plan || sheet.problems.length > 0) continue;
    for (const record of plan.files) {
      const collection: Collection = content.rounds.includes(record)
        ? 'voting-rounds'
        : record.path.startsWith(join(content.dir, 'products'))
          ? 'products'
          : 'beneficiaries';
      sheet.records.push({
        collection,
        id: record.id,
        data: record.data,
        isNew: record.isNew,
        path: record.path,
        line: plan.origins.get(record),
      });
      // A later sheet sees what this one created, and never takes its slugs.
      if (record.isNew) {
        (collection === 'products' ? content.products : content.beneficiaries).push(record);
        content.taken[collection].add(record.id);
      }
    }
  }
  return out;
}

/** The same answer for the three collections the build loads (one read of the sheets per build). */
const memo = new Map<string, Promise<RoundSheet[]>>();
export function roundSheetsOnce(root: string): Promise<RoundSheet[]> {
  const folder = join(root, COLLECTIONS.votingRounds.path);
  const signature = existsSync(folder)
    ? readdirSync(folder)
        .filter((n) => ROUND_SHEET.test(n))
        .map((n) => `${n}:${statSync(join(folder, n)).mtimeMs}`)
        .join('|')
    : '';
  const key = `${root}\n${signature}`;
  let found = memo.get(key);
  if (!found) {
    memo.clear();
    found = roundSheets(root);
    memo.set(key, found);
  }
  return found;
}
