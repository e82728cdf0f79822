/**
 * The open-data files: the CSV writer (BOM, RFC 4180 quoting, formula guard) read back by a real CSV parser, and every
 * dataset's rows over a small site: exactly the dictionary's columns, one row per record, ids that join up, a
 * description for every column. (The built files are checked against the real content by tests/e2e/figures.checks.ts.)
 */
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { BOM, csvCell, toCsv } from '../../src/lib/csv';
import {
  DATASET_IDS,
  DATASETS,
  datasetById,
  describeColumn,
  type DownloadSite,
} from '../../src/components/DownloadDatasets';
import { citation, datasetJson } from '../../src/components/DownloadJson';

const readCsv = (text: string) => parse(text, { bom: true, relax_column_count: false }) as string[][];

describe('csvCell and toCsv', () => {
  it('quotes commas, quotes and line breaks the RFC 4180 way', () => {
    expect(csvCell('Chè Tây Sơn')).toBe('Chè Tây Sơn');
    expect(csvCell('Hà Tĩnh, Việt Nam')).toBe('"Hà Tĩnh, Việt Nam"');
    expect(csvCell('bộ "trống đồng"')).toBe('"bộ ""trống đồng"""');
    expect(csvCell('dòng 1\ndòng 2')).toBe('"dòng 1\ndòng 2"');
  });
  it('writes numbers with a decimal point, booleans as true/false, nothing for missing values, lists joined by "; "', () => {
    expect(csvCell(21.0285)).toBe('21.0285');
    expect(csvCell(11_760_000_000)).toBe('11760000000');
    expect(csvCell(-3)).toBe('-3');
    expect(csvCell(true)).toBe('true');
    expect(csvCell(undefined)).toBe('');
    expect(csvCell(null)).toBe('');
    expect(csvCell(['quoc-gia-2023', 'khu-vuc-bac-2022'])).toBe('quoc-gia-2023; khu-vuc-bac-2022');
  });
  it('keeps a spreadsheet from running text as a formula', () => {
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell('+84 912')).toBe("'+84 912");
    expect(csvCell('@x')).toBe("'@x");
  });
  it('starts with a BOM, ends lines with CRLF and reads back to the same cells', () => {
    const rows = [
      { id: 'a', name: 'Gốm "Chu Đậu", Hải Dương', n: 3 },
      { id: 'b', name: 'hai\r\ndòng', n: undefined },
    ];
    const text = toCsv(['id', 'name', 'n'], rows);
    expect(text.startsWith(BOM)).toBe(true);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(readCsv(text)).toEqual([
      ['id', 'name', 'n'],
      ['a', 'Gốm "Chu Đậu", Hải Dương', '3'],
      ['b', 'hai\r\ndòng', ''],
    ]);
  });
});

// A small site: Hải Dương merged into Hải Phòng; one product of a Hải Dương producer recognised in one round.
const ref = <C extends string>(collection: C, id: string) => ({ collection, id });
const source = { publisher: 'Sở Công Thương Hải Dương', url: 'https://sct.haiduong.gov.vn/' };
const provinces = [
  {
    id: 'hai-duong',
    data: {
      name: 'Hải Dương',
      kind: 'tinh',
      gsoCode: '30',
      region: 'bac',
      centreName: 'TP Hải Dương',
      centre: { lat: 20.94, lng: 106.31 },
      validUntil: new Date('2025-06-30'),
      mergedInto: ref('provinces', 'hai-phong'),
      aliases: ['hai duong'],
      sources: [{ publisher: 'Quốc hội', title: 'Nghị quyết 202/2025/QH15' }],
    },
  },
  {
    id: 'hai-phong',
    data: {
      name: 'Hải Phòng',
      kind: 'thanh-pho',
      gsoCode: '31',
      region: 'bac',
      centreName: 'Quận Hồng Bàng',
      centre: { lat: 20.86, lng: 106.68 },
      aliases: [],
    },
  },
];
const beneficiaries = [
  {
    id: 'ctcp-gom-chu-dau',
    data: {
      name: 'Công ty cổ phần gốm Chu Đậu',
      kind: 'doanh-nghiep',
      province: ref('provinces', 'hai-duong'),
      addressPublished: false,
      location: { lat: 20.94, lng: 106.31, precision: 'province' },
      support: [
        { year: 2018, programme: 'quoc-gia', kind: 'Ứng dụng máy móc tiên tiến', amount: 500_000_000 },
        { year: 2020, programme: 'dia-phuong', kind: 'Xúc tiến thương mại' },
      ],
      sources: [source],
    },
  },
  {
    id: 'hkd-khong-tinh',
    data: {
      name: 'Hộ kinh doanh không rõ tỉnh',
      kind: 'ho-kinh-doanh',
      addressPublished: false,
      support: [],
      sources: [source],
    },
  },
];
const products = [
  {
    id: 'binh-phuong-hoang-s1',
    data: {
      name: 'Bình Phượng Hoàng S1',
      group: 1,
      isSet: false,
      producer: ref('beneficiaries', 'ctcp-gom-chu-dau'),
      province: ref('provinces', 'hai-duong'),
      photos: [],
      sources: [source],
    },
  },
];
const rounds = [
  {
    id: 'khu-vuc-bac-2018',
    data: {
      title: 'Bình chọn cấp khu vực phía Bắc năm 2018',
      level: 'khu-vuc',
      region: 'bac',
      year: 2018,
      organiser: 'Cục Công Thương địa phương',
      recognised: 63,
      results: [{ product: ref('products', 'binh-phuong-hoang-s1'), score: 85.5 }],
      sources: [source],
    },
  },
];
const conferences = [
  {
    id: 'xiv-2019-hai-phong',
    data: {
      title: 'Hội nghị khuyến công phía Bắc lần thứ XIV',
      number: 'XIV',
      region: 'bac',
      date: new Date('2019-05-28'),
      host: ref('provinces', 'hai-phong'),
      venue: 'Hải Phòng',
      organisers: ['Cục Công Thương địa phương'],
      chairs: [{ name: 'Đặng Hoàng An', role: 'Thứ trưởng' }],
      guests: [],
      participants: '28 tỉnh',
      summary: 'x'.repeat(40),
      keyFigures: [],
      tasks: [],
      contributions: [],
      photos: [],
      sources: [source],
    },
  },
];
const reports = [
  {
    id: 'tinh-chua-neu-ten-2012-2022',
    data: {
      title: 'Kết quả 10 năm',
      period: { from: 2012, to: 2022 },
      periodLabel: '2012 – 2022',
      scope: 'Một tỉnh',
      funding: { total: 60_182_000_000, national: 12_982_000_000 },
      beneficiariesByKind: { 'doanh-nghiep': 23 },
      figures: [{ label: 'Lớp bồi dưỡng', value: 7, unit: 'classes' }],
      sources: [source],
    },
  },
];
const index = <T extends { id: string }>(items: T[]) => new Map(items.map((i) => [i.id, i]));
const site = {
  provinces,
  beneficiaries,
  products,
  rounds,
  conferences,
  reports,
  provinceById: index(provinces),
  productById: index(products),
  beneficiaryById: index(beneficiaries),
  currentOf: (id: string) => provinces.find((p) => p.id === (id === 'hai-duong' ? 'hai-phong' : id))!,
  recognitionsOf: (id: string) =>
    rounds.filter((r) => r.data.results.some((x) => x.product.id === id)).map((round) => ({ round })),
} as unknown as DownloadSite;
const origin = new URL('https://cnnt-tieubieu.vn');
const expectedRows: Record<(typeof DATASET_IDS)[number], number> = {
  'san-pham': 1,
  'co-so': 2,
  'ho-tro': 2,
  'binh-chon': 1,
  'ket-qua-binh-chon': 1,
  'hoi-nghi': 1,
  'tinh-thanh': 2,
  'so-lieu': 4,
};

describe('datasets', () => {
  it('are the eight files /du-lieu/ lists, each once', () => {
    expect(DATASETS.map((d) => d.id)).toEqual([...DATASET_IDS]);
  });

  describe.each(DATASETS.map((d) => [d.id, d] as const))('%s', (id, dataset) => {
    const rows = dataset.rows(site, origin);
    const columns = dataset.columns.map((c) => c.name);

    it('has one row per record', () => {
      expect(rows).toHaveLength(expectedRows[id]);
    });
    it('has exactly the dictionary’s columns in every row, with unique ASCII names', () => {
      expect(new Set(columns).size).toBe(columns.length);
      for (const name of columns) expect(name).toMatch(/^[a-z][a-z0-9_]*$/);
      for (const row of rows) expect(Object.keys(row).sort()).toEqual([...columns].sort());
    });
    it('describes every column in Vietnamese', () => {
      for (const column of dataset.columns) {
        const { description, type } = describeColumn(id, column);
        expect(description.length, column.name).toBeGreaterThan(5);
        expect(type).not.toMatch(/^dl\./);
      }
    });
    it('writes a CSV whose header is the dictionary and whose rows read back', () => {
      const [header, ...body] = readCsv(toCsv(columns, rows));
      expect(header).toEqual(columns);
      expect(body).toHaveLength(rows.length);
    });
    it('writes JSON with the same columns, typed values and its licence', () => {
      const json = JSON.parse(JSON.stringify(datasetJson(dataset, rows, origin, new Date('2025-07-01'))));
      expect(json.columns).toEqual(columns);
      expect(json.rowCount).toBe(rows.length);
      expect(json.license).toBe('CC-BY-4.0');
      for (const row of json.rows) expect(Object.keys(row)).toEqual(columns);
    });
    it('gives values of the type the dictionary says', () => {
      for (const row of rows) {
        for (const column of dataset.columns) {
          const value = row[column.name];
          if (value === undefined || value === null) continue;
          const expected =
            { integer: 'number', number: 'number', boolean: 'boolean', list: 'object' }[column.type as string] ??
            'string';
          expect(typeof value, `${id}.${column.name}`).toBe(expected);
          if (column.type === 'integer') expect(Number.isInteger(value), `${id}.${column.name}`).toBe(true);
          if (column.type === 'date') expect(value).toMatch(/^\d{4}-\d{2}-\d{2}$/);
          if (column.type === 'url') expect(String(value)).toMatch(/^https:\/\//);
        }
      }
    });
  });

  it('files a record under the province of its time and names the unit it is part of today', () => {
    const [product] = datasetById('san-pham')!.rows(site, origin);
    expect(product).toMatchObject({
      province_id: 'hai-duong',
      province_now_id: 'hai-phong',
      producer_id: 'ctcp-gom-chu-dau',
      rounds: ['khu-vuc-bac-2018'],
    });
    const crosswalk = datasetById('tinh-thanh')!.rows(site, origin);
    expect(crosswalk.find((r) => r['id'] === 'hai-duong')).toMatchObject({
      current_id: 'hai-phong',
      is_current: false,
      valid_until: '2025-06-30',
      merged_into_id: 'hai-phong',
    });
  });

  it('keeps support amounts in đồng and leaves unpublished ones empty', () => {
    const support = datasetById('ho-tro')!.rows(site, origin);
    expect(support.map((r) => [r['beneficiary_id'], r['seq'], r['amount_vnd']])).toEqual([
      ['ctcp-gom-chu-dau', 1, 500_000_000],
      ['ctcp-gom-chu-dau', 2, undefined],
    ]);
  });

  it('gives every report figure an id made of the report and the item', () => {
    const ids = datasetById('so-lieu')!
      .rows(site, origin)
      .map((r) => r['id']);
    expect(ids).toEqual([
      'tinh-chua-neu-ten-2012-2022/funding.total',
      'tinh-chua-neu-ten-2012-2022/funding.national',
      'tinh-chua-neu-ten-2012-2022/beneficiaries.doanh-nghiep',
      'tinh-chua-neu-ten-2012-2022/figure.1',
    ]);
  });

  it('cites a dataset with the site, the file’s address, the date and the licence', () => {
    expect(citation(datasetById('san-pham')!, origin, new Date('2025-07-01T12:00:00+07:00'))).toBe(
      'Sản phẩm công nghiệp nông thôn tiêu biểu (2025). Sản phẩm tiêu biểu. Truy cập ngày 1/7/2025 tại https://cnnt-tieubieu.vn/du-lieu/san-pham.csv. Giấy phép CC BY 4.0.',
    );
  });
});
