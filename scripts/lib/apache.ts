/**
 * Serves a built site through Debian's apache2 with the production configuration (deploy/apache/static.conf and the
 * generated `<dist>/.htaccess` included in its <Directory>, as deploy/apache/site.conf does), on a free loopback
 * port, everything in a temp folder; close() stops it. Used by the header check that compares Apache with nginx
 * (tests/unit/host-servers.test.ts).
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { APACHE_HEADERS_FILE } from '../../src/lib/security/host-config.ts';
import type { StaticServer } from './server.ts';

const STATIC_CONF = fileURLToPath(new URL('../../deploy/apache/static.conf', import.meta.url));
const MODULES = '/usr/lib/apache2/modules';
const NEEDED = ['mpm_event', 'authz_core', 'headers', 'mime', 'dir', 'alias', 'filter', 'deflate', 'brotli'];

/** Debian's apache2 binary, when installed with the modules the site needs. */
export const apachePath = (): string | undefined =>
  ['/usr/sbin/apache2'].find(
    (path) => existsSync(path) && NEEDED.every((m) => existsSync(join(MODULES, `mod_${m}.so`))),
  );

const freePort = () =>
  new Promise<number>((done, fail) => {
    const probe = createServer();
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? done(address.port) : fail(new Error('no port'))));
    });
  });

export async function serveWithApache(root: string, binary = apachePath()): Promise<StaticServer> {
  if (!binary) throw new Error('apache2 not found (apt-get install -y apache2)');
  const site = resolve(root);
  const dir = await mkdtemp(join(tmpdir(), 'cnnt-apache-'));
  const port = await freePort();
  // As root, Apache refuses to serve as root: its workers run as Debian's www-data (the site must be world-readable).
  const user = process.getuid?.() === 0 ? 'User www-data\nGroup www-data\n' : '';
  const conf = `# The header check's private Apache (scripts/lib/apache.ts).
ServerRoot "${dir}"
${NEEDED.map((m) => `LoadModule ${m === 'mpm_event' ? 'mpm_event_module' : `${m}_module`} ${MODULES}/mod_${m}.so`).join('\n')}
${user}PidFile "${join(dir, 'apache.pid')}"
ErrorLog "${join(dir, 'error.log')}"
Mutex file:${dir} default
DefaultRuntimeDir "${dir}"
Listen 127.0.0.1:${port}
ServerName localhost
TypesConfig /etc/mime.types
Include "${STATIC_CONF}"
DocumentRoot "${site}"
<Directory "${site}">
    Include "${join(site, APACHE_HEADERS_FILE)}"
</Directory>
`;
  const file = join(dir, 'apache2.conf');
  await writeFile(file, conf);
  const child = spawn(binary, ['-f', file, '-DFOREGROUND'], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (c: Buffer) => (stderr += c.toString()));
  const origin = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 10_000;
  for (;;) {
    try {
      await fetch(`${origin}/`, { method: 'HEAD' });
      break;
    } catch {
      if (child.exitCode !== null || Date.now() > deadline) {
        const log = await readFile(join(dir, 'error.log'), 'utf8').catch(() => '');
        child.kill('SIGKILL');
        await rm(dir, { recursive: true, force: true });
        throw new Error(`apache2 did not start (exit ${child.exitCode ?? 'none'}):\n${stderr}${log}`);
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  return {
    origin,
    close: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((done) => child.once('exit', done));
        child.kill('SIGTERM');
        await Promise.race([exited, new Promise((r) => setTimeout(r, 5_000))]);
        if (child.exitCode === null) child.kill('SIGKILL');
      }
      await rm(dir, { recursive: true, force: true });
    },
  };
}
