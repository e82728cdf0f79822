/**
 * The security headers and the host configuration written from them: the policy a build ships, the map's tile host,
 * and the `_headers` / nginx files (read back as the test server reads them).
 */
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_MAP_TILES, mapTileUrl, tileSource } from '../../src/lib/map-config.ts';
import { contentSecurityPolicy, securityHeaders, sha256Source } from '../../src/lib/security/csp.ts';
import { headersFile, headersFor, nginxHeaders, parseHeadersFile } from '../../src/lib/security/host-config.ts';

describe('contentSecurityPolicy', () => {
  const csp = contentSecurityPolicy({ tileSource: 'https://tile.openstreetmap.org' });

  it('allows only this origin for scripts, plus WebAssembly for search, and no inline code', () => {
    expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval';");
    expect(csp).toContain("style-src 'self';");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toMatch(/'unsafe-eval'/);
  });

  it('forbids framing, plugins, <base> and everything not listed', () => {
    for (const directive of [
      "default-src 'none'",
      "frame-ancestors 'none'",
      "object-src 'none'",
      "base-uri 'none'",
      "form-action 'self'",
    ]) {
      expect(csp).toContain(directive);
    }
  });

  it('allows map tiles as images only', () => {
    expect(csp).toContain("img-src 'self' data: https://tile.openstreetmap.org;");
    expect(csp.match(/tile\.openstreetmap\.org/g)).toHaveLength(1);
    expect(contentSecurityPolicy({})).toContain("img-src 'self' data:;");
  });

  it('allows inline styles by hash, each once, in a stable order', () => {
    const a = sha256Source('a{}');
    const b = sha256Source('b{}');
    expect(contentSecurityPolicy({ styleHashes: [b, a, b] })).toContain(`style-src 'self' ${[a, b].sort().join(' ')};`);
  });

  it('hashes the exact text as browsers do (sha256 of the empty string)', () => {
    expect(sha256Source('')).toBe("'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='");
  });
});

describe('securityHeaders', () => {
  const headers = Object.fromEntries(securityHeaders({}));
  it('sends HSTS for two years, nosniff, an origin-only cross-site referrer, COOP and a permissions policy', () => {
    expect(headers['Strict-Transport-Security']).toBe('max-age=63072000; includeSubDomains');
    expect(headers['X-Content-Type-Options']).toBe('nosniff');
    expect(headers['Referrer-Policy']).toBe('strict-origin-when-cross-origin');
    expect(headers['Cross-Origin-Opener-Policy']).toBe('same-origin');
    expect(headers['Permissions-Policy']).toMatch(/camera=\(\).*geolocation=\(\).*microphone=\(\)/);
  });
});

describe('map tiles', () => {
  it('uses OpenStreetMap unless PUBLIC_MAP_TILES is set; an empty value means no tiles', () => {
    expect(mapTileUrl({})).toBe(DEFAULT_MAP_TILES);
    expect(mapTileUrl({ PUBLIC_MAP_TILES: ' https://tiles.example.vn/{z}/{x}/{y}.png ' })).toBe(
      'https://tiles.example.vn/{z}/{x}/{y}.png',
    );
    expect(mapTileUrl({ PUBLIC_MAP_TILES: '' })).toBe('');
  });

  it('turns a URL template into the CSP source of its host', () => {
    expect(tileSource(DEFAULT_MAP_TILES)).toBe('https://tile.openstreetmap.org');
    expect(tileSource('https://{s}.tile.example.org/{z}/{x}/{y}{r}.png')).toBe('https://*.tile.example.org');
    expect(tileSource('https://tiles.example.vn:8443/{z}/{x}/{y}.png')).toBe('https://tiles.example.vn:8443');
    expect(tileSource('')).toBeUndefined();
  });

  it('refuses tiles over plain http (mixed content) except from this machine', () => {
    expect(() => tileSource('http://tiles.example.vn/{z}/{x}/{y}.png')).toThrow(/https/);
    expect(tileSource('http://127.0.0.1:8080/{z}/{x}/{y}.png')).toBe('http://127.0.0.1:8080');
  });
});

describe('host configuration', () => {
  const headers = securityHeaders({ tileSource: 'https://tile.openstreetmap.org' });

  it('writes a _headers file that reads back to the same headers on every path, and a long cache for /_astro/', () => {
    const rules = parseHeadersFile(headersFile(headers));
    expect(headersFor(rules, '/tin-tuc/abc/')).toEqual([...headers, ['Cache-Control', 'no-cache']]);
    expect(headersFor(rules, '/_astro/a.B1c.js')).toEqual([
      ...headers,
      ['Cache-Control', 'public, max-age=31536000, immutable'],
    ]);
  });

  it('writes nginx add_header lines sent on every status', () => {
    const conf = nginxHeaders(headers);
    // The security headers and Cache-Control (set per path by the include's `if`s).
    expect(conf.split('\n').filter((l) => l.startsWith('add_header'))).toHaveLength(headers.length + 1);
    expect(conf).toContain('add_header Cache-Control $cnnt_cache_control always;');
    expect(conf).toContain(`add_header Content-Security-Policy "${headers[0]![1]}" always;`);
  });

  it('refuses a value nginx would misread', () => {
    expect(() => nginxHeaders([['X-Test', 'a "quoted" value']])).toThrow(/nginx/);
  });

  it('rejects a malformed _headers file', () => {
    expect(() => parseHeadersFile('  X-Orphan: 1\n')).toThrow(/outside a path/);
  });
});

describe('scripts/build-headers.ts', () => {
  const dirs: string[] = [];
  afterAll(() => Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true }))));

  /** Runs the script on a built site made of `pages` (path → HTML); returns its exit code, output and files. */
  async function buildHeaders(pages: Record<string, string>) {
    const dist = await mkdtemp(join(tmpdir(), 'cnnt-headers-test-'));
    dirs.push(dist);
    for (const [path, html] of Object.entries(pages)) {
      await mkdir(join(dist, path, '..'), { recursive: true });
      await writeFile(join(dist, path), html);
    }
    const result = await promisify(execFile)(process.execPath, ['scripts/build-headers.ts', dist], {
      env: { ...process.env, PUBLIC_MAP_TILES: '' },
    }).then(
      ({ stdout }) => ({ code: 0, output: stdout }),
      (error: { code: number; stdout: string; stderr: string }) => ({
        code: error.code,
        output: error.stdout + error.stderr,
      }),
    );
    const read = (file: string) => readFile(join(dist, file), 'utf8').catch(() => undefined);
    return { ...result, headers: await read('_headers'), nginx: await read('_headers.nginx.conf') };
  }

  it('writes both files, with the hash of an inline style and no tile host when tiles are off', async () => {
    const { code, headers, nginx } = await buildHeaders({
      'index.html': '<style>h1{color:red}</style><h1>Trang chủ</h1>',
    });
    expect(code).toBe(0);
    expect(headers).toContain(`style-src 'self' ${sha256Source('h1{color:red}')};`);
    expect(headers).toContain("img-src 'self' data:;");
    expect(nginx).toContain('add_header Content-Security-Policy');
  });

  it('fails on inline code the policy would block, naming each page, and writes nothing', async () => {
    const { code, output, headers } = await buildHeaders({
      'index.html': '<h1>Trang chủ</h1>',
      'tin-tuc/a/index.html': '<h1>Tin</h1><script>alert(1)</script>',
      'tin-tuc/b/index.html': '<img src="x" onerror="alert(1)">',
    });
    expect(code).toBe(1);
    expect(output).toContain('/tin-tuc/a/index.html: inline <script>');
    expect(output).toContain('/tin-tuc/b/index.html: on…= attribute');
    expect(headers).toBeUndefined();
  });
});
