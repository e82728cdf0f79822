/**
 * The directory's and the map's filters, shared in the URL: ?tinh=&loai=&nhom=&nam=&nguon=&q=. A province matches
 * records filed under it and, for one of today's units, records filed under the units merged into it.
 */
import { foldMarks } from '../vi-text.ts';
import { KINDS } from './precision.ts';
import { PROGRAMMES, supportedIn, type MapColumns } from './points.ts';

export const FILTER_FIELDS = ['q', 'tinh', 'loai', 'nhom', 'nam', 'nguon'] as const;
export type FilterField = (typeof FILTER_FIELDS)[number];
export type Filters = Partial<Record<FilterField, string>>;

/** The filters set in `params` (empty values dropped, text trimmed and in NFC). */
export function readFilters(params: URLSearchParams): Filters {
  const filters: Filters = {};
  for (const field of FILTER_FIELDS) {
    const value = params.get(field)?.normalize('NFC').trim();
    if (value) filters[field] = value;
  }
  return filters;
}

/** `params` with the filter fields replaced by `filters` (other parameters kept). */
export function writeFilters(params: URLSearchParams, filters: Filters): URLSearchParams {
  const next = new URLSearchParams(params);
  for (const field of FILTER_FIELDS) {
    const value = filters[field];
    if (value) next.set(field, value);
    else next.delete(field);
  }
  return next;
}

export const hasFilters = (filters: Filters): boolean => FILTER_FIELDS.some((field) => filters[field]);

/**
 * Indices of the items that pass every filter, in file order. `folded` (each name without marks, from the names
 * file) is needed only when a text filter is set; `located` keeps only items with a location (the map).
 */
export function matching(
  columns: MapColumns,
  filters: Filters,
  options: { folded?: readonly string[]; located?: boolean } = {},
): Uint32Array {
  const province = filters.tinh ? columns.provinces.findIndex((p) => p.id === filters.tinh) : -1;
  const provinceOk = new Uint8Array(columns.provinces.length + 1);
  if (filters.tinh) {
    columns.provinces.forEach((p, i) => {
      if (i === province || p.current === filters.tinh) provinceOk[i] = 1;
    });
  }
  const kind = filters.loai ? KINDS.indexOf(filters.loai as (typeof KINDS)[number]) : -2;
  const group = filters.nhom ? 1 << (Number(filters.nhom) - 1) : 0;
  const programme = filters.nguon ? PROGRAMMES.indexOf(filters.nguon as (typeof PROGRAMMES)[number]) + 1 : -1;
  const year = filters.nam ? Number(filters.nam) : 0;
  const text = filters.q ? foldMarks(filters.q) : '';
  const out = new Uint32Array(columns.count);
  let n = 0;
  for (let i = 0; i < columns.count; i++) {
    if (options.located && columns.precision[i]! < 0) continue;
    if (filters.tinh && (columns.province[i]! < 0 || !provinceOk[columns.province[i]!])) continue;
    if (kind !== -2 && columns.kind[i] !== kind) continue;
    if (group && !(columns.groups[i]! & group)) continue;
    if (programme !== -1 && !(columns.programmes[i]! & programme)) continue;
    if (year && !supportedIn(columns, i, year)) continue;
    if (text && !(options.folded?.[i] ?? '').includes(text)) continue;
    out[n++] = i;
  }
  return out.slice(0, n);
}
