/**
 * UI strings. Every user-visible string in components comes from a dictionary through t(), so an English edition
 * can follow under /en/ by adding en.json with the same keys.
 */
import { fill } from '../lib/fill';
import vi from './vi.json';

export type UiKey = keyof typeof vi;
export const lang = 'vi';

/** The string for `key`, with {placeholders} filled from `vars` (src/lib/fill.ts). */
export function t(key: UiKey, vars?: Record<string, string | number>): string {
  return vars ? fill(vi[key], vars) : vi[key];
}
