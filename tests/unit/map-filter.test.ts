/** The directory's and the map's filters: each narrows as a reader expects, and they round-trip through the URL. */
import { describe, expect, it } from 'vitest';
import { matching, readFilters, writeFilters } from '../../src/lib/map/filter';
import { decodePoints, encodePoints, type MapRecord, type ProvinceEntry } from '../../src/lib/map/points';
import { foldMarks } from '../../src/lib/vi-text';

const provinces: ProvinceEntry[] = [
  { id: 'hai-duong', name: 'Hải Dương', current: 'hai-phong', lat: 20.9373, lng: 106.3146 },
  { id: 'hai-phong', name: 'Hải Phòng', current: 'hai-phong', lat: 20.8449, lng: 106.6881 },
  { id: 'ha-tinh', name: 'Hà Tĩnh', current: 'ha-tinh', lat: 18.3428, lng: 105.9057 },
];
const at = (lat: number, lng: number) => ({ lat, lng, precision: 'province' as const });
const records: MapRecord[] = [
  {
    slug: 'a',
    name: 'Công ty cổ phần gốm Chu Đậu',
    kind: 'doanh-nghiep',
    province: 'hai-duong',
    location: at(20.9, 106.3),
    addressPublished: false,
    groups: [1],
    years: [2018],
    programmes: ['quoc-gia'],
  },
  {
    slug: 'b',
    name: 'Hộ kinh doanh Nguyễn Thượng Sách',
    kind: 'ho-kinh-doanh',
    province: 'hai-duong',
    location: at(20.9, 106.3),
    addressPublished: false,
    groups: [1],
    years: [],
    programmes: [],
  },
  {
    slug: 'c',
    name: 'Cảng cá Hải Phòng',
    kind: 'hop-tac-xa',
    province: 'hai-phong',
    location: at(20.8, 106.7),
    addressPublished: false,
    groups: [2],
    years: [2020],
    programmes: ['dia-phuong'],
  },
  {
    slug: 'd',
    name: 'Hộ kinh doanh Nguyễn Đình Giáp',
    kind: 'ho-kinh-doanh',
    province: 'ha-tinh',
    location: at(18.3, 105.9),
    addressPublished: false,
    groups: [2],
    years: [2018, 2020],
    programmes: ['quoc-gia', 'dia-phuong'],
  },
  {
    slug: 'e',
    name: 'Tùng An',
    kind: 'doanh-nghiep',
    addressPublished: false,
    groups: [3],
    years: [2018],
    programmes: ['quoc-gia'],
  },
];
const { points, names } = encodePoints(records, provinces);
const columns = decodePoints(points);
const folded = names.name.map(foldMarks);
const slugs = (filters: Parameters<typeof matching>[1], located = false) =>
  [...matching(columns, filters, { folded, located })].map((i) => names.slug[i]);

describe('matching', () => {
  it('finds records filed under a former province by today’s unit, but not the other way round', () => {
    expect(slugs({ tinh: 'hai-phong' })).toEqual(['a', 'b', 'c']);
    expect(slugs({ tinh: 'hai-duong' })).toEqual(['a', 'b']);
  });
  it('filters by kind, product group, support year and programme, all together', () => {
    expect(slugs({ loai: 'ho-kinh-doanh' })).toEqual(['b', 'd']);
    expect(slugs({ nhom: '2' })).toEqual(['c', 'd']);
    expect(slugs({ nam: '2018' })).toEqual(['a', 'd', 'e']);
    expect(slugs({ nguon: 'dia-phuong' })).toEqual(['c', 'd']);
    expect(slugs({ nam: '2018', nguon: 'quoc-gia', loai: 'doanh-nghiep' })).toEqual(['a', 'e']);
  });
  it('matches names typed without marks ("chu dau" finds Chu Đậu)', () => {
    expect(slugs({ q: 'chu dau' })).toEqual(['a']);
    expect(slugs({ q: 'Nguyễn' })).toEqual(['b', 'd']);
  });
  it('leaves out records without a location on the map only', () => {
    expect(slugs({ nam: '2018' }, true)).toEqual(['a', 'd']);
  });
  it('finds nothing for an unknown value rather than everything', () => {
    expect(slugs({ tinh: 'khong-co' })).toEqual([]);
    expect(slugs({ loai: 'khong-co' })).toEqual([]);
  });
});

describe('readFilters and writeFilters', () => {
  it('read the filters from the address, ignoring empty ones and normalising text', () => {
    const params = new URLSearchParams(
      `q=${encodeURIComponent('Đậu'.normalize('NFD'))}&tinh=hai-phong&loai=&chon=hkd-b`,
    );
    expect(readFilters(params)).toEqual({ q: 'Đậu', tinh: 'hai-phong' });
  });
  it('write them back, keeping other parameters and dropping cleared ones', () => {
    const params = writeFilters(new URLSearchParams('chon=x&loai=hop-tac-xa'), { tinh: 'ha-tinh' });
    expect(params.toString()).toBe('chon=x&tinh=ha-tinh');
  });
});
