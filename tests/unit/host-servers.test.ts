/**
 * One source of truth for every host (src/lib/security/cache-policy.ts, host-config.ts): each page type gets the
 * same security headers, Cache-Control and compression from nginx (deploy/nginx/ + the generated include), Apache
 * (deploy/apache/ + the generated .htaccess), the Node test server (`_headers`) and CloudFront's policies. The server
 * checks are skipped where nginx or apache2 is not installed (.ci/run installs both).
 */
import { readFileSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apachePath, serveWithApache } from '../../scripts/lib/apache.ts';
import { BROTLI_MODULE, nginxPath, serveWithNginx } from '../../scripts/lib/nginx.ts';
import { openOrigin } from '../../scripts/lib/origin.ts';
import type { StaticServer } from '../../scripts/lib/server.ts';
import {
  COMPRESSED_TYPES,
  IMMUTABLE,
  REVALIDATE,
  cacheControlFor,
  cacheRules,
} from '../../src/lib/security/cache-policy.ts';
import { ADMIN_PREFIX, adminHeaders, securityHeaders } from '../../src/lib/security/csp.ts';
import {
  CLOUDFLARE_MAX_LINE,
  apacheConfig,
  cloudFrontPolicies,
  headersFile,
  nginxHeaders,
  type HeaderArea,
} from '../../src/lib/security/host-config.ts';
import { existsSync } from 'node:fs';

const headers = securityHeaders({ tileSource: 'https://tile.openstreetmap.org' });
const areas: HeaderArea[] = [
  { prefix: ADMIN_PREFIX, headers: [...adminHeaders(), ['X-Robots-Tag', 'noindex, nofollow']] },
];
const siteCsp = headers[0]![1];
const adminCsp = adminHeaders()[0]![1];

/** One file of each type the site serves (path → body); big enough to be compressed. */
const filler = 'Sản phẩm công nghiệp nông thôn tiêu biểu. '.repeat(60);
const FILES: Record<string, string> = {
  '/index.html': `<!doctype html><title>Trang chủ</title><p>${filler}</p>`,
  '/404.html': `<!doctype html><title>Không tìm thấy trang</title><p>${filler}</p>`,
  '/tin-tuc/index.html': `<!doctype html><title>Tin tức</title><p>${filler}</p>`,
  '/du-lieu/san-pham.json': JSON.stringify({ text: filler }),
  '/du-lieu/san-pham.csv': `ten,tinh\n${filler},Thanh Hóa\n`,
  '/rss.xml': `<?xml version="1.0"?><rss><channel><title>${filler}</title></channel></rss>`,
  '/sitemap-index.xml': `<?xml version="1.0"?><sitemapindex><!-- ${filler} --></sitemapindex>`,
  '/_astro/page.B1c2D3.js': `export const text = ${JSON.stringify(filler)};`,
  '/_astro/page.B1c2D3.css': `p::after { content: ${JSON.stringify(filler)}; }`,
  '/pagefind/pagefind.js': `export const text = ${JSON.stringify(filler)};`,
  '/pagefind/pagefind.vi_0123456789.pf_meta': 'binary',
  '/pagefind/fragment/vi_a1b2c3_0.pf_fragment': 'binary',
  '/admin/index.html': `<!doctype html><title>Biên tập</title><p>${filler}</p>`,
  '/admin/app/editor.js': `export const text = ${JSON.stringify(filler)};`,
  '/admin/app/chunk-AbC12345.js': `export const text = ${JSON.stringify(filler)};`,
};
/** Request path → what it is, for messages. */
const PATHS = [
  '/',
  '/tin-tuc/',
  '/du-lieu/san-pham.json',
  '/du-lieu/san-pham.csv',
  '/rss.xml',
  '/sitemap-index.xml',
  '/_astro/page.B1c2D3.js',
  '/_astro/page.B1c2D3.css',
  '/pagefind/pagefind.js',
  '/pagefind/pagefind.vi_0123456789.pf_meta',
  '/pagefind/fragment/vi_a1b2c3_0.pf_fragment',
  '/admin/',
  '/admin/app/editor.js',
  '/admin/app/chunk-AbC12345.js',
  '/khong-co/',
  '/_astro/khong-co.js',
];
const TEXT = (path: string) => !path.includes('.pf_');

let root: string;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'cnnt-hosts-test-'));
  await chmod(root, 0o755); // Apache's workers (www-data when run as root) read it
  for (const [path, body] of Object.entries(FILES)) {
    await mkdir(dirname(join(root, path)), { recursive: true });
    await writeFile(join(root, path), body);
  }
  await writeFile(join(root, '_headers'), headersFile(headers, areas));
  await writeFile(join(root, '_headers.nginx.conf'), nginxHeaders(headers, areas));
  await writeFile(join(root, '.htaccess'), apacheConfig(headers, areas));
});
afterAll(() => rm(root, { recursive: true, force: true }));

describe('the caching rules', () => {
  it('revalidate pages, data and entry files; keep hashed files a year', () => {
    for (const path of [
      '/',
      '/tin-tuc/a/',
      '/du-lieu/san-pham.json',
      '/du-lieu/san-pham.csv',
      '/rss.xml',
      '/sitemap-0.xml',
      '/og/site.png',
      '/pagefind/pagefind.js',
      '/pagefind/pagefind-worker.js',
      '/pagefind/pagefind-entry.json',
      '/pagefind/wasm.unknown.pagefind',
      '/admin/',
      '/admin/app/editor.js',
    ]) {
      expect(cacheControlFor(path), path).toBe(REVALIDATE);
    }
    for (const path of [
      '/_astro/a.B1.js',
      '/pagefind/pagefind.vi_0123456789.pf_meta',
      '/pagefind/index/vi_1.pf_index',
      '/pagefind/fragment/vi_1_0.pf_fragment',
      '/pagefind/filter/vi_1.pf_filter',
      '/admin/app/chunk-AbC12345.js',
      '/admin/app/webp_enc-BpZvKflB-BpZvKflB.wasm',
    ]) {
      expect(cacheControlFor(path), path).toBe(IMMUTABLE);
    }
  });

  it("stay within Cloudflare Pages' limits for _headers (100 rules, 2,000 characters a line)", () => {
    const text = headersFile(headers, areas);
    expect(text.split('\n').filter((l) => l.startsWith('/')).length).toBeLessThanOrEqual(100);
    expect(Math.max(...text.split('\n').map((l) => l.length))).toBeLessThanOrEqual(CLOUDFLARE_MAX_LINE);
    expect(() => headersFile([['X-Long', 'a'.repeat(2100)]])).toThrow(/Cloudflare/);
  });

  it('compress the same types in nginx (gzip and brotli) as in the module Apache reads', () => {
    const types = (file: string, directive: string) => {
      const text = readFileSync(new URL(`../../deploy/nginx/${file}`, import.meta.url), 'utf8');
      return new RegExp(`${directive}([^;]+);`).exec(text)![1]!.trim().split(/\s+/).sort();
    };
    const expected = COMPRESSED_TYPES.filter((t) => t !== 'text/html').sort(); // nginx always compresses text/html
    expect(types('static.conf', 'gzip_types')).toEqual(expected);
    expect(types('brotli.conf', 'brotli_types')).toEqual(expected);
    expect(readFileSync(new URL('../../deploy/nginx/static.conf', import.meta.url), 'utf8')).toMatch(
      /gzip_comp_level [6-9];/,
    );
  });

  it("give CloudFront a policy per behaviour, most specific first, with the same Cache-Control and the editor's policy under /admin/", () => {
    const { behaviours } = cloudFrontPolicies(headers, areas);
    const patterns = behaviours.map((b) => b.pathPattern);
    expect(patterns.indexOf('/admin/app/editor.js')).toBeLessThan(patterns.indexOf('/admin/app/*'));
    expect(patterns.indexOf('/admin/app/*')).toBeLessThan(patterns.indexOf('/admin/*'));
    expect(patterns.at(-1)).toBe('Default (*)');
    const cache = (pattern: string) =>
      behaviours
        .find((b) => b.pathPattern === pattern)!
        .config.CustomHeadersConfig.Items.find((i) => i.Header === 'Cache-Control')!.Value;
    expect(cache('/_astro/*')).toBe(IMMUTABLE);
    expect(cache('/pagefind/*')).toBe(IMMUTABLE);
    expect(cache('/pagefind/pagefind-*')).toBe(REVALIDATE);
    expect(cache('/admin/app/editor.js')).toBe(REVALIDATE);
    expect(cache('Default (*)')).toBe(REVALIDATE);
    const admin = behaviours.find((b) => b.pathPattern === '/admin/*')!.config;
    expect(admin.SecurityHeadersConfig.ContentSecurityPolicy.ContentSecurityPolicy).toBe(adminCsp);
    expect(admin.CustomHeadersConfig.Items.some((i) => i.Header === 'X-Robots-Tag')).toBe(true);
    expect(behaviours.at(-1)!.config.SecurityHeadersConfig.ContentSecurityPolicy.ContentSecurityPolicy).toBe(siteCsp);
    expect(cacheRules().every((rule) => rule.cloudfront.length > 0)).toBe(true);
  });
});

interface Seen {
  status: number;
  csp: string | null;
  cache: string | null;
  robots: string | null;
  nosniff: string | null;
  encoding: string | null;
  type: string;
}

async function look(server: StaticServer, path: string): Promise<Seen> {
  const response = await fetch(`${server.origin}${path}`, {
    headers: { 'Accept-Encoding': 'br, gzip' },
    redirect: 'manual',
    decompress: false,
  } as RequestInit);
  await response.arrayBuffer();
  const h = response.headers;
  return {
    status: response.status,
    csp: h.get('content-security-policy'),
    cache: h.get('cache-control'),
    robots: h.get('x-robots-tag'),
    nosniff: h.get('x-content-type-options'),
    encoding: h.get('content-encoding'),
    // text/javascript and application/javascript are the same type.
    type: (h.get('content-type') ?? '').replace('application/javascript', 'text/javascript').replace(/;\s*/, '; '),
  };
}

/** Apache does not compress its ErrorDocument (the 404 page, 4 KB), whatever the filters: a known difference. */
const compressedError = (name: string) => !name.startsWith('Apache');

function servesRight(name: string, start: () => Promise<StaticServer>, compresses: boolean) {
  describe(name, () => {
    let server: StaticServer;
    beforeAll(async () => {
      server = await start();
    });
    afterAll(() => server?.close());
    for (const path of PATHS) {
      it(`serves ${path} with the security headers and its caching${compresses && TEXT(path) ? ', compressed' : ''}`, async () => {
        const seen = await look(server, path);
        const missing = path.includes('khong-co');
        expect(seen.status).toBe(missing ? 404 : 200);
        expect(seen.csp).toBe(path.startsWith(ADMIN_PREFIX) ? adminCsp : siteCsp);
        expect(seen.nosniff).toBe('nosniff');
        expect(seen.cache).toBe(missing ? REVALIDATE : cacheControlFor(path));
        expect(seen.robots).toBe(path.startsWith(ADMIN_PREFIX) ? 'noindex, nofollow' : null);
        if (compresses && TEXT(path) && (!missing || compressedError(name)))
          expect(seen.encoding).toMatch(/^(br|gzip)$/);
        if (!TEXT(path)) expect(seen.encoding).toBeNull();
      });
    }
  });
}

// Under CI=true both are required (.ci/run installs them): the checks run, and fail if a server is missing.
const ci = process.env['CI'] === 'true';
const hasNginx = ci || Boolean(nginxPath());
const hasApache = ci || Boolean(apachePath());
describe.skipIf(!hasNginx)('nginx', () => servesRight('nginx (deploy/nginx/)', () => serveWithNginx(root), true));
describe.skipIf(!hasApache)('Apache', () =>
  servesRight('Apache 2.4 (deploy/apache/)', () => serveWithApache(root), true),
);
describe('Node', () =>
  servesRight(
    'Node test server (_headers)',
    async () => {
      process.env['E2E_SERVER'] = 'node';
      try {
        return await openOrigin(root);
      } finally {
        delete process.env['E2E_SERVER'];
      }
    },
    false,
  ));

describe.skipIf(!hasNginx || !hasApache)('Apache and nginx', () => {
  let nginx: StaticServer;
  let apache: StaticServer;
  beforeAll(async () => {
    [nginx, apache] = await Promise.all([serveWithNginx(root), serveWithApache(root)]);
  });
  afterAll(() => Promise.all([nginx?.close(), apache?.close()]));
  it('answer every page type with the same status, headers, caching and encoding', async () => {
    for (const path of PATHS) {
      const [a, b] = await Promise.all([look(nginx, path), look(apache, path)]);
      // nginx serves br only with Debian's brotli module; without it, gzip.
      if (!existsSync(BROTLI_MODULE) && a.encoding === 'gzip' && b.encoding === 'br') b.encoding = 'gzip';
      if (b.status === 404) b.encoding = a.encoding; // Apache leaves its 404 page uncompressed
      expect(b, path).toEqual(a);
    }
  });
});
