/**
 * The web editor's bundle (/admin/app/), built by Vite on its own and cached, then copied into the site.
 *
 * Sveltia CMS is 15 MB of modules (its locales, Shiki grammars, Leaflet, image codecs). Bundled as a script of the
 * /admin/ page it cost 15 s of every `astro build` (measured at national scale with `npm run bench`), on the build's
 * critical path, though it changes only when the package or these few files change. So:
 * - the bundle is built once per version of its inputs (package-lock.json, src/admin/editor.ts, the Vite plugins that
 *   keep it off CDNs and complete its Vietnamese strings, with those strings, this file) into
 *   node_modules/.cache/admin-editor/<hash>/, then reused;
 * - `astro build` starts it in a separate process when the build starts (the integration below), so a first build
 *   does it on the core Astro leaves idle, and copies it into dist/admin/app/ when the pages are written;
 * - `astro dev` serves src/admin/editor.ts through Vite's dev server as before (src/pages/admin/index.astro).
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cp, mkdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

/** Where the bundle is served from; its chunks and assets load relative to it. */
export const EDITOR_BASE = '/admin/app/';
export const EDITOR_ENTRY = 'editor.js';
const INPUTS = [
  'package-lock.json',
  'src/admin/editor.ts',
  'src/lib/admin/vite-plugin.ts',
  'src/lib/admin/locale-supplement.ts',
  'src/admin/vi-supplement.json',
  'src/lib/admin/editor-bundle.ts',
];

async function cacheDir(root: string): Promise<string> {
  const hash = createHash('sha256');
  for (const file of INPUTS) hash.update(file).update(await readFile(join(root, file)));
  return join(root, 'node_modules/.cache/admin-editor', hash.digest('hex').slice(0, 16));
}

const exists = (path: string) =>
  stat(path).then(
    () => true,
    () => false,
  );

/** Builds the bundle into the cache unless it is there; returns its folder. Run by scripts/build-admin.ts. */
export async function buildEditorBundle(root: string): Promise<{ dir: string; cached: boolean }> {
  const dir = await cacheDir(root);
  if (await exists(join(dir, EDITOR_ENTRY))) return { dir, cached: true };
  const { build } = await import('vite');
  const { sveltiaSelfHosted, sveltiaVietnamese } = await import('./vite-plugin.ts');
  const temp = `${dir}.${process.pid}.tmp`;
  await rm(temp, { recursive: true, force: true });
  await build({
    root,
    configFile: false,
    logLevel: 'warn',
    base: EDITOR_BASE,
    plugins: [sveltiaSelfHosted(), sveltiaVietnamese()],
    build: {
      outDir: temp,
      emptyOutDir: true,
      copyPublicDir: false,
      // Minified as Vite does by default (Sveltia's own modules already are; its grammars and Leaflet are not).
      reportCompressedSize: false,
      chunkSizeWarningLimit: 10_000,
      rollupOptions: {
        input: join(root, 'src/admin/editor.ts'),
        output: {
          entryFileNames: EDITOR_ENTRY,
          chunkFileNames: '[name]-[hash].js',
          assetFileNames: '[name]-[hash][extname]',
        },
      },
    },
  });
  await mkdir(join(dir, '..'), { recursive: true });
  await rm(dir, { recursive: true, force: true });
  await rename(temp, dir);
  return { dir, cached: false };
}

/**
 * Astro integration: starts the bundle when a build starts and copies it into the output when the build is done.
 * The bundle's own output (its time, or any error) is printed with the build's.
 */
export function adminEditor(): AstroIntegration {
  let root = '';
  let pending: Promise<{ code: number; output: string }> | undefined;
  return {
    name: 'admin-editor',
    hooks: {
      'astro:config:done': ({ config }) => {
        root = fileURLToPath(config.root);
      },
      'astro:build:start': () => {
        pending = new Promise((resolve) => {
          const child = spawn(process.execPath, [join(root, 'scripts/build-admin.ts')], {
            cwd: root,
            stdio: ['ignore', 'pipe', 'pipe'],
          });
          let output = '';
          child.stdout.on('data', (c: Buffer) => (output += c));
          child.stderr.on('data', (c: Buffer) => (output += c));
          child.on('close', (code) => resolve({ code: code ?? 1, output }));
        });
      },
      'astro:build:done': async ({ dir, logger }) => {
        const { code, output } = await pending!;
        if (code !== 0) throw new Error(`Không dựng được trình biên tập /admin/ (scripts/build-admin.ts):\n${output}`);
        const from = output.trim().split('\n').at(-1)!;
        await cp(from, fileURLToPath(new URL(EDITOR_BASE.slice(1), dir)), { recursive: true });
        logger.info(
          `/admin/: ${output.includes('(cached)') ? 'trình biên tập lấy từ bộ nhớ đệm' : 'trình biên tập đã dựng'} (${from})`,
        );
      },
    },
  };
}
