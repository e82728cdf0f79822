/**
 * Cell text as the importer reads it: NFC, whitespace collapsed (including the no-break spaces Excel likes), and keys
 * that compare ignoring case, marks and punctuation.
 */
import { foldMarks } from '../vi-text.ts';

/** A cell's value as clean text: numbers as written in JavaScript (85.5), dates as YYYY-MM-DD, NFC, trimmed. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  return (
    String(value)
      .normalize('NFC')
      .replace(/[\s\u00a0\u200b\ufeff]+/gu, ' ')
      .trim()
      // The guard our own CSV export puts before a leading = + - @ (see results-csv.ts).
      .replace(/^'(?=[=+\-@])/, '')
  );
}

/** A key for comparing names: no case, no marks, đ → d, punctuation as spaces. "Chè Tây-Sơn" → "che tay son". */
export function matchKey(text: string): string {
  let key = keys.get(text);
  if (key === undefined) {
    key = foldMarks(text)
      .replace(/[^a-z0-9]+/g, ' ')
      .trim();
    // The same province, group and establishment names recur on every row: each is folded once.
    if (keys.size >= 100_000) keys.clear();
    keys.set(text, key);
  }
  return key;
}
const keys = new Map<string, string>();

/** The same key with no spaces at all, for headers and names written run together ("Tỉnh/Thành phố" → "tinhthanhpho"). */
export const squashKey = (text: string): string => matchKey(text).replace(/ /g, '');

/**
 * A number as Vietnamese writes it, or as a spreadsheet stores it: "85,5", "85.5", "1.234,5", "1234". Undefined when
 * the text is not a number.
 */
export function parseViNumber(text: string): number | undefined {
  const s = text.replace(/\s/g, '');
  let normal: string | undefined;
  if (/^-?\d+(?:[.,]\d+)?$/.test(s)) normal = s.replace(',', '.');
  else if (/^-?\d{1,3}(?:\.\d{3})+(?:,\d+)?$/.test(s)) normal = s.replace(/\./g, '').replace(',', '.');
  else if (/^-?\d{1,3}(?:,\d{3})+(?:\.\d+)?$/.test(s)) normal = s.replace(/,/g, '');
  if (normal === undefined) return undefined;
  const value = Number(normal);
  return Number.isFinite(value) ? value : undefined;
}

/** Spreadsheet column letter of a 0-based index: 0 → A, 26 → AA. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let letters = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    letters = String.fromCharCode(65 + r) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}
