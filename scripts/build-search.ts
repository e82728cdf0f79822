/**
 * Builds the Pagefind index from the built site. Runs after `astro build` and writes only into dist/pagefind.
 * Pages are indexed from their HTML as served, plus a hidden appendix (see src/lib/search-text.ts) that exists only
 * in the copy given to Pagefind, so what readers see is unchanged.
 *
 * Sized for a national site (issue 7, `npm run bench`): only a page's own text is indexed (field labels, breadcrumbs,
 * table headings and source credits repeat on thousands of pages and would make every common word's index chunk
 * huge), pages are handed to Pagefind many at a time (it indexes on both cores), and the metadata every search
 * downloads first is compacted (scripts/lib/pagefind-compact.ts).
 */
import { readFile, readdir, rm } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import * as pagefind from 'pagefind';
import { withAppendix } from '../src/lib/search-text.ts';
import { compactFragmentNames } from './lib/pagefind-compact.ts';

const DIST = process.argv[2] ?? 'dist';
/** Template text, not content: the same words on every page of a kind. */
const EXCLUDE = ['dl.facts > dt', 'thead', 'nav', '.sources', '.no-print'];
/** Pages in flight at once: enough to keep Pagefind's indexer busy while Node reads the next files. */
const CONCURRENCY = 24;

async function* htmlFiles(dir: string): AsyncGenerator<string> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory() && entry.name !== 'pagefind') yield* htmlFiles(path);
    else if (entry.isFile() && entry.name.endsWith('.html')) yield path;
  }
}

const started = performance.now();
const { index, errors } = await pagefind.createIndex({ forceLanguage: 'vi', excludeSelectors: EXCLUDE });
if (!index) throw new Error(`Pagefind không khởi động được: ${errors.join('; ')}`);
let pages = 0;
const inFlight = new Set<Promise<void>>();
async function add(file: string): Promise<void> {
  const content = withAppendix(await readFile(file, 'utf8'));
  if (!content) return;
  const url = `/${relative(DIST, file).split(sep).join('/')}`.replace(/index\.html$/, '');
  const added = await index!.addHTMLFile({ url, content });
  if (added.errors.length > 0) throw new Error(`${file}: ${added.errors.join('; ')}`);
  pages++;
}
for await (const file of htmlFiles(DIST)) {
  const job = add(file).finally(() => inFlight.delete(job));
  inFlight.add(job);
  if (inFlight.size >= CONCURRENCY) await Promise.race(inFlight);
}
await Promise.all(inFlight);
const written = await index.writeFiles({ outputPath: join(DIST, 'pagefind') });
if (written.errors.length > 0) throw new Error(written.errors.join('; '));
await pagefind.close();
// Pagefind also writes its ready-made interfaces; /tim-kiem/ uses only the engine (pagefind.js, its worker and WASM),
// so the unused UI files are removed: they would be published CSS and JS nobody loads.
for (const file of await readdir(written.outputPath)) {
  if (/^pagefind-(ui|component-ui|modular-ui|highlight)\.(js|css)$/.test(file)) await rm(join(written.outputPath, file));
}
const compacted = await compactFragmentNames(written.outputPath);
const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`;
console.log(
  `Chỉ mục tìm kiếm: ${pages} trang, ${Math.round(performance.now() - started)} ms → ${written.outputPath}` +
    compacted.map((c) => `; tệp meta ${kb(c.before)} → ${kb(c.after)}`).join(''),
);
