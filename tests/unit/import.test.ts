/**
 * The importer end to end, always on a temporary copy of content/: the real Hà Tĩnh 2022 sheet changes nothing (the
 * products exist), synthetic sheets create and update records, every bad row is named, nothing is written when any
 * row is wrong, and a second run never changes a byte.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { importResults, type ImportOptions } from '../../src/lib/import/index.ts';
import { resultsCsv, type ResultRow } from '../../src/lib/import/results-csv.ts';

const SITE_CONTENT = 'tests/fixtures/import/site/content';

const FIXTURES = 'tests/fixtures/import';
const temps: string[] = [];
afterEach(() => {
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'import-test-'));
  temps.push(dir);
  return dir;
}

/**
 * A fresh copy of a frozen content/ (tests/fixtures/import/site: the site's content when the real Hà Tĩnh 2022 sheet
 * was matched against it), so that adding or correcting published records does not change what these tests mean.
 */
function contentCopy(): string {
  const dir = join(tempDir(), 'content');
  cpSync(SITE_CONTENT, dir, { recursive: true });
  return dir;
}

/** Every file under `dir` with the hash of its bytes. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    out[relative(dir, path)] = createHash('sha256').update(readFileSync(path)).digest('hex');
  }
  return out;
}

/** A sheet written to a temporary file. */
function sheet(text: string, name = 'bang.csv'): string {
  const path = join(tempDir(), name);
  writeFileSync(path, text);
  return path;
}

const HEADER = 'STT,Tên sản phẩm,Nhóm sản phẩm,Tên cơ sở,Địa chỉ,Tỉnh/Thành phố,Điểm,Số giấy chứng nhận\n';
const run = (options: Partial<ImportOptions> & { file: string; contentDir: string }) =>
  importResults({ round: 'khu-vuc-bac-2022', ...options });
// biome-ignore lint/suspicious/noExplicitAny: a written record is read back and probed field by field.
const yamlOf = (dir: string, path: string) => parse(readFileSync(join(dir, path), 'utf8')) as Record<string, any>;

describe('the real Hà Tĩnh 2022 sheet into khu-vuc-bac-2022', () => {
  for (const name of [
    'ha-tinh-2022.csv',
    'ha-tinh-2022.xlsx',
    'ha-tinh-2022-bom-semicolon.csv',
    'ha-tinh-2022-nfd.csv',
  ]) {
    it(`${name}: matches the five existing products and producers and changes no file`, async () => {
      const dir = contentCopy();
      const before = snapshot(dir);
      const report = await run({ file: `${FIXTURES}/${name}`, contentDir: dir });
      expect(report.problems).toEqual([]);
      expect(report.ok).toBe(true);
      expect(report.summary).toMatchObject({ rows: 5, productsCreated: 0, producersCreated: 0, resultsAdded: 0 });
      expect(report.files).toEqual([]);
      expect(snapshot(dir)).toEqual(before);
    });
  }

  it('citing a new source adds it to the round once; the second run changes nothing', async () => {
    const dir = contentCopy();
    const source = { publisher: 'Nguồn thử nghiệm', url: 'https://example.org/ket-qua', date: '2022-09-25' };
    const first = await run({ file: `${FIXTURES}/ha-tinh-2022.csv`, contentDir: dir, source });
    expect(first.files.map((f) => f.path)).toEqual([join(dir, 'voting-rounds/khu-vuc-bac-2022.yaml')]);
    expect(yamlOf(dir, 'voting-rounds/khu-vuc-bac-2022.yaml')['sources']).toContainEqual(source);
    const after = snapshot(dir);
    const second = await run({ file: `${FIXTURES}/ha-tinh-2022.csv`, contentDir: dir, source });
    expect(second.files).toEqual([]);
    expect(snapshot(dir)).toEqual(after);
  });
});

describe('a sheet with bad rows', () => {
  const expected = (file: string) => [
    `${file}:2 [Nhóm sản phẩm (cột C)] "5": Nhóm sản phẩm không hợp lệ`,
    `${file}:2 [Điểm (cột G)] "90 điểm": Điểm phải là một số từ 0 đến 100`,
    `${file}:3 [Tên sản phẩm (cột B)] "": Thiếu tên sản phẩm`,
    `${file}:4 [Tỉnh/Thành phố (cột F)] "Hà Tây": Không nhận ra tỉnh, thành phố`,
    `${file}:5 [Điểm (cột G)] "105": Điểm phải là một số từ 0 đến 100`,
    `${file}:7 [Tỉnh/Thành phố (cột F)] "Nghệ An": Cơ sở "Xí nghiệp Chè Tây Sơn"`,
    `${file}:9 [Tên sản phẩm (cột B)] "Sâm nhung mật ong": Trùng với dòng 8`,
  ];

  for (const name of ['bad-rows.csv', 'bad-rows.xlsx']) {
    it(`${name}: names every bad row and column in one run and writes nothing`, async () => {
      const dir = contentCopy();
      const before = snapshot(dir);
      const file = `${FIXTURES}/${name}`;
      const report = await run({ file, contentDir: dir });
      expect(report.ok).toBe(false);
      expect(report.written).toBe(false);
      expect(report.problems).toHaveLength(7);
      for (const [i, line] of report.problems.entries()) expect(line.startsWith(expected(file)[i]!), line).toBe(true);
      // Each message says how to fix it.
      expect(report.problems[1]).toContain('ví dụ 85,5');
      // An establishment whose kind cannot be told is not a problem: "chưa rõ loại hình", with a notice.
      const kindNotice = report.notices.find((n) =>
        n.startsWith(`${file}:6 [Tên cơ sở (cột D)] "Cơ sở cơ khí Thử nghiệm E"`),
      );
      expect(kindNotice).toContain('chua-ro');
      expect(kindNotice).toContain('thêm cột "Loại hình"');
      expect(snapshot(dir)).toEqual(before);
    });
  }

  it('a dry run of a good sheet writes nothing either', async () => {
    const dir = contentCopy();
    const before = snapshot(dir);
    const report = await run({
      file: `${FIXTURES}/regional-sections.csv`,
      round: 'khu-vuc-bac-2020',
      contentDir: dir,
      dryRun: true,
    });
    expect(report.ok).toBe(true);
    expect(report.files.length).toBeGreaterThan(0);
    expect(report.written).toBe(false);
    expect(snapshot(dir)).toEqual(before);
  });
});

describe('creating products and producers (synthetic regional sheet into khu-vuc-bac-2020)', () => {
  it('follows section rows, other header spellings, former provinces and the Loại hình column', async () => {
    const dir = contentCopy();
    const report = await run({ file: `${FIXTURES}/regional-sections.csv`, round: 'khu-vuc-bac-2020', contentDir: dir });
    expect(report.problems).toEqual([]);
    expect(report.summary).toMatchObject({ rows: 5, productsCreated: 5, producersCreated: 5, resultsAdded: 5 });
    expect(report.notices.join('\n')).toContain('[Ghi chú (cột I)]');
    expect(report.notices.join('\n')).toContain(':14: dòng tổng cộng');

    expect(readFileSync(join(dir, 'products/bo-am-chen-thu-nghiem.yaml'), 'utf8')).toBe(
      [
        'name: Bộ ấm chén thử nghiệm',
        'group: 1',
        'isSet: true',
        'producer: htx-gom-thu-nghiem',
        'province: hai-duong',
        'sources:',
        '  - publisher: Thương hiệu và Công luận',
        '    url: https://hangthat.thuonghieucongluan.com.vn/',
        '    note: Trang chủ của nguồn; bài gốc chưa có đường dẫn',
        '',
      ].join('\n'),
    );
    expect(readFileSync(join(dir, 'beneficiaries/htx-gom-thu-nghiem.yaml'), 'utf8')).toContain(
      'kind: hop-tac-xa\nprovince: hai-duong\naddress: xã Thử Nghiệm, huyện Thử Nghiệm\nlocation: { lat: 20.9373, lng: 106.3146, precision: province }\n',
    );
    expect(yamlOf(dir, 'products/bo-mot-nang-thu-nghiem.yaml')).toMatchObject({ province: 'hoa-binh', group: 1 });
    expect(yamlOf(dir, 'products/bo-mot-nang-thu-nghiem.yaml')['isSet']).toBeUndefined();
    expect(yamlOf(dir, 'beneficiaries/hkd-thu-nghiem-bo.yaml')['kind']).toBe('ho-kinh-doanh');
    expect(yamlOf(dir, 'beneficiaries/co-so-nuoc-mam-thu-nghiem.yaml')).toMatchObject({
      kind: 'ho-kinh-doanh',
      location: { precision: 'province' },
    });
    // Same name, two producers: two products, the second named after its producer.
    expect(yamlOf(dir, 'products/che-xanh-thu-nghiem.yaml')['producer']).toBe('cty-tnhh-che-thu-nghiem');
    expect(yamlOf(dir, 'products/che-xanh-thu-nghiem-htx-che-thu-nghiem.yaml')).toMatchObject({
      producer: 'htx-che-thu-nghiem',
      province: 'bac-kan',
    });
    expect(yamlOf(dir, 'voting-rounds/khu-vuc-bac-2020.yaml')['results']).toEqual([
      { product: 'bo-am-chen-thu-nghiem', score: 85.5, decision: '01/QĐ-THU' },
      { product: 'bo-mot-nang-thu-nghiem', score: 78 },
      { product: 'nuoc-mam-thu-nghiem', score: 90.25 },
      { product: 'che-xanh-thu-nghiem' },
      { product: 'che-xanh-thu-nghiem-htx-che-thu-nghiem' },
    ]);

    const after = snapshot(dir);
    const again = await run({ file: `${FIXTURES}/regional-sections.csv`, round: 'khu-vuc-bac-2020', contentDir: dir });
    expect(again.ok).toBe(true);
    expect(again.files).toEqual([]);
    expect(again.summary).toMatchObject({
      productsCreated: 0,
      producersCreated: 0,
      resultsAdded: 0,
      resultsUpdated: 0,
    });
    expect(snapshot(dir)).toEqual(after);
  });
});

describe('updating what exists', () => {
  it('fills the round result and a missing producer, touches only the changed entries, and never duplicates', async () => {
    const dir = contentCopy();
    const roundPath = join(dir, 'voting-rounds/khu-vuc-bac-2022.yaml');
    const originalRound = readFileSync(roundPath, 'utf8');
    const productCount = readdirSync(join(dir, 'products')).length;
    const file = sheet(
      HEADER +
        '1,CHÈ TÂY SƠN,2,Xí nghiệp Chè Tây Sơn,,Hà Tĩnh,"80,5",GCN-THU-01\n' +
        '2,Trà gạo lứt Omega An Phát,2,Công ty TNHH Thử Nghiệm An Phát,xã Thử,Hà Tĩnh,,\n',
    );
    const report = await run({ file, contentDir: dir });
    expect(report.problems).toEqual([]);
    expect(report.summary).toMatchObject({
      productsCreated: 0,
      productsUpdated: 1,
      producersCreated: 1,
      resultsUpdated: 1,
    });
    expect(readdirSync(join(dir, 'products'))).toHaveLength(productCount);
    expect(yamlOf(dir, 'products/tra-gao-lut-omega-an-phat.yaml')['producer']).toBe('cty-tnhh-thu-nghiem-an-phat');
    const round = readFileSync(roundPath, 'utf8');
    expect(round).toBe(
      originalRound.replace(
        '  - product: che-tay-son\n',
        '  - product: che-tay-son\n    score: 80.5\n    certificate: GCN-THU-01\n',
      ),
    );

    const after = snapshot(dir);
    const again = await run({ file, contentDir: dir });
    expect(again.files).toEqual([]);
    expect(snapshot(dir)).toEqual(after);

    // An empty score cell never erases a published score.
    const blank = sheet(`${HEADER}1,Chè Tây Sơn,2,Xí nghiệp Chè Tây Sơn,,Hà Tĩnh,,\n`);
    expect((await run({ file: blank, contentDir: dir })).files).toEqual([]);
    expect(yamlOf(dir, 'voting-rounds/khu-vuc-bac-2022.yaml')['results'][1]).toMatchObject({ score: 80.5 });
  });

  it('writes a new group when only this round lists the product, and reports it when another round does', async () => {
    const file = sheet(`${HEADER}1,Chè Tây Sơn,4,Xí nghiệp Chè Tây Sơn,,Hà Tĩnh,,\n`);
    const alone = contentCopy();
    expect((await run({ file, contentDir: alone })).ok).toBe(true);
    expect(yamlOf(alone, 'products/che-tay-son.yaml')['group']).toBe(4);

    const shared = contentCopy();
    const other = join(shared, 'voting-rounds/khu-vuc-bac-2024.yaml');
    writeFileSync(
      other,
      readFileSync(other, 'utf8').replace('recognised: 126\n', 'recognised: 126\nresults:\n  - product: che-tay-son\n'),
    );
    const before = snapshot(shared);
    const report = await run({ file, contentDir: shared });
    expect(report.ok).toBe(false);
    expect(report.problems[0]).toMatch(/:2 \[Nhóm sản phẩm \(cột C\)\] "4": Sản phẩm đã có .* khu-vuc-bac-2024/);
    expect(snapshot(shared)).toEqual(before);
  });

  it('fills a producer’s missing province and location in place, keeping the rest of its file', async () => {
    const dir = contentCopy();
    const path = join(dir, 'beneficiaries/cty-tnhh-sx-va-tm-tung-an.yaml');
    const original = readFileSync(path, 'utf8');
    const file = sheet(`${HEADER}1,Sản phẩm thử nghiệm Tùng An,3,Cty TNHH SX và TM Tùng An,,Hà Nội,,\n`);
    const report = await run({ file, contentDir: dir });
    expect(report.problems).toEqual([]);
    expect(report.summary).toMatchObject({ producersCreated: 0, producersUpdated: 1, productsCreated: 1 });
    const updated = readFileSync(path, 'utf8');
    expect(updated).toBe(
      original
        .replace(
          'support:',
          'province: ha-noi\nlocation: { lat: 21.0285, lng: 105.8542, precision: province }\nsupport:',
        )
        .replace(/\n$/, '') +
        '\n  - publisher: Cục Công Thương địa phương\n    url: https://arit.gov.vn/\n    note: Trang chủ của nguồn; bài gốc chưa có đường dẫn\n' +
        '  - publisher: Báo Hà Tĩnh\n    url: https://baohatinh.vn/\n    note: Trang chủ của nguồn; bài gốc chưa có đường dẫn\n',
    );
  });

  it('tells apart same-named establishments by province once the second one has its file', async () => {
    const dir = contentCopy();
    const file = sheet(`${HEADER}1,Chè thử nghiệm,2,Xí nghiệp Chè Tây Sơn,,Nghệ An,,\n`);
    const refused = await run({ file, contentDir: dir });
    expect(refused.problems[0]).toMatch(
      /\[Tỉnh\/Thành phố \(cột F\)\] "Nghệ An": Cơ sở "Xí nghiệp Chè Tây Sơn" .* tạo trước tệp/,
    );
    writeFileSync(
      join(dir, 'beneficiaries/xi-nghiep-che-tay-son-nghe-an.yaml'),
      'name: Xí nghiệp Chè Tây Sơn\nkind: doanh-nghiep\nprovince: nghe-an\nsources:\n  - publisher: Dữ liệu thử\n',
    );
    const report = await run({ file, contentDir: dir });
    expect(report.problems).toEqual([]);
    expect(yamlOf(dir, 'products/che-thu-nghiem.yaml')).toMatchObject({
      producer: 'xi-nghiep-che-tay-son-nghe-an',
      province: 'nghe-an',
    });
  });

  it('refuses more results than the round recognised', async () => {
    const dir = contentCopy();
    const path = join(dir, 'voting-rounds/khu-vuc-bac-2020.yaml');
    writeFileSync(path, readFileSync(path, 'utf8').replace('recognised: 110', 'recognised: 3'));
    const before = snapshot(dir);
    const report = await run({ file: `${FIXTURES}/regional-sections.csv`, round: 'khu-vuc-bac-2020', contentDir: dir });
    expect(report.ok).toBe(false);
    expect(report.problems).toEqual([
      expect.stringMatching(/khu-vuc-bac-2020\.yaml \[recognised\] "3": Sau khi nhập, đợt sẽ có 5 sản phẩm/),
    ]);
    expect(snapshot(dir)).toEqual(before);
  });
});

describe('problems outside the rows', () => {
  it('an unknown round lists the rounds there are', async () => {
    const report = await run({
      file: `${FIXTURES}/ha-tinh-2022.csv`,
      round: 'khu-vuc-bac-2099',
      contentDir: contentCopy(),
    });
    expect(report.problems[0]).toMatch(
      /\[--round\] "khu-vuc-bac-2099": Không có đợt bình chọn này\. Các đợt đang có: .*khu-vuc-bac-2022/,
    );
  });

  it('a missing file, bad source flags, a sheet with no header row or no producer column', async () => {
    const dir = contentCopy();
    expect((await run({ file: 'khong-co.csv', contentDir: dir })).problems[0]).toMatch(
      /^khong-co\.csv: Không có tệp này/,
    );
    const flags = await run({
      file: `${FIXTURES}/ha-tinh-2022.csv`,
      contentDir: dir,
      source: { publisher: 'X', url: 'baohatinh.vn', date: '2022-13-01' },
    });
    expect(flags.problems.map((p) => p.split(':')[0])).toEqual([
      'lệnh nhập [--source-publisher] "X"',
      'lệnh nhập [--source-url] "baohatinh.vn"',
      'lệnh nhập [--source-date] "2022-13-01"',
    ]);
    const noHeader = await run({ file: sheet('Danh sách\n1,Chè,2\n'), contentDir: dir });
    expect(noHeader.problems[0]).toMatch(/:1: Không tìm thấy dòng tiêu đề cột/);
    const noProducer = await run({
      file: sheet('STT,Tên sản phẩm,Nhóm,Tỉnh\n1,Chè Tây Sơn,2,Hà Tĩnh\n'),
      contentDir: dir,
    });
    expect(noProducer.problems[0]).toMatch(/:1 \[Tên cơ sở\]: Thiếu cột "Tên cơ sở"/);
  });
});

describe('no partial writes', () => {
  it('when one file cannot be written, none is, and no temporary file is left', async () => {
    const dir = contentCopy();
    // Block the second new product's temporary file with a directory of the same name.
    const blocker = join(dir, `products/bo-mot-nang-thu-nghiem.yaml.${process.pid}.tmp`);
    mkdirSync(blocker);
    const before = snapshot(dir);
    await expect(
      run({ file: `${FIXTURES}/regional-sections.csv`, round: 'khu-vuc-bac-2020', contentDir: dir }),
    ).rejects.toThrow();
    expect(snapshot(dir)).toEqual(before);
    const leftovers = readdirSync(dir, { recursive: true }).filter((p) => String(p).endsWith('.tmp'));
    expect(leftovers).toEqual([relative(dir, blocker)]);
  });
});

describe('the round CSV download', () => {
  it('imports back into its round without changing a byte', async () => {
    const dir = contentCopy();
    const round = yamlOf(dir, 'voting-rounds/khu-vuc-bac-2022.yaml');
    const provinces = new Map(
      (parse(readFileSync(join(dir, 'provinces.yaml'), 'utf8')) as Array<{ id: string; name: string }>).map((p) => [
        p.id,
        p.name,
      ]),
    );
    const rows: ResultRow[] = round['results'].map((r: { product: string }) => {
      const p = yamlOf(dir, `products/${r.product}.yaml`);
      const b = p['producer'] ? yamlOf(dir, `beneficiaries/${p['producer']}.yaml`) : undefined;
      return {
        name: p['name'],
        group: p['group'],
        producer: b?.['name'],
        kind: b?.['kind'],
        address: b?.['address'],
        province: provinces.get(p['province']),
        url: `https://example.org/san-pham/${r.product}/`,
      };
    });
    const csv = resultsCsv(rows);
    expect(csv.startsWith('\uFEFFSTT,Tên sản phẩm,Nhóm sản phẩm,Tên cơ sở,Loại hình,Địa chỉ,Tỉnh/Thành phố,Điểm')).toBe(
      true,
    );
    const before = snapshot(dir);
    const report = await run({ file: sheet(csv, 'ket-qua.csv'), contentDir: dir });
    expect(report.problems).toEqual([]);
    expect(report.files).toEqual([]);
    expect(snapshot(dir)).toEqual(before);
  });
});

describe('the command line', () => {
  const cli = (...args: string[]) =>
    spawnSync(process.execPath, ['scripts/import-results.ts', ...args], { encoding: 'utf8' });

  it('exits 1 listing every problem, 0 when the sheet matches, 2 on a usage error', () => {
    const dir = contentCopy();
    const bad = cli(`${FIXTURES}/bad-rows.csv`, '--round', 'khu-vuc-bac-2022', '--content', dir);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('Không nhập: 7 lỗi');
    expect(bad.stderr.trim().split('\n')).toHaveLength(8);
    const ansi = cli(`${FIXTURES}/ha-tinh-2022-ansi.csv`, '--round', 'khu-vuc-bac-2022', '--content', dir);
    expect(ansi.status).toBe(1);
    expect(ansi.stderr).toContain('"CSV UTF-8');
    const good = cli(`${FIXTURES}/ha-tinh-2022.csv`, '--round', 'khu-vuc-bac-2022', '--content', dir);
    expect(good.status).toBe(0);
    expect(good.stdout).toContain('không có tệp nào thay đổi');
    expect(cli(`${FIXTURES}/ha-tinh-2022.csv`).status).toBe(2);
  }, 60_000); // four Node processes, each a second or two on a busy 2-core machine
});
