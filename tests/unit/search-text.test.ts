import { describe, expect, it } from 'vitest';
import { foldedDWords, searchAppendix, withAppendix } from '../../src/lib/search-text.ts';

describe('search appendix', () => {
  it('folds every word with đ, once, and only those', () => {
    expect(foldedDWords('Đà Nẵng, Hải Dương (plain D) và Đà Nẵng; đồng hồ, cơ khí')).toEqual(['da', 'dong']);
  });

  it('reads decomposed (NFD) text as the same words', () => {
    expect(foldedDWords('Đồng Tháp'.normalize('NFD'))).toEqual(['dong']);
  });

  it('adds province names as written and folded', () => {
    expect(searchAppendix('Gốm Chu Đậu', ['Hải Dương'])).toBe('dau Hải Dương hai duong');
  });

  it('puts the appendix at the start of the indexed element, with a low weight, and skips pages not indexed', () => {
    // Pagefind folds other marks itself ("nang" finds "Nẵng"): only đ-words need a folded copy.
    const page = '<html><body><nav>Đi</nav><article data-pagefind-body><h1>Đà Nẵng</h1></article></body></html>';
    expect(withAppendix(page)).toContain('<article data-pagefind-body><p data-pagefind-weight="0.1">da</p><h1>');
    expect(withAppendix('<html><body><h1>Đà Nẵng</h1></body></html>')).toBeUndefined();
  });
});
