/**
 * The schema.org builders of src/lib/jsonld: each gives the type search engines expect, absolute URLs, ids that
 * link pages to each other (a product's producer is the establishment's node), and the licence on the data.
 */
import { describe, expect, it } from 'vitest';
import {
  beneficiaryNode,
  breadcrumbNode,
  catalogNode,
  conferenceNode,
  graph,
  ld,
  newsArticleNode,
  productNode,
  provinceNode,
  statisticsNode,
  websiteLd,
} from '../../src/lib/jsonld';

const origin = 'https://cnnt-tieubieu.vn';
const sources = [
  { publisher: 'Báo Thanh Hóa', title: 'Hội nghị XVI', url: 'https://baothanhhoa.vn/', date: new Date('2022-09-22') },
  { publisher: 'Bản lưu' },
];
/** Every string value that looks like a URL or path of the site must be absolute. */
const urls = (value: unknown): string[] =>
  typeof value === 'string'
    ? [value]
    : Array.isArray(value)
      ? value.flatMap(urls)
      : value && typeof value === 'object'
        ? Object.entries(value).flatMap(([k, v]) =>
            ['url', '@id', 'item', 'contentUrl', 'mainEntityOfPage', 'image'].includes(k)
              ? urls(v)
              : typeof v === 'object'
                ? urls(v)
                : [],
          )
        : [];

describe('JSON-LD builders', () => {
  it('NewsArticle: headline, date in Vietnam’s time zone, publisher and sources', () => {
    const node = newsArticleNode(
      {
        path: '/tin-tuc/xvi/',
        title: 'Hội nghị XVI',
        summary: 'Tóm tắt',
        date: new Date('2022-09-21T17:30:00Z'),
        image: '/og/tin-tuc/xvi.png',
        sources,
        places: ['tỉnh Thanh Hóa'],
      },
      origin,
    );
    expect(node).toMatchObject({
      '@type': 'NewsArticle',
      datePublished: '2022-09-22',
      image: `${origin}/og/tin-tuc/xvi.png`,
      publisher: { '@id': `${origin}/#to-chuc` },
      isBasedOn: [{ url: 'https://baothanhhoa.vn/', datePublished: '2022-09-22' }, { publisher: { name: 'Bản lưu' } }],
    });
  });
  it('Event for a conference, with its place', () => {
    const node = conferenceNode(
      {
        id: 'xvi',
        title: 'Hội nghị XVI',
        summary: 's',
        date: new Date('2022-09-22'),
        venue: 'TP Thanh Hóa',
        hostName: 'Thanh Hóa',
        organisers: ['Cục'],
        sources,
      },
      origin,
    );
    expect(node).toMatchObject({
      '@type': 'Event',
      startDate: '2022-09-22',
      location: { name: 'TP Thanh Hóa', address: { addressRegion: 'Thanh Hóa', addressCountry: 'VN' } },
    });
  });
  it('Product names its producer by the establishment page’s id; a co-operative is a Cooperative', () => {
    const product = productNode(
      {
        id: 'che',
        name: 'Chè',
        description: 'd',
        category: 'Nhóm 2',
        producer: { id: 'htx', name: 'HTX' },
        awards: ['Bình chọn 2022'],
        sources,
      },
      origin,
    );
    const producer = beneficiaryNode(
      {
        id: 'htx',
        name: 'HTX',
        kind: 'hop-tac-xa',
        kindName: 'Hợp tác xã',
        provinceName: 'Thái Nguyên',
        products: [{ id: 'che', name: 'Chè' }],
        sources,
      },
      origin,
    );
    expect(product).toMatchObject({
      '@type': 'Product',
      manufacturer: { '@id': `${origin}/co-so/htx/#co-so` },
      award: ['Bình chọn 2022'],
    });
    expect(producer).toMatchObject({
      '@type': 'Cooperative',
      '@id': `${origin}/co-so/htx/#co-so`,
      address: { addressRegion: 'Thái Nguyên' },
    });
    expect(
      (producer as unknown as { makesOffer: Array<{ itemOffered: { '@id': string } }> }).makesOffer[0]!.itemOffered[
        '@id'
      ],
    ).toBe(product['@id']);
  });
  it('AdministrativeArea for a former province points at the unit it became', () => {
    const node = provinceNode(
      {
        id: 'hai-duong',
        fullName: 'tỉnh Hải Dương',
        gsoCode: '30',
        centre: { lat: 20.94, lng: 106.31 },
        current: { id: 'hai-phong', fullName: 'thành phố Hải Phòng' },
      },
      origin,
    );
    expect(node).toMatchObject({
      identifier: { propertyID: 'GSO', value: '30' },
      containedInPlace: { '@id': `${origin}/tinh-thanh/hai-phong/#dia-gioi` },
    });
  });
  it('DataCatalog of the downloads: each dataset with its CSV and JSON, under CC BY 4.0', () => {
    const node = catalogNode(
      { name: 'Dữ liệu mở', description: 'd' },
      [{ id: 'san-pham', name: 'Sản phẩm', description: 'd', columns: ['id', 'name'] }],
      origin,
      new Date('2025-07-01'),
    );
    expect(node).toMatchObject({
      license: 'https://creativecommons.org/licenses/by/4.0/',
      dataset: [
        {
          '@type': 'Dataset',
          variableMeasured: ['id', 'name'],
          distribution: [{ contentUrl: `${origin}/du-lieu/san-pham.csv` }, { encodingFormat: 'application/json' }],
        },
      ],
    });
    const stats = statisticsNode(
      { name: 'S', description: 'd', sourceUrls: ['https://a.vn/', 'https://a.vn/'], from: 2012, to: 2025 },
      origin,
      new Date(),
    );
    expect(stats).toMatchObject({ temporalCoverage: '2012/2025', isBasedOn: ['https://a.vn/'] });
  });
  it('graph and ld give the record JsonLd.astro takes, every site URL absolute', () => {
    const data = graph(
      breadcrumbNode(
        [{ href: '/tinh-thanh/', label: 'Tỉnh, thành phố' }],
        { href: '/tinh-thanh/ha-noi/', label: 'Hà Nội' },
        origin,
      ),
      undefined,
    );
    expect((data['@graph'] as unknown[]).length).toBe(1);
    const all = [
      data,
      websiteLd(origin),
      ld(
        conferenceNode(
          { id: 'x', title: 't', summary: 's', date: new Date(), venue: 'v', hostName: 'h', organisers: [], sources },
          origin,
        ),
      ),
    ];
    expect(urls(all).length).toBeGreaterThan(5);
    for (const value of urls(all)) expect(value).toMatch(/^https:\/\//);
    expect(JSON.parse(JSON.stringify(all))).toEqual(all);
  });
});
