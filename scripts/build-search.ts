/**
 * Builds the Pagefind index from the built site. Runs after `astro build` and writes only into dist/pagefind.
 * Pages are indexed from their HTML as served, plus a hidden appendix (see src/lib/search-text.ts) that exists only
 * in the copy given to Pagefind, so what readers see is unchanged.
 */
import { readFile, readdir } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import * as pagefind from 'pagefind';
import { withAppendix } from '../src/lib/search-text.ts';

const DIST = process.argv[2] ?? 'dist';
async function* htmlFiles(dir: string): AsyncGenerator<string> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory() && entry.name !== 'pagefind') yield* htmlFiles(path);
    else if (entry.isFile() && entry.name.endsWith('.html')) yield path;
  }
}

const started = performance.now();
const { index, errors } = await pagefind.createIndex({ forceLanguage: 'vi' });
if (!index) throw new Error(`Pagefind không khởi động được: ${errors.join('; ')}`);
let pages = 0;
for await (const file of htmlFiles(DIST)) {
  const content = withAppendix(await readFile(file, 'utf8'));
  if (!content) continue;
  const url = `/${relative(DIST, file).split(sep).join('/')}`.replace(/index\.html$/, '');
  const added = await index.addHTMLFile({ url, content });
  if (added.errors.length > 0) throw new Error(`${file}: ${added.errors.join('; ')}`);
  pages++;
}
const written = await index.writeFiles({ outputPath: join(DIST, 'pagefind') });
if (written.errors.length > 0) throw new Error(written.errors.join('; '));
await pagefind.close();
console.log(`Chỉ mục tìm kiếm: ${pages} trang, ${Math.round(performance.now() - started)} ms → ${written.outputPath}`);
