/**
 * Whether a search result holds the words typed, or only what Pagefind put in their place.
 *
 * When a typed word is in no page, Pagefind searches for the longest start of it that is (pagefind/pagefind#315;
 * no option turns this off, #780): for stemmed languages this finds "installation" while "installa" is typed. Vietnamese
 * is not stemmed, so here it only finds noise: "xyzzyqwv" finds the "X" of "lần thứ X", "bqqqq" every lone "b".
 * Pagefind requires every word of a query on every result, so the first result tells for the whole search.
 *
 * A typed word counts as found when a word Pagefind matched in the result holds at least its first KEEP of it (all of
 * a word of up to three letters). That keeps a slip at the end of a word ("phongg" still finds "phong") and drops a
 * match on one or two letters of a long word.
 */
import { foldMarks } from '../vi-text';

/** The share of a typed word a match must keep. */
const KEEP = 2 / 3;

/** How many first letters of a typed word of `length` letters a match must hold. */
export const mustKeep = (length: number): number => Math.min(length, Math.max(3, Math.ceil(length * KEEP)));

const words = (text: string): string[] =>
  foldMarks(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);

/**
 * The typed words of `query` that the result does not hold: `content` is the result's text as Pagefind returns it
 * (its words separated by spaces) and `locations` the positions of the words it matched.
 */
export function missingWords(query: string, content: string, locations: readonly number[]): string[] {
  const text = content.split(/\s+/);
  // A matched word may be glued to its neighbour in Pagefind's text ("nghiệpĐồng"), so matching is by substring.
  const matched = locations.map((at) => words(text[at] ?? '').join(''));
  return words(query).filter((typed) => {
    const start = typed.slice(0, mustKeep(typed.length));
    return !matched.some((word) => word.includes(start));
  });
}
