/**
 * The content check: reads every content file the build would load, validates it with the collection's schema,
 * and gathers every problem (syntax, schema, references, duplicate slugs, impossible dates, non-NFC text, raw HTML
 * in contributed Markdown, photos) with its file, line and field. Reads only; writes nothing.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import type { z } from 'astro/zod';
import { COLLECTIONS, UNSAFE_PROSE, type CollectionName } from '../../../src/lib/check/collections.ts';
import { impossibleDates, implausibleDates } from '../../../src/lib/check/dates.ts';
import { imageProblem, linkProblem, markdownTargets } from '../../../src/lib/check/markdown.ts';
import type { ContentProblem } from '../../../src/lib/check/problems.ts';
import { contentSummary } from '../../../src/lib/check/summary.ts';
import { nonNfcLines, rawHtmlLines, splitFrontMatter } from '../../../src/lib/check/text.ts';
import { parseYamlWithLines } from '../../../src/lib/check/yaml-lines.ts';
import { findDanglingReferences, type EntryLike } from '../../../src/lib/references.ts';
import { slugPattern, unknownFieldMessage } from '../../../src/schemas/shared.ts';
import { takeReferences } from './astro-content.ts';
import { photoFields, photoProblem } from './photos.ts';
import { schemas } from './schemas.ts';
import { roundSheets } from '../../../src/lib/import/beside.ts';
import type { Collection as ImportCollection } from '../../../src/lib/import/content.ts';

const HTML_IN_TEXT = /<\/?[A-Za-z][\w-]*(?:\s[^<>]*)?\/?>/;
/** Longest text a field may hold, and a Markdown body: far above any real record, low enough to bound the build. */
export const MAX_FIELD = 5_000;
export const MAX_BODY = 100_000;

/** The path of the first string equal to `value` in `data` ("" when absent). */
function pathOf(data: unknown, value: string): string {
  for (const { path, text } of stringFields(data)) if (text === value) return path.join('.');
  return '';
}

/** Every string value in `data` with its path. */
function* stringFields(
  data: unknown,
  path: Array<string | number> = [],
): Generator<{ path: Array<string | number>; text: string }> {
  if (typeof data === 'string') yield { path, text: data };
  else if (Array.isArray(data)) for (const [i, item] of data.entries()) yield* stringFields(item, [...path, i]);
  else if (data && typeof data === 'object' && !(data instanceof Date)) {
    for (const [key, value] of Object.entries(data)) yield* stringFields(value, [...path, key]);
  }
}

interface Loaded extends EntryLike {
  filePath: string;
  /** For an entry that failed its schema: data holds only its references, and these are their raw paths. */
  refPaths?: string[];
  lineOf: (path: ReadonlyArray<string | number>) => number | undefined;
}

async function* filesUnder(dir: string, exts: RegExp): AsyncGenerator<string> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.name.startsWith('_') || entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* filesUnder(path, exts);
    else if (exts.test(entry.name)) yield path;
  }
}

export interface CheckResult {
  problems: ContentProblem[];
  entries: number;
  files: number;
  /** The one-line count of what the site publishes (src/lib/check/summary.ts). */
  summary: string;
  /** Notices from results sheets beside their round: printed apart, they do not stop anything. */
  notices: string[];
}

/** The importer's collection folders as the check names the collections. */
const CHECK_NAME: Record<ImportCollection, CollectionName> = {
  products: 'products',
  beneficiaries: 'beneficiaries',
  'voting-rounds': 'votingRounds',
};

/**
 * The check's field rules for one record (its schema, dates and no HTML), for the importer to apply before it writes
 * (scripts/import-results.ts).
 */
export async function recordRules(
  collection: ImportCollection,
  data: Record<string, unknown>,
  today = new Date(),
): Promise<Array<{ field?: string | undefined; message: string }>> {
  const name = CHECK_NAME[collection];
  takeReferences();
  const result = await (schemas[name] as z.ZodType).safeParseAsync(data);
  takeReferences();
  const out: Array<{ field?: string | undefined; message: string }> = [];
  if (!result.success) {
    for (const issue of result.error.issues) {
      out.push({ field: issue.path.map(String).join('.') || undefined, message: issue.message });
    }
  }
  for (const rule of implausibleDates(name, data, today)) out.push({ field: rule.field, message: rule.message });
  for (const { path, text } of stringFields(data)) {
    if (HTML_IN_TEXT.test(text))
      out.push({
        field: path.join('.'),
        message: 'Có mã HTML trong trường này: chỉ viết chữ thường, không dùng thẻ <…>',
      });
  }
  return out;
}

export async function checkContent(root: string, today = new Date()): Promise<CheckResult> {
  const problems: ContentProblem[] = [];
  const loaded: Loaded[] = [];
  let files = 0;
  const rel = (file: string) => relative(root, file);

  const validate = async (
    collection: CollectionName,
    id: string,
    file: string,
    data: unknown,
    lineOf: Loaded['lineOf'],
    prefix: Array<string | number>,
    photoFile = file,
  ) => {
    const schema = schemas[collection] as z.ZodType;
    takeReferences();
    const result = await schema.safeParseAsync(data);
    const refs = takeReferences();
    if (!result.success) {
      for (const issue of result.error.issues) {
        const path = [...prefix, ...issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p))];
        if (issue.code === 'unrecognized_keys') {
          // One line per unknown field, at the field itself, so the editor sees which spelling to fix.
          for (const key of issue.keys) {
            problems.push({
              file: rel(file),
              line: lineOf([...path, key]),
              field: [...path, key].join('.'),
              message: unknownFieldMessage(key),
            });
          }
          continue;
        }
        problems.push({
          file: rel(file),
          line: lineOf(path),
          field: path.join('.') || undefined,
          message: issue.message,
        });
      }
    }
    if (data && typeof data === 'object') {
      for (const rule of implausibleDates(collection, data as Record<string, unknown>, today)) {
        const path = [...prefix, ...rule.field.split('.')];
        problems.push({ file: rel(file), line: lineOf(path), field: path.join('.'), message: rule.message });
      }
      for (const { path, text } of stringFields(data)) {
        const full = [...prefix, ...path];
        if (HTML_IN_TEXT.test(text)) {
          problems.push({
            file: rel(file),
            line: lineOf(full),
            field: full.join('.'),
            message: 'Có mã HTML trong trường này: chỉ viết chữ thường, không dùng thẻ <…>',
          });
        }
        if (text.length > MAX_FIELD) {
          problems.push({
            file: rel(file),
            line: lineOf(full),
            field: full.join('.'),
            message: `Trường dài ${text.length} ký tự, quá giới hạn ${MAX_FIELD}: rút gọn, hoặc đưa phần dài vào nội dung bài`,
          });
        }
      }
      for (const photo of photoFields(data)) {
        const message = await photoProblem(photoFile, photo.src);
        if (message)
          problems.push({
            file: rel(file),
            line: lineOf([...prefix, ...photo.path]),
            field: [...prefix, ...photo.path].join('.'),
            message,
          });
      }
    }
    // References are checked for every entry, valid or not: the ones zod parsed are placed at their raw value's path.
    loaded.push({
      id,
      collection,
      filePath: rel(file),
      data: result.success ? result.data : refs,
      ...(!result.success && { refPaths: refs.map((r) => pathOf(data, r.id)) }),
      lineOf: (p) => lineOf([...prefix, ...p]),
    });
  };

  /** Links and images of a Markdown body: what the build would stop on, or the CSP would break, named here first. */
  const bodyProblems = async (file: string, body: string, firstLine: number) => {
    if (body.length > MAX_BODY) {
      problems.push({
        file: rel(file),
        line: firstLine,
        message: `Bài dài ${Math.round(body.length / 1000)} nghìn ký tự, quá giới hạn ${MAX_BODY / 1000} nghìn: tách thành nhiều bài`,
      });
    }
    for (const target of markdownTargets(body, firstLine)) {
      if (target.kind === 'link') {
        const message = linkProblem(target.target);
        if (message) problems.push({ file: rel(file), line: target.line, message });
        continue;
      }
      let src = target.target;
      try {
        src = decodeURI(src);
      } catch {
        // Kept as written: the file check below then says it is missing.
      }
      const message =
        imageProblem(src) ??
        (target.alt && target.alt.length >= 10
          ? undefined
          : 'Ảnh trong bài cần mô tả ít nhất 10 ký tự: ![ảnh cho thấy gì](./ten-anh.jpg)') ??
        (await photoProblem(file, src));
      if (message) problems.push({ file: rel(file), line: target.line, message });
    }
  };

  /** A date the calendar does not have (2022-02-30): YAML would read it as another day, silently. */
  const dateProblems = (file: string, yaml: string, firstLine: number) => {
    for (const found of impossibleDates(yaml, firstLine))
      problems.push({ file: rel(file), line: found.line, field: found.field, message: found.message });
  };

  const textProblems = (file: string, text: string) => {
    for (const line of nonNfcLines(text)) {
      problems.push({
        file: rel(file),
        line,
        message:
          'Chữ bị tách dấu (không phải NFC), thường do dán từ Word hoặc PDF: gõ lại dòng này hoặc lưu tệp ở dạng chuẩn NFC',
      });
    }
  };

  /**
   * Files in order, each with its text being read ahead: reading one file at a time left the check waiting on the disk
   * for 9 of its 21 s at national scale (35,000 files, `npm run bench`). Problems stay in file order.
   */
  async function* readAhead(paths: AsyncIterable<string>, depth = 64): AsyncGenerator<[string, Promise<string>]> {
    const queue: Array<[string, Promise<string>]> = [];
    for await (const path of paths) {
      const text = readFile(path, 'utf8');
      text.catch(() => undefined); // awaited in turn below; this only avoids an unhandled rejection meanwhile
      queue.push([path, text]);
      if (queue.length >= depth) yield queue.shift()!;
    }
    yield* queue;
  }

  for (const [collection, source] of Object.entries(COLLECTIONS) as Array<
    [CollectionName, (typeof COLLECTIONS)[CollectionName]]
  >) {
    const seen = new Map<string, string>();
    const claim = (id: string, file: string, line?: number) => {
      const other = seen.get(id);
      if (other)
        problems.push({
          file: rel(file),
          line,
          field: 'id',
          message: `Slug "${id}" trùng với ${other}: đổi tên một trong hai`,
        });
      else seen.set(id, rel(file));
      if (!slugPattern.test(id)) {
        problems.push({
          file: rel(file),
          line,
          field: 'id',
          message: `Slug "${id}" không hợp lệ: chỉ dùng chữ thường không dấu, số và dấu gạch ngang (đ viết là d)`,
        });
      }
    };

    if (source.kind === 'list') {
      const file = join(root, source.path);
      const text = await readFile(file, 'utf8');
      files++;
      textProblems(file, text);
      const parsed = parseYamlWithLines(text);
      for (const e of parsed.errors)
        problems.push({ file: rel(file), line: e.line, message: `Lỗi cú pháp YAML: ${e.message}` });
      const items = Array.isArray(parsed.data) ? parsed.data : [];
      for (const [i, item] of items.entries()) {
        const id = typeof item?.id === 'string' ? item.id : '';
        claim(id, file, parsed.lineOf([i]));
        const { id: _, ...data } = (item ?? {}) as Record<string, unknown>;
        await validate(collection, id, file, data, parsed.lineOf, [i]);
      }
      continue;
    }

    const exts = source.kind === 'prose' ? /\.(md|mdx)$/i : /\.(ya?ml|json)$/;
    const dir = join(root, source.path);
    for await (const [file, read] of readAhead(filesUnder(dir, exts))) {
      files++;
      if (UNSAFE_PROSE.test(file)) {
        problems.push({
          file: rel(file),
          line: 1,
          message:
            'Không nhận tệp .mdx trong content/: tệp .mdx có thể chạy mã trên máy dựng trang. Đổi đuôi tệp thành .md và chỉ viết Markdown',
        });
        continue;
      }
      const id = relative(dir, file)
        .replace(/\.[^.]+$/, '')
        .split('\\')
        .join('/');
      claim(id, file);
      const text = await read;
      textProblems(file, text);
      if (source.kind === 'prose') {
        const parts = splitFrontMatter(text);
        if (!parts) {
          problems.push({ file: rel(file), line: 1, message: 'Thiếu phần thông tin đầu tệp (giữa hai dòng ---)' });
          continue;
        }
        const parsed = parseYamlWithLines(parts.yaml, 1);
        for (const e of parsed.errors)
          problems.push({ file: rel(file), line: e.line, message: `Lỗi cú pháp YAML: ${e.message}` });
        for (const line of rawHtmlLines(parts.body, parts.bodyLine)) {
          problems.push({
            file: rel(file),
            line,
            message:
              'Có mã HTML trong bài: chỉ viết Markdown (tiêu đề ##, **đậm**, danh sách, liên kết [chữ](https://…))',
          });
        }
        await bodyProblems(file, parts.body, parts.bodyLine);
        dateProblems(file, parts.yaml, 2);
        await validate(collection, id, file, parsed.data, parsed.lineOf, []);
      } else if (file.endsWith('.json')) {
        let data: unknown;
        try {
          data = JSON.parse(text);
        } catch (error) {
          problems.push({ file: rel(file), message: `Lỗi cú pháp JSON: ${(error as Error).message}` });
          continue;
        }
        await validate(collection, id, file, data, () => undefined, []);
      } else {
        dateProblems(file, text, 1);
        const parsed = parseYamlWithLines(text);
        for (const e of parsed.errors)
          problems.push({ file: rel(file), line: e.line, message: `Lỗi cú pháp YAML: ${e.message}` });
        await validate(collection, id, file, parsed.data, parsed.lineOf, []);
      }
    }
  }

  // Results sheets beside their round (content/voting-rounds/<slug>.xlsx|csv), read with the importer's code, as the
  // build reads them (src/lib/import/beside.ts): their problems by row and column; the records they make or change
  // replace the files' in what is checked next, and are checked with the same rules, named by the sheet's row.
  const notices: string[] = [];
  for (const sheet of await roundSheets(root)) {
    files++;
    notices.push(...sheet.notices);
    for (const p of sheet.problems) {
      problems.push({
        file: p.file,
        line: p.line,
        field: p.column,
        message: p.value === undefined ? p.message : `"${p.value}": ${p.message}`,
      });
    }
    for (const record of sheet.records) {
      const collection = CHECK_NAME[record.collection];
      const at = loaded.findIndex((e) => e.collection === collection && e.id === record.id);
      if (at >= 0) loaded.splice(at, 1);
      const where = `${COLLECTIONS[collection].path.replace(/^content\//, '')}/${record.id}`;
      await validate(
        collection,
        record.id,
        join(root, sheet.file),
        record.data,
        () => record.line,
        [where],
        record.path,
      );
    }
  }

  for (const p of findDanglingReferences(loaded)) {
    const entry = loaded.find((e) => e.filePath === p.file && JSON.stringify(e.data).includes(`"${p.value}"`));
    const field = entry?.refPaths?.[Number(p.field)] ?? p.field;
    problems.push({
      file: p.file,
      line: entry?.lineOf(field.split('.')),
      field,
      message: `"${p.value}": ${p.message}`,
    });
  }
  return { problems, entries: loaded.length, files, summary: contentSummary(loaded), notices };
}
