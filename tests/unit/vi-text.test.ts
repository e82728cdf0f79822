/** Vietnamese text helpers: what search, URLs and A–Z lists depend on. */
import { describe, expect, it } from 'vitest';
import { foldMarks, isNfc, nfc, slugify, sortVi, viCollator } from '../../src/lib/vi-text';

describe('foldMarks', () => {
  it('removes tone and vowel marks and turns đ into d', () => {
    expect(foldMarks('Đồng Tháp')).toBe('dong thap');
    expect(foldMarks('Bắc Kạn')).toBe('bac kan');
    expect(foldMarks('Thừa Thiên Huế')).toBe('thua thien hue');
  });

  it('folds decomposed (NFD) input exactly like composed input', () => {
    const decomposed = 'Đồng Tháp'.normalize('NFD');
    expect(decomposed).not.toBe('Đồng Tháp');
    expect(foldMarks(decomposed)).toBe('dong thap');
  });

  it('treats old and new tone placement alike, so "Hoà" finds "Hòa"', () => {
    expect(foldMarks('Thanh Hoá')).toBe(foldMarks('Thanh Hóa'));
  });

  it('collapses and trims whitespace', () => {
    expect(foldMarks('  Hải   Phòng\t')).toBe('hai phong');
  });
});

describe('slugify', () => {
  it.each([
    ['Đà Nẵng', 'da-nang'],
    ['Bà Rịa – Vũng Tàu', 'ba-ria-vung-tau'],
    ['Hồ Chí Minh', 'ho-chi-minh'],
    ['Đắk Lắk', 'dak-lak'],
    ['Bình phương hoàng S1', 'binh-phuong-hoang-s1'],
    ['  Hội nghị XVI (2022)! ', 'hoi-nghi-xvi-2022'],
  ])('%s → %s', (text, slug) => {
    expect(slugify(text)).toBe(slug);
  });

  it('gives the same slug for NFD input', () => {
    expect(slugify('Đà Nẵng'.normalize('NFD'))).toBe('da-nang');
  });
});

describe('Vietnamese collation', () => {
  it('orders d before đ, so "Đà Nẵng" comes after "Dương"', () => {
    expect(viCollator.compare('d', 'đ')).toBeLessThan(0);
    expect(viCollator.compare('Đà Nẵng', 'Dương')).toBeGreaterThan(0);
  });

  it('orders o < ô < ơ', () => {
    expect(sortVi(['Ơ', 'Ô', 'O'], (s) => s)).toEqual(['O', 'Ô', 'Ơ']);
  });

  it('sorts province names as a Vietnamese reader expects, numbers by value', () => {
    const names = ['Đồng Tháp', 'Đà Nẵng', 'Cà Mau', 'Dương', 'Bạc Liêu', 'Điện Biên'];
    expect(sortVi(names, (s) => s)).toEqual(['Bạc Liêu', 'Cà Mau', 'Dương', 'Đà Nẵng', 'Điện Biên', 'Đồng Tháp']);
    expect(sortVi(['Đợt 10', 'Đợt 9'], (s) => s)).toEqual(['Đợt 9', 'Đợt 10']);
  });

  it('returns a copy and leaves the input alone', () => {
    const input = ['b', 'a'];
    sortVi(input, (s) => s);
    expect(input).toEqual(['b', 'a']);
  });
});

describe('NFC', () => {
  it('recognises and repairs decomposed text', () => {
    const decomposed = 'Thanh Hóa'.normalize('NFD');
    expect(isNfc('Thanh Hóa')).toBe(true);
    expect(isNfc(decomposed)).toBe(false);
    expect(nfc(decomposed)).toBe('Thanh Hóa');
  });
});
