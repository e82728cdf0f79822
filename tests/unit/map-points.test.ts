/** The compact map files: what goes in comes back out at its published precision, and the real content obeys the rules. */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { decodePoints, encodePoints, yearsOf, type MapRecord, type ProvinceEntry } from '../../src/lib/map/points';
import { KINDS, PRECISIONS, type Kind, type Precision } from '../../src/lib/map/precision';

const provinces: ProvinceEntry[] = [
  { id: 'hai-duong', name: 'Hải Dương', current: 'hai-phong', lat: 20.9373, lng: 106.3146 },
  { id: 'hai-phong', name: 'Hải Phòng', current: 'hai-phong', lat: 20.8449, lng: 106.6881 },
  { id: 'ha-tinh', name: 'Hà Tĩnh', current: 'ha-tinh', lat: 18.3428, lng: 105.9057 },
];

const record = (over: Partial<MapRecord>): MapRecord => ({
  slug: 'x',
  name: 'X',
  kind: 'doanh-nghiep',
  addressPublished: false,
  groups: [],
  years: [],
  programmes: [],
  ...over,
});

const records: MapRecord[] = [
  record({
    slug: 'ctcp-gom-chu-dau',
    name: 'Công ty cổ phần gốm Chu Đậu',
    province: 'hai-duong',
    location: { lat: 20.9373, lng: 106.3146, precision: 'province' },
    groups: [1],
    years: [2018, 2016],
    programmes: ['quoc-gia', 'dia-phuong'],
  }),
  record({
    slug: 'hkd-a',
    name: 'Hộ kinh doanh A',
    kind: 'ho-kinh-doanh',
    province: 'ha-tinh',
    location: { lat: 18.123456, lng: 105.987654, precision: 'exact' },
    groups: [2, 3],
  }),
  record({
    slug: 'hkd-b',
    name: 'Hộ kinh doanh B',
    kind: 'ho-kinh-doanh',
    province: 'ha-tinh',
    addressPublished: true,
    location: { lat: 18.123456, lng: 105.987654, precision: 'exact' },
  }),
  record({ slug: 'tung-an', name: 'Tùng An', years: [2018], programmes: ['quoc-gia'] }),
];

describe('encodePoints and decodePoints', () => {
  const { points, names } = encodePoints(records, provinces);
  const columns = decodePoints(JSON.parse(JSON.stringify(points)));

  it('keeps the order of the records in both files', () => {
    expect(names.slug).toEqual(['ctcp-gom-chu-dau', 'hkd-a', 'hkd-b', 'tung-an']);
    expect(names.name[0]).toBe('Công ty cổ phần gốm Chu Đậu');
    expect(columns.count).toBe(4);
  });

  it('decodes kind, province (with today’s unit), groups, programmes and years', () => {
    expect(KINDS[columns.kind[1]!]).toBe('ho-kinh-doanh');
    expect(columns.provinces[columns.province[0]!]).toMatchObject({ id: 'hai-duong', current: 'hai-phong' });
    expect(columns.province[3]).toBe(-1);
    expect(columns.groups[0]).toBe(0b0001);
    expect(columns.groups[1]).toBe(0b0110);
    expect(columns.programmes[0]).toBe(3);
    expect(yearsOf(columns, 0)).toEqual([2016, 2018]);
    expect(yearsOf(columns, 3)).toEqual([2018]);
    expect(yearsOf(columns, 1)).toEqual([]);
  });

  it('publishes an unpublished household address at commune precision only', () => {
    expect(PRECISIONS[columns.precision[1]!]).toBe('commune');
    expect([columns.lat[1], columns.lng[1]]).toEqual([18.12, 105.99]);
    expect(PRECISIONS[columns.precision[2]!]).toBe('exact');
    expect([columns.lat[2], columns.lng[2]]).toEqual([18.1235, 105.9877]);
  });

  it('marks a record without a location so the map leaves it out', () => {
    expect(columns.precision[3]).toBe(-1);
    expect(Number.isNaN(columns.x[3])).toBe(true);
    expect(columns.x[0]).toBeGreaterThan(0.5);
  });
});

describe('the real beneficiaries', () => {
  const dir = new URL('../../content/beneficiaries/', import.meta.url);
  const entries = readdirSync(dir)
    .filter((f) => f.endsWith('.yaml') && !f.startsWith('_'))
    .map(
      (f) =>
        parse(readFileSync(new URL(f, dir), 'utf8')) as {
          kind: Kind;
          addressPublished?: boolean;
          location?: { lat: number; lng: number; precision: Precision };
        },
    );

  it('never show a household business finer than its commune unless its address is published', () => {
    const { points } = encodePoints(
      entries.map((e, i) =>
        record({ slug: String(i), kind: e.kind, addressPublished: e.addressPublished ?? false, location: e.location }),
      ),
      provinces,
    );
    const columns = decodePoints(points);
    entries.forEach((e, i) => {
      if (e.kind === 'ho-kinh-doanh' && !e.addressPublished) expect(columns.precision[i]).not.toBe(0);
    });
    expect(entries.filter((e) => e.location).length).toBeGreaterThan(0);
  });
});
