/**
 * Serves a built site through Debian's nginx with the production configuration, for the browser tests: a private
 * instance on a free loopback port, its config, pid, logs and temp files in a temp folder, serving the site with the
 * generated security headers (`<dist>/_headers.nginx.conf`) and deploy/nginx/static.conf, as deploy/nginx/site.conf
 * does in production. close() stops it and removes the folder.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { NGINX_HEADERS_FILE } from '../../src/lib/security/host-config.ts';
import type { StaticServer } from './server.ts';

const STATIC_CONF = fileURLToPath(new URL('../../deploy/nginx/static.conf', import.meta.url));
const BROTLI_CONF = fileURLToPath(new URL('../../deploy/nginx/brotli.conf', import.meta.url));
/** Debian's brotli module (libnginx-mod-http-brotli-filter); without it the tests' nginx serves gzip only. */
export const BROTLI_MODULE = '/usr/lib/nginx/modules/ngx_http_brotli_filter_module.so';
const CANDIDATES = ['/usr/sbin/nginx', '/usr/bin/nginx', '/usr/local/sbin/nginx'];

/** The nginx binary: NGINX_PATH, or Debian's; undefined when there is none. */
export const nginxPath = (): string | undefined =>
  process.env['NGINX_PATH'] || CANDIDATES.find((path) => existsSync(path));

/** A port nobody listens on now (the OS picks it; nginx binds it a moment later). */
const freePort = () =>
  new Promise<number>((done, fail) => {
    const probe = createServer();
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? done(address.port) : fail(new Error('no port'))));
    });
  });

/** The whole nginx.conf of the test instance: main context, then one server block like production's. */
export function testConfig({ dir, root, port }: { dir: string; root: string; port: number }): string {
  const quote = (path: string) => `"${path.replace(/"/g, '\\"')}"`;
  const brotli = existsSync(BROTLI_MODULE);
  return `# The browser tests' private nginx (scripts/lib/nginx.ts).
${brotli ? `load_module ${BROTLI_MODULE};\n` : ''}${process.getuid?.() === 0 ? 'user root;\n' : ''}worker_processes 1;
pid ${quote(join(dir, 'nginx.pid'))};
error_log ${quote(join(dir, 'error.log'))} warn;
events { worker_connections 256; }
http {
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log off;
    client_body_temp_path ${quote(join(dir, 'body'))};
    proxy_temp_path ${quote(join(dir, 'proxy'))};
    fastcgi_temp_path ${quote(join(dir, 'fastcgi'))};
    uwsgi_temp_path ${quote(join(dir, 'uwsgi'))};
    scgi_temp_path ${quote(join(dir, 'scgi'))};
    server {
        listen 127.0.0.1:${port};
        server_name localhost;
        root ${quote(root)};
        include ${quote(join(root, NGINX_HEADERS_FILE))};
        include ${quote(STATIC_CONF)};
${brotli ? `        include ${quote(BROTLI_CONF)};\n` : ''}    }
}
`;
}

async function waitUntilServing(origin: string, child: ChildProcess, log: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) break;
    try {
      await fetch(`${origin}/`, { method: 'HEAD' });
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  const errors = await readFile(log, 'utf8').catch(() => '');
  throw new Error(`nginx did not start (exit ${child.exitCode ?? 'none'}):\n${errors}`);
}

/** Starts nginx serving `root` (a built site with its generated headers); resolves once it answers. */
export async function serveWithNginx(root: string, binary = nginxPath()): Promise<StaticServer> {
  if (!binary) throw new Error('nginx not found (apt-get install -y nginx, or set NGINX_PATH)');
  const site = resolve(root);
  if (!existsSync(join(site, NGINX_HEADERS_FILE))) {
    throw new Error(
      `${join(site, NGINX_HEADERS_FILE)} is missing: run \`npm run build\` (scripts/build-headers.ts writes it)`,
    );
  }
  const dir = await mkdtemp(join(tmpdir(), 'cnnt-nginx-'));
  const port = await freePort();
  const conf = join(dir, 'nginx.conf');
  await writeFile(conf, testConfig({ dir, root: site, port }));
  const log = join(dir, 'error.log');
  // -e: errors before the config is read go to our log too, not to /var/log/nginx (not writable without root).
  const child = spawn(binary, ['-e', log, '-p', dir, '-c', conf, '-g', 'daemon off;'], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const origin = `http://127.0.0.1:${port}`;
  try {
    await waitUntilServing(origin, child, log);
  } catch (error) {
    child.kill('SIGTERM');
    await rm(dir, { recursive: true, force: true });
    throw new Error(`${error instanceof Error ? error.message : String(error)}${stderr}`);
  }
  return {
    origin,
    close: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((done) => child.once('exit', done));
        child.kill('SIGQUIT'); // graceful: finish the open requests, then exit
        await Promise.race([exited, new Promise((r) => setTimeout(r, 5_000))]);
        if (child.exitCode === null) child.kill('SIGKILL');
      }
      await rm(dir, { recursive: true, force: true });
    },
  };
}
