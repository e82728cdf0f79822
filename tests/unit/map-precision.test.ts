/** Privacy of locations: a household business is never shown finer than its commune unless its address is public. */
import { describe, expect, it } from 'vitest';
import {
  allowedPrecision,
  GRID,
  KINDS,
  onGrid,
  PRECISIONS,
  publishedLocation,
  roundTo,
} from '../../src/lib/map/precision';
import { beneficiaryKind } from '../../src/schemas/beneficiaries';
import { precision } from '../../src/schemas/shared';

describe('allowedPrecision', () => {
  it('makes an unpublished household address commune-level', () => {
    expect(allowedPrecision('ho-kinh-doanh', 'exact', false)).toBe('commune');
  });
  it('keeps an exact household location whose address the business published', () => {
    expect(allowedPrecision('ho-kinh-doanh', 'exact', true)).toBe('exact');
  });
  it('keeps what the editor set for other kinds, and coarser precisions for everyone', () => {
    expect(allowedPrecision('doanh-nghiep', 'exact', false)).toBe('exact');
    expect(allowedPrecision('ho-kinh-doanh', 'district', false)).toBe('district');
    expect(allowedPrecision('ho-kinh-doanh', 'province', false)).toBe('province');
  });
});

describe('publishedLocation', () => {
  it('rounds a household business typed with exact coordinates to the commune grid (about 1 km)', () => {
    const shown = publishedLocation('ho-kinh-doanh', { lat: 18.171234, lng: 105.705678, precision: 'exact' }, false);
    expect(shown).toEqual({ lat: 18.17, lng: 105.71, precision: 'commune' });
  });
  it('rounds each precision to its own grid', () => {
    expect(roundTo(21.02851, 'exact')).toBe(21.0285);
    expect(roundTo(21.02851, 'commune')).toBe(21.03);
    expect(roundTo(21.02851, 'district')).toBe(21.05);
    expect(roundTo(21.02851, 'province')).toBe(21);
  });
  it('never publishes a household business finer than its commune, whatever was typed', () => {
    let seed = 7;
    const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    for (let n = 0; n < 2000; n++) {
      const precision = PRECISIONS[Math.floor(random() * 4)]!;
      const shown = publishedLocation(
        'ho-kinh-doanh',
        { lat: 8 + random() * 15, lng: 102 + random() * 8, precision },
        false,
      )!;
      expect(shown.precision).not.toBe('exact');
      expect(onGrid(shown.lat, 'commune') && onGrid(shown.lng, 'commune')).toBe(true);
    }
  });
  it('returns nothing for a record without a location', () => {
    expect(publishedLocation('doanh-nghiep', undefined, true)).toBeUndefined();
  });
});

it('encodes exactly the kinds and precisions the schemas accept, with grids coarsening in that order', () => {
  // Compared with the schemas themselves: a kind added to a schema but not to the map's index would be dropped there.
  expect([...KINDS]).toEqual(beneficiaryKind.options);
  expect([...PRECISIONS]).toEqual(precision.options);
  expect(PRECISIONS.map((p) => GRID[p])).toEqual([0.0001, 0.01, 0.05, 0.1]);
});
