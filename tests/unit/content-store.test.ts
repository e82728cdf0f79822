/**
 * The build reads the content store from its file (src/lib/content-store.ts): the module it replaces must still be
 * Astro's, and the replacement must give the same data.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { DATA_STORE_MODULE, contentStoreFromFile } from '../../src/lib/content-store.ts';

const dirs: string[] = [];
afterAll(() => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

type Transform = (code: string, id: string) => { code: string } | undefined;

describe('contentStoreFromFile', () => {
  it('replaces the module Astro names for its content store (an Astro upgrade that renames it fails here)', async () => {
    const consts = await readFile(
      fileURLToPath(new URL('../../node_modules/astro/dist/content/consts.js', import.meta.url)),
      'utf8',
    );
    expect(consts).toContain('const DATA_STORE_VIRTUAL_ID = "astro:data-layer-content";');
    expect(consts).toContain('const RESOLVED_DATA_STORE_VIRTUAL_ID = "\\0" + DATA_STORE_VIRTUAL_ID;');
    expect(DATA_STORE_MODULE).toBe('\0astro:data-layer-content');
  });

  it('reads the same data from the file, and leaves every other module alone', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'store-'));
    dirs.push(dir);
    const file = join(dir, 'data-store.json');
    const data = { products: [['che-tay-son', { name: 'Chè Tây Sơn', quote: 'a "b" \\ c' }]] };
    await writeFile(file, JSON.stringify(data));
    const transform = contentStoreFromFile(file).transform as Transform;

    expect(transform('export default 1', '/src/pages/index.astro')).toBeUndefined();
    const out = transform(`export default JSON.parse(${JSON.stringify(JSON.stringify(data))})`, DATA_STORE_MODULE)!;
    const module = join(dir, 'store.mjs');
    await writeFile(module, out.code);
    expect((await import(module)).default).toEqual(data);

    // No file (a build before any content was synced): Astro's own module is kept.
    expect(
      (contentStoreFromFile(join(dir, 'missing.json')).transform as Transform)('x', DATA_STORE_MODULE),
    ).toBeUndefined();
  });
});
