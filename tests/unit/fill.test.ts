/** The {placeholder} filler (src/lib/fill.ts) that t() and browser code share. */
import { describe, expect, it } from 'vitest';
import { fill } from '../../src/lib/fill';
import { t } from '../../src/i18n';
import vi from '../../src/i18n/vi.json';

describe('fill', () => {
  it('fills each placeholder, numbers as written', () => {
    expect(fill('Trang {page}/{total}', { page: 2, total: 7 })).toBe('Trang 2/7');
    expect(fill('{n} và {n}', { n: 'một' })).toBe('một và một');
  });

  it('keeps a placeholder whose value is missing, as written', () => {
    expect(fill('Trang {page}/{total}', { page: 2 })).toBe('Trang 2/{total}');
    expect(fill('Trang {page}/{total}', { page: 2, total: undefined })).toBe('Trang 2/{total}');
    expect(fill('{count} kết quả', {})).toBe('{count} kết quả');
  });

  it('does not take a value from the object prototype', () => {
    expect(fill('{constructor} {toString}', {})).toBe('{constructor} {toString}');
  });

  it('fills 0 and the empty string (they are values)', () => {
    expect(fill('{a}|{b}', { a: 0, b: '' })).toBe('0|');
  });

  it('leaves text without placeholders, and braces that are not placeholders, alone', () => {
    expect(fill('Không có gì', { x: 1 })).toBe('Không có gì');
    expect(fill('{ không } {a-b}', { a: 1 })).toBe('{ không } {a-b}');
  });
});

describe('t() fills through the same function', () => {
  it('agrees with fill over the dictionary string', () => {
    expect(t('common.page', { page: 3, total: 9 })).toBe(fill(vi['common.page'], { page: 3, total: 9 }));
    expect(t('common.page', { page: 3 })).toContain('{total}');
  });

  it('without values, gives the string as written', () => {
    expect(t('common.page')).toBe(vi['common.page']);
  });
});
