/**
 * Fills the gaps in one of Sveltia CMS's locales with this site's own strings (src/admin/vi-supplement.json for
 * Vietnamese), so that no English shows in the editor where upstream has not translated a string yet.
 * Used by the Vite plugin that transforms the locale's module (src/lib/admin/vite-plugin.ts); tested in
 * tests/unit/admin-locale.test.ts.
 */

/** A locale file's shape: nested objects of strings (MessageFormat 2 messages). */
export interface Locale {
  [key: string]: string | Locale;
}

const own = (locale: Locale | undefined, key: string) =>
  locale && Object.hasOwn(locale, key) ? locale[key] : undefined;

/**
 * Upstream's strings with the supplement's under them: upstream's translation wins wherever it has one; a supplement
 * string fills a key upstream lacks, or one it left as the English (identical to en-US), which is not a translation.
 */
export function supplementLocale(upstream: Locale, supplement: Locale, english: Locale): Locale {
  const merged: Locale = { ...upstream };
  for (const [key, value] of Object.entries(supplement)) {
    const theirs = own(upstream, key);
    const source = own(english, key);
    if (typeof value === 'string') {
      if (theirs === undefined || (typeof theirs === 'string' && theirs === source)) merged[key] = value;
    } else if (theirs === undefined || typeof theirs === 'object') {
      merged[key] = supplementLocale(theirs ?? {}, value, typeof source === 'object' ? source : {});
    }
    // Otherwise upstream's shape differs from the supplement's (a string where the supplement has a group, or the
    // reverse): upstream wins, and the unit test reports the stale supplement entry.
  }
  return merged;
}

/** Every string of a locale under its dotted key ("config.error.invalid_step"), in the file's order. */
export function flattenLocale(locale: Locale, prefix = ''): Map<string, string> {
  const flat = new Map<string, string>();
  for (const [key, value] of Object.entries(locale)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') flat.set(path, value);
    else for (const [k, v] of flattenLocale(value, path)) flat.set(k, v);
  }
  return flat;
}
