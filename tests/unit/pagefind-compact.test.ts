/**
 * The compacted search index (scripts/lib/pagefind-compact.ts) must stay readable and find the same pages: every page
 * entry names a fragment file that exists and holds that page; every word is in the chunk Pagefind's lookup picks for
 * it, with every page it was on; only the largest lists lose positions, the best-weighted kept; words with đ are found
 * typed with d; a second build of other content gets other fragment names (cached fragments are never served stale).
 * Bundles are built by Pagefind itself from small pages.
 */
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { decode } from 'cbor-x';
import * as pagefind from 'pagefind';
import { afterAll, describe, expect, it } from 'vitest';
import { capPositions, compactIndex, nextChunkStart, roundWordCount } from '../../scripts/lib/pagefind-compact.ts';

type Pages = Array<[number, number[], number[]?]>;
type Word = [string, Pages, Array<[string, Pages]>?];

const dirs: string[] = [];
afterAll(async () => {
  await pagefind.close();
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
});

async function bundle(pages: string[]): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'pf-compact-'));
  dirs.push(dir);
  const { index } = await pagefind.createIndex({ forceLanguage: 'vi' });
  for (const [i, body] of pages.entries()) {
    await index!.addHTMLFile({
      url: `/trang-${i}/`,
      content: `<html lang="vi"><body><main data-pagefind-body>${body}</main></body></html>`,
    });
  }
  await index!.writeFiles({ outputPath: dir });
  await index!.deleteIndex();
  return dir;
}

const read = (bytes: Buffer) => decode(gunzipSync(bytes).subarray('pagefind_dcd'.length));

async function readBundle(dir: string) {
  const entry = JSON.parse(await readFile(join(dir, 'pagefind-entry.json'), 'utf8'));
  const meta = read(await readFile(join(dir, `pagefind.${entry.languages.vi.hash}.pf_meta`))) as [
    string,
    Array<[string, number, string]>,
    Array<[string, string, string]>,
  ];
  const chunks = new Map<string, Word[]>();
  for (const [, , name] of meta[2])
    chunks.set(name, (read(await readFile(join(dir, 'index', `${name}.pf_index`))) as [Word[]])[0]);
  return { entry, meta, chunks };
}

/** word (as indexed, or a variant as written) → absolute page numbers → positions */
function postings(chunks: Map<string, Word[]>): Map<string, Map<number, number[]>> {
  const out = new Map<string, Map<number, number[]>>();
  const add = (key: string, pages: Pages) => {
    let page = 0;
    const map = out.get(key) ?? new Map<number, number[]>();
    for (const p of pages) map.set((page += p[0]), p[1]);
    out.set(key, map);
  };
  for (const words of chunks.values()) {
    for (const [word, pages, variants] of words) {
      add(word, pages);
      for (const [spelling, list] of variants ?? []) add(`${word}|${spelling}`, list);
    }
  }
  return out;
}

/** The chunk the browser loads for a term: the first whose [from, to] holds it (Pagefind's request_indexes). */
const chunkFor = (chunks: Array<[string, string, string]>, term: string) =>
  chunks.find(
    ([from, to]) =>
      Buffer.compare(Buffer.from(term), Buffer.from(from)) >= 0 &&
      Buffer.compare(Buffer.from(term), Buffer.from(to)) <= 0,
  )?.[2];

const sample = (n: number) =>
  Array.from({ length: n }, (_, i) =>
    i % 3 === 0
      ? `<h1>Công ty gốm ${i}</h1><p>Sản phẩm công nghiệp nông thôn, công nhận năm ${2000 + i}, công bố, công khai.</p><p>Đà Nẵng, đồ gỗ Đồng Kỵ.</p>`
      : `<h1>Trang ${i}</h1><p>Sản phẩm công nghiệp số ${i}: công nhận, công bố, công khai, cộng đồng.</p>`,
  );

describe('compactIndex', () => {
  it('keeps every page of every word, findable in the chunk the browser loads for it', async () => {
    const dir = await bundle(sample(60));
    const before = postings((await readBundle(dir)).chunks);
    const [result] = await compactIndex(dir, { largeList: 100, keepPositions: 2, chunkBytes: 400 });
    const { meta, chunks } = await readBundle(dir);
    const after = postings(chunks);

    expect(result!.chunksAfter).toBeGreaterThan(result!.chunksBefore);
    expect(new Set(await readdir(join(dir, 'index')))).toEqual(
      new Set(meta[2].map(([, , name]) => `${name}.pf_index`)),
    );
    for (const [key, pages] of before) {
      expect([...after.get(key)!.keys()], key).toEqual([...pages.keys()]);
      const word = key.split('|')[0]!;
      expect(
        chunks.get(chunkFor(meta[2], word)!)!.some((w) => w[0] === word),
        word,
      ).toBe(true);
    }
  });

  it('keeps at most a few positions per page only in the largest lists, headings first', async () => {
    const dir = await bundle(sample(60));
    const before = postings((await readBundle(dir)).chunks);
    const [result] = await compactIndex(dir, { largeList: 100, keepPositions: 2 });
    const after = postings((await readBundle(dir)).chunks);
    const count = (locs: number[]) => locs.filter((l) => l >= 0).length;
    const total = (pages: Map<number, number[]>) => [...pages.values()].reduce((n, l) => n + count(l), 0);

    const cong = after.get('cong|công')!;
    expect(total(before.get('cong|công')!)).toBeGreaterThan(100);
    expect(Math.max(...[...cong.values()].map(count))).toBe(2);
    // Page 0 has "Công" in its heading (weight 168, marker -169): that position is among the two kept.
    expect(cong.get(0)).toContain(-169);
    // A small list is untouched.
    expect(after.get('gom|gốm')).toEqual(before.get('gom|gốm'));
    expect(result!.cappedLists).toBeGreaterThan(0);
    expect(result!.positionsRemoved).toBeGreaterThan(0);
  });

  it('finds words with đ typed with d, as variants written with đ', async () => {
    const dir = await bundle(sample(6));
    const [result] = await compactIndex(dir);
    const after = postings((await readBundle(dir)).chunks);
    expect(result!.foldedWords).toBeGreaterThan(0);
    expect([...after.get('da|đà')!.keys()]).toEqual([0, 3]);
    expect([...after.get('dong|đồng')!.keys()]).toEqual([0, 1, 2, 3, 4, 5]);
    expect(after.get('dong|đồng')).toEqual(after.get('đong|đồng'));
    expect([...after.get('do|đồ')!.keys()]).toEqual([0, 3]);
  });

  it('renames fragments to a sequence the metadata points at, rounds word counts, and shrinks the metadata', async () => {
    const dir = await bundle(Array.from({ length: 300 }, (_, i) => `<h1>Trang ${i}</h1><p>Sản phẩm chè số ${i}</p>`));
    const before = (await readFile(join(dir, (await readdir(dir)).find((f) => f.endsWith('.pf_meta'))!))).length;
    const [result] = await compactIndex(dir);
    expect(result!.pages).toBe(300);
    expect(result!.before).toBe(before);
    expect(result!.after).toBeLessThan(before);

    const { entry, meta } = await readBundle(dir);
    expect((await readdir(dir)).filter((f) => f.endsWith('.pf_meta'))).toEqual([
      `pagefind.${entry.languages.vi.hash}.pf_meta`,
    ]);
    const fragments = new Set(await readdir(join(dir, 'fragment')));
    expect(fragments.size).toBe(300);
    const urls = new Set<string>();
    for (const [name, words] of meta[1]) {
      expect(name).toMatch(/^vi_[0-9a-f]{6}_[0-9a-z]+$/);
      expect(fragments.has(`${name}.pf_fragment`)).toBe(true);
      const fragment = JSON.parse(
        gunzipSync(await readFile(join(dir, 'fragment', `${name}.pf_fragment`)))
          .subarray(12)
          .toString(),
      );
      urls.add(fragment.url);
      expect(words).toBe(roundWordCount(fragment.word_count));
    }
    expect(urls.size).toBe(300);
  });

  it('names fragments differently when the content differs', async () => {
    const a = await bundle(['<p>chè</p>', '<p>chè xanh</p>']);
    const b = await bundle(['<p>gốm</p>', '<p>gốm sứ</p>']);
    await compactIndex(a);
    await compactIndex(b);
    const names = async (d: string) => (await readBundle(d)).meta[1].map((p) => p[0]);
    const [first, second] = [await names(a), await names(b)];
    expect(first.some((n) => second.includes(n))).toBe(false);
  });

  it('refuses a bundle whose format it does not know, saying what to do', async () => {
    const dir = await bundle(['<p>chè</p>']);
    const entryFile = join(dir, 'pagefind-entry.json');
    const entry = JSON.parse(await readFile(entryFile, 'utf8'));
    entry.version = '9.0.0';
    await writeFile(entryFile, JSON.stringify(entry));
    await expect(compactIndex(dir)).rejects.toThrow(/phiên bản 9\.0\.0 chưa được kiểm tra.*bỏ bước này/);
  });
});

describe('capPositions, nextChunkStart and roundWordCount', () => {
  it("keeps the best-weighted runs first and a run's first positions, in the list's own order", () => {
    // body run (weight 24): positions 5, 9, 14; heading run (weight 168): position 1
    expect(capPositions([-25, 5, 4, 5, -169, 1], 2)).toEqual([-25, 5, -169, 1]);
    expect(capPositions([-25, 5, 4, 5, -169, 1], 1)).toEqual([-169, 1]);
    expect(capPositions([-25, 5, 4], 3)).toEqual([-25, 5, 4]);
    expect(capPositions([5, 4, 5], 2)).toEqual([5, 4]);
  });

  it('starts a chunk where Pagefind would: the shortest prefix of its first word after the previous chunk', () => {
    expect(nextChunkStart('107', '10700')).toBe('1070');
    expect(nextChunkStart('10', '100')).toBe('100');
    expect(nextChunkStart('14122015', '14122015chinh')).toBe('14122015c');
    expect(nextChunkStart('ty', 'đa')).toBe('đ');
  });

  it('rounds word counts to three significant bits, small ones exact', () => {
    expect([7, 15, 16, 17, 100, 1045, 1093].map(roundWordCount)).toEqual([7, 15, 16, 18, 104, 1024, 1152]);
  });
});
