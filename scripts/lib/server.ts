/**
 * A tiny static server for dist/, so the browser run needs nothing but Node: it behaves like the production host
 * (directory → index.html, /dir → /dir/ redirect, 404.html with status 404, correct content types, and the headers
 * `headers` gives each path: scripts/lib/origin.ts passes those of the generated `_headers` file).
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, resolve, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.pdf': 'application/pdf',
  '.map': 'application/json; charset=utf-8',
};

export const contentType = (file: string): string => TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';

export interface StaticServer {
  origin: string;
  close(): Promise<void>;
}

const isFile = async (path: string) => (await stat(path).catch(() => undefined))?.isFile() ?? false;
const isDir = async (path: string) => (await stat(path).catch(() => undefined))?.isDirectory() ?? false;

export interface ServeOptions {
  /** Extra response headers for a request path (e.g. the site's security headers). */
  headers?: (path: string) => Array<[string, string]>;
  /** Paths answered 404 although a file exists (host configuration written beside the site). */
  hidden?: readonly string[];
}

/** Serves `root` on 127.0.0.1 at a free port. */
export async function serveStatic(
  root: string,
  { headers = () => [], hidden = [] }: ServeOptions = {},
): Promise<StaticServer> {
  const base = resolve(root);
  const server: Server = createServer(async (req, res) => {
    for (const [name, value] of headers(new URL(req.url ?? '/', 'http://localhost').pathname))
      res.setHeader(name, value);
    const send = (status: number, file: string) => {
      // The host files' Cache-Control (`_headers`) for what exists; an error page revalidates, as on nginx and Apache.
      const cache = status < 400 ? res.getHeader('cache-control') : undefined;
      res.writeHead(status, {
        'content-type': contentType(file),
        'cache-control': typeof cache === 'string' ? cache : 'no-cache',
      });
      if (req.method === 'HEAD') res.end();
      else createReadStream(file).pipe(res);
    };
    try {
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        res.writeHead(405, { allow: 'GET, HEAD' }).end();
        return;
      }
      const url = new URL(req.url ?? '/', 'http://localhost');
      const path = resolve(join(base, decodeURIComponent(url.pathname)));
      if (path !== base && !path.startsWith(base + sep)) {
        res.writeHead(400).end();
        return;
      }
      if (hidden.includes(url.pathname)) {
        // answered like any missing file, below
      } else if (await isDir(path)) {
        if (!url.pathname.endsWith('/')) {
          res.writeHead(301, { location: `${url.pathname}/${url.search}` }).end();
          return;
        }
        const index = join(path, 'index.html');
        if (await isFile(index)) return send(200, index);
      } else if (await isFile(path)) {
        return send(200, path);
      }
      const notFound = join(base, '404.html');
      if (await isFile(notFound)) return send(404, notFound);
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('404');
    } catch (error) {
      res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' }).end(String(error));
    }
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
