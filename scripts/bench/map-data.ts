/**
 * Synthetic beneficiaries for the map benchmark only: realistic Vietnamese names, kinds, precisions (household
 * businesses never exact unless their address is published), support rows and places around the 63 former provinces'
 * centres, deterministic for a given count. They are written to a temporary copy of the built site, never to
 * content/ or dist/.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import {
  encodePoints,
  type MapRecord,
  type NamesFile,
  type PointsFile,
  type Programme,
  type ProvinceEntry,
} from '../../src/lib/map/points.ts';
import type { Kind, Precision } from '../../src/lib/map/precision.ts';
import { slugify, sortVi } from '../../src/lib/vi-text.ts';

const SURNAMES =
  'Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý Đinh Trịnh Đoàn Lương Mai Tạ Cao Hà Chu'.split(
    ' ',
  );
const MIDDLE = 'Văn Thị Đức Minh Hữu Quang Thanh Ngọc Xuân Công Đình Bá Kim Thu Hồng'.split(' ');
const GIVEN = (
  'An Bình Cường Dũng Giang Hải Hạnh Hiếu Hoa Hùng Hương Khánh Lan Linh Long Mai Nam Nga Ngân Nhung Phong ' +
  'Phúc Quân Quyết Sơn Tâm Thắng Thảo Thịnh Thu Trang Trung Tuấn Tùng Vân Việt Vinh Yến Giáp Sách Hòa Huệ Lợi Lực ' +
  'Hậu Đạt Toàn Tiến Thủy Loan Kiên Chiến Nhàn Oanh Duyên Bảo Châu Khoa Lâm'
).split(' ');
const TRADES = (
  'Cơ khí|Gốm sứ|Mây tre đan|Chế biến nông sản|Thực phẩm|Dệt may|Đồ gỗ mỹ nghệ|Chè|Nước mắm|Bánh kẹo|' +
  'Sơn mài|Thêu ren|Đúc đồng|Rượu|Miến dong|Bún khô|Cói|Chiếu|Dược liệu|Mật ong|Gạch ngói|Chổi chít|Hương|Nón lá|Đá mỹ nghệ'
).split('|');
const SYLLABLES = (
  'An Bảo Bình Châu Đại Đông Đức Gia Hà Hải Hòa Hoàng Hồng Hưng Hữu Khang Kim Lộc Long Minh Nam Ngọc ' +
  'Phát Phú Phúc Quang Sơn Tân Thái Thành Thịnh Tiến Toàn Trung Trường Tuấn Vạn Việt Vĩnh Xuân Yên'
).split(' ');
const PLACES = (
  'Tân Cương|Bát Tràng|Phù Lãng|Vạn Phúc|Đồng Kỵ|La Phù|Hương Canh|Thổ Hà|Chu Đậu|Kim Sơn|Ninh Hiệp|' +
  'Thanh Hà|Cẩm Giàng|Tây Sơn|Hương Khê|Nghi Xuân|Thạch Hà|Đại Từ|Phú Lương|Định Hóa|Xuân Phương|Tam Sơn|Yên Lập|' +
  'Tân Lạc|Mai Châu|Bảo Lạc|Sìn Hồ|Mộc Châu|Bắc Hà|Sa Pa'
).split('|');

const KIND_WEIGHTS: Array<[Kind, number]> = [
  ['doanh-nghiep', 0.3],
  ['hop-tac-xa', 0.25],
  ['to-hop-tac', 0.05],
  ['ho-kinh-doanh', 0.4],
];

/** A small deterministic generator (LCG), so every run measures the same set. */
function random(seed: number) {
  let s = seed >>> 0;
  const next = () => (s = (Math.imul(s, 1_664_525) + 1_013_904_223) >>> 0) / 2 ** 32;
  return {
    next,
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!,
    weighted: <T>(items: ReadonlyArray<[T, number]>): T => {
      let r = next();
      for (const [item, w] of items) if ((r -= w) < 0) return item;
      return items[items.length - 1]![0];
    },
  };
}

interface ProvinceRow {
  id: string;
  name: string;
  centre: { lat: number; lng: number };
  mergedInto?: string;
}

export function readProvinceEntries(): ProvinceEntry[] {
  const rows = parse(readFileSync(new URL('../../content/provinces.yaml', import.meta.url), 'utf8')) as ProvinceRow[];
  const byId = new Map(rows.map((r) => [r.id, r]));
  const current = (r: ProvinceRow): string => (r.mergedInto ? current(byId.get(r.mergedInto) ?? r) : r.id);
  return sortVi(rows, (r) => r.name).map((r) => ({
    id: r.id,
    name: r.name,
    current: current(r),
    lat: r.centre.lat,
    lng: r.centre.lng,
  }));
}

function nameOf(kind: Kind, r: ReturnType<typeof random>): { name: string; slug: string } {
  const brand = `${r.pick(SYLLABLES)} ${r.pick(SYLLABLES)}`;
  switch (kind) {
    case 'doanh-nghiep': {
      const tnhh = r.next() < 0.6;
      const trade = r.pick(TRADES);
      return {
        name: `${tnhh ? 'Công ty TNHH' : 'Công ty cổ phần'} ${trade} ${brand}`,
        slug: `${tnhh ? 'cty-tnhh' : 'ctcp'}-${slugify(`${trade} ${brand}`)}`,
      };
    }
    case 'hop-tac-xa':
    case 'to-hop-tac': {
      const rest = `${r.pick(TRADES)} ${r.next() < 0.5 ? r.pick(PLACES) : brand}`;
      const htx = kind === 'hop-tac-xa';
      return { name: `${htx ? 'Hợp tác xã' : 'Tổ hợp tác'} ${rest}`, slug: `${htx ? 'htx' : 'tht'}-${slugify(rest)}` };
    }
    default: {
      const person = `${r.pick(SURNAMES)} ${r.pick(MIDDLE)} ${r.pick(GIVEN)}`;
      return { name: `Hộ kinh doanh ${person}`, slug: `hkd-${slugify(person)}` };
    }
  }
}

/** `count` synthetic records (deterministic), in the directory's order. */
export function syntheticRecords(count: number, provinces: readonly ProvinceEntry[], seed = 2025): MapRecord[] {
  const r = random(seed + count);
  const slugs = new Map<string, number>();
  const records: MapRecord[] = [];
  for (let i = 0; i < count; i++) {
    const kind = r.weighted(KIND_WEIGHTS);
    const province = r.pick(provinces);
    const { name, slug: base } = nameOf(kind, r);
    const seen = slugs.get(base) ?? 0;
    slugs.set(base, seen + 1);
    const addressPublished = kind !== 'ho-kinh-doanh' ? r.next() < 0.3 : r.next() < 0.05;
    const precision: Precision | undefined = r.weighted<Precision | undefined>([
      [addressPublished ? 'exact' : 'commune', 0.35],
      ['district', 0.2],
      ['province', 0.4],
      [undefined, 0.05],
    ]);
    const spread = () => (r.next() - 0.5) * 0.9;
    const supports = Math.floor(r.next() * 3.2);
    const years = Array.from({ length: supports }, () => 2012 + Math.floor(r.next() * 14));
    records.push({
      slug: seen === 0 ? base : `${base}-${seen + 1}`,
      name: seen === 0 ? name : `${name} (${seen + 1})`,
      kind,
      province: province.id,
      location: precision && {
        lat: precision === 'province' ? province.lat : province.lat + spread(),
        lng: precision === 'province' ? province.lng : province.lng + spread(),
        precision,
      },
      addressPublished,
      groups: r.next() < 0.7 ? [1 + Math.floor(r.next() * 4)] : [],
      years,
      programmes: [...new Set(years.map((): Programme => (r.next() < 0.6 ? 'quoc-gia' : 'dia-phuong')))],
    });
  }
  return sortVi(records, (x) => x.name);
}

/** The two map files for `count` synthetic beneficiaries. */
export function syntheticFiles(count: number): { points: PointsFile; names: NamesFile } {
  const provinces = readProvinceEntries();
  return encodePoints(syntheticRecords(count, provinces), provinces);
}
