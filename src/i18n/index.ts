/**
 * UI strings. Every user-visible string in components comes from a dictionary through t(), so an English edition
 * can follow under /en/ by adding en.json with the same keys.
 */
import vi from './vi.json';

export type UiKey = keyof typeof vi;
export const lang = 'vi';

/** The string for `key`, with {placeholders} filled from `vars`. */
export function t(key: UiKey, vars?: Record<string, string | number>): string {
  const text = vi[key];
  // Most strings have nothing to fill, and t() runs millions of times in a national build: skip the regex then.
  if (!vars || !text.includes('{')) return text;
  return text.replace(/\{(\w+)\}/g, (match, name: string) => String(vars[name] ?? match));
}
