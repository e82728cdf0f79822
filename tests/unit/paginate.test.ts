/** Listing pages: 24 items a page, page 1 at the list's own URL, /trang/2/ … for the rest. */
import { describe, expect, it } from 'vitest';
import { laterPages, PAGE_SIZE, pageNumbers, pageOf } from '../../src/lib/paginate';

const items = Array.from({ length: 50 }, (_, i) => i + 1);

describe('pageOf', () => {
  it('splits 50 items into pages of 24, 24 and 2', () => {
    expect(PAGE_SIZE).toBe(24);
    expect(pageOf(items, 1)).toEqual({ items: items.slice(0, 24), total: 3 });
    expect(pageOf(items, 2).items[0]).toBe(25);
    expect(pageOf(items, 3).items).toEqual([49, 50]);
  });

  it('an empty list still has one (empty) page', () => {
    expect(pageOf([], 1)).toEqual({ items: [], total: 1 });
  });

  it('a page past the end is empty', () => {
    expect(pageOf(items, 4).items).toEqual([]);
  });
});

describe('laterPages', () => {
  it.each([
    [0, []],
    [24, []],
    [25, [2]],
    [50, [2, 3]],
  ])('%d items → extra pages %j', (count, pages) => {
    expect(laterPages(count)).toEqual(pages);
  });

  it('agrees with pageOf on the number of pages', () => {
    for (const count of [1, 23, 24, 25, 48, 49, 100]) {
      const list = Array.from({ length: count }, (_, i) => i);
      expect(laterPages(count).length + 1).toBe(pageOf(list, 1).total);
    }
  });
});

describe('pageNumbers', () => {
  it.each([
    [0, [1]],
    [24, [1]],
    [25, [1, 2]],
    [73, [1, 2, 3, 4]],
  ])('%d items → pages %j (page 1 even when empty)', (count, pages) => {
    expect(pageNumbers(count)).toEqual(pages);
  });

  it("takes the listing's own page size", () => {
    expect(pageNumbers(101, 50)).toEqual([1, 2, 3]);
  });

  it('gives as many pages as pageOf splits into', () => {
    for (const count of [0, 1, 23, 24, 25, 48, 49, 100]) {
      const list = Array.from({ length: count }, (_, i) => i);
      expect(pageNumbers(count).length).toBe(pageOf(list, 1).total);
    }
  });
});
