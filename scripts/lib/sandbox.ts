/**
 * A throw-away copy of the repo for builds that must not touch the real one (scripts/check-build-errors.ts).
 * Sources are copied; node_modules is a real folder of symlinks to the real packages, except Astro's and Vite's
 * caches (node_modules/.astro, .vite), so a broken build never writes into the repo's own content cache.
 */
import { spawn } from 'node:child_process';
import { cp, mkdir, mkdtemp, readdir, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

const SKIP = new Set(['node_modules', 'dist', 'dist.next', 'dist.old', '.git', '.astro', '.cache', 'test-results']);
const CACHES = new Set(['.astro', '.vite', '.cache']);

export async function makeSandbox(repo: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'cnnt-build-check-'));
  await cp(repo, dir, {
    recursive: true,
    filter: (source) => !SKIP.has(relative(repo, source).split(/[\\/]/)[0]!),
  });
  const modules = join(repo, 'node_modules');
  await mkdir(join(dir, 'node_modules'));
  for (const name of await readdir(modules)) {
    if (!CACHES.has(name)) await symlink(join(modules, name), join(dir, 'node_modules', name));
  }
  return dir;
}

export const removeSandbox = (dir: string): Promise<void> => rm(dir, { recursive: true, force: true });

/** Runs `astro build` in `dir`; resolves with its exit code and everything it printed. */
export function build(dir: string): Promise<{ code: number; output: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [join(dir, 'node_modules/astro/bin/astro.mjs'), 'build'], {
      cwd: dir,
      env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1' },
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('close', (code) => done({ code: code ?? 1, output }));
  });
}
