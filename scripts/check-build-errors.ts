/**
 * `npm run test:build-errors`: the build must stop on bad content and say where. For each case it copies the repo
 * into a temp folder, adds one broken file to content/, runs `astro build` there and checks that the build fails
 * naming the file and the field, so a province editor can find and fix it. Ends with `N passed, M failed`.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, makeSandbox, removeSandbox } from './lib/sandbox.ts';

const REPO = fileURLToPath(new URL('..', import.meta.url));

const source = `sources:
  - publisher: Bộ Công Thương
    title: Bài kiểm tra lỗi nội dung
    date: 2022-09-22
`;

interface Case {
  name: string;
  /** Path under the repo, and its content. */
  file: string;
  content: string;
  /** Strings the build output must contain besides the file's path: the field, and the message where it is ours. */
  expect: string[];
}

const cases: Case[] = [
  {
    name: 'a product whose group is text, not a number',
    file: 'content/products/zz-kiem-tra-nhom-sai.yaml',
    content: `name: Sản phẩm kiểm tra\ngroup: "thủ công"\nprovince: thanh-hoa\n${source}`,
    expect: ['group', 'Nhóm sản phẩm là số 1, 2, 3 hoặc 4'],
  },
  {
    name: 'a news item without a summary',
    file: 'content/news/zz-kiem-tra-thieu-tom-tat.md',
    content: `---\ntitle: Tin kiểm tra thiếu phần tóm tắt\ndate: 2022-09-22\ntopics: [hoi-nghi]\n${source}---\n\nNội dung.\n`,
    expect: ['summary'],
  },
  {
    name: 'a product whose producer does not exist',
    file: 'content/products/zz-kiem-tra-co-so-khong-co.yaml',
    content: `name: Sản phẩm kiểm tra\ngroup: 1\nproducer: co-so-khong-ton-tai\nprovince: thanh-hoa\n${source}`,
    expect: ['[producer]', 'co-so-khong-ton-tai'],
  },
];

const started = Date.now();
let passed = 0;
let failed = 0;
for (const c of cases) {
  const t0 = Date.now();
  const dir = await makeSandbox(REPO);
  try {
    await writeFile(join(dir, c.file), c.content);
    const { code, output } = await build(dir);
    const missing = [c.file, ...c.expect].filter((text) => !output.includes(text));
    const seconds = ((Date.now() - t0) / 1000).toFixed(1);
    if (code !== 0 && missing.length === 0) {
      passed++;
      const line = output.split('\n').find((l) => l.includes(c.expect[0]!)) ?? '';
      console.log(`ok   ${c.name} (${seconds} s)\n       ${line.trim().slice(0, 200)}`);
    } else {
      failed++;
      console.log(`FAIL ${c.name} (${seconds} s): ${code === 0 ? 'the build succeeded' : `the output does not name ${missing.join(', ')}`}`);
      console.log(output.split('\n').slice(-30).map((l) => `       ${l}`).join('\n'));
    }
  } finally {
    await removeSandbox(dir);
  }
}
console.log(`Build-error checks took ${((Date.now() - started) / 1000).toFixed(1)} s.`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
