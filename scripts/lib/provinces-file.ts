/**
 * Reads content/provinces.yaml outside Astro, for tests that must know the real list of units (the e2e run checks
 * that every slug has a page; unit tests run the crosswalk over the real data). Only the fields they need.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

export interface ProvinceRow {
  id: string;
  name: string;
  kind: 'tinh' | 'thanh-pho';
  mergedInto?: string | undefined;
  validUntil?: Date | undefined;
}

export const PROVINCES_FILE = new URL('../../content/provinces.yaml', import.meta.url);

export function readProvinces(file: URL | string = PROVINCES_FILE): ProvinceRow[] {
  const rows = parse(readFileSync(file, 'utf8')) as Array<Record<string, unknown>>;
  return rows.map((row) => ({
    id: String(row['id']),
    name: String(row['name']),
    kind: row['kind'] === 'thanh-pho' ? 'thanh-pho' : 'tinh',
    mergedInto: typeof row['mergedInto'] === 'string' ? row['mergedInto'] : undefined,
    validUntil: row['validUntil'] === undefined ? undefined : new Date(String(row['validUntil'])),
  }));
}
