/**
 * The browser run's own plumbing: if the static server or the sitemap reader were wrong, every page check after them
 * would be wrong too. The server must behave like the production host.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { request } from 'node:http';
import { join } from 'node:path';
import { serveStatic, type StaticServer } from '../../scripts/lib/server.ts';
import { locsOf, readSitemap } from '../../scripts/lib/sitemap.ts';

let root: string;
let server: StaticServer;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'cnnt-server-test-'));
  await mkdir(join(root, 'tinh-thanh/hai-phong'), { recursive: true });
  await writeFile(join(root, 'index.html'), '<h1>Trang chủ</h1>');
  await writeFile(join(root, '404.html'), '<h1>Không tìm thấy trang</h1>');
  await writeFile(join(root, 'tinh-thanh/hai-phong/index.html'), '<h1>Hải Phòng</h1>');
  for (const file of ['a.css', 'a.js', 'a.json', 'a.xml', 'a.svg', 'a.wasm', 'a.webp', 'a.avif', 'a.woff2']) {
    await writeFile(join(root, file), 'x');
  }
  await writeFile(
    join(root, 'sitemap-index.xml'),
    '<sitemapindex><sitemap><loc>https://cnnt-tieubieu.vn/sitemap-0.xml</loc></sitemap></sitemapindex>',
  );
  await writeFile(
    join(root, 'sitemap-0.xml'),
    '<urlset><url><loc>https://cnnt-tieubieu.vn/</loc></url><url><loc> https://cnnt-tieubieu.vn/tim-kiem/?q=a&amp;b=c </loc></url></urlset>',
  );
  server = await serveStatic(root);
});
afterAll(async () => {
  await server.close();
  await rm(root, { recursive: true, force: true });
});

const get = (path: string, method = 'GET') => fetch(`${server.origin}${path}`, { method, redirect: 'manual' });

describe('static server', () => {
  it('listens on 127.0.0.1', () => {
    expect(server.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('serves a directory index as UTF-8 HTML', async () => {
    const response = await get('/tinh-thanh/hai-phong/');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await response.text()).toBe('<h1>Hải Phòng</h1>');
  });

  it('redirects a directory without its trailing slash', async () => {
    const response = await get('/tinh-thanh/hai-phong');
    expect(response.status).toBe(301);
    expect(response.headers.get('location')).toBe('/tinh-thanh/hai-phong/');
  });

  it('answers a miss with 404.html and status 404, for GET and HEAD', async () => {
    const response = await get('/khong-co/');
    expect(response.status).toBe(404);
    expect(await response.text()).toContain('Không tìm thấy trang');
    expect((await get('/khong-co.png', 'HEAD')).status).toBe(404);
  });

  it('does not serve files outside its folder', async () => {
    // node:http sends the path as written (fetch would normalise the dots away before sending).
    const status = await new Promise<number | undefined>((done) =>
      request(`${server.origin}/..%2f..%2f..%2fetc%2fpasswd`, (response) => {
        response.resume();
        done(response.statusCode);
      }).end(),
    );
    expect(status).toBe(400);
  });

  it.each([
    ['a.css', 'text/css; charset=utf-8'],
    ['a.js', 'text/javascript; charset=utf-8'],
    ['a.json', 'application/json; charset=utf-8'],
    ['a.xml', 'application/xml; charset=utf-8'],
    ['a.svg', 'image/svg+xml'],
    ['a.wasm', 'application/wasm'],
    ['a.webp', 'image/webp'],
    ['a.avif', 'image/avif'],
    ['a.woff2', 'font/woff2'],
  ])('%s is sent as %s', async (file, type) => {
    const response = await get(`/${file}`, 'HEAD');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(type);
  });
});

describe('sitemap', () => {
  it('reads <loc> values and decodes XML entities', () => {
    expect(locsOf('<loc>https://a.vn/?x=1&amp;y=2</loc>')).toEqual(['https://a.vn/?x=1&y=2']);
  });

  it('lists every page of every sitemap on the local server', async () => {
    const { siteOrigin, pages } = await readSitemap(root, server.origin);
    expect(siteOrigin).toBe('https://cnnt-tieubieu.vn');
    expect(pages).toEqual([`${server.origin}/`, `${server.origin}/tim-kiem/?q=a&b=c`]);
  });
});
