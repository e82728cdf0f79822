/**
 * Makes Pagefind's output small enough for a national site's first search (issue 7: ≤ 300 KB even for the most
 * common word, measured with `npm run bench`). A first search downloads the engine, the metadata (one entry per page)
 * and the one index chunk holding the word typed; at 35,000 pages Pagefind's own output cost 476 KB for "công".
 * Four changes, each measured at that size:
 *
 * 1. Fragment names. Each metadata entry names its page's fragment file by a content hash ("vi_1913ff7"); random
 *    names do not compress (240 KB gzipped). They become a sequence ("vi_<set>_0", "vi_<set>_1", …), about half.
 *    <set> is a hash of all the original names, so a name changes whenever any content changes and long-lived caching
 *    stays correct.
 * 2. Word counts. Each entry also holds the page's word count, used only to rank long pages a little lower. Rounded
 *    to three significant bits (at most 6 % off) they compress to a fifth; rankings move by less than that rounding.
 * 3. Word positions of the commonest words. Pagefind stores every position of a word on every page, for excerpts,
 *    term frequency and quoted phrases. For a word on nearly every page ("công" 346,000 positions) that list alone
 *    was 266 KB. A list with more than LARGE_LIST positions keeps at most KEEP_POSITIONS per page, the best-weighted
 *    first (a heading before body text). Every page stays in every word's list, so what a search finds is unchanged;
 *    only a page where such a word occurs many times ranks as if it occurred KEEP_POSITIONS times (its rarer words
 *    decide the order anyway), its excerpt centres on the kept positions, and a quoted phrase made of such a word
 *    matches only at kept positions. Then the words are regrouped into chunks of at most CHUNK_BYTES, so a word never
 *    brings in a neighbour's large list.
 * 4. đ typed as d. Pagefind folds tone and vowel marks (a search for "cong" finds "công") but keeps đ apart from d,
 *    so "da nang" would miss "Đà Nẵng". Each word with đ is added again under its d form ("đà" under "da", as a
 *    variant as written, like Pagefind's own variants), so a search typed without any marks finds it. Doing this in the
 *    index instead of adding folded words to each page's text keeps those words out of excerpts and saved copying
 *    every page before indexing.
 *
 * This edits Pagefind's own file formats (gzip, the "pagefind_dcd" signature, then CBOR). Metadata: [version, pages
 * [name, word count, group], index chunks [from, to, name], filters, sorts, meta fields]. Index chunk: [[word entry]],
 * a word entry [word, pages, variants [[word as written, pages]]], a page [page number delta, positions, meta
 * positions], positions delta-coded in runs that each start with a negative weight marker (-(weight + 1)). Every shape
 * is checked first and anything unexpected stops the build with what to do, rather than writing an index the browser
 * cannot read.
 */
import { createHash } from 'node:crypto';
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { Encoder, decode } from 'cbor-x';

const SIGNATURE = 'pagefind_dcd';
const SUPPORTED = /^1\.6\./;

/** A word's list is "large" above this many positions (summed over its pages). */
export const LARGE_LIST = 10_000;
/** Positions kept per page in a large list. */
export const KEEP_POSITIONS = 2;
/** Index chunks are cut at about this many bytes of CBOR before gzip (≈ 20–30 KB gzipped). */
export const CHUNK_BYTES = 64 * 1024;

interface Entry {
  version: string;
  languages: Record<string, { hash: string; wasm: string | null; page_count: number }>;
}

/** [page number delta, positions, meta positions] */
type PagePositions = [number, number[], number[]?];
/** [word, pages, variants] */
type WordEntry = [string, PagePositions[], Array<[string, PagePositions[]]>?];
/** [from, to, file name] */
type ChunkMeta = [string, string, string];

export interface CompactResult {
  pages: number;
  /** Gzipped metadata before and after. */
  before: number;
  after: number;
  /** Words with đ added under their d form. */
  foldedWords: number;
  /** Word lists whose positions were capped, and the positions removed. */
  cappedLists: number;
  positionsRemoved: number;
  /** Index chunks before and after regrouping, and the largest after (gzipped bytes). */
  chunksBefore: number;
  chunksAfter: number;
  largestChunk: number;
}

export interface CompactOptions {
  largeList?: number;
  keepPositions?: number;
  chunkBytes?: number;
}

function fail(message: string): never {
  throw new Error(
    `Thu gọn chỉ mục tìm kiếm: ${message}. Định dạng tệp của Pagefind có thể đã đổi (xem scripts/lib/pagefind-compact.ts): ` +
      'kiểm tra lại với phiên bản Pagefind đang cài, hoặc bỏ bước này trong scripts/build-search.ts.',
  );
}

const sha = (bytes: Buffer | string) => createHash('sha256').update(bytes).digest('hex');
const encoder = new Encoder({ useRecords: false, mapsAsObjects: false, variableMapSize: true });
const isInt = (n: unknown): n is number => Number.isInteger(n);
const isIntArray = (a: unknown): a is number[] => Array.isArray(a) && a.every(isInt);

function readPagefindFile(bytes: Buffer, what: string): unknown {
  const raw = gunzipSync(bytes);
  if (raw.subarray(0, SIGNATURE.length).toString('latin1') !== SIGNATURE)
    fail(`thiếu chữ ký pagefind_dcd trong ${what}`);
  return decode(raw.subarray(SIGNATURE.length));
}

/**
 * Encodes and gzips a Pagefind file. The metadata (one small file every search loads) is checked by decoding it again
 * and compressed hardest; index chunks (33 MB at national scale) are compressed at zlib's default level: level 9 took
 * 7 s instead of 1 s for 2 % fewer bytes. Their content is integers and strings already checked by checkChunk.
 */
function writePagefindFile(value: unknown, what: 'meta' | 'chunk'): Buffer {
  const encoded = encoder.encode(value);
  if (what === 'meta' && JSON.stringify(decode(encoded)) !== JSON.stringify(value))
    fail('mã hóa lại tệp meta không khớp');
  return gzipSync(Buffer.concat([Buffer.from(SIGNATURE, 'latin1'), encoded]), { level: what === 'meta' ? 9 : 6 });
}

/** Rounds to three significant bits: 1045 → 1024, 1093 → 1152. Small counts stay exact. */
export function roundWordCount(n: number): number {
  if (n < 16) return n;
  const step = 2 ** (Math.floor(Math.log2(n)) - 3);
  return Math.round(n / step) * step;
}

function checkPages(pages: unknown, word: string): asserts pages is PagePositions[] {
  if (
    !Array.isArray(pages) ||
    !pages.every(
      (p) =>
        Array.isArray(p) &&
        (p.length === 2 || p.length === 3) &&
        isInt(p[0]) &&
        p[0] >= 0 &&
        isIntArray(p[1]) &&
        (p[2] === undefined || isIntArray(p[2])),
    )
  ) {
    fail(`danh sách trang của từ "${word}" không như mong đợi`);
  }
}

function checkChunk(chunk: unknown, name: string): WordEntry[] {
  if (!Array.isArray(chunk) || chunk.length !== 1 || !Array.isArray(chunk[0]))
    fail(`tệp chỉ mục ${name} không như mong đợi`);
  for (const word of chunk[0] as unknown[]) {
    if (!Array.isArray(word) || (word.length !== 2 && word.length !== 3) || typeof word[0] !== 'string') {
      fail(`một từ trong tệp chỉ mục ${name} không như mong đợi`);
    }
    checkPages(word[1], word[0]);
    if (word[2] !== undefined) {
      if (!Array.isArray(word[2])) fail(`biến thể của từ "${word[0]}" không như mong đợi`);
      for (const variant of word[2] as unknown[]) {
        if (!Array.isArray(variant) || variant.length !== 2 || typeof variant[0] !== 'string') {
          fail(`biến thể của từ "${word[0]}" không như mong đợi`);
        }
        checkPages(variant[1], variant[0]);
      }
    }
  }
  return chunk[0] as WordEntry[];
}

const positionCount = (locs: number[]) => locs.reduce((n, l) => n + (l >= 0 ? 1 : 0), 0);

/**
 * The first `keep` positions of one page's list, best-weighted runs first, in the list's own format. A run is a
 * weight marker (negative; -(weight + 1)) and delta-coded positions starting from 0; a run's first positions are kept,
 * so the deltas stay valid. A list without a leading marker starts at the default weight (24, Pagefind's marker -25).
 */
export function capPositions(locs: number[], keep: number): number[] {
  if (positionCount(locs) <= keep) return locs;
  const runs: Array<{ marker?: number; positions: number[] }> = [];
  for (const loc of locs) {
    if (loc < 0) runs.push({ marker: loc, positions: [] });
    else {
      if (runs.length === 0) runs.push({ positions: [] });
      runs[runs.length - 1]!.positions.push(loc);
    }
  }
  const weight = (run: { marker?: number }) => (run.marker === undefined ? 24 : -run.marker - 1);
  const kept = new Map<object, number>();
  let left = keep;
  for (const run of [...runs].sort((a, b) => weight(b) - weight(a))) {
    const n = Math.min(left, run.positions.length);
    kept.set(run, n);
    left -= n;
  }
  const out: number[] = [];
  for (const run of runs) {
    const n = kept.get(run) ?? 0;
    if (n === 0) continue;
    if (run.marker !== undefined) out.push(run.marker);
    out.push(...run.positions.slice(0, n));
  }
  return out;
}

/** Page lists as absolute page numbers and back (Pagefind stores the difference from the previous page). */
function mergePageLists(a: PagePositions[], b: PagePositions[]): PagePositions[] {
  const absolute = (list: PagePositions[]) => {
    let page = 0;
    return list.map((p): PagePositions => (p[2] === undefined ? [(page += p[0]), p[1]] : [(page += p[0]), p[1], p[2]]));
  };
  const merged = new Map<number, PagePositions>();
  for (const p of [...absolute(a), ...absolute(b)]) {
    const seen = merged.get(p[0]);
    // The same page under two spellings that fold alike ("đod", "dođ"): keep the one with more positions.
    if (!seen || positionCount(p[1]) > positionCount(seen[1])) merged.set(p[0], p);
  }
  let previous = 0;
  return [...merged.values()]
    .sort((x, y) => x[0] - y[0])
    .map((p): PagePositions => {
      const delta = p[0] - previous;
      previous = p[0];
      return p[2] === undefined ? [delta, p[1]] : [delta, p[1], p[2]];
    });
}

/** Pagefind's order of words: by UTF-8 bytes (Rust's string order), which its chunk lookup relies on. */
const byBytes = (a: WordEntry, b: WordEntry) => Buffer.compare(Buffer.from(a[0]), Buffer.from(b[0]));

/**
 * Adds every word containing đ under its d form as variants (see 4. above). Returns the new word list, in order, and
 * how many words were folded.
 */
export function foldD(words: WordEntry[]): { words: WordEntry[]; folded: number } {
  const byKey = new Map(words.map((w) => [w[0], w]));
  let folded = 0;
  for (const word of words) {
    if (!word[0].includes('đ')) continue;
    folded++;
    const key = word[0].replace(/đ/g, 'd');
    let target = byKey.get(key);
    if (!target) {
      target = [key, [], []];
      byKey.set(key, target);
    }
    const variants = (target[2] ??= []);
    const add: Array<[string, PagePositions[]]> = [
      ...(word[1].length > 0 ? [[word[0], word[1]] as [string, PagePositions[]]] : []),
      ...(word[2] ?? []),
    ];
    for (const [spelling, pages] of add) {
      const copy = structuredClone(pages);
      const same = variants.find((v) => v[0] === spelling);
      if (same) same[1] = mergePageLists(same[1], copy);
      else variants.push([spelling, copy]);
    }
  }
  return { words: [...byKey.values()].sort(byBytes), folded };
}

/**
 * Chunk boundaries as Pagefind 1.6 writes them: a chunk ends at its last word, and the next begins at the shortest
 * prefix of its first word that sorts after that (last "107", next "10700" → from "1070"), so a term between two
 * chunks is looked up in neither and Pagefind's fallback loads the chunks that may hold its extensions.
 */
export function nextChunkStart(last: string, next: string): string {
  const chars = Array.from(next);
  for (let n = 1; n <= chars.length; n++) {
    const prefix = chars.slice(0, n).join('');
    if (Buffer.compare(Buffer.from(prefix), Buffer.from(last)) > 0) return prefix;
  }
  return next;
}

/** Rewrites a Pagefind bundle in `outputPath` as described above; returns what changed per language. */
export async function compactIndex(outputPath: string, options: CompactOptions = {}): Promise<CompactResult[]> {
  const largeList = options.largeList ?? LARGE_LIST;
  const keepPositions = options.keepPositions ?? KEEP_POSITIONS;
  const chunkBytes = options.chunkBytes ?? CHUNK_BYTES;
  const entryFile = join(outputPath, 'pagefind-entry.json');
  const entry = JSON.parse(await readFile(entryFile, 'utf8')) as Entry;
  if (!SUPPORTED.test(entry.version)) fail(`phiên bản ${entry.version} chưa được kiểm tra`);
  const results: CompactResult[] = [];
  for (const [language, info] of Object.entries(entry.languages)) {
    const metaFile = join(outputPath, `pagefind.${info.hash}.pf_meta`);
    const gz = await readFile(metaFile);
    const meta = readPagefindFile(gz, 'tệp meta') as unknown[];
    const pages = meta[1];
    const chunks = meta[2];
    if (
      !Array.isArray(meta) ||
      meta[0] !== entry.version ||
      !Array.isArray(pages) ||
      pages.length !== info.page_count ||
      !pages.every((p) => Array.isArray(p) && typeof p[0] === 'string' && /^[\w-]+$/.test(p[0]) && isInt(p[1])) ||
      !Array.isArray(chunks) ||
      !chunks.every((c) => Array.isArray(c) && c.length === 3 && c.every((s) => typeof s === 'string'))
    ) {
      fail('tệp meta không như mong đợi');
    }
    // Fragments bundled into shared group files (Pagefind's --max-fragments, scripts/build-search.ts): each page names
    // its fragment inside its group file, so names stay as Pagefind wrote them (group files carry their own hash);
    // only the word counts are rounded.
    const grouped = (pages as unknown[][]).some((p) => typeof p[2] === 'string' && p[2] !== '');

    // 1–2. Fragment names and word counts. Renaming is not all-or-nothing on a file system, so a failure stops the
    // build; a half-renamed index is never published because the build is atomic (scripts/build.ts).
    if (!grouped) {
      const oldNames = (pages as Array<[string, number]>).map((p) => p[0]);
      const set = sha(oldNames.join('\n')).slice(0, 6);
      const newNames = oldNames.map((_, i) => `${language}_${set}_${i.toString(36)}`);
      const fragments = join(outputPath, 'fragment');
      await Promise.all(
        oldNames.map((name, i) =>
          rename(join(fragments, `${name}.pf_fragment`), join(fragments, `${newNames[i]}.pf_fragment`)),
        ),
      );
      (pages as unknown[][]).forEach((p, i) => {
        p[0] = newNames[i];
      });
    }
    for (const p of pages as unknown[][]) p[1] = roundWordCount(p[1] as number);

    // 3–4. đ typed as d, the positions of the largest lists, then the words regrouped into chunks.
    const read: WordEntry[] = [];
    for (const [, , name] of chunks as ChunkMeta[]) {
      read.push(
        ...checkChunk(readPagefindFile(await readFile(join(outputPath, 'index', `${name}.pf_index`)), name), name),
      );
    }
    const { words, folded } = foldD(read);
    let cappedLists = 0;
    let positionsRemoved = 0;
    for (const word of words) {
      for (const list of [word[1], ...(word[2] ?? []).map((v) => v[1])]) {
        const total = list.reduce((n, p) => n + positionCount(p[1]), 0);
        if (total <= largeList) continue;
        cappedLists++;
        for (const page of list) {
          const capped = capPositions(page[1], keepPositions);
          positionsRemoved += positionCount(page[1]) - positionCount(capped);
          page[1] = capped;
        }
      }
    }
    const groups: WordEntry[][] = [];
    let size = 0;
    for (const word of words) {
      const bytes = encoder.encode(word).length;
      if (groups.length === 0 || size + bytes > chunkBytes) {
        groups.push([]);
        size = 0;
      }
      groups[groups.length - 1]!.push(word);
      size += bytes;
    }
    const newChunks: ChunkMeta[] = groups.map((g) => [g[0]![0], g[g.length - 1]![0], '']);
    for (let i = 1; i < newChunks.length; i++)
      newChunks[i]![0] = nextChunkStart(newChunks[i - 1]![1], newChunks[i]![0]);
    let largestChunk = 0;
    const written = await Promise.all(
      groups.map(async (group, i) => {
        const body = writePagefindFile([group], 'chunk');
        const name = `${language}_${sha(body).slice(0, 10)}`;
        largestChunk = Math.max(largestChunk, body.length);
        newChunks[i]![2] = name;
        await writeFile(join(outputPath, 'index', `${name}.pf_index.tmp`), body);
        return name;
      }),
    );
    if (new Set(written).size !== written.length) fail('hai tệp chỉ mục trùng tên');
    await Promise.all((chunks as ChunkMeta[]).map(([, , name]) => rm(join(outputPath, 'index', `${name}.pf_index`))));
    await Promise.all(
      written.map((name) =>
        rename(join(outputPath, 'index', `${name}.pf_index.tmp`), join(outputPath, 'index', `${name}.pf_index`)),
      ),
    );
    meta[2] = newChunks;

    const body = writePagefindFile(meta, 'meta');
    const hash = `${language}_${sha(body).slice(0, 10)}`;
    await writeFile(join(outputPath, `pagefind.${hash}.pf_meta`), body);
    await rm(metaFile);
    info.hash = hash;
    results.push({
      pages: pages.length,
      before: gz.length,
      after: body.length,
      foldedWords: folded,
      cappedLists,
      positionsRemoved,
      chunksBefore: chunks.length,
      chunksAfter: newChunks.length,
      largestChunk,
    });
  }
  await writeFile(entryFile, JSON.stringify(entry));
  return results;
}
