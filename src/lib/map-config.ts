/**
 * The map's one outside dependency: the tile server, a URL template like Leaflet's. Set PUBLIC_MAP_TILES at build
 * time to use another host; an empty value means no tiles at all (the bundled base layer only, no outside request).
 * The map component reads the URL from here, and scripts/build-headers.ts allows its host in the
 * Content-Security-Policy's img-src, so the two cannot disagree.
 */

/** OpenStreetMap's standard tiles; their usage policy asks for a Referer, which strict-origin-when-cross-origin sends. */
export const DEFAULT_MAP_TILES = 'https://tile.openstreetmap.org/{z}/{x}/{y}.png';

/** The environment variable that overrides the tile URL (PUBLIC_ so the map's browser code may be given it). */
export const MAP_TILES_ENV = 'PUBLIC_MAP_TILES';

type Env = Record<string, string | boolean | undefined>;

/** The build's environment; none in a browser. Astro components pass `import.meta.env` instead. */
const processEnv = (): Env => (typeof process === 'undefined' ? {} : process.env);

/** The tile URL template for this build: PUBLIC_MAP_TILES if set (even to ""), else OpenStreetMap's. */
export function mapTileUrl(env: Env = processEnv()): string {
  const value = env[MAP_TILES_ENV];
  return typeof value === 'string' ? value.trim() : DEFAULT_MAP_TILES;
}

/**
 * The CSP source that allows the tiles of `template`: its scheme and host, "{s}" subdomains as a wildcard
 * ("https://{s}.tile.example.org/{z}/{x}/{y}.png" → "https://*.tile.example.org"). Undefined when there are no tiles.
 * Throws on anything but an https (or loopback http) URL: tiles over plain http would be mixed content.
 */
export function tileSource(template: string): string | undefined {
  if (template === '') return undefined;
  const url = new URL(template.replace(/\{s\}\./, 'subdomain-placeholder.').replace(/\{[a-z]+\}/gi, '0'));
  const loopback = url.hostname === '127.0.0.1' || url.hostname === 'localhost';
  if (url.protocol !== 'https:' && !(loopback && url.protocol === 'http:')) {
    throw new Error(`${MAP_TILES_ENV} must be an https:// URL template, got "${template}"`);
  }
  const host = url.host.replace(/^subdomain-placeholder\./, '*.');
  return `${url.protocol}//${host}`;
}

/** The tile URL template for this build's environment (see mapTileUrl). */
export const MAP_TILE_URL = mapTileUrl();
