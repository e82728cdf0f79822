/**
 * The site's security headers, as one list every host configuration is written from (scripts/build-headers.ts).
 *
 * The Content-Security-Policy allows only this origin's files: scripts and styles are files under /_astro/ (Astro is
 * told not to inline them, see astro.config.mjs), so no inline script can ever run, including one that contributed
 * content might smuggle into a page. Inline <style> elements, if a build has any, are allowed by their hash.
 * Search needs 'wasm-unsafe-eval' (Pagefind compiles its WebAssembly, in a worker from /pagefind/); the map needs
 * its tile host in img-src (src/lib/map-config.ts).
 */
import { createHash } from 'node:crypto';

/** A CSP hash source for an inline element's exact text: 'sha256-…'. */
export const sha256Source = (text: string): string =>
  `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

export interface PolicyInputs {
  /** Where map tiles come from, e.g. "https://tile.openstreetmap.org"; absent when the map uses no tiles. */
  tileSource?: string | undefined;
  /** Hash sources of the inline <style> elements in the output. */
  styleHashes?: readonly string[];
}

/** The policy's directives, in the order they are written. */
export function cspDirectives({ tileSource, styleHashes = [] }: PolicyInputs): Array<[string, string[]]> {
  const unique = [...new Set(styleHashes)].sort();
  return [
    ['default-src', ["'none'"]],
    ['script-src', ["'self'", "'wasm-unsafe-eval'"]],
    ['style-src', ["'self'", ...unique]],
    ['img-src', ["'self'", 'data:', ...(tileSource ? [tileSource] : [])]],
    ['font-src', ["'self'"]],
    ['connect-src', ["'self'"]],
    ['worker-src', ["'self'"]],
    ['manifest-src', ["'self'"]],
    ['object-src', ["'none'"]],
    ['base-uri', ["'none'"]],
    ['form-action', ["'self'"]],
    ['frame-ancestors', ["'none'"]],
  ];
}

const policyOf = (directives: Array<[string, string[]]>): string =>
  directives.map(([name, sources]) => `${name} ${sources.join(' ')}`).join('; ');

export const contentSecurityPolicy = (inputs: PolicyInputs): string => policyOf(cspDirectives(inputs));

/** Where the web editor (Sveltia CMS, src/pages/admin/) lives: the one place with its own, looser policy. */
export const ADMIN_PREFIX = '/admin/';

/**
 * The web editor's policy, sent instead of the site's under /admin/ only. The editor is a third-party single-page app
 * bundled from the npm registry and served from this origin (no CDN), so scripts stay 'self'. What it needs beyond the
 * site's policy, and nothing else:
 * - style-src 'unsafe-inline': its Svelte components add their CSS as <style> elements at run time (dozens, changing
 *   with every release), which no hash list can follow. Scripts stay without 'unsafe-inline', so injected markup still
 *   cannot run code; the pages readers see keep the strict policy.
 * - connect-src https://api.github.com: the GitHub backend (REST and GraphQL) that reads and commits the content;
 *   https://www.githubstatus.com: GitHub's status, shown when GitHub has an incident; data: the editor reads its
 *   built-in logo (a data: URL) before its configuration names ours.
 * - img-src blob: and https://avatars.githubusercontent.com: previews of photos read through the API or chosen for
 *   upload, and the signed-in user's avatar.
 * - 'wasm-unsafe-eval' (as on the site): the WebP encoder that shrinks uploaded photos is WebAssembly.
 */
export function adminCspDirectives(): Array<[string, string[]]> {
  // The site's policy (without map tiles or style hashes), widened by exactly the sources listed above.
  const extra: Record<string, string[]> = {
    'style-src': ["'unsafe-inline'"],
    'img-src': ['blob:', 'https://avatars.githubusercontent.com'],
    'connect-src': ['data:', 'https://api.github.com', 'https://www.githubstatus.com'],
  };
  return cspDirectives({ tileSource: undefined }).flatMap(([name, sources]): Array<[string, string[]]> => {
    const widened: [string, string[]] = [name, [...sources, ...(extra[name] ?? [])]];
    // Photos chosen for upload are previewed as blob: media; the site itself has no media.
    return name === 'connect-src' ? [widened, ['media-src', ["'self'", 'blob:']]] : [widened];
  });
}

export const adminContentSecurityPolicy = (): string => policyOf(adminCspDirectives());

/** The headers that differ under ADMIN_PREFIX: only the policy; every other header is the site's. */
export const adminHeaders = (): Array<[string, string]> => [['Content-Security-Policy', adminContentSecurityPolicy()]];

/**
 * Every response's headers. HSTS is two years without preload (a decision for the domain's owner); COOP isolates the
 * window from pages it opens; the referrer policy sends only the origin to other sites, which tile servers require.
 */
export function securityHeaders(inputs: PolicyInputs): Array<[string, string]> {
  return [
    ['Content-Security-Policy', contentSecurityPolicy(inputs)],
    ['Strict-Transport-Security', 'max-age=63072000; includeSubDomains'],
    ['X-Content-Type-Options', 'nosniff'],
    ['X-Frame-Options', 'DENY'],
    ['Referrer-Policy', 'strict-origin-when-cross-origin'],
    ['Cross-Origin-Opener-Policy', 'same-origin'],
    [
      'Permissions-Policy',
      'accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=()',
    ],
  ];
}

/** Long caching for Astro's hashed files, whose names change whenever their content does. */
export const IMMUTABLE_PREFIX = '/_astro/';
export const IMMUTABLE_CACHE = 'public, max-age=31536000, immutable';
