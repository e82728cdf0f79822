import { readdir } from 'node:fs/promises';
import { join } from 'node:path';

/** Every page of a built site: the .html files under `dir`, leaving out the search index (dist/pagefind). */
export async function* htmlFiles(dir: string): AsyncGenerator<string> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory() && entry.name !== 'pagefind') yield* htmlFiles(path);
    else if (entry.isFile() && entry.name.endsWith('.html')) yield path;
  }
}
