/**
 * Fails the build when any image in the output still carries EXIF (GPS above all), XMP or IPTC metadata: Astro's
 * processed photos have none, but originals it copies and files under public/ go out as they are.
 * `node scripts/check-photo-metadata.ts [dist]`, after `astro build`.
 */
import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { extname, join, relative, sep } from 'node:path';
import { PHOTO_EXTENSIONS, photoMetadata } from '../src/lib/security/photo-metadata.ts';

const DIST = process.argv[2] ?? 'dist';

async function* images(dir: string): AsyncGenerator<string> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* images(path);
    else if (entry.isFile() && PHOTO_EXTENSIONS.includes(extname(entry.name).toLowerCase())) yield path;
  }
}

const started = performance.now();
const problems: string[] = [];
let count = 0;
for await (const file of images(DIST)) {
  count++;
  const path = relative(DIST, file).split(sep).join('/');
  const kept = await photoMetadata(file).catch((error: unknown) => [
    `không đọc được (${error instanceof Error ? error.message : String(error)})`,
  ]);
  if (kept.length === 0) continue;
  // A file under public/ is copied as-is: name the source the editor has to fix.
  const source = existsSync(join('public', path)) ? `public/${path}` : `/${path} (bản gốc từ content/)`;
  problems.push(
    `${source}: ảnh còn siêu dữ liệu ${kept.join(', ')}. Xuất lại ảnh không kèm siêu dữ liệu (ví dụ: exiftool -all= tệp.jpg).`,
  );
}
if (problems.length > 0) {
  console.error(`${problems.length} ảnh trong bản dựng còn siêu dữ liệu (có thể lộ vị trí chụp):`);
  for (const problem of problems) console.error(`  ${problem}`);
  process.exit(1);
}
console.log(
  `Siêu dữ liệu ảnh: ${count} ảnh, không ảnh nào còn EXIF/GPS, XMP hay IPTC (${Math.round(performance.now() - started)} ms).`,
);
