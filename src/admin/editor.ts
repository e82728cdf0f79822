/**
 * The web editor's entry (/admin/): Sveltia CMS from the npm registry. Bundled by Vite on its own, outside the site's
 * build (scripts/lib/admin-editor.ts explains why), into /admin/app/editor.js.
 */

// The editor speaks Vietnamese unless its user picked another language in its settings (stored under this key by
// Sveltia CMS, read when it starts); otherwise it would follow the browser's language.
const PREFS = 'sveltia-cms.prefs';
try {
  const prefs = JSON.parse(localStorage.getItem(PREFS) ?? '{}') as { locale?: string };
  if (!prefs.locale) localStorage.setItem(PREFS, JSON.stringify({ ...prefs, locale: 'vi' }));
} catch {
  // Storage unavailable (private mode): the browser's language is used.
}
const { default: CMS } = await import('@sveltia/cms');
void CMS.init();

export {};
