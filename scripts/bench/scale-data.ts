/**
 * A synthetic national dataset for the scale benchmark (issue 7): products, beneficiaries, news, voting rounds,
 * conferences and stories with realistic Vietnamese text and a sample of photos, written as content files into a
 * temporary copy of the site (scripts/bench/scale.ts). Deterministic for the same counts, so two runs measure the same
 * thing. It is for benchmarks only: it never goes into content/ and never ships.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { stringify } from 'yaml';
import { foldMarks, slugify } from '../../src/lib/vi-text.ts';
import { readProvinceEntries, syntheticRecords } from './map-data.ts';

export interface ScaleCounts {
  products: number;
  beneficiaries: number;
  news: number;
  rounds: number;
  conferences: number;
  stories: number;
  /** Distinct photo files; each is used by several entries' photo fields. */
  photos: number;
}

export const DEFAULT_COUNTS: ScaleCounts = {
  products: 20_000,
  beneficiaries: 10_000,
  news: 5_000,
  rounds: 300,
  conferences: 100,
  stories: 200,
  photos: 60,
};

/** What the measurements need to know about the generated set. */
export interface ScaleManifest {
  counts: ScaleCounts;
  /** One slug of each kind, to measure a typical page of each template. */
  sample: { product: string; news: string; round: string; conference: string; beneficiary: string; story: string };
  /** Documents each word appears in (folded, lower case), most frequent first: the common and rare search words. */
  commonWord: string;
  rareWord: string;
}

/** A small deterministic generator (LCG). */
function random(seed: number) {
  let s = seed >>> 0;
  const next = () => (s = (Math.imul(s, 1_664_525) + 1_013_904_223) >>> 0) / 2 ** 32;
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  return { next, int, pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]! };
}
type Random = ReturnType<typeof random>;

const PRODUCT_KINDS: Record<1 | 2 | 3 | 4, string[]> = {
  1: ['Máy tuốt lúa', 'Máy băm cỏ', 'Máy sấy nông sản', 'Máy ép viên', 'Lò đốt rác', 'Máy xay xát gạo', 'Bộ dao cắt'],
  2: [
    'Bình gốm men lam',
    'Lọ hoa sơn mài',
    'Tranh thêu',
    'Bộ ấm chén',
    'Khay mây tre',
    'Tượng gỗ',
    'Nón lá',
    'Chiếu cói',
    'Bình đồng',
  ],
  3: [
    'Chè xanh',
    'Nước mắm',
    'Mật ong',
    'Miến dong',
    'Bánh đa',
    'Rượu nếp',
    'Tinh bột nghệ',
    'Trà hoa vàng',
    'Cà phê bột',
    'Giò me',
  ],
  4: [
    'Cao dược liệu',
    'Xà phòng thảo mộc',
    'Tinh dầu sả',
    'Gạch không nung',
    'Hương trầm',
    'Phân bón hữu cơ',
    'Than sinh học',
  ],
};
const BRANDS = (
  'An Phát|Bảo Châu|Đại Thành|Đông Á|Gia Hưng|Hà Thành|Hải Long|Hoàng Gia|Hồng Phúc|Khang Thịnh|Kim Long|Lộc Phát|' +
  'Minh Đức|Nam Việt|Ngọc Sơn|Phú Quý|Phúc Lộc|Quang Minh|Sơn Hà|Tân Tiến|Thái Bình|Thành Công|Thịnh Vượng|' +
  'Trường Xuân|Tuấn Kiệt|Vạn Xuân|Việt Hưng|Vĩnh Phát|Xuân Mai|Yên Bình'
).split('|');
const QUALITIES = ['truyền thống', 'hữu cơ', 'cao cấp', 'loại đặc biệt', 'thủ công', 'xuất khẩu', 'gia truyền', 'sạch'];
const SUPPORT_KINDS = [
  'Hỗ trợ máy móc thiết bị tiên tiến',
  'Xây dựng mô hình trình diễn kỹ thuật',
  'Đào tạo nghề, truyền nghề',
  'Hỗ trợ tham gia hội chợ triển lãm',
  'Hỗ trợ thiết kế mẫu mã, bao bì',
  'Tư vấn lập dự án đầu tư',
  'Hỗ trợ xây dựng phòng trưng bày sản phẩm',
];
const TOPICS = ['hoi-nghi', 'binh-chon', 'chinh-sach', 'tong-ket', 'ho-tro-co-so', 'xuc-tien-thuong-mai'] as const;
const ROLES = [
  'Giám đốc Sở Công Thương',
  'Phó Giám đốc Sở Công Thương',
  'Giám đốc Trung tâm Khuyến công',
  'Trưởng phòng Quản lý công nghiệp',
];
const PEOPLE = (
  'Nguyễn Văn Hùng|Trần Thị Lan|Lê Minh Tuấn|Phạm Quốc Khánh|Hoàng Thị Hương|Vũ Đức Thắng|Đặng Thanh Sơn|Bùi Thị Ngọc|' +
  'Đỗ Quang Vinh|Ngô Thị Thu|Dương Văn Long|Lý Thị Mai|Đinh Công Hải|Trịnh Văn Nam|Mai Xuân Trường'
).split('|');

const OPENINGS = [
  'Ngày {date}, Sở Công Thương {province} tổ chức hội nghị tổng kết công tác khuyến công năm {year} và triển khai kế hoạch năm tiếp theo.',
  'Trong năm {year}, chương trình khuyến công của {province} tập trung hỗ trợ các cơ sở công nghiệp nông thôn đổi mới máy móc, thiết bị.',
  'Sáng {date}, Trung tâm Khuyến công {province} khai mạc hội chợ hàng công nghiệp nông thôn tiêu biểu với sự tham gia của nhiều doanh nghiệp, hợp tác xã.',
  'Hội đồng bình chọn cấp tỉnh của {province} đã chấm điểm các sản phẩm công nghiệp nông thôn đăng ký tham gia năm {year}.',
];
const SENTENCES = [
  'Kinh phí khuyến công năm {year} của tỉnh đạt {money} triệu đồng, hỗ trợ {count} đề án cho các cơ sở sản xuất.',
  'Nhiều cơ sở đã mạnh dạn đầu tư dây chuyền sản xuất mới, nâng cao năng suất và chất lượng sản phẩm.',
  'Sản phẩm {product} của {brand} được người tiêu dùng đánh giá cao nhờ mẫu mã đẹp, chất lượng ổn định.',
  'Các đại biểu đề nghị tăng cường liên kết giữa các địa phương trong việc xúc tiến thương mại và quảng bá sản phẩm.',
  'Đại diện Cục Công Thương địa phương cho biết nguồn vốn khuyến công quốc gia sẽ ưu tiên các huyện miền núi, vùng khó khăn.',
  'Hợp tác xã đã tạo việc làm ổn định cho {count} lao động địa phương với thu nhập bình quân {income} triệu đồng mỗi tháng.',
  'Công tác đào tạo nghề, truyền nghề được duy trì, giúp nhiều lao động nông thôn có thêm tay nghề.',
  'Từ năm {year}, tỉnh đã có {count} sản phẩm được công nhận sản phẩm công nghiệp nông thôn tiêu biểu các cấp.',
  'Việc ứng dụng máy móc tiên tiến giúp giảm chi phí sản xuất và bảo vệ môi trường ở các làng nghề.',
  'Sở Công Thương sẽ tiếp tục phối hợp với các huyện rà soát nhu cầu hỗ trợ của cơ sở công nghiệp nông thôn.',
  'Nhiều sản phẩm thủ công mỹ nghệ của làng nghề {place} đã có mặt tại các hội chợ trong và ngoài nước.',
  'Chương trình hỗ trợ thiết kế bao bì, nhãn mác giúp sản phẩm dễ tiếp cận hệ thống siêu thị và sàn thương mại điện tử.',
];
const HEADINGS = [
  'Kết quả nổi bật',
  'Những khó khăn còn tồn tại',
  'Nhiệm vụ thời gian tới',
  'Ý kiến của cơ sở',
  'Kiến nghị',
];
const PLACES = [
  'Bát Tràng',
  'Phù Lãng',
  'Vạn Phúc',
  'Đồng Kỵ',
  'Chu Đậu',
  'Kim Sơn',
  'Thanh Hà',
  'Tân Cương',
  'Mai Châu',
  'Hương Canh',
];

const ISO = (d: Date) => d.toISOString().slice(0, 10);
const VI_DATE = (d: Date) => `${d.getUTCDate()}/${d.getUTCMonth() + 1}/${d.getUTCFullYear()}`;
/** A day between 2012-01-01 and 2025-06-30, before the merger, so every province id of the time is valid. */
const dayOf = (r: Random) => new Date(Date.UTC(2012, 0, 1) + r.int(0, 4_929) * 86_400_000);
const SOURCE = [{ publisher: 'Dữ liệu tổng hợp cho phép đo hiệu năng (không phải tin thật)' }];

function fill(template: string, r: Random, vars: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (_, key: string) => {
    if (key in vars) return vars[key]!;
    if (key === 'money') return String(r.int(300, 25_000));
    if (key === 'count') return String(r.int(3, 180));
    if (key === 'income') return String(r.int(4, 12));
    if (key === 'place') return r.pick(PLACES);
    return key;
  });
}

function paragraphs(r: Random, vars: Record<string, string>, sections: number): string {
  const out = [fill(r.pick(OPENINGS), r, vars)];
  for (let s = 0; s < sections; s++) {
    out.push(`## ${r.pick(HEADINGS)}`);
    for (let p = 0; p < 2; p++)
      out.push(Array.from({ length: r.int(3, 5) }, () => fill(r.pick(SENTENCES), r, vars)).join(' '));
  }
  return out.join('\n\n');
}

const frontMatter = (data: object, body: string) => `---\n${stringify(data, { lineWidth: 0 })}---\n\n${body}\n`;

/** Photos: distinct JPEG files with a colour gradient and grain, the size a phone camera gives after export. */
async function photoFiles(dir: string, count: number, r: Random): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const names: string[] = [];
  for (let i = 0; i < count; i++) {
    const [w, h] = [1_600, 1_200];
    const raw = Buffer.alloc(w * h * 3);
    const [a, b, c] = [r.int(40, 180), r.int(40, 180), r.int(40, 180)];
    for (let y = 0; y < h; y++)
      for (let x = 0; x < w; x++) {
        const o = (y * w + x) * 3;
        const grain = (Math.imul(x * 31 + y * 17, 2_654_435_761) >>> 27) - 16;
        raw[o] = a + (x * 55) / w + grain;
        raw[o + 1] = b + (y * 55) / h + grain;
        raw[o + 2] = c + grain;
      }
    const name = `anh-${String(i + 1).padStart(3, '0')}.jpg`;
    await sharp(raw, { raw: { width: w, height: h, channels: 3 } })
      .jpeg({ quality: 82 })
      .toFile(join(dir, name));
    names.push(name);
  }
  return names;
}

/** Writes many small files without opening thousands at once. */
async function writeAll(files: Array<[path: string, body: string]>): Promise<void> {
  for (let i = 0; i < files.length; i += 256)
    await Promise.all(files.slice(i, i + 256).map(([p, b]) => writeFile(p, b)));
}

/**
 * Writes the dataset into `content` (a copy's content/ folder, emptied first by the caller except provinces.yaml).
 * Real entries are kept out: the benchmark measures a national site made only of synthetic records.
 */
export async function generate(content: string, counts: ScaleCounts): Promise<ScaleManifest> {
  const r = random(7_000_001);
  const provinces = readProvinceEntries();
  const regionOf = new Map<string, 'bac' | 'trung-tay-nguyen' | 'nam'>();
  for (const p of provinces) regionOf.set(p.id, p.lat > 19.5 ? 'bac' : p.lat > 11.5 ? 'trung-tay-nguyen' : 'nam');
  const nameOf = new Map(provinces.map((p) => [p.id, p.name]));
  const dirs = ['products', 'beneficiaries', 'news', 'voting-rounds', 'conferences', 'stories', 'reports'];
  for (const d of dirs) await mkdir(join(content, d), { recursive: true });
  const files: Array<[string, string]> = [];
  const documents: string[] = [];

  // Photos live beside the products that use them (content/products/anh/); news covers reuse the same files.
  const photos = await photoFiles(join(content, 'products/anh'), counts.photos, r);

  // Beneficiaries: the map benchmark's records, with support rows written out.
  const beneficiaries = syntheticRecords(counts.beneficiaries, provinces);
  for (const b of beneficiaries) {
    const support = b.years.map((year, i) => ({
      year,
      programme: b.programmes[i % b.programmes.length] ?? 'quoc-gia',
      kind: r.pick(SUPPORT_KINDS),
      amount: r.int(50, 900) * 1_000_000,
      counterpart: r.int(100, 3_000) * 1_000_000,
    }));
    const data = {
      name: b.name,
      kind: b.kind,
      province: b.province,
      addressPublished: b.addressPublished,
      ...(b.location ? { location: b.location } : {}),
      sector: r.pick(Object.values(PRODUCT_KINDS).flat()),
      ...(b.groups.length ? { groups: b.groups } : {}),
      support,
      sources: SOURCE,
    };
    files.push([join(content, 'beneficiaries', `${b.slug}.yaml`), stringify(data, { lineWidth: 0 })]);
    documents.push(`${b.name} ${data.sector}`);
  }

  // Products: every fourth has a producer among the beneficiaries; one in 100 has a photo.
  const products: Array<{ slug: string; name: string; province: string; group: 1 | 2 | 3 | 4 }> = [];
  const seen = new Map<string, number>();
  for (let i = 0; i < counts.products; i++) {
    const group = r.int(1, 4) as 1 | 2 | 3 | 4;
    const producer =
      i % 4 === 0 && beneficiaries.length ? beneficiaries[r.int(0, beneficiaries.length - 1)] : undefined;
    const province = producer?.province ?? r.pick(provinces).id;
    const base = `${r.pick(PRODUCT_KINDS[group])} ${r.pick(QUALITIES)} ${r.pick(BRANDS)}`;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    const name = n === 1 ? base : `${base} ${n}`;
    const slug = slugify(name);
    const description = fill(
      'Sản phẩm {product} do cơ sở tại {province} sản xuất, đạt tiêu chuẩn chất lượng và được người tiêu dùng tin dùng. ' +
        'Nguyên liệu lấy tại địa phương, quy trình sản xuất kết hợp kinh nghiệm truyền thống với máy móc hiện đại.',
      r,
      { product: name, province: nameOf.get(province)! },
    );
    const data = {
      name,
      group,
      ...(producer ? { producer: producer.slug } : {}),
      province,
      description,
      ...(i % 100 === 0 && photos.length
        ? {
            photos: [
              {
                src: `./anh/${photos[(i / 100) % photos.length]}`,
                alt: `Ảnh minh họa sản phẩm ${name} (ảnh tổng hợp)`,
              },
            ],
          }
        : {}),
      sources: SOURCE,
    };
    files.push([join(content, 'products', `${slug}.yaml`), stringify(data, { lineWidth: 0 })]);
    products.push({ slug, name, province, group });
    documents.push(`${name} ${description}`);
  }

  // Rounds: levels and years spread over 2008–2024; each lists its share of the products as results.
  const levels = ['tinh', 'tinh', 'tinh', 'khu-vuc', 'quoc-gia'] as const;
  const perRound = Math.max(1, Math.floor(products.length / Math.max(1, counts.rounds)));
  const rounds: string[] = [];
  for (let i = 0; i < counts.rounds; i++) {
    const level = levels[i % levels.length]!;
    const year = 2008 + (i % 17);
    const host = r.pick(provinces).id;
    const region = regionOf.get(host)!;
    const results = products.slice(i * perRound, (i + 1) * perRound).map((p) => ({
      product: p.slug,
      score: r.int(700, 980) / 10,
      certificate: `${r.int(1, 999)}/GCN-${year}`,
    }));
    const where =
      level === 'tinh'
        ? `tỉnh ${nameOf.get(host)}`
        : level === 'khu-vuc'
          ? `khu vực ${region === 'bac' ? 'phía Bắc' : region === 'nam' ? 'phía Nam' : 'miền Trung – Tây Nguyên'}`
          : 'quốc gia';
    const slug = `${level}-${year}-${slugify(where)}-${i + 1}`;
    const data = {
      title: `Bình chọn sản phẩm công nghiệp nông thôn tiêu biểu cấp ${where} năm ${year} (đợt ${i + 1})`,
      level,
      ...(level === 'khu-vuc' ? { region } : {}),
      year,
      organiser: level === 'tinh' ? `Sở Công Thương ${nameOf.get(host)}` : 'Bộ Công Thương',
      host,
      decision: { number: `${r.int(100, 2_999)}/QĐ-SCT`, date: `${year}-${String(r.int(9, 12)).padStart(2, '0')}-15` },
      entries: results.length + r.int(5, 60),
      recognised: results.length,
      results,
      sources: SOURCE,
    };
    files.push([join(content, 'voting-rounds', `${slug}.yaml`), stringify(data, { lineWidth: 0 })]);
    rounds.push(slug);
  }

  // Conferences: northern, central and southern series, one a year each, numbered.
  const conferences: string[] = [];
  for (let i = 0; i < counts.conferences; i++) {
    const region = (['bac', 'trung-tay-nguyen', 'nam'] as const)[i % 3]!;
    const hosts = provinces.filter((p) => regionOf.get(p.id) === region);
    const host = r.pick(hosts);
    const date = dayOf(r);
    const ordinal = Math.floor(i / 3) + 1;
    const roman = toRoman(ordinal);
    const slug = `${slugify(roman)}-${date.getUTCFullYear()}-${host.id}-${i + 1}`;
    const vars = {
      date: VI_DATE(date),
      year: String(date.getUTCFullYear()),
      province: host.name,
      product: r.pick(products).name,
      brand: r.pick(BRANDS),
    };
    const data = {
      title: `Hội nghị khuyến công các tỉnh, thành phố khu vực ${region === 'bac' ? 'phía Bắc' : region === 'nam' ? 'phía Nam' : 'miền Trung – Tây Nguyên'} lần thứ ${roman} (${i + 1})`,
      number: roman,
      region,
      date: ISO(date),
      host: host.id,
      venue: host.name,
      organisers: ['Cục Công Thương địa phương', `Sở Công Thương ${host.name}`],
      chairs: [{ name: r.pick(PEOPLE), role: r.pick(ROLES) }],
      participants: `Đại diện Sở Công Thương ${r.int(10, 30)} tỉnh, thành phố`,
      provincesCount: r.int(10, 30),
      summary: fill(r.pick(OPENINGS), r, vars),
      tasks: Array.from({ length: 4 }, () => fill(r.pick(SENTENCES), r, vars)),
      contributions: Array.from({ length: 3 }, () => ({
        name: r.pick(PEOPLE),
        role: r.pick(ROLES),
        province: r.pick(hosts).id,
        title: `Tham luận về ${r.pick(SUPPORT_KINDS).toLowerCase()}`,
        summary: fill(r.pick(SENTENCES), r, vars),
      })),
      sources: SOURCE,
    };
    const body = paragraphs(r, vars, 3);
    files.push([join(content, 'conferences', `${slug}.md`), frontMatter(data, body)]);
    conferences.push(slug);
    documents.push(`${data.title} ${data.summary} ${body}`);
  }

  // News: 400–700 words each, linked to provinces, products, rounds and conferences as real articles are.
  const news: string[] = [];
  for (let i = 0; i < counts.news; i++) {
    const date = dayOf(r);
    const province = r.pick(provinces);
    const product = r.pick(products);
    const vars = {
      date: VI_DATE(date),
      year: String(date.getUTCFullYear()),
      province: province.name,
      product: product.name,
      brand: r.pick(BRANDS),
    };
    const title = fill(
      r.pick([
        '{province}: khuyến công tiếp sức cơ sở công nghiệp nông thôn năm {year}',
        '{province} tổng kết công tác khuyến công năm {year}',
        'Sản phẩm {product} được công nhận tiêu biểu',
        '{province} hỗ trợ {count} cơ sở đổi mới máy móc thiết bị',
        'Hội chợ hàng công nghiệp nông thôn tiêu biểu tại {province}',
      ]),
      r,
      vars,
    );
    const slug = `${slugify(title)}-${i + 1}`;
    const data = {
      title,
      date: ISO(date),
      summary: fill(r.pick(OPENINGS), r, vars).slice(0, 290),
      provinces: [province.id],
      topics: [r.pick(TOPICS)],
      ...(i % 7 === 0 && conferences.length ? { conference: r.pick(conferences) } : {}),
      ...(i % 5 === 0 && rounds.length ? { round: r.pick(rounds) } : {}),
      products: [product.slug],
      ...(i % 50 === 0 && photos.length
        ? { cover: { src: `../products/anh/${r.pick(photos)}`, alt: `Ảnh minh họa cho bài ${title} (ảnh tổng hợp)` } }
        : {}),
      sources: SOURCE,
    };
    const body = paragraphs(r, vars, r.int(3, 5));
    files.push([join(content, 'news', `${slug}.md`), frontMatter(data, body)]);
    news.push(slug);
    documents.push(`${title} ${data.summary} ${body}`);
  }

  // Stories: a beneficiary and its products, before/after figures.
  const stories: string[] = [];
  for (let i = 0; i < Math.min(counts.stories, beneficiaries.length); i++) {
    const b = beneficiaries[r.int(0, beneficiaries.length - 1)]!;
    if (!b.province) continue;
    const date = dayOf(r);
    const vars = {
      date: VI_DATE(date),
      year: String(date.getUTCFullYear()),
      province: nameOf.get(b.province)!,
      product: r.pick(products).name,
      brand: b.name,
    };
    const title = `${b.name}: đổi mới nhờ khuyến công (${i + 1})`;
    const slug = `${slugify(title)}`;
    const data = {
      title,
      date: ISO(date),
      summary: fill(r.pick(SENTENCES), r, vars).padEnd(40, '.'),
      beneficiary: b.slug,
      province: b.province,
      figures: [{ label: 'Lao động', before: r.int(3, 20), after: r.int(21, 80), unit: 'people' }],
      sources: SOURCE,
    };
    const body = paragraphs(r, vars, 2);
    files.push([join(content, 'stories', `${slug}.md`), frontMatter(data, body)]);
    stories.push(slug);
    documents.push(`${title} ${body}`);
  }

  await writeAll(files);
  const { common, rare } = wordsByFrequency(documents);
  return {
    counts,
    sample: {
      product: products[Math.floor(products.length / 2)]?.slug ?? '',
      news: news[0] ?? '',
      round: rounds[0] ?? '',
      conference: conferences[0] ?? '',
      beneficiary: beneficiaries[0]?.slug ?? '',
      story: stories[0] ?? '',
    },
    commonWord: common,
    rareWord: rare,
  };
}

/**
 * The word in the most documents, and one in the fewest (at least two), both folded: a reader typing without marks
 * gets every word that folds the same ("tho" finds thổ, thợ, thọ), so frequency is counted on the folded form.
 */
function wordsByFrequency(documents: readonly string[]): { common: string; rare: string } {
  const df = new Map<string, number>();
  for (const doc of documents) {
    for (const word of new Set(
      foldMarks(doc)
        .toLowerCase()
        .match(/\p{L}+/gu) ?? [],
    ))
      df.set(word, (df.get(word) ?? 0) + 1);
  }
  const sorted = [...df].filter(([w]) => w.length > 1).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const rare = sorted.filter(([, n]) => n >= 2).at(-1)?.[0] ?? '';
  return { common: sorted[0]?.[0] ?? '', rare };
}

function toRoman(n: number): string {
  const table: Array<[number, string]> = [
    [100, 'C'],
    [90, 'XC'],
    [50, 'L'],
    [40, 'XL'],
    [10, 'X'],
    [9, 'IX'],
    [5, 'V'],
    [4, 'IV'],
    [1, 'I'],
  ];
  let out = '';
  for (const [v, s] of table) {
    while (n >= v) {
      out += s;
      n -= v;
    }
  }
  return out;
}
