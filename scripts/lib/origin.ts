/**
 * Where the browser tests read the site from, so they run under the production headers wherever they can:
 * - E2E_ORIGIN=http://host:port: a server already running (the tests only read; it must serve E2E_DIST's build);
 * - otherwise Debian's nginx with deploy/nginx/ and the generated headers, when installed (required under CI=true);
 * - otherwise, or with E2E_SERVER=node, a small Node server that sends the headers of the generated `_headers`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  HEADERS_FILE,
  HOST_FILES,
  NGINX_HEADERS_FILE,
  headersFor,
  parseHeadersFile,
} from '../../src/lib/security/host-config.ts';
import { nginxPath, serveWithNginx } from './nginx.ts';
import { serveStatic, type StaticServer } from './server.ts';

export interface Origin extends StaticServer {
  /** What serves the pages, for the log. */
  served: string;
}

export async function openOrigin(dist: string): Promise<Origin> {
  const external = process.env['E2E_ORIGIN']?.replace(/\/$/, '');
  if (external) return { origin: external, served: `${external} (E2E_ORIGIN)`, close: async () => undefined };

  const nginx = nginxPath();
  if (process.env['E2E_SERVER'] !== 'node' && nginx) {
    const server = await serveWithNginx(dist, nginx);
    return { ...server, served: `nginx (${nginx}) with deploy/nginx/static.conf and ${NGINX_HEADERS_FILE}` };
  }
  if (process.env['CI'] === 'true' && process.env['E2E_SERVER'] !== 'node') {
    throw new Error(
      'CI=true: nginx is required, so that the browser tests run under the production headers (apt-get install -y nginx)',
    );
  }
  const file = join(dist, HEADERS_FILE);
  if (!existsSync(file))
    throw new Error(`${file} is missing: run \`npm run build\` (scripts/build-headers.ts writes it)`);
  const rules = parseHeadersFile(readFileSync(file, 'utf8'));
  const server = await serveStatic(dist, {
    headers: (path) => headersFor(rules, path),
    hidden: HOST_FILES.map((file) => `/${file}`),
  });
  if (!nginx) console.warn('nginx not found: serving with Node and the headers of _headers instead (CI uses nginx).');
  return { ...server, served: `Node (scripts/lib/server.ts) with ${HEADERS_FILE}` };
}
