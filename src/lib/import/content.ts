/**
 * The slice of a content directory the importer needs: provinces, products, beneficiaries and voting rounds, read
 * outside Astro (so it can run on a copy of content/ in tests). Drafts (files starting with "_") are not matched
 * against, but their names are never reused.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, isAbsolute } from 'node:path';
import { parse } from 'yaml';
import type { Problem } from './problems.ts';
import type { ProvinceRecord } from './province-match.ts';
import { RecordFile } from './record-file.ts';

export type Collection = 'products' | 'beneficiaries' | 'voting-rounds';

export interface ContentSnapshot {
  dir: string;
  provinces: ProvinceRecord[];
  products: RecordFile[];
  beneficiaries: RecordFile[];
  rounds: RecordFile[];
  /** Slugs in use per collection, drafts included. */
  taken: Record<Collection, Set<string>>;
  /** Where a new record of a collection is written, and how its path is shown. */
  pathFor(collection: Collection, id: string): { path: string; display: string };
}

const RECORD = /^([^_].*)\.(ya?ml|json)$/i;

/** How a path is shown: relative to the working directory when inside it. */
export function displayPath(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : path;
}

function readCollection(dir: string, collection: Collection, problems: Problem[]) {
  const folder = join(dir, collection);
  const files: RecordFile[] = [];
  const taken = new Set<string>();
  if (!existsSync(folder)) return { files, taken };
  for (const name of readdirSync(folder).sort()) {
    const stem = name.replace(/\.(ya?ml|json)$/i, '');
    if (stem === name) continue;
    taken.add(stem.replace(/^_/, ''));
    const match = RECORD.exec(name);
    if (!match) continue;
    const path = join(folder, name);
    try {
      files.push(RecordFile.read(match[1]!, path, displayPath(path), readFileSync(path, 'utf8')));
    } catch (error) {
      const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
      problems.push({
        file: displayPath(path),
        message: `Không đọc được tệp nội dung (${reason}): sửa tệp này trước khi nhập`,
      });
    }
  }
  return { files, taken };
}

function readProvinces(dir: string, problems: Problem[]): ProvinceRecord[] {
  const path = join(dir, 'provinces.yaml');
  try {
    const rows = parse(readFileSync(path, 'utf8')) as Array<Record<string, unknown>>;
    return rows.map((row) => ({
      id: String(row['id']),
      name: String(row['name']),
      kind: row['kind'] === 'thanh-pho' ? 'thanh-pho' : 'tinh',
      mergedInto: typeof row['mergedInto'] === 'string' ? row['mergedInto'] : undefined,
      validUntil: row['validUntil'] ? new Date(String(row['validUntil'])) : undefined,
      centre: row['centre'] as { lat: number; lng: number },
      aliases: Array.isArray(row['aliases']) ? row['aliases'].map(String) : [],
    }));
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    problems.push({ file: displayPath(path), message: `Không đọc được danh sách tỉnh, thành phố (${reason})` });
    return [];
  }
}

export function loadContent(dir: string): { content: ContentSnapshot; problems: Problem[] } {
  const problems: Problem[] = [];
  const provinces = readProvinces(dir, problems);
  const products = readCollection(dir, 'products', problems);
  const beneficiaries = readCollection(dir, 'beneficiaries', problems);
  const rounds = readCollection(dir, 'voting-rounds', problems);
  const content: ContentSnapshot = {
    dir,
    provinces,
    products: products.files,
    beneficiaries: beneficiaries.files,
    rounds: rounds.files,
    taken: { products: products.taken, beneficiaries: beneficiaries.taken, 'voting-rounds': rounds.taken },
    pathFor(collection, id) {
      const path = join(dir, collection, `${id}.yaml`);
      return { path, display: displayPath(path) };
    },
  };
  return { content, problems };
}
