/**
 * Builds the Pagefind index from the built site. Runs after `astro build` and writes only into dist/pagefind.
 * Pages are indexed from their HTML as served, plus a hidden appendix (see src/lib/search-text.ts) that exists only
 * in a staging copy given to Pagefind, so what readers see is unchanged.
 *
 * Sized for a national site (issue 7, `npm run bench`):
 * - Pagefind's command-line indexer reads the staging copy itself on every core; the same index fed page by page
 *   through its Node API took four times as long at 35,000 pages (333 s against 86 s, measured on this machine).
 * - Only a page's own text is indexed: field labels, table headings, navigation and source credits repeat on thousands
 *   of pages and would make every common word's index chunk huge.
 * - The metadata every search downloads first is compacted (scripts/lib/pagefind-compact.ts), and Pagefind's unused
 *   ready-made interfaces are removed.
 */
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { withAppendix } from '../src/lib/search-text.ts';
import { compactFragmentNames } from './lib/pagefind-compact.ts';
import { htmlFiles } from './lib/html-files.ts';

const DIST = resolve(process.argv[2] ?? 'dist');
const OUTPUT = join(DIST, 'pagefind');
/** Template text, not content: the same words on every page of a kind. */
const EXCLUDE = ['dl.facts > dt', 'thead', 'nav', '.sources', '.no-print'];
/** Files read and written at once while staging. */
const CONCURRENCY = 32;

/** The Pagefind binary the `pagefind` package installed for this platform (the package's own launcher finds it so). */
function pagefindBinary(): string {
  const require = createRequire(import.meta.url);
  const platform = process.platform === 'win32' ? 'windows' : process.platform;
  const exe = platform === 'windows' ? '.exe' : '';
  for (const name of ['pagefind_extended', 'pagefind']) {
    try {
      return require.resolve(`@pagefind/${platform}-${process.arch}/bin/${name}${exe}`);
    } catch {
      // try the next name
    }
  }
  throw new Error(`Không tìm thấy chương trình Pagefind cho ${platform}-${process.arch}: chạy lại npm install`);
}

function run(command: string, args: string[]): Promise<string> {
  return new Promise((done, fail) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (c: Buffer) => (output += c));
    child.stderr.on('data', (c: Buffer) => (output += c));
    child.on('error', fail);
    child.on('close', (code) => (code === 0 ? done(output) : fail(new Error(`Pagefind dừng với mã ${code}:\n${output}`))));
  });
}

const started = performance.now();
const stage = await mkdtemp(join(tmpdir(), 'cnnt-search-'));
try {
  // 1. The staging copy: indexed pages only, each with its appendix.
  let pages = 0;
  const inFlight = new Set<Promise<void>>();
  const stageOne = async (file: string) => {
    const content = withAppendix(await readFile(file, 'utf8'));
    if (!content) return;
    const target = join(stage, relative(DIST, file));
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, content);
    pages++;
  };
  for await (const file of htmlFiles(DIST)) {
    const job = stageOne(file).finally(() => inFlight.delete(job));
    inFlight.add(job);
    if (inFlight.size >= CONCURRENCY) await Promise.race(inFlight);
  }
  await Promise.all(inFlight);
  const staged = performance.now();

  // 2. Pagefind over the copy, written into the real site.
  await rm(OUTPUT, { recursive: true, force: true });
  const log = await run(pagefindBinary(), [
    '--site', stage,
    '--output-path', OUTPUT,
    '--force-language', 'vi',
    ...EXCLUDE.flatMap((selector) => ['--exclude-selectors', selector]),
  ]);
  const indexed = Number(/Indexed (\d+) pages/.exec(log)?.[1] ?? NaN);
  if (indexed !== pages) throw new Error(`Pagefind lập chỉ mục ${indexed} trang, trong khi có ${pages} trang cần tìm được:\n${log}`);

  // 3. Pagefind also writes its ready-made interfaces; /tim-kiem/ uses only the engine (pagefind.js, its worker and
  // WASM), so the unused UI files are removed: they would be published CSS and JS nobody loads.
  for (const file of await readdir(OUTPUT)) {
    if (/^pagefind-(ui|component-ui|modular-ui|highlight)\.(js|css)$/.test(file)) await rm(join(OUTPUT, file));
  }
  const compacted = await compactFragmentNames(OUTPUT);
  const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`;
  const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  console.log(
    `Chỉ mục tìm kiếm: ${pages} trang, ${s(performance.now() - started)} (chuẩn bị ${s(staged - started)}) → ${OUTPUT}` +
      compacted.map((c) => `; tệp meta ${kb(c.before)} → ${kb(c.after)}`).join(''),
  );
} finally {
  await rm(stage, { recursive: true, force: true });
}
