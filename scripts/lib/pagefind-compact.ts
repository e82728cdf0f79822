/**
 * Makes Pagefind's metadata file small enough for a national site's first search.
 *
 * Every search first downloads the metadata (pagefind.<lang>_<hash>.pf_meta): one entry per indexed page holding the
 * name of the page's fragment file, a content hash such as "vi_1913ff7". At 35,000 pages those random names are
 * 240 KB gzipped, most of a 300 KB first-search budget before any word is looked up (measured with `npm run bench`).
 * Renaming the fragments to a sequence ("vi_<set>_0", "vi_<set>_1", …) lets gzip shrink the list to about half.
 * <set> is a hash of all the original names, so a fragment's file name still changes whenever any content changes and
 * long-lived caching stays correct.
 *
 * This edits Pagefind's own output format (gzip, the "pagefind_dcd" signature, then CBOR: [version, pages, index chunks,
 * filters, sorts, meta fields]); the format is checked first and anything unexpected stops the build with what to do,
 * rather than writing an index the browser cannot read.
 */
import { createHash } from 'node:crypto';
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { Encoder, decode } from 'cbor-x';

const SIGNATURE = 'pagefind_dcd';
const SUPPORTED = /^1\.6\./;

interface Entry {
  version: string;
  languages: Record<string, { hash: string; wasm: string | null; page_count: number }>;
}

export interface CompactResult {
  pages: number;
  before: number;
  after: number;
}

function fail(message: string): never {
  throw new Error(
    `Thu gọn chỉ mục tìm kiếm: ${message}. Định dạng tệp của Pagefind có thể đã đổi (xem scripts/lib/pagefind-compact.ts): ` +
      'kiểm tra lại với phiên bản Pagefind đang cài, hoặc bỏ bước này trong scripts/build-search.ts.',
  );
}

const short = (bytes: Buffer | string) => createHash('sha256').update(bytes).digest('hex');

/** Renames the fragment files of every language in `outputPath` (a Pagefind bundle) and rewrites its metadata. */
export async function compactFragmentNames(outputPath: string): Promise<CompactResult[]> {
  const entryFile = join(outputPath, 'pagefind-entry.json');
  const entry = JSON.parse(await readFile(entryFile, 'utf8')) as Entry;
  if (!SUPPORTED.test(entry.version)) fail(`phiên bản ${entry.version} chưa được kiểm tra`);
  const results: CompactResult[] = [];
  for (const [language, info] of Object.entries(entry.languages)) {
    const metaFile = join(outputPath, `pagefind.${info.hash}.pf_meta`);
    const gz = await readFile(metaFile);
    const raw = gunzipSync(gz);
    if (raw.subarray(0, SIGNATURE.length).toString('latin1') !== SIGNATURE) fail('thiếu chữ ký pagefind_dcd');
    const meta = decode(raw.subarray(SIGNATURE.length)) as unknown[];
    const pages = meta[1];
    if (
      !Array.isArray(meta) ||
      meta[0] !== entry.version ||
      !Array.isArray(pages) ||
      pages.length !== info.page_count ||
      !pages.every((p) => Array.isArray(p) && typeof p[0] === 'string' && /^[\w-]+$/.test(p[0]) && typeof p[1] === 'number')
    ) {
      fail('danh sách trang trong tệp meta không như mong đợi');
    }
    const oldNames = (pages as Array<[string, number, ...unknown[]]>).map((p) => p[0]);
    const set = short(oldNames.join('\n')).slice(0, 6);
    const newNames = oldNames.map((_, i) => `${language}_${set}_${i.toString(36)}`);
    const grouped = (pages as unknown[][]).some((p) => typeof p[2] === 'string' && p[2] !== '');
    // Fragments bundled into shared group files (Pagefind's maxFragments) are addressed by their group: leave as is.
    if (grouped) fail('các mảnh (fragment) đã gộp thành nhóm; bước này chỉ dành cho mảnh riêng lẻ');

    // Rename first (all or nothing is not possible on a file system, so a failure stops the build: a half-renamed index
    // is never published because dist/ is rebuilt from scratch each time).
    const fragments = join(outputPath, 'fragment');
    await Promise.all(
      oldNames.map((name, i) => rename(join(fragments, `${name}.pf_fragment`), join(fragments, `${newNames[i]}.pf_fragment`))),
    );
    (pages as unknown[][]).forEach((p, i) => (p[0] = newNames[i]));
    const encoded = new Encoder({ useRecords: false, mapsAsObjects: false, variableMapSize: true }).encode(meta);
    const rewritten = Buffer.concat([Buffer.from(SIGNATURE, 'latin1'), encoded]);
    // Check the round trip before writing: the decoded result must equal what was meant.
    const check = decode(encoded) as unknown[];
    if (JSON.stringify(check) !== JSON.stringify(meta)) fail('mã hóa lại tệp meta không khớp');
    const body = gzipSync(rewritten, { level: 9 });
    const hash = `${language}_${short(body).slice(0, 10)}`;
    await writeFile(join(outputPath, `pagefind.${hash}.pf_meta`), body);
    await rm(metaFile);
    info.hash = hash;
    results.push({ pages: pages.length, before: gz.length, after: body.length });
  }
  await writeFile(entryFile, JSON.stringify(entry));
  return results;
}
