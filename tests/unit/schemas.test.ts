/**
 * Every collection's schema: a realistic good entry parses, and each typical editor mistake fails on the right field
 * with the message the editor will read. One bad fixture = the good one with one thing changed.
 */
import { describe, expect, it } from 'vitest';
import type { z } from 'astro/zod';
import { provinceSchema } from '../../src/schemas/provinces';
import { conferenceSchema } from '../../src/schemas/conferences';
import { newsSchema } from '../../src/schemas/news';
import { votingRoundSchema } from '../../src/schemas/voting-rounds';
import { productSchema } from '../../src/schemas/products';
import { beneficiarySchema } from '../../src/schemas/beneficiaries';
import { storySchema } from '../../src/schemas/stories';
import { reportSchema } from '../../src/schemas/reports';
import { ctx, issuesOf, variant, type Fixture } from './schema-helpers';

const sources = [
  {
    publisher: 'Báo Công Thương',
    title: 'Hội nghị khuyến công các tỉnh phía Bắc lần thứ XVI',
    url: 'https://congthuong.vn/hoi-nghi-khuyen-cong-xvi',
    date: '2022-09-23',
  },
];
const photo = {
  src: './hoi-nghi.jpg',
  alt: 'Đại biểu dự hội nghị khuyến công tại TP Thanh Hóa',
  credit: 'Báo Công Thương',
};

const good: Record<string, { schema: z.ZodType; fixture: Fixture }> = {
  provinces: {
    schema: provinceSchema,
    fixture: {
      name: 'Hải Dương',
      kind: 'tinh',
      gsoCode: '30',
      region: 'bac',
      centreName: 'TP Hải Dương',
      centre: { lat: 20.9373, lng: 106.3146 },
      validUntil: '2025-06-30',
      mergedInto: 'hai-phong',
      aliases: ['hai duong'],
      sources: [{ publisher: 'Quốc hội', title: 'Nghị quyết 202/2025/QH15', date: '2025-06-12' }],
    },
  },
  conferences: {
    schema: conferenceSchema(ctx),
    fixture: {
      title: 'Hội nghị công tác khuyến công các tỉnh, thành phố phía Bắc lần thứ XVI',
      number: 'XVI',
      region: 'bac',
      date: '2022-09-22',
      host: 'thanh-hoa',
      venue: 'TP Thanh Hóa',
      organisers: ['Cục Công Thương địa phương', 'Sở Công Thương Thanh Hóa'],
      chairs: [{ name: 'Ngô Quang Trung', role: 'Cục trưởng Cục Công Thương địa phương' }],
      participants: 'Sở Công Thương và Trung tâm Khuyến công 28 tỉnh, thành phố phía Bắc',
      provincesCount: 28,
      summary: 'Hội nghị tổng kết công tác khuyến công giai đoạn 2021 – 9/2022 và bàn nhiệm vụ thời gian tới.',
      keyFigures: [{ label: 'Kinh phí khuyến công quốc gia', value: 11_760_000_000, unit: 'dong' }],
      tasksCount: 5,
      contributions: [
        {
          name: 'Phạm Bá Oai',
          role: 'Giám đốc Sở Công Thương Thanh Hóa',
          province: 'thanh-hoa',
          title: 'Kết quả khuyến công tỉnh Thanh Hóa',
          summary: 'Tỉnh đã hỗ trợ nhiều cơ sở ứng dụng máy móc tiên tiến và xây dựng mô hình trình diễn.',
        },
      ],
      nextHost: 'quang-ninh',
      photos: [photo],
      sources,
    },
  },
  news: {
    schema: newsSchema(ctx),
    fixture: {
      title: 'Khai mạc hội nghị khuyến công phía Bắc tại Thanh Hóa',
      date: '2022-09-22',
      summary: 'Ngày 22/9/2022, hội nghị khuyến công các tỉnh phía Bắc lần thứ XVI diễn ra tại TP Thanh Hóa.',
      provinces: ['thanh-hoa'],
      topics: ['hoi-nghi'],
      conference: 'xvi-2022-thanh-hoa',
      sources,
    },
  },
  votingRounds: {
    schema: votingRoundSchema,
    fixture: {
      title: 'Bình chọn sản phẩm CNNT tiêu biểu khu vực phía Bắc năm 2022',
      level: 'khu-vuc',
      region: 'bac',
      year: 2022,
      organiser: 'Cục Công Thương địa phương',
      host: 'thanh-hoa',
      decision: { number: '123/QĐ-BCT', date: '2022-09-20' },
      entries: 150,
      recognised: 120,
      recognisedByGroup: { 1: 40, 2: 50, 3: 10, 4: 20 },
      results: [{ product: 'binh-phuong-hoang-s1', score: 88.5 }],
      sources,
    },
  },
  products: {
    schema: productSchema(ctx),
    fixture: {
      name: 'Bình phương hoàng S1',
      group: 1,
      producer: 'gom-chu-dau',
      province: 'hai-duong',
      description: 'Bình gốm men lam vẽ chim phượng hoàng.',
      photos: [{ src: './binh.jpg', alt: 'Bình gốm men lam vẽ chim phượng hoàng' }],
      sources,
    },
  },
  beneficiaries: {
    schema: beneficiarySchema,
    fixture: {
      name: 'Hộ kinh doanh Gốm Chu Đậu',
      kind: 'ho-kinh-doanh',
      province: 'hai-duong',
      address: 'xã Thái Tân, huyện Nam Sách',
      location: { lat: 21.0, lng: 106.35, precision: 'commune' },
      sector: 'Gốm sứ',
      support: [{ year: 2021, programme: 'quoc-gia', kind: 'Ứng dụng máy móc tiên tiến', amount: 478_000_000 }],
      sources,
    },
  },
  stories: {
    schema: storySchema(ctx),
    fixture: {
      title: 'Lò gốm nhỏ vươn ra thị trường nhờ khuyến công',
      date: '2023-03-01',
      summary: 'Nhờ máy móc được hỗ trợ, cơ sở tăng gấp đôi sản lượng và có thêm việc làm cho lao động địa phương.',
      beneficiary: 'gom-chu-dau',
      products: ['binh-phuong-hoang-s1'],
      province: 'hai-duong',
      figures: [{ label: 'Lao động', before: 12, after: 25, unit: 'people' }],
      sources,
    },
  },
  reports: {
    schema: reportSchema,
    fixture: {
      title: 'Kết quả khuyến công các tỉnh phía Bắc 2021 – 9/2022',
      period: { from: 2021, to: 2022 },
      periodLabel: '2021 – 9/2022',
      region: 'bac',
      scope: '28 tỉnh, thành phố phía Bắc',
      funding: { national: 11_760_000_000 },
      figures: [{ label: 'Số đề án', value: 29, unit: 'projects' }],
      sources,
    },
  },
};

describe.each(Object.entries(good))('%s: the good fixture', (_name, { schema, fixture }) => {
  it('parses', () => {
    expect(issuesOf(schema, fixture)).toEqual({});
  });
});

describe('what parsing gives the pages', () => {
  it('turns slugs into references and YYYY-MM-DD into dates', () => {
    const data = good['conferences']!.schema.parse(good['conferences']!.fixture) as Fixture;
    expect(data['host']).toEqual({ id: 'thanh-hoa', collection: 'provinces' });
    expect(data['contributions'][0].province).toEqual({ id: 'thanh-hoa', collection: 'provinces' });
    expect(data['date']).toBeInstanceOf(Date);
    expect(data['date'].toISOString()).toBe('2022-09-22T00:00:00.000Z');
  });

  it('fills defaults: a household business does not publish its address unless it says so', () => {
    const data = beneficiarySchema.parse(good['beneficiaries']!.fixture) as Fixture;
    expect(data['addressPublished']).toBe(false);
    expect(productSchema(ctx).parse(good['products']!.fixture)).toMatchObject({ isSet: false });
  });
});

type Case = [label: string, edit: (f: Fixture) => void, path: string, message?: string | RegExp];

const cases: Record<keyof typeof good, Case[]> = {
  provinces: [
    ['GSO code of one digit', (f) => (f['gsoCode'] = '3'), 'gsoCode', 'Mã GSO gồm 2 chữ số, ví dụ "38"'],
    ['GSO code as a number (unquoted in YAML)', (f) => (f['gsoCode'] = 30), 'gsoCode'],
    ['latitude outside Vietnam', (f) => (f['centre'].lat = 30), 'centre.lat', 'Vĩ độ ngoài lãnh thổ Việt Nam'],
    ['longitude outside Vietnam', (f) => (f['centre'].lng = 100), 'centre.lng', 'Kinh độ ngoài lãnh thổ Việt Nam'],
    ['unknown region', (f) => (f['region'] = 'mien-bac'), 'region', 'Vùng phải là: bac, trung-tay-nguyen hoặc nam'],
    [
      'date written dd/mm/yyyy',
      (f) => (f['validUntil'] = '30/6/2025'),
      'validUntil',
      'Ngày phải viết dạng YYYY-MM-DD, ví dụ 2022-09-22',
    ],
    ['missing name', (f) => delete f['name'], 'name'],
  ],
  conferences: [
    ['number in Arabic digits', (f) => (f['number'] = '16'), 'number', 'Số thứ tự viết bằng chữ số La Mã, ví dụ XVI'],
    ['summary too short', (f) => (f['summary'] = 'Ngắn quá.'), 'summary', 'Tóm tắt cần ít nhất 30 ký tự'],
    [
      'contribution summary too short',
      (f) => (f['contributions'][0].summary = 'Ngắn.'),
      'contributions.0.summary',
      'Tóm tắt tham luận cần ít nhất 30 ký tự',
    ],
    [
      'photo without a real alt',
      (f) => (f['photos'][0].alt = 'ảnh'),
      'photos.0.alt',
      'Mô tả ảnh (alt) cần ít nhất 10 ký tự và nói ảnh cho thấy gì',
    ],
    ['photo with no alt at all', (f) => delete f['photos'][0].alt, 'photos.0.alt'],
    ['host written as an object', (f) => (f['host'] = { tinh: 'thanh-hoa' }), 'host'],
    ['figure in an unknown unit', (f) => (f['keyFigures'][0].unit = 'usd'), 'keyFigures.0.unit'],
    ['no sources', (f) => (f['sources'] = []), 'sources', 'Cần ít nhất một nguồn (publisher, title, url, date)'],
    [
      'source link that is not a URL',
      (f) => (f['sources'][0].url = 'congthuong.vn/bai-viet'),
      'sources.0.url',
      'Đường dẫn nguồn phải là địa chỉ web bắt đầu bằng https://',
    ],
    [
      'source link that would run a script',
      (f) => (f['sources'][0].url = 'javascript:alert(1)'),
      'sources.0.url',
      'Đường dẫn nguồn phải là địa chỉ web bắt đầu bằng https://',
    ],
    [
      'source link over plain http',
      (f) => (f['sources'][0].url = 'http://baothanhhoa.vn/'),
      'sources.0.url',
      'Đường dẫn nguồn phải là địa chỉ web bắt đầu bằng https://',
    ],
    [
      'source without publisher',
      (f) => (f['sources'][0].publisher = ''),
      'sources.0.publisher',
      'Ghi tên cơ quan hoặc tờ báo đăng bài',
    ],
    ['provinces count of zero', (f) => (f['provincesCount'] = 0), 'provincesCount'],
  ],
  news: [
    ['missing summary', (f) => delete f['summary'], 'summary', 'Thiếu tóm tắt (summary): thêm trường này'],
    [
      'summary over 300 characters',
      (f) => (f['summary'] = 'Rất dài. '.repeat(40)),
      'summary',
      'Tóm tắt tối đa 300 ký tự',
    ],
    ['short title', (f) => (f['title'] = 'Tin mới'), 'title', 'Tiêu đề cần ít nhất 10 ký tự'],
    ['no topic', (f) => (f['topics'] = []), 'topics', 'Chọn ít nhất một chủ đề'],
    ['unknown topic', (f) => (f['topics'] = ['tin-vui']), 'topics.0'],
    [
      'date written dd/mm/yyyy',
      (f) => (f['date'] = '22/9/2022'),
      'date',
      'Ngày phải viết dạng YYYY-MM-DD, ví dụ 2022-09-22',
    ],
    ['provinces as one string instead of a list', (f) => (f['provinces'] = 'thanh-hoa'), 'provinces'],
  ],
  votingRounds: [
    ['regional round without region', (f) => delete f['region'], 'region', 'Đợt cấp khu vực phải ghi vùng (region)'],
    [
      'more recognised than entered',
      (f) => (f['recognised'] = 151),
      'recognised',
      'Số được công nhận không thể lớn hơn số tham gia',
    ],
    ['score above 100', (f) => (f['results'][0].score = 120), 'results.0.score', 'Điểm từ 0 đến 100'],
    ['unknown level', (f) => (f['level'] = 'xa'), 'level', 'Cấp phải là: huyen, tinh, khu-vuc hoặc quoc-gia'],
    ['year before the programme', (f) => (f['year'] = 2005), 'year'],
    ['year as text', (f) => (f['year'] = 'năm 2022'), 'year'],
  ],
  products: [
    [
      'group as text',
      (f) => (f['group'] = '1'),
      'group',
      'Nhóm sản phẩm là số 1, 2, 3, 4, hoặc chua-ro khi nguồn không nêu nhóm',
    ],
    [
      'group out of range',
      (f) => (f['group'] = 5),
      'group',
      'Nhóm sản phẩm là số 1, 2, 3, 4, hoặc chua-ro khi nguồn không nêu nhóm',
    ],
    ['missing province', (f) => delete f['province'], 'province'],
    [
      'photo without alt',
      (f) => (f['photos'][0].alt = ''),
      'photos.0.alt',
      'Mô tả ảnh (alt) cần ít nhất 10 ký tự và nói ảnh cho thấy gì',
    ],
    ['missing sources', (f) => delete f['sources'], 'sources'],
  ],
  beneficiaries: [
    [
      'household business with an exact location but no published address',
      (f) => (f['location'].precision = 'exact'),
      'location.precision',
      'Hộ kinh doanh chỉ được hiện vị trí chính xác khi địa chỉ đã công bố; dùng precision: commune hoặc thô hơn',
    ],
    [
      'unknown kind',
      (f) => (f['kind'] = 'cong-ty'),
      'kind',
      'Loại hình phải là: doanh-nghiep, hop-tac-xa, to-hop-tac, ho-kinh-doanh hoặc chua-ro (nguồn không nêu)',
    ],
    [
      'unknown precision',
      (f) => (f['location'].precision = 'street'),
      'location.precision',
      'Độ chính xác phải là một trong: exact, commune, district, province',
    ],
    ['negative support amount', (f) => (f['support'][0].amount = -1), 'support.0.amount', 'Số tiền không được âm'],
    ['longitude outside Vietnam', (f) => (f['location'].lng = 120), 'location.lng', 'Kinh độ ngoài lãnh thổ Việt Nam'],
    ['unknown programme', (f) => (f['support'][0].programme = 'tinh'), 'support.0.programme'],
  ],
  stories: [
    ['missing beneficiary', (f) => delete f['beneficiary'], 'beneficiary'],
    ['short summary', (f) => (f['summary'] = 'Ngắn.'), 'summary', 'Tóm tắt cần ít nhất 30 ký tự'],
    ['figure written as text', (f) => (f['figures'][0].before = '12 người'), 'figures.0.before'],
  ],
  reports: [
    [
      'period ending before it starts',
      (f) => (f['period'] = { from: 2022, to: 2021 }),
      'period',
      'Năm bắt đầu phải trước năm kết thúc',
    ],
    ['negative funding', (f) => (f['funding'].national = -5), 'funding.national', 'Số tiền không được âm'],
    ['unknown region', (f) => (f['region'] = 'north'), 'region', 'Vùng phải là: bac, trung-tay-nguyen hoặc nam'],
    [
      'count by kind as a fraction',
      (f) => (f['beneficiariesByKind'] = { 'hop-tac-xa': 2.5 }),
      'beneficiariesByKind.hop-tac-xa',
    ],
  ],
};

describe.each(Object.entries(cases))('%s: bad fixtures', (name, list) => {
  const { schema, fixture } = good[name]!;
  it.each(list)('%s', (_label, edit, path, message) => {
    const issues = issuesOf(schema, variant(fixture, edit));
    expect(Object.keys(issues), 'exactly one field is reported').toEqual([path]);
    if (message !== undefined)
      expect(issues[path]).toEqual(message instanceof RegExp ? expect.stringMatching(message) : message);
  });
});

describe('exact locations', () => {
  const base = good['beneficiaries']!.fixture;
  it('a household business may show an exact location once its address is published', () => {
    const published = variant(base, (f) => {
      f['location'].precision = 'exact';
      f['addressPublished'] = true;
    });
    expect(issuesOf(beneficiarySchema, published)).toEqual({});
  });

  it('a company may show an exact location', () => {
    const company = variant(base, (f) => {
      f['kind'] = 'doanh-nghiep';
      f['location'].precision = 'exact';
    });
    expect(issuesOf(beneficiarySchema, company)).toEqual({});
  });
});
