/**
 * Writes the site's security headers for the hosts it may be served from, computed from the built output:
 * `<dist>/_headers` (Netlify, Cloudflare Pages), `<dist>/_headers.nginx.conf` (included by deploy/nginx/site.conf),
 * `<dist>/.htaccess` (Apache 2.4, deploy/apache/site.conf) and `<dist>/_headers.cloudfront.json` (CloudFront
 * response-headers policies), all from src/lib/security/host-config.ts with the caching of cache-policy.ts. Runs after `astro build`; `node scripts/build-headers.ts [dist]`. The web editor under
 * /admin/ gets its own policy (adminCspDirectives in src/lib/security/csp.ts); every other path the site's.
 *
 * It reads every page: an inline <style> is allowed by its hash; anything the policy would block (an inline
 * <script> other than a data block such as JSON-LD, an on…= handler, a style="" attribute, a javascript: link) fails
 * the build, listing each page: it would be dead on the site, and an inline script is what injected content looks like.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { mapTileUrl, tileSource } from '../src/lib/map-config.ts';
import {
  ADMIN_PREFIX,
  adminContentSecurityPolicy,
  adminHeaders,
  contentSecurityPolicy,
  securityHeaders,
  sha256Source,
} from '../src/lib/security/csp.ts';
import { cacheRules } from '../src/lib/security/cache-policy.ts';
import {
  APACHE_HEADERS_FILE,
  CLOUDFRONT_FILE,
  HEADERS_FILE,
  NGINX_HEADERS_FILE,
  apacheConfig,
  cloudFrontPolicies,
  headersFile,
  nginxHeaders,
  type HeaderArea,
} from '../src/lib/security/host-config.ts';
import { inlineCode, type InlineKind } from '../src/lib/security/inline.ts';
import { htmlFiles } from './lib/html-files.ts';

const DIST = process.argv[2] ?? 'dist';

const WHY: Record<Exclude<InlineKind, 'style'>, string> = {
  script: 'inline <script>: write it as a processed <script> in a component (Astro bundles it into /_astro/)',
  'event-handler': 'on…= attribute: add the listener from a bundled script',
  'style-attribute': 'style="" attribute: use a class in the component\'s <style>',
  'javascript-url': 'javascript: URL: use a button with a bundled listener',
};

const started = performance.now();
const styleHashes = new Set<string>();
const problems: string[] = [];
let pages = 0;
for await (const file of htmlFiles(DIST)) {
  pages++;
  const page = `/${relative(DIST, file).split(sep).join('/')}`;
  for (const { kind, code } of inlineCode(await readFile(file, 'utf8'))) {
    if (kind === 'style') styleHashes.add(sha256Source(code));
    else problems.push(`${page}: ${WHY[kind]}: ${code.replace(/\s+/g, ' ').trim().slice(0, 100)}`);
  }
}
if (problems.length > 0) {
  console.error(`The Content-Security-Policy would block ${problems.length} piece(s) of inline code:`);
  for (const problem of problems.slice(0, 50)) console.error(`  ${problem}`);
  if (problems.length > 50) console.error(`  … and ${problems.length - 50} more`);
  process.exit(1);
}

const inputs = { tileSource: tileSource(mapTileUrl()), styleHashes: [...styleHashes] };
const headers = securityHeaders(inputs);
// The web editor: its own policy, and kept out of search engines.
const areas: HeaderArea[] = [
  { prefix: ADMIN_PREFIX, headers: [...adminHeaders(), ['X-Robots-Tag', 'noindex, nofollow']] },
];
const cache = cacheRules();
await writeFile(join(DIST, HEADERS_FILE), headersFile(headers, areas, cache));
await writeFile(join(DIST, NGINX_HEADERS_FILE), nginxHeaders(headers, areas, cache));
await writeFile(join(DIST, APACHE_HEADERS_FILE), apacheConfig(headers, areas, cache));
await writeFile(join(DIST, CLOUDFRONT_FILE), `${JSON.stringify(cloudFrontPolicies(headers, areas, cache), null, 2)}\n`);
console.log(
  `Security headers: ${pages} pages, ${styleHashes.size} inline style hash(es), ${Math.round(performance.now() - started)} ms → ${join(DIST, HEADERS_FILE)}, ${NGINX_HEADERS_FILE}, ${APACHE_HEADERS_FILE}, ${CLOUDFRONT_FILE}`,
);
console.log(`  Content-Security-Policy: ${contentSecurityPolicy(inputs)}`);
console.log(`  Content-Security-Policy under ${ADMIN_PREFIX} (web editor): ${adminContentSecurityPolicy()}`);
