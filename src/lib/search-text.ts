/**
 * Extra words given to the search index (never shown on the page) so that Vietnamese typed without marks finds the
 * marked text. Pagefind folds tone and vowel marks itself but keeps đ distinct from d, so "da nang" would miss
 * "Đà Nẵng"; every word containing đ is added again fully folded. Province names of both the record's time and today
 * are added so an old or a new name finds the record. The words carry a low weight, so exact-mark matches rank first.
 */
import { foldMarks } from './vi-text.ts';

const LETTER = /[\p{L}\p{M}\p{N}]/u;

/** Folded forms of the words in `text` that contain đ/Đ, de-duplicated, in first-seen order. */
export function foldedDWords(text: string): string[] {
  const nfc = text.normalize('NFC');
  const words = new Set<string>();
  // Find each đ and grow the word around it: a regex for "a word containing đ" backtracks at every position and cost
  // over 1 ms a page, a minute for a national site's 35,000 pages.
  const d = /[đĐ]/g;
  for (let match = d.exec(nfc); match; match = d.exec(nfc)) {
    let start = match.index;
    while (start > 0 && LETTER.test(nfc[start - 1]!)) start--;
    let end = match.index + 1;
    while (end < nfc.length && LETTER.test(nfc[end]!)) end++;
    words.add(foldMarks(nfc.slice(start, end)));
    d.lastIndex = end;
  }
  return [...words];
}

/** The appendix text for one page: folded đ-words plus each name given, as written and folded. */
export function searchAppendix(text: string, names: readonly string[] = []): string {
  const extra = new Set(foldedDWords(text));
  for (const name of names) {
    extra.add(name);
    extra.add(foldMarks(name));
  }
  return [...extra].join(' ');
}

const BODY_OPEN = /<(\w+)[^>]*\bdata-pagefind-body\b[^>]*>/;
const NAMES = /data-pagefind-filter="tinh\[data-value\]" data-value="([^"]*)"|data-search-alias="([^"]*)"/g;

const decodeEntities = (s: string) =>
  s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');

/**
 * The page as the indexer should see it: the appendix inserted at the start of the element marked
 * data-pagefind-body. Undefined for pages that are not indexed (no such element).
 */
export function withAppendix(html: string): string | undefined {
  const open = BODY_OPEN.exec(html);
  if (!open) return undefined;
  const body = html.slice(open.index);
  const text = decodeEntities(body.replace(/<script[\s\S]*?<\/script>/g, ' ').replace(/<[^>]+>/g, ' '));
  const names = [...body.matchAll(NAMES)].map((m) => decodeEntities(m[1] ?? m[2]!));
  const at = open.index + open[0].length;
  return `${html.slice(0, at)}<p data-pagefind-weight="0.1">${searchAppendix(text, names)}</p>${html.slice(at)}`;
}
