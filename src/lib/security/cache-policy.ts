/**
 * How long browsers and CDNs may keep each file: the one list every host configuration is written from
 * (src/lib/security/host-config.ts: `_headers`, nginx, Apache, CloudFront).
 *
 * Everything revalidates (`no-cache`: kept, but checked with the server before each use, a 304 when unchanged):
 * HTML, JSON, CSV, RSS, sitemaps, share images and every file whose name stays the same when it changes (Pagefind's
 * pagefind.js, its worker, entry file and WebAssembly, the editor's editor.js). A file whose name carries a hash of
 * its content never changes under that name, so it is kept a year without asking: Astro's /_astro/, Pagefind's
 * index, fragments, filters and metadata (scripts/lib/pagefind-compact.ts names fragments by a hash of the set), and
 * the editor's chunks under /admin/app/ (src/lib/admin/editor-bundle.ts: `[name]-[hash]`).
 */
export const REVALIDATE = 'no-cache';
export const IMMUTABLE = 'public, max-age=31536000, immutable';

export interface CacheRule {
  /** What the rule covers, for the generated files' comments. */
  what: string;
  /** `_headers` path patterns (a trailing "*" is a prefix). */
  patterns: string[];
  /** The same paths as a PCRE on the URL path (nginx, Apache, tests). */
  regex: string;
  /** CloudFront cache behaviour path patterns ("*" and "?" anywhere). */
  cloudfront: string[];
  value: string;
}

/** Pagefind's files whose names stay the same when they change (1.6; "unknown" is the WASM for any language). */
export const PAGEFIND_FIXED_NAMES = [
  'pagefind.js',
  'pagefind-worker.js',
  'pagefind-entry.json',
  'pagefind-highlight.js',
  'pagefind-ui.js',
  'pagefind-ui.css',
  'pagefind-modular-ui.js',
  'pagefind-modular-ui.css',
  'pagefind-component-ui.js',
  'pagefind-component-ui.css',
  'wasm.unknown.pagefind',
  'wasm.vi.pagefind',
];

/** In order: a later rule wins over an earlier one for the paths both cover; paths no rule covers revalidate. */
export function cacheRules(): CacheRule[] {
  return [
    {
      what: "Astro's hashed scripts, styles, images and fonts",
      patterns: ['/_astro/*'],
      regex: '^/_astro/',
      cloudfront: ['/_astro/*'],
      value: IMMUTABLE,
    },
    {
      what: "Pagefind's index, fragments, filters and metadata (hashed names)",
      patterns: ['/pagefind/*'],
      regex: '^/pagefind/',
      cloudfront: ['/pagefind/*'],
      value: IMMUTABLE,
    },
    {
      what: "Pagefind's entry files and WebAssembly (same names every build)",
      patterns: PAGEFIND_FIXED_NAMES.map((name) => `/pagefind/${name}`),
      regex: '^/pagefind/(pagefind[\\w-]*\\.(js|css|json)|wasm\\.[\\w-]+\\.pagefind)$',
      cloudfront: ['/pagefind/pagefind.js', '/pagefind/pagefind-*', '/pagefind/wasm.*'],
      value: REVALIDATE,
    },
    {
      what: "the web editor's hashed chunks",
      patterns: ['/admin/app/*'],
      regex: '^/admin/app/',
      cloudfront: ['/admin/app/*'],
      value: IMMUTABLE,
    },
    {
      what: "the web editor's entry (same name every release)",
      patterns: ['/admin/app/editor.js'],
      regex: '^/admin/app/editor\\.js$',
      cloudfront: ['/admin/app/editor.js'],
      value: REVALIDATE,
    },
  ];
}

/** The Cache-Control a path gets (the last matching rule's, else revalidate). */
export function cacheControlFor(path: string, rules: readonly CacheRule[] = cacheRules()): string {
  let value = REVALIDATE;
  for (const rule of rules) if (new RegExp(rule.regex).test(path)) value = rule.value;
  return value;
}

/**
 * Compressed on the fly (brotli, else gzip at level 6) by nginx and Apache: every text type the site serves, WASM
 * included. Pagefind's .pf_* files are gzip already (served as application/octet-stream), photos and fonts are
 * compressed formats.
 */
export const COMPRESSED_TYPES = [
  'text/html',
  'text/css',
  'text/plain',
  'text/xml',
  'text/csv',
  'text/javascript',
  'application/javascript',
  'application/json',
  'application/manifest+json',
  'application/xml',
  'application/rss+xml',
  'image/svg+xml',
  'application/wasm',
];
