/**
 * Builds the Pagefind index from the built site. Runs after `astro build` and writes only into dist/pagefind.
 *
 * Sized for a national site (issue 7, `npm run bench`):
 * - Pagefind's command-line indexer reads dist/ itself on every core; the same index fed page by page through its
 *   Node API took four times as long at 35,000 pages (333 s against 86 s, measured on this machine). Pages are read as
 *   served: nothing is copied or rewritten first (a staging copy with extra words cost 25 s at that size); the extra
 *   words search needs are in the pages' own hidden markup (src/components/SearchMeta.astro) or added to the index
 *   afterwards (đ typed as d, scripts/lib/pagefind-compact.ts).
 * - Only a page's own text is indexed: field labels, table headings, navigation and source credits repeat on thousands
 *   of pages and would make every common word's index chunk huge (EXCLUDE here, data-pagefind-ignore in the pages).
 * - What a first search downloads is compacted (scripts/lib/pagefind-compact.ts: fragment names, word counts, the
 *   positions of the commonest words, chunking), and Pagefind's unused ready-made interfaces are removed.
 */
import { spawn } from 'node:child_process';
import { readFile, readdir, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { compactIndex } from './lib/pagefind-compact.ts';
import { htmlFiles } from './lib/html-files.ts';

const DIST = resolve(process.argv[2] ?? 'dist');
const OUTPUT = join(DIST, 'pagefind');
/** Template text, not content: the same words on every page of a kind. */
const EXCLUDE = ['dl.facts > dt', 'thead', 'nav', '.sources', '.no-print'];
/**
 * SEARCH_MAX_FRAGMENTS=N: at most N fragment files (Pagefind 1.6 `--max-fragments`; beyond it the fragments of
 * several pages share a file). Off by default: one file per page. At national scale (`npm run bench`, 35,663 indexed
 * pages) one file per page makes 78,426 files, beyond Netlify (54,000) and Cloudflare Pages' free plan (20,000);
 * SEARCH_MAX_FRAGMENTS=5000 makes 47,223, but a first search then costs 370–448 KB instead of 206–283 KB (the
 * metadata keeps Pagefind's hashed page names and a group name per page, which scripts/lib/pagefind-compact.ts cannot
 * shorten in bundled form) and each shown result 2.1 KB instead of 0.3 KB. For hosts with a file limit only
 * (deploy/README.md); nginx and Apache have none.
 */
const MAX_FRAGMENTS = Number(process.env['SEARCH_MAX_FRAGMENTS'] || 0);
/** Files read at once while counting the pages to index. */
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
    child.on('close', (code) =>
      code === 0 ? done(output) : fail(new Error(`Pagefind dừng với mã ${code}:\n${output}`)),
    );
  });
}

/** How many pages ask to be indexed (data-pagefind-body): Pagefind must index exactly these, none silently skipped. */
async function countIndexable(): Promise<number> {
  let pages = 0;
  const inFlight = new Set<Promise<void>>();
  for await (const file of htmlFiles(DIST)) {
    const job = readFile(file, 'utf8')
      .then((html) => void (/\sdata-pagefind-body[\s/>=]/.test(html) && pages++))
      .finally(() => inFlight.delete(job));
    inFlight.add(job);
    if (inFlight.size >= CONCURRENCY) await Promise.race(inFlight);
  }
  await Promise.all(inFlight);
  return pages;
}

const started = performance.now();
await rm(OUTPUT, { recursive: true, force: true });
const [pages, log] = await Promise.all([
  countIndexable(),
  run(pagefindBinary(), [
    '--site',
    DIST,
    '--output-path',
    OUTPUT,
    '--force-language',
    'vi',
    ...(MAX_FRAGMENTS > 0 ? ['--max-fragments', String(MAX_FRAGMENTS)] : []),
    ...EXCLUDE.flatMap((selector) => ['--exclude-selectors', selector]),
  ]),
]);
const indexed = Number(/Indexed (\d+) pages/.exec(log)?.[1] ?? NaN);
if (indexed !== pages)
  throw new Error(`Pagefind lập chỉ mục ${indexed} trang, trong khi có ${pages} trang cần tìm được:\n${log}`);
const pagefindDone = performance.now();

// Pagefind also writes its ready-made interfaces; /tim-kiem/ uses only the engine (pagefind.js, its worker and WASM),
// so the unused UI files are removed: they would be published CSS and JS nobody loads.
for (const file of await readdir(OUTPUT)) {
  if (/^pagefind-(ui|component-ui|modular-ui|highlight)\.(js|css)$/.test(file)) await rm(join(OUTPUT, file));
}
const compacted = await compactIndex(OUTPUT);
const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`;
const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
console.log(
  `Chỉ mục tìm kiếm: ${pages} trang, ${s(performance.now() - started)} (Pagefind ${s(pagefindDone - started)}) → ${OUTPUT}` +
    compacted
      .map(
        (c) =>
          `; tệp meta ${kb(c.before)} → ${kb(c.after)}; ${c.foldedWords} từ có đ thêm dạng gõ d; ` +
          `${c.cappedLists} danh sách từ rất phổ biến giữ tối đa vài vị trí mỗi trang (bớt ${c.positionsRemoved} vị trí); ` +
          `${c.chunksBefore} → ${c.chunksAfter} tệp chỉ mục, lớn nhất ${kb(c.largestChunk)}`,
      )
      .join(''),
);
