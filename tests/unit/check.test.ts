/**
 * `npm run check` over a corpus of broken content (tests/fixtures/broken-content): every problem is named with its
 * file, line or field and a Vietnamese message, in one run, and nothing is changed. The real content passes.
 */
import { execFile } from 'node:child_process';
import { access, cp, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const NODE = process.execPath;
const FIXTURE = new URL('../fixtures/broken-content/', import.meta.url).pathname;
let root: string;

async function check(dir: string): Promise<{ code: number; output: string }> {
  try {
    const { stdout, stderr } = await run(NODE, ['scripts/check.ts', dir]);
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, output: e.stdout + e.stderr };
  }
}

async function snapshot(dir: string): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) {
      const path = join(entry.parentPath, entry.name);
      files[path] = (await readFile(path)).toString('base64');
    }
  }
  return files;
}

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'check-'));
  await cp(FIXTURE, root, { recursive: true });
  // Too many pixels (42 MP) but a small file: generated here rather than committed.
  await sharp({ create: { width: 7000, height: 6000, channels: 3, background: '#4a7' } })
    .png()
    .toFile(join(root, 'content/products/qua-lon.png'));
  // A phone photo: it says where it was taken (GPS EXIF).
  await sharp({ create: { width: 40, height: 30, channels: 3, background: '#a74' } })
    .jpeg()
    .withExif({
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '21/1 1/1 42/1', GPSLongitudeRef: 'E', GPSLongitude: '105/1 51/1 0/1' },
    })
    .toFile(join(root, 'content/news/co-gps.jpg'));
});
afterAll(() => rm(root, { recursive: true, force: true }));

describe('npm run check', () => {
  it('names every problem of the broken corpus in one run, and changes nothing', async () => {
    const before = await snapshot(root);
    const { code, output } = await check(root);
    expect(code).toBe(1);
    const expected: Array<[file: string, message: string]> = [
      [
        'content/products/sai-kieu-nhom.yaml:3 [group]',
        'Nhóm sản phẩm là số 1, 2, 3, 4, hoặc chua-ro khi nguồn không nêu nhóm',
      ],
      ['content/products/sai-kieu-nhom.yaml:2 [sources]', 'Thiếu nguồn (sources)'],
      ['content/news/thieu-tom-tat.md:2 [summary]', 'Thiếu tóm tắt (summary)'],
      [
        'content/products/co-so-khong-ton-tai.yaml:4 [producer]',
        'không có mục "co-so-khong-co-that" trong beneficiaries',
      ],
      ['content/news/thieu-tom-tat.md:5 [provinces.1]', 'không có mục "tinh-khong-co" trong provinces'],
      ['content/voting-rounds/khu-vuc-thieu-vung.yaml:10 [results.0.product]', 'không có mục "san-pham-khong-co"'],
      ['content/provinces.yaml:9 [id]', 'Slug "ha-tinh" trùng'],
      ['content/news/thieu-tom-tat.mdx:1', 'Không nhận tệp .mdx trong content/'],
      ['content/reports/Ten-Sai.yaml [id]', 'Slug "Ten-Sai" trùng'],
      ['content/reports/Ten-Sai.json [period]', 'Thiếu thời kỳ (period)'],
      // What the build or its later steps stopped on, or the CSP broke, after the check had said "valid":
      ['content/news/lien-ket-va-anh.md:3 [date]', 'Ngày 2022-02-30 không có thật (tháng 2 năm 2022 không có ngày 30)'],
      ['content/news/lien-ket-va-anh.md:7 [soucres]', 'Trường "soucres" không có trong mẫu'],
      ['content/news/lien-ket-va-anh.md:9 [sources.0.Url]', 'Trường "Url" không có trong mẫu'],
      ['content/news/lien-ket-va-anh.md:12', 'dùng kiểu "javascript:" không an toàn'],
      ['content/news/lien-ket-va-anh.md:14', 'Liên kết "javascript:alert(2)"'],
      ['content/news/lien-ket-va-anh.md:16', 'Không thấy tệp ảnh "./khong-co.jpg"'],
      ['content/news/lien-ket-va-anh.md:18', 'nằm ở trang web khác'],
      ['content/news/lien-ket-va-anh.md:20', 'Ảnh trong bài cần mô tả'],
      ['content/news/lien-ket-va-anh.md:22', 'còn siêu dữ liệu (EXIF có toạ độ GPS)'],
      ['content/reports/Ten-Sai.yaml [id]', 'Slug "Ten-Sai" không hợp lệ'],
      ['content/provinces.yaml:12 [1.gsoCode]', 'mã GSO (gsoCode) phải là chuỗi'],
      ['content/news/tach-dau-va-tuong-lai.md:4', 'Chữ bị tách dấu (không phải NFC)'],
      ['content/news/tach-dau-va-tuong-lai.md:3 [date]', 'Ngày đăng ở tương lai'],
      ['content/news/tach-dau-va-tuong-lai.md:2 [title]', 'Có mã HTML trong trường này'],
      ['content/news/thieu-tom-tat.md:12', 'Có mã HTML trong bài'],
      ['content/news/thieu-tom-tat.md:7 [sources.0.url]', 'bắt đầu bằng https://'],
      ['content/products/anh-svg.yaml:6 [photos.0.src]', 'Không nhận ảnh SVG'],
      ['content/products/anh-svg.yaml:7 [photos.1.src]', 'quá giới hạn 40 triệu điểm ảnh'],
      ['content/products/anh-svg.yaml:8 [photos.2.alt]', 'Mô tả ảnh (alt) cần ít nhất 10 ký tự'],
      ['content/products/anh-svg.yaml:8 [photos.2.src]', 'Không thấy tệp ảnh'],
      [
        'content/beneficiaries/ho-kinh-doanh-qua-chi-tiet.yaml:5 [location.precision]',
        'Hộ kinh doanh chỉ được hiện vị trí chính xác',
      ],
      ['content/voting-rounds/khu-vuc-thieu-vung.yaml:2 [region]', 'Đợt cấp khu vực phải ghi vùng'],
      ['content/voting-rounds/khu-vuc-thieu-vung.yaml:8 [recognised]', 'không thể lớn hơn số tham gia'],
      ['content/voting-rounds/khu-vuc-thieu-vung.yaml:6 [decision.date]', 'Quyết định ký trước năm bình chọn'],
      ['content/reports/Ten-Sai.yaml:3 [period]', 'Năm bắt đầu phải trước năm kết thúc'],
    ];
    const lines = output.split('\n');
    for (const [where, message] of expected) {
      expect(
        lines.some((line) => line.startsWith(`${where} `) && line.includes(message)),
        `${where} ${message}\n${output}`,
      ).toBe(true);
    }
    expect(output).toMatch(/\d+ vấn đề trong 12 tệp .* Chưa có gì bị thay đổi\./);
    expect(output, 'code spans are not links').not.toContain('khong-sao');
    expect(await snapshot(root)).toEqual(before);
  });

  it('refuses an .mdx file in every folder editors contribute to, and runs none of its code', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'check-mdx-'));
    try {
      await cp('content', join(dir, 'content'), { recursive: true });
      const marker = join(dir, 'ran');
      const planted = ['conferences', 'news', 'stories'].map((folder) => `content/${folder}/cai-vao.mdx`);
      for (const path of planted) {
        await mkdir(join(dir, path, '..'), { recursive: true });
        await writeFile(
          join(dir, path),
          `---\ntitle: Tệp cài vào\n---\nimport { writeFileSync } from 'node:fs';\n\n{writeFileSync(${JSON.stringify(marker)}, 'x')}\n`,
        );
      }
      const { code, output } = await check(dir);
      expect(code).toBe(1);
      for (const path of planted) expect(output).toContain(`${path}:1 Không nhận tệp .mdx trong content/`);
      await expect(access(marker)).rejects.toThrow();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('passes the real content', async () => {
    const { code, output } = await check('.');
    expect(output).toMatch(/^Nội dung hợp lệ: \d+ mục trong \d+ tệp/);
    expect(code).toBe(0);
  });
});
