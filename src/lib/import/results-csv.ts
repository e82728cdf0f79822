/**
 * A round's results as a CSV file (UTF-8 with BOM, so Excel opens it with its marks intact), in the same columns the
 * importer reads: a downloaded sheet can be corrected and imported again. Two extra columns for readers ("Nay thuộc",
 * "Đường dẫn") are ignored on import.
 */
import { columnSpec, type Field } from './columns.ts';
import { NOT_STATED, type Kind as AnyKind, type StatedGroup } from '../vocabulary.ts';
import { GROUP_NAMES, KIND_NAMES } from './fields.ts';

export interface ResultRow {
  name: string;
  /** "Not stated" is written as an empty cell, as a sheet leaves it. */
  group: StatedGroup;
  producer?: string | undefined;
  kind?: AnyKind | undefined;
  address?: string | undefined;
  /** Province of the time, by name. */
  province: string;
  /** The unit it is part of today, when different. */
  provinceNow?: string | undefined;
  score?: number | undefined;
  certificate?: string | undefined;
  decision?: string | undefined;
  /** Absolute URL of the product page. */
  url: string;
}

const FIELDS: Field[] = [
  'stt',
  'name',
  'group',
  'producer',
  'kind',
  'address',
  'province',
  'score',
  'certificate',
  'decision',
];
const EXTRA = ['Nay thuộc', 'Đường dẫn'];

/** Quotes a field when it must be; a leading = + - @ is prefixed with ' so a spreadsheet never runs it as a formula. */
export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n;]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** "85,5": Vietnamese decimal comma. */
const score = (value: number | undefined) => (value === undefined ? '' : String(value).replace('.', ','));

export function resultsCsv(rows: readonly ResultRow[]): string {
  const header = [...FIELDS.map((f) => columnSpec(f).label), ...EXTRA];
  const lines = rows.map((r, i) => [
    String(i + 1),
    r.name,
    r.group === NOT_STATED ? '' : GROUP_NAMES[r.group],
    r.producer ?? '',
    r.kind && r.kind !== NOT_STATED ? KIND_NAMES[r.kind] : '',
    r.address ?? '',
    r.province,
    score(r.score),
    r.certificate ?? '',
    r.decision ?? '',
    r.provinceNow ?? '',
    r.url,
  ]);
  return `\uFEFF${[header, ...lines].map((cells) => cells.map(csvField).join(',')).join('\r\n')}\r\n`;
}
