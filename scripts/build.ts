/**
 * `npm run build`: the content check and `astro build` side by side, then the steps after the build
 * (scripts/postbuild.ts). `node scripts/build.ts [--no-postbuild]`
 *
 * The check (scripts/check.ts) reads every content file and lists every problem in Vietnamese with file, line and
 * field; Astro then validates the same files again while building. Run one after the other they cost 20 s more at
 * national scale (`npm run bench`), and Astro's build leaves the second core mostly idle, so they run together:
 * - the check fails: Astro is stopped and the check's list is what is printed last, the build fails;
 * - Astro fails while the check passes: Astro's error is the answer (a page, a component), the build fails;
 * - both pass: the steps after the build run.
 * Astro's output streams as it comes; the check's is printed whole when it ends, so the two never interleave.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const astroBin = fileURLToPath(new URL('../node_modules/astro/bin/astro.mjs', import.meta.url));

interface Done {
  code: number;
  output: string;
}

function start(args: string[], stream: boolean): { child: ChildProcess; done: Promise<Done> } {
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let output = '';
  const collect = (target: NodeJS.WriteStream) => (chunk: Buffer) => {
    if (stream) target.write(chunk);
    else output += chunk;
  };
  child.stdout!.on('data', collect(process.stdout));
  child.stderr!.on('data', collect(process.stderr));
  const done = new Promise<Done>((resolve) => child.on('close', (code, signal) => resolve({ code: code ?? (signal ? 1 : 0), output })));
  return { child, done };
}

/** Stops a child and everything it started (Astro runs workers). */
function stop(child: ChildProcess): void {
  try {
    process.kill(-child.pid!, 'SIGTERM');
  } catch {
    // already gone
  }
}

const started = performance.now();
const check = start(['scripts/check.ts'], false);
const astro = start([astroBin, 'build'], true);
let checkResult: Done | undefined;
check.done.then((result) => {
  checkResult = result;
  if (result.code !== 0) stop(astro.child);
});
process.on('SIGINT', () => {
  stop(check.child);
  stop(astro.child);
  process.exit(130);
});

const astroResult = await astro.done;
const checked = checkResult ?? (await check.done);
(checked.code === 0 ? process.stdout : process.stderr).write(checked.output);
if (checked.code !== 0) {
  console.error('\nDừng dựng trang: sửa các lỗi nội dung ở trên rồi chạy lại (npm run check chỉ kiểm tra, nhanh hơn).');
  process.exit(1);
}
if (astroResult.code !== 0) process.exit(astroResult.code);
console.log(`Kiểm tra nội dung ‖ astro build: ${((performance.now() - started) / 1000).toFixed(1)} s`);

if (!process.argv.includes('--no-postbuild')) {
  const post = start(['scripts/postbuild.ts'], true);
  process.exit((await post.done).code);
}
