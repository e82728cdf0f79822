/**
 * The compact files the map and the directory's filter load (built by src/pages/ban-do/*.json.ts):
 * - diem.json, the points: per beneficiary its published location and what the filters need, in columns;
 * - ten.json, the names: name and slug per beneficiary, in the same order, needed only for popups and the list, so
 *   it is parsed after the first clusters are drawn.
 * Items keep the directory's order (Vietnamese alphabetical), so the list needs no sorting in the browser.
 */
import { mercatorX, mercatorY } from './geometry.ts';
import { KINDS, PRECISIONS, publishedLocation, type Kind, type PublishedLocation } from './precision.ts';

import { PROGRAMMES, type Programme } from '../vocabulary.ts';

export { PROGRAMMES, type Programme } from '../vocabulary.ts';

/** One beneficiary as the map sees it, before encoding. */
export interface MapRecord {
  slug: string;
  name: string;
  kind: Kind;
  /** Province id of the record's time. */
  province?: string | undefined;
  /** Location as entered; published at the allowed precision. */
  location?: PublishedLocation | undefined;
  addressPublished: boolean;
  /** Product groups (1–4). */
  groups: readonly number[];
  /** Years of support received. */
  years: readonly number[];
  programmes: readonly Programme[];
}

export interface ProvinceEntry {
  id: string;
  name: string;
  /** Id of the unit it is part of today (itself if it still exists). */
  current: string;
  lat: number;
  lng: number;
}

/** Coordinates are stored as integers: degrees × Q. */
export const Q = 10_000;

export interface PointsFile {
  v: 1;
  /** Provinces: [id, name, index of today's unit, lat × Q, lng × Q]. */
  provinces: Array<[string, string, number, number, number]>;
  /** Latitudes × Q; 0 where there is no location. */
  lat: number[];
  lng: number[];
  /** One character per item: precision index (0 exact … 3 province) or "-" for no location. */
  p: string;
  /** One character per item: kind index (0–3). */
  k: string;
  /** Province index per item; -1 if the source names none. */
  t: number[];
  /** One hexadecimal digit per item: product groups as bits (group n → bit n-1). */
  g: string;
  /** One digit per item: programmes as bits (1 national, 2 local). */
  s: string;
  /** Support years per item, as offsets from y0. */
  y: number[][];
  y0: number;
}

export interface NamesFile {
  v: 1;
  name: string[];
  slug: string[];
}

const bits = (values: readonly number[]) => values.reduce((mask, v) => mask | (1 << (v - 1)), 0);

/** Encodes the records (already in display order) into the two files. */
export function encodePoints(
  records: readonly MapRecord[],
  provinces: readonly ProvinceEntry[],
): { points: PointsFile; names: NamesFile } {
  const provinceIndex = new Map(provinces.map((p, i) => [p.id, i]));
  const allYears = records.flatMap((r) => r.years);
  const y0 = allYears.length > 0 ? Math.min(...allYears) : 2000;
  const points: PointsFile = {
    v: 1,
    provinces: provinces.map((p) => [
      p.id,
      p.name,
      provinceIndex.get(p.current) ?? -1,
      Math.round(p.lat * Q),
      Math.round(p.lng * Q),
    ]),
    lat: [],
    lng: [],
    p: '',
    k: '',
    t: [],
    g: '',
    s: '',
    y: [],
    y0,
  };
  const names: NamesFile = { v: 1, name: [], slug: [] };
  const p: string[] = [];
  const k: string[] = [];
  const g: string[] = [];
  const s: string[] = [];
  for (const r of records) {
    const location = publishedLocation(r.kind, r.location, r.addressPublished);
    points.lat.push(location ? Math.round(location.lat * Q) : 0);
    points.lng.push(location ? Math.round(location.lng * Q) : 0);
    p.push(location ? String(PRECISIONS.indexOf(location.precision)) : '-');
    k.push(String(KINDS.indexOf(r.kind)));
    points.t.push(r.province !== undefined ? (provinceIndex.get(r.province) ?? -1) : -1);
    g.push(bits(r.groups).toString(16));
    s.push(String(bits(r.programmes.map((x) => PROGRAMMES.indexOf(x) + 1))));
    points.y.push([...new Set(r.years)].sort((a, b) => a - b).map((y) => y - y0));
    names.name.push(r.name);
    names.slug.push(r.slug);
  }
  Object.assign(points, { p: p.join(''), k: k.join(''), g: g.join(''), s: s.join('') });
  return { points, names };
}

/** The points file as typed columns (index = position in both files): cheap to filter and cluster at 50,000 points. */
export interface MapColumns {
  count: number;
  lat: Float64Array;
  lng: Float64Array;
  /** Web Mercator position in [0, 1); NaN without a location. */
  x: Float64Array;
  y: Float64Array;
  /** Precision index (0 exact … 3 province), or -1 without a location. */
  precision: Int8Array;
  /** Kind index into KINDS. */
  kind: Uint8Array;
  /** Province index into `provinces`, or -1. */
  province: Int16Array;
  /** Product groups as bits. */
  groups: Uint8Array;
  /** Programmes as bits (1 national, 2 local). */
  programmes: Uint8Array;
  /**
   * Support years per item, as offsets from y0: item i's are yearList[yearStart[i]] up to yearList[yearStart[i + 1]].
   * Flat typed arrays, so the whole set passes from the worker that decodes it without a copy.
   */
  yearStart: Uint32Array;
  yearList: Uint8Array;
  y0: number;
  provinces: ProvinceEntry[];
}

/** The years item `i` received support. */
export const yearsOf = (columns: MapColumns, i: number): number[] =>
  Array.from(columns.yearList.subarray(columns.yearStart[i]!, columns.yearStart[i + 1]!), (y) => y + columns.y0);

/** True when item `i` received support in year `year`. */
export function supportedIn(columns: MapColumns, i: number, year: number): boolean {
  const offset = year - columns.y0;
  for (let n = columns.yearStart[i]!; n < columns.yearStart[i + 1]!; n++)
    if (columns.yearList[n] === offset) return true;
  return false;
}

/** The typed arrays of the columns, to transfer them between threads. */
export const columnBuffers = (c: MapColumns): ArrayBuffer[] =>
  [c.lat, c.lng, c.x, c.y, c.precision, c.kind, c.province, c.groups, c.programmes, c.yearStart, c.yearList].map(
    (a) => a.buffer as ArrayBuffer,
  );

export function decodePoints(file: PointsFile): MapColumns {
  const count = file.lat.length;
  const columns: MapColumns = {
    count,
    lat: new Float64Array(count),
    lng: new Float64Array(count),
    x: new Float64Array(count),
    y: new Float64Array(count),
    precision: new Int8Array(count),
    kind: new Uint8Array(count),
    province: new Int16Array(count),
    groups: new Uint8Array(count),
    programmes: new Uint8Array(count),
    yearStart: new Uint32Array(count + 1),
    yearList: new Uint8Array(file.y.reduce((n, years) => n + years.length, 0)),
    y0: file.y0,
    provinces: file.provinces.map(([id, name, current, lat, lng]) => ({
      id,
      name,
      current: file.provinces[current]?.[0] ?? id,
      lat: lat / Q,
      lng: lng / Q,
    })),
  };
  let years = 0;
  for (let i = 0; i < count; i++) {
    columns.yearStart[i] = years;
    for (const y of file.y[i]!) columns.yearList[years++] = y;
    const located = file.p.charCodeAt(i) !== 45; // "-"
    const lat = file.lat[i]! / Q;
    const lng = file.lng[i]! / Q;
    columns.lat[i] = lat;
    columns.lng[i] = lng;
    columns.precision[i] = located ? file.p.charCodeAt(i) - 48 : -1;
    columns.x[i] = located ? mercatorX(lng) : NaN;
    columns.y[i] = located ? mercatorY(lat) : NaN;
    columns.kind[i] = file.k.charCodeAt(i) - 48;
    columns.province[i] = file.t[i]!;
    const hex = file.g.charCodeAt(i);
    columns.groups[i] = hex <= 57 ? hex - 48 : hex - 87; // "0"–"9", "a"–"f"
    columns.programmes[i] = file.s.charCodeAt(i) - 48;
  }
  columns.yearStart[count] = years;
  return columns;
}
