/**
 * The compacted search metadata (scripts/lib/pagefind-compact.ts) must stay readable: every page entry names a
 * fragment file that exists and holds that page, the entry file points at the new metadata, the metadata shrinks, and
 * a second build of other content gets other fragment names (so cached fragments are never served stale).
 */
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { decode } from 'cbor-x';
import * as pagefind from 'pagefind';
import { afterAll, describe, expect, it } from 'vitest';
import { compactFragmentNames } from '../../scripts/lib/pagefind-compact.ts';

const dirs: string[] = [];
afterAll(async () => {
  await pagefind.close();
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
});

async function bundle(pages: number, word: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'pf-compact-'));
  dirs.push(dir);
  const { index } = await pagefind.createIndex({ forceLanguage: 'vi' });
  for (let i = 0; i < pages; i++) {
    await index!.addHTMLFile({
      url: `/trang-${i}/`,
      content: `<html lang="vi"><body><main data-pagefind-body><h1>Trang ${i}</h1><p>Sản phẩm ${word} số ${i}</p></main></body></html>`,
    });
  }
  await index!.writeFiles({ outputPath: dir });
  await index!.deleteIndex();
  return dir;
}

async function readMeta(dir: string) {
  const entry = JSON.parse(await readFile(join(dir, 'pagefind-entry.json'), 'utf8'));
  const hash = entry.languages.vi.hash as string;
  const raw = gunzipSync(await readFile(join(dir, `pagefind.${hash}.pf_meta`)));
  return { entry, meta: decode(raw.subarray('pagefind_dcd'.length)) as [string, Array<[string, number, string]>] };
}

describe('compactFragmentNames', () => {
  it('renames fragments to a sequence the metadata points at, and shrinks the metadata', async () => {
    const dir = await bundle(300, 'chè');
    const before = (await readFile(join(dir, (await readdir(dir)).find((f) => f.endsWith('.pf_meta'))!))).length;
    const [result] = await compactFragmentNames(dir);
    expect(result!.pages).toBe(300);
    expect(result!.before).toBe(before);
    expect(result!.after).toBeLessThan(before);

    const { entry, meta } = await readMeta(dir);
    expect((await readdir(dir)).filter((f) => f.endsWith('.pf_meta'))).toEqual([`pagefind.${entry.languages.vi.hash}.pf_meta`]);
    const fragments = new Set(await readdir(join(dir, 'fragment')));
    expect(fragments.size).toBe(300);
    const urls = new Set<string>();
    for (const [name] of meta[1]) {
      expect(name).toMatch(/^vi_[0-9a-f]{6}_[0-9a-z]+$/);
      expect(fragments.has(`${name}.pf_fragment`)).toBe(true);
      const fragment = JSON.parse(gunzipSync(await readFile(join(dir, 'fragment', `${name}.pf_fragment`))).subarray(12).toString());
      urls.add(fragment.url);
    }
    expect(urls.size).toBe(300);
  });

  it('names fragments differently when the content differs', async () => {
    const a = await bundle(5, 'chè');
    const b = await bundle(5, 'gốm');
    await compactFragmentNames(a);
    await compactFragmentNames(b);
    const names = async (d: string) => (await readMeta(d)).meta[1].map((p) => p[0]);
    const [first, second] = [await names(a), await names(b)];
    expect(first.some((n) => second.includes(n))).toBe(false);
  });

  it('refuses a bundle whose format it does not know, saying what to do', async () => {
    const dir = await bundle(2, 'chè');
    const entryFile = join(dir, 'pagefind-entry.json');
    const entry = JSON.parse(await readFile(entryFile, 'utf8'));
    entry.version = '9.0.0';
    await import('node:fs/promises').then((fs) => fs.writeFile(entryFile, JSON.stringify(entry)));
    await expect(compactFragmentNames(dir)).rejects.toThrow(/phiên bản 9\.0\.0 chưa được kiểm tra/);
  });
});
