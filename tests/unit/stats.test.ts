/**
 * The /so-lieu/ charts: bar geometry (lengths proportional to values, missing values written, not drawn as zero),
 * the chart specs built from rounds and reports (only sourced numbers, each row with its sources), the description
 * screen readers hear, and the list of what is missing.
 */
import { describe, expect, it } from 'vitest';
import { layoutBars, SIZES, textWidth, wrap } from '../../src/lib/stats/bars';
import {
  describeChart,
  directoryChart,
  fundingChart,
  kindsChart,
  levelsChart,
  officialGroupsChart,
  provincesFundingChart,
  roundsChart,
  type ReportLike,
  type RoundLike,
} from '../../src/lib/stats/charts';
import { missingData } from '../../src/lib/stats/missing';

const count = (v: number) => String(v);

describe('wrap', () => {
  it('breaks at spaces within the limit and keeps a long word whole', () => {
    expect(wrap('Chế biến nông, lâm, thủy sản và thực phẩm', 20)).toEqual([
      'Chế biến nông, lâm,',
      'thủy sản và thực',
      'phẩm',
    ]);
    expect(wrap('Siêu-dài-không-có-khoảng-trắng', 10)).toEqual(['Siêu-dài-không-có-khoảng-trắng']);
  });
});

describe('layoutBars', () => {
  const one = [{ key: 'n', label: 'Số' }];
  const layout = layoutBars(
    one,
    [
      { label: 'A', values: [100] },
      { label: 'B', values: [50] },
      { label: 'C', values: [undefined] },
      { label: 'D', values: [0] },
    ],
    {
      format: count,
      missing: 'không có số liệu',
    },
  );
  const bars = layout.rows.map((r) => r.bars[0]!);

  it('draws bar lengths in proportion to the values, the largest filling the room left for its value', () => {
    expect(bars[1]!.width).toBeCloseTo(bars[0]!.width / 2, 1);
    expect(bars[0]!.width + 6 + textWidth('100', SIZES.value)).toBeLessThanOrEqual(layout.width);
    expect(layout.max).toBe(100);
  });
  it('writes a missing value as such and draws no bar for it or for zero', () => {
    expect(bars[2]).toMatchObject({ width: 0, text: 'không có số liệu', value: undefined });
    expect(bars[3]).toMatchObject({ width: 0, text: '0', value: 0 });
  });
  it('writes each value just past the end of its bar, and stacks rows without overlap', () => {
    expect(bars[0]!.textX).toBeGreaterThan(bars[0]!.width);
    const tops = bars.map((b) => b.y);
    expect([...tops].sort((a, b) => a - b)).toEqual(tops);
    for (let i = 1; i < bars.length; i++) expect(tops[i]! - tops[i - 1]!).toBeGreaterThanOrEqual(SIZES.bar);
    expect(layout.height).toBeGreaterThan(bars.at(-1)!.y + SIZES.bar - 1);
  });
  it('names each series in its values and in a legend that wraps within the width, when there are several', () => {
    const two = layoutBars(
      [
        { key: 'a', label: 'Số sản phẩm tham gia bình chọn', short: 'tham gia' },
        { key: 'b', label: 'Số sản phẩm được công nhận tiêu biểu', short: 'công nhận' },
      ],
      [{ label: '2024', values: [218, 126] }],
      { format: count, missing: '–' },
    );
    expect(two.rows[0]!.bars.map((b) => b.text)).toEqual(['218 tham gia', '126 công nhận']);
    expect(two.legend).toHaveLength(2);
    for (const item of two.legend)
      expect(item.x + 18 + textWidth(item.label, SIZES.value)).toBeLessThanOrEqual(two.width + 1);
    expect(two.legend[1]!.y).toBeGreaterThan(two.legend[0]!.y);
  });
});

const src = (publisher: string, url?: string) => ({ publisher, ...(url ? { url } : {}) });
const round = (
  id: string,
  level: RoundLike['data']['level'],
  year: number,
  recognised: number,
  entries?: number,
  region?: 'bac',
): RoundLike => ({
  id,
  data: {
    title: id,
    level,
    year,
    recognised,
    ...(entries ? { entries } : {}),
    ...(region ? { region } : {}),
    sources: [src('Báo A', 'https://a.vn/'), src('Báo A', 'https://a.vn/')],
  },
});
const rounds = [
  round('quoc-gia-2023', 'quoc-gia', 2023, 173, 441),
  round('khu-vuc-bac-2018', 'khu-vuc', 2018, 63, undefined, 'bac'),
  round('quoc-gia-2015', 'quoc-gia', 2015, 100),
];
const report = (id: string, data: Partial<ReportLike['data']>): ReportLike & { data: { region?: 'bac' } } => ({
  id,
  data: {
    title: id,
    periodLabel: '2012 – 2022',
    scope: 'Một tỉnh',
    funding: {},
    beneficiariesByKind: {},
    sources: [src('Nguồn X')],
    ...data,
  },
});

describe('roundsChart', () => {
  const spec = roundsChart(rounds);
  it('lists the rounds oldest first, each with its published entries and recognised counts', () => {
    expect(spec.rows.map((r) => r.label)).toEqual([
      '2015 · Cấp quốc gia',
      '2018 · Khu vực phía Bắc',
      '2023 · Cấp quốc gia',
    ]);
    expect(spec.rows.map((r) => r.values)).toEqual([
      [undefined, 100],
      [undefined, 63],
      [441, 173],
    ]);
  });
  it('links each row to its round and its sources, each source once', () => {
    expect(spec.rows[0]!.href).toBe('/binh-chon/quoc-gia-2015/');
    expect(spec.rows[0]!.sources).toEqual([{ label: 'Báo A', href: 'https://a.vn/' }]);
  });
});

describe('levelsChart and officialGroupsChart', () => {
  it('adds up the recognised counts of each level and links to each round', () => {
    const spec = levelsChart(rounds);
    expect(spec.rows.map((r) => [r.label, r.values[0]])).toEqual([
      ['Cấp khu vực (1 đợt)', 63],
      ['Cấp quốc gia (2 đợt)', 273],
    ]);
    expect(spec.rows[1]!.sources.map((s) => s.href)).toEqual([
      '/binh-chon/quoc-gia-2015/',
      '/binh-chon/quoc-gia-2023/',
    ]);
  });
  it('draws groups only from rounds whose source splits them', () => {
    expect(officialGroupsChart(rounds)).toBeUndefined();
    const split = {
      ...round('quoc-gia-2021', 'quoc-gia', 2021, 200),
      data: { ...round('quoc-gia-2021', 'quoc-gia', 2021, 200).data, recognisedByGroup: { 1: 50, 2: 120 } },
    };
    const spec = officialGroupsChart([...rounds, split])!;
    expect(spec.rows.map((r) => r.values)).toEqual([[50], [120], [undefined], [undefined]]);
  });
});

describe('charts from reports', () => {
  const full = report('mot-tinh', {
    funding: { total: 60_182e6, national: 12_982e6, local: 4_205e6, counterpart: 42_995e6 },
    beneficiariesByKind: { 'doanh-nghiep': 23, 'hop-tac-xa': 8, 'ho-kinh-doanh': 18 },
  });
  const totalOnly = report('thanh-hoa', { funding: { total: 11_760e6 }, province: { id: 'thanh-hoa' } });

  it('splits funding by source only where the report does, linking each row to the report', () => {
    expect(fundingChart(totalOnly)).toBeUndefined();
    const spec = fundingChart(full)!;
    expect(spec.rows.map((r) => r.label)).toEqual([
      'Tổng kinh phí',
      'Khuyến công quốc gia',
      'Khuyến công địa phương',
      'Vốn đối ứng của cơ sở',
    ]);
    expect(spec.rows[1]!).toMatchObject({ values: [12_982e6], href: '#mot-tinh', sources: [{ label: 'Nguồn X' }] });
    expect(spec.note).toContain('2012 – 2022');
  });
  it('counts establishments by the kinds the report gives', () => {
    expect(kindsChart(totalOnly)).toBeUndefined();
    expect(kindsChart(full)!.rows.map((r) => [r.label, r.values[0]])).toEqual([
      ['Doanh nghiệp', 23],
      ['Hợp tác xã', 8],
      ['Hộ kinh doanh', 18],
    ]);
  });
  it('compares provinces only when two or more have a total', () => {
    expect(provincesFundingChart([full, totalOnly], (id) => id)).toBeUndefined();
    const other = report('ha-noi', { funding: { total: 5e9 }, province: { id: 'ha-noi' } });
    expect(provincesFundingChart([full, totalOnly, other], (id) => id.toUpperCase())!.rows.map((r) => r.label)).toEqual(
      ['THANH-HOA (2012 – 2022)', 'HA-NOI (2012 – 2022)'],
    );
  });
  it('describes a chart by its largest and smallest values, in Vietnamese formats', () => {
    expect(describeChart(fundingChart(full)!)).toBe(
      'Biểu đồ thanh ngang gồm 4 mục. Lớn nhất: Tổng kinh phí: 60,182 tỷ đồng. Nhỏ nhất: Khuyến công địa phương: 4,205 tỷ đồng. Bảng kèm theo có đủ số liệu và nguồn.',
    );
  });
});

describe('directoryChart', () => {
  it('leaves out keys with nothing and marks the source as the directory', () => {
    const spec = directoryChart({
      id: 'x',
      title: 'X',
      rowHeader: 'Nhóm',
      keys: [1, 2, 3] as const,
      label: String,
      href: (g) => `/san-pham/nhom/${g}/`,
      count: (g) => (g === 2 ? 0 : g),
      seriesLabel: 'Sản phẩm',
      note: 'n',
    });
    expect(spec.rows.map((r) => r.values[0])).toEqual([1, 3]);
    expect(spec.rows[0]!.sources).toEqual([{ label: 'Danh bạ của trang', href: '/san-pham/nhom/1/' }]);
  });
});

describe('missingData', () => {
  const reports = [
    report('toan-quoc', { funding: { total: 1436e9 }, scope: 'Toàn quốc' }),
    report('thanh-hoa', { funding: { total: 11_760e6 }, province: { id: 'thanh-hoa' } }),
    report('mot-tinh', {
      funding: { total: 60e9, national: 13e9, local: 4e9, counterpart: 43e9 },
      beneficiariesByKind: { 'hop-tac-xa': 8 },
    }),
  ];
  const notes = missingData(rounds, reports, () => 'Thanh Hóa');

  it('says which figures no source gives', () => {
    expect(notes).toEqual([
      expect.stringMatching(/^Kinh phí khuyến công qua các năm/),
      expect.stringMatching(/^Kinh phí theo nguồn vốn: 1 trong 3 báo cáo/),
      expect.stringMatching(/^Kinh phí theo tỉnh, thành phố: mới có báo cáo kinh phí của Thanh Hóa/),
      expect.stringMatching(/^Cơ sở được hỗ trợ theo loại hình: mới có 1 báo cáo/),
      expect.stringMatching(/^Sản phẩm được công nhận theo nhóm/),
      'Bình chọn cấp khu vực: chưa có đợt nào của Miền Trung – Tây Nguyên, Khu vực phía Nam.',
      'Chưa có đợt bình chọn cấp huyện, cấp tỉnh nào trên trang.',
      'Số sản phẩm tham gia: nguồn chưa nêu cho 2 đợt (cấp quốc gia 2015, cấp khu vực 2018).',
    ]);
  });
  it('drops a note once the content supplies the figures', () => {
    const more = [...reports, report('thanh-hoa-2023', { funding: { total: 9e9 }, province: { id: 'thanh-hoa' } })];
    const after = missingData(rounds, more, () => 'Thanh Hóa');
    expect(after.some((n) => n.startsWith('Kinh phí khuyến công qua các năm'))).toBe(false);
  });
});
