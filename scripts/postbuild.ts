/**
 * The steps after `astro build`, run side by side: the search index (Pagefind, mostly in its own process), the
 * security headers (reads every page) and the photo metadata check (reads every image). They read the output and
 * write disjoint files (dist/pagefind/, dist/_headers*), so running them together only saves time: at national scale
 * Pagefind leaves a core idle for much of its run (`npm run bench`). Every step's output is printed whole when it ends;
 * any failure fails the build, after all have finished so that every problem is shown.
 * `node scripts/postbuild.ts [dist]`
 */
import { spawn } from 'node:child_process';

const DIST = process.argv[2] ?? 'dist';
const STEPS = ['scripts/build-search.ts', 'scripts/build-headers.ts', 'scripts/check-photo-metadata.ts'];
/** BUILD_FAULT=<name> fails that step after it ran (scripts/build.ts; the atomic-build checks use it). */
const FAULTS: Record<string, string> = { search: STEPS[0]!, headers: STEPS[1]!, photos: STEPS[2]! };
const fault = FAULTS[process.env['BUILD_FAULT'] ?? ''];

const results = await Promise.all(
  STEPS.map(
    (script) =>
      new Promise<{ script: string; code: number; output: string; seconds: number }>((done) => {
        const started = performance.now();
        const child = spawn(process.execPath, [script, DIST], { stdio: ['ignore', 'pipe', 'pipe'] });
        let output = '';
        child.stdout.on('data', (c: Buffer) => (output += c));
        child.stderr.on('data', (c: Buffer) => (output += c));
        child.on('close', (exit) => {
          let code = exit;
          if (script === fault && code === 0) {
            output += `BUILD_FAULT: bước ${script} bị làm hỏng để kiểm thử.\n`;
            code = 1;
          }
          const seconds = (performance.now() - started) / 1000;
          process.stdout.write(`[${script}, ${seconds.toFixed(1)} s]\n${output}`);
          done({ script, code: code ?? 1, output, seconds });
        });
      }),
  ),
);
const failed = results.filter((r) => r.code !== 0);
if (failed.length > 0) {
  console.error(`Bước sau khi dựng bị lỗi: ${failed.map((r) => r.script).join(', ')}`);
  process.exit(1);
}
