/**
 * Vietnamese text helpers: NFC, mark folding (tone and vowel marks removed, đ → d), slugs and sorting.
 * Folding is for keys and search only; what is displayed keeps the author's spelling.
 */

/** Normalise to NFC, the form the site stores and compares. */
export const nfc = (text: string): string => text.normalize('NFC');

/** Lower-case, no marks, đ → d: "Đồng Tháp" → "dong thap". Whitespace collapsed. */
export function foldMarks(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Mn}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** ASCII slug: "Đà Nẵng" → "da-nang", "Bà Rịa – Vũng Tàu" → "ba-ria-vung-tau". */
export function slugify(text: string): string {
  return foldMarks(text)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** Compares as Vietnamese readers expect (d < đ, o < ô < ơ). */
// Marked pure so a bundle that only folds marks (the map) does not build a collator it never uses.
export const viCollator = /* @__PURE__ */ new Intl.Collator('vi', { sensitivity: 'base', numeric: true });

/** A sorted copy of `items`, ordered by the Vietnamese collation of `key(item)`. */
export function sortVi<T>(items: readonly T[], key: (item: T) => string): T[] {
  return [...items].sort((a, b) => viCollator.compare(key(a), key(b)));
}

/** True when the text is already NFC (stored content must be). */
export const isNfc = (text: string): boolean => text === text.normalize('NFC');
