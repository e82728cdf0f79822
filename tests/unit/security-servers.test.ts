/**
 * The servers the browser tests run against send the production headers: nginx with deploy/nginx/ and the generated
 * include (skipped where nginx is not installed; CI installs it), and the Node fallback with `_headers`. Both hide the
 * host configuration files and behave like the host (index, redirect, 404 page).
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nginxPath, serveWithNginx } from '../../scripts/lib/nginx.ts';
import { openOrigin } from '../../scripts/lib/origin.ts';
import type { StaticServer } from '../../scripts/lib/server.ts';
import { securityHeaders } from '../../src/lib/security/csp.ts';
import { headersFile, nginxHeaders } from '../../src/lib/security/host-config.ts';

const headers = securityHeaders({ tileSource: 'https://tile.openstreetmap.org' });
const csp = headers[0]![1];
let root: string;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'cnnt-servers-test-'));
  await mkdir(join(root, 'tin-tuc'));
  await mkdir(join(root, '_astro'));
  await writeFile(join(root, 'index.html'), '<h1>Trang chủ</h1>');
  await writeFile(join(root, '404.html'), '<h1>Không tìm thấy trang</h1>');
  await writeFile(join(root, 'tin-tuc/index.html'), '<h1>Tin tức</h1>');
  await writeFile(join(root, '_astro/a.B1.js'), 'export {};');
  await writeFile(join(root, '_headers'), headersFile(headers));
  await writeFile(join(root, '_headers.nginx.conf'), nginxHeaders(headers));
});
afterAll(() => rm(root, { recursive: true, force: true }));

function behavesLikeTheHost(start: () => Promise<StaticServer>) {
  let server: StaticServer;
  beforeAll(async () => {
    server = await start();
  });
  afterAll(() => server.close());
  const get = (path: string) => fetch(`${server.origin}${path}`, { redirect: 'manual' });

  it('sends the security headers on pages, files and errors', async () => {
    for (const [path, status] of [
      ['/', 200],
      ['/_astro/a.B1.js', 200],
      ['/khong-co/', 404],
    ] as const) {
      const response = await get(path);
      expect(response.status, path).toBe(status);
      expect(response.headers.get('content-security-policy'), path).toBe(csp);
      expect(response.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(response.headers.get('cross-origin-opener-policy'), path).toBe('same-origin');
    }
  });

  it('serves scripts as JavaScript (nosniff refuses anything else)', async () => {
    expect((await get('/_astro/a.B1.js')).headers.get('content-type')).toMatch(/javascript/);
  });

  it('redirects a folder without its slash, and answers 404 with the 404 page', async () => {
    const redirect = await get('/tin-tuc');
    expect(redirect.status).toBe(301);
    expect(redirect.headers.get('location')).toBe('/tin-tuc/');
    expect(await (await get('/khong-co/')).text()).toContain('Không tìm thấy trang');
  });

  it('does not serve the host configuration', async () => {
    expect((await get('/_headers')).status).toBe(404);
    expect((await get('/_headers.nginx.conf')).status).toBe(404);
  });
}

describe.skipIf(!nginxPath())('nginx with deploy/nginx/static.conf', () => {
  behavesLikeTheHost(() => serveWithNginx(root));
});

describe('Node server with _headers (E2E_SERVER=node)', () => {
  behavesLikeTheHost(async () => {
    const previous = process.env['E2E_SERVER'];
    process.env['E2E_SERVER'] = 'node';
    try {
      return await openOrigin(root);
    } finally {
      if (previous === undefined) delete process.env['E2E_SERVER'];
      else process.env['E2E_SERVER'] = previous;
    }
  });
});

describe('E2E_ORIGIN', () => {
  it('uses a server that is already running, and leaves it running', async () => {
    process.env['E2E_ORIGIN'] = 'http://127.0.0.1:9/';
    try {
      const origin = await openOrigin(root);
      expect(origin.origin).toBe('http://127.0.0.1:9');
      await origin.close();
    } finally {
      delete process.env['E2E_ORIGIN'];
    }
  });
});
