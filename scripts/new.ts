/**
 * `npm run new -- <conference|news|round|product|beneficiary|story> --title "…" [--slug …] [--date YYYY-MM-DD]
 * [--province slug]`: creates an entry from scripts/templates/ with every field present and explained in Vietnamese,
 * refusing a slug that already exists. Then edit the file and run `npm run check`.
 */
import { existsSync } from 'node:fs';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { COLLECTIONS, type CollectionName } from '../src/lib/check/collections.ts';
import { isoDay } from '../src/lib/format.ts';
import { slugify } from '../src/lib/vi-text.ts';
import { slugPattern } from '../src/schemas/shared.ts';

const TYPES: Record<string, CollectionName> = {
  conference: 'conferences',
  news: 'news',
  round: 'votingRounds',
  product: 'products',
  beneficiary: 'beneficiaries',
  story: 'stories',
};
const USAGE = `Cách dùng: npm run new -- <${Object.keys(TYPES).join('|')}> --title "Tên" [--slug ten-tep] [--date YYYY-MM-DD] [--province slug-tinh]`;

function fail(message: string): never {
  console.error(`${message}\n${USAGE}`);
  process.exit(2);
}

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    title: { type: 'string' },
    slug: { type: 'string' },
    date: { type: 'string' },
    province: { type: 'string' },
  },
});
const type = positionals[0] ?? fail('Thiếu loại mục.');
const collection = TYPES[type] ?? fail(`Không có loại "${type}".`);
const title = (values.title ?? fail('Thiếu --title.')).normalize('NFC').trim();
const slug = values.slug ?? slugify(title);
if (!slugPattern.test(slug)) fail(`Slug "${slug}" không hợp lệ: chỉ chữ thường không dấu, số và dấu gạch ngang.`);
const date = values.date ?? isoDay(new Date());
if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) fail(`Ngày "${date}" phải viết dạng YYYY-MM-DD.`);

const provinces = await readFile(COLLECTIONS.provinces.path, 'utf8');
if (values.province && !new RegExp(`^- id: ${values.province}$`, 'm').test(provinces)) {
  fail(`Không có tỉnh, thành phố "${values.province}" trong ${COLLECTIONS.provinces.path}.`);
}

const { kind, path: dir } = COLLECTIONS[collection];
const existing = (await readdir(dir).catch(() => [])).filter((f) => f.replace(/\.[^.]+$/, '') === slug);
if (existing.length > 0)
  fail(`Đã có mục "${slug}": ${existing.map((f) => join(dir, f)).join(', ')}. Chọn slug khác với --slug.`);

const template = await readFile(
  new URL(`./templates/${type}.${kind === 'prose' ? 'md' : 'yaml'}`, import.meta.url),
  'utf8',
);
const province = values.province ?? '';
const text = template
  .replaceAll('[{{province}}]', province ? `[${province}]` : '[]')
  .replaceAll('{{province}}', province || '""')
  .replaceAll('{{title}}', title.replaceAll('"', '\\"'))
  .replaceAll('{{date}}', date)
  .replaceAll('{{year}}', date.slice(0, 4));
const file = join(dir, `${slug}.${kind === 'prose' ? 'md' : 'yaml'}`);
if (existsSync(file)) fail(`Đã có tệp ${file}.`);
await writeFile(file, text, { flag: 'wx' });
console.log(`Đã tạo ${file}. Điền các trường còn trống, rồi chạy: npm run check`);
