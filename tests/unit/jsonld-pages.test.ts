/**
 * The JSON-LD of the round pages and of the pages that are about themselves (listings, about, search, map), the ids
 * that tie pages' nodes together, and the cap on share cards: at national scale (20,000 products, 5,000 news items)
 * cards are drawn for a bounded set of pages, never one per product or establishment.
 */
import { describe, expect, it } from 'vitest';
import type { Site } from '../../src/data/site';
import {
  aboutPageNode,
  beneficiaryNode,
  collectionPageNode,
  conferenceNode,
  graph,
  mapPageNode,
  newsArticleNode,
  nodeId,
  productNode,
  roundNode,
  searchPageNode,
} from '../../src/lib/jsonld';
import { NEWEST_CARDS, ogCards, ogImageFor, SHARE_PHOTO_WIDTH, sharePhoto } from '../../src/lib/og/pages';

const origin = 'https://cnnt-tieubieu.vn';
const sources = [{ publisher: 'Bộ Công Thương', url: 'https://moit.gov.vn/' }];

describe('roundNode', () => {
  const round = {
    id: 'khu-vuc-bac-2022',
    title: 'Bình chọn sản phẩm công nghiệp nông thôn tiêu biểu khu vực phía Bắc năm 2022',
    description: 'd',
    recognised: 141,
    results: [
      { id: 'che-tay-son', name: 'Chè Tây Sơn' },
      { id: 'sam-nhung-mat-ong', name: 'Sâm nhung mật ong' },
    ],
    sources,
  };

  it('is the ItemList of recognised products: the published count, the listed products in order, linked to their pages', () => {
    const node = roundNode(round, origin);
    expect(node).toMatchObject({
      '@type': 'ItemList',
      '@id': `${origin}/binh-chon/khu-vuc-bac-2022/#ket-qua`,
      name: round.title,
      url: `${origin}/binh-chon/khu-vuc-bac-2022/`,
      numberOfItems: 141,
      itemListElement: [
        { '@type': 'ListItem', position: 1, name: 'Chè Tây Sơn', url: `${origin}/san-pham/che-tay-son/` },
        { '@type': 'ListItem', position: 2, name: 'Sâm nhung mật ong', url: `${origin}/san-pham/sam-nhung-mat-ong/` },
      ],
      subjectOf: [{ url: 'https://moit.gov.vn/', publisher: { name: 'Bộ Công Thương' } }],
    });
  });

  it('never counts fewer items than it lists, and lists none when the site has no results yet', () => {
    expect(roundNode({ ...round, recognised: 1 }, origin).numberOfItems).toBe(2);
    const empty = roundNode({ ...round, results: [] }, origin);
    expect(empty).toMatchObject({ numberOfItems: 141, itemListElement: [] });
  });

  it('gives no count when the source publishes none: the products listed so far are not the total', () => {
    const { recognised: _, ...unknown } = round;
    expect(roundNode(unknown, origin)).not.toHaveProperty('numberOfItems');
    expect(roundNode({ ...unknown, results: [] }, origin)).not.toHaveProperty('numberOfItems');
  });
});

describe('page nodes', () => {
  it('a listing is a CollectionPage whose ItemList counts the whole listing and holds this page’s entries at their positions', () => {
    const node = collectionPageNode(
      {
        path: '/tin-tuc/trang/2/',
        title: 'Tin tức – trang 2',
        items: [
          { path: '/tin-tuc/a/', name: 'A' },
          { path: '/tin-tuc/b/', name: 'B' },
        ],
        offset: 24,
        total: 26,
      },
      origin,
    );
    expect(node).toMatchObject({
      '@type': 'CollectionPage',
      url: `${origin}/tin-tuc/trang/2/`,
      inLanguage: 'vi',
      isPartOf: { '@id': `${origin}/#website` },
      mainEntity: {
        '@type': 'ItemList',
        numberOfItems: 26,
        itemListElement: [
          { position: 25, name: 'A', url: `${origin}/tin-tuc/a/` },
          { position: 26, url: `${origin}/tin-tuc/b/` },
        ],
      },
    });
    expect(node).not.toHaveProperty('description');
    expect(
      collectionPageNode({ path: '/hoi-nghi/', title: 'H', items: [{ path: '/hoi-nghi/x/', name: 'X' }] }, origin)
        .mainEntity,
    ).toMatchObject({ numberOfItems: 1 });
  });

  it('about, search and map pages have their own types', () => {
    expect(aboutPageNode({ path: '/gioi-thieu/', title: 'Giới thiệu' }, origin)).toMatchObject({
      '@type': 'AboutPage',
      about: { '@id': `${origin}/#to-chuc` },
    });
    expect(searchPageNode({ path: '/tim-kiem/', title: 'Tìm kiếm' }, origin)).toMatchObject({
      '@type': 'SearchResultsPage',
      url: `${origin}/tim-kiem/`,
    });
    expect(mapPageNode({ path: '/ban-do/', title: 'Bản đồ', description: 'd' }, origin)).toMatchObject({
      '@type': 'WebPage',
      mainEntity: { '@type': 'Map', name: 'Bản đồ', description: 'd' },
    });
  });
});

describe('ids that tie pages together', () => {
  it('a news item is about its conference’s Event, by the id the conference page gives it', () => {
    const event = conferenceNode(
      {
        id: 'xvi-2022-thanh-hoa',
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
    const news = newsArticleNode(
      {
        path: '/tin-tuc/x/',
        title: 'T',
        summary: 's',
        date: new Date('2022-09-23'),
        sources,
        about: [nodeId.conference('xvi-2022-thanh-hoa'), nodeId.round('quoc-gia-2023')],
      },
      origin,
    );
    expect(event).toMatchObject({
      '@id': `${origin}/hoi-nghi/xvi-2022-thanh-hoa/#hoi-nghi`,
      url: `${origin}/hoi-nghi/xvi-2022-thanh-hoa/`,
    });
    expect(news.about).toEqual([{ '@id': event['@id'] }, { '@id': `${origin}/binh-chon/quoc-gia-2023/#ket-qua` }]);
    expect(
      newsArticleNode({ path: '/tin-tuc/y/', title: 'T', summary: 's', date: new Date(), sources }, origin),
    ).not.toHaveProperty('about');
  });

  it('a product’s manufacturer is the establishment’s node, with its page', () => {
    const product = productNode(
      {
        id: 'che',
        name: 'Chè',
        description: 'd',
        category: 'Nhóm 2',
        producer: { id: 'htx', name: 'HTX' },
        awards: [],
        sources,
      },
      origin,
    );
    expect(product.manufacturer).toEqual({
      '@type': 'Organization',
      '@id': `${origin}${nodeId.beneficiary('htx')}`,
      name: 'HTX',
      url: `${origin}/co-so/htx/`,
    });
    expect(product).not.toHaveProperty('award');
  });

  it('an establishment’s place is a point only when exact, otherwise the circle it may be published as', () => {
    const base = {
      id: 'hkd',
      name: 'HKD',
      kind: 'ho-kinh-doanh' as const,
      kindName: 'Hộ kinh doanh',
      products: [],
      sources,
    };
    expect(beneficiaryNode({ ...base, location: { lat: 21.03, lng: 105.85, radius: 2000 } }, origin).location).toEqual({
      '@type': 'Place',
      geo: {
        '@type': 'GeoCircle',
        geoMidpoint: { '@type': 'GeoCoordinates', latitude: 21.03, longitude: 105.85 },
        geoRadius: 2000,
      },
    });
    expect(beneficiaryNode({ ...base, location: { lat: 21.0285, lng: 105.8542, radius: 0 } }, origin).location).toEqual(
      {
        '@type': 'Place',
        geo: { '@type': 'GeoCoordinates', latitude: 21.0285, longitude: 105.8542 },
      },
    );
    expect(beneficiaryNode(base, origin)).not.toHaveProperty('location');
  });

  it('graph drops absent nodes and keeps the order', () => {
    const data = graph(
      aboutPageNode({ path: '/gioi-thieu/', title: 'G' }, origin),
      undefined,
      searchPageNode({ path: '/tim-kiem/', title: 'T' }, origin),
    );
    expect((data['@graph'] as Array<{ '@type': string }>).map((n) => n['@type'])).toEqual([
      'AboutPage',
      'SearchResultsPage',
    ]);
  });
});

describe('share cards at national scale', () => {
  /** A site with the collections ogCards reads, at the sizes the brief expects nationally. */
  function nationalSite(): Site {
    const day = (i: number) => ({
      date: new Date(Date.UTC(2025, 0, 1) - i * 86_400_000),
      title: `Bài số ${i} về khuyến công`,
    });
    const news = Array.from({ length: 5000 }, (_, i) => ({ id: `tin-${i}`, data: day(i) }));
    const stories = Array.from({ length: 2000 }, (_, i) => ({ id: `chuyen-${i}`, data: day(i) }));
    const products = Array.from({ length: 20_000 }, (_, i) => ({ id: `sp-${i}`, data: { name: `Sản phẩm ${i}` } }));
    const beneficiaries = Array.from({ length: 8000 }, (_, i) => ({ id: `cs-${i}`, data: { name: `Cơ sở ${i}` } }));
    const conferences = Array.from({ length: 40 }, (_, i) => ({
      id: `hn-${i}`,
      data: { ...day(i * 365), venue: 'TP Thanh Hóa' },
    }));
    const rounds = Array.from({ length: 30 }, (_, i) => ({
      id: `bc-${i}`,
      data: { title: `Bình chọn sản phẩm tiêu biểu ${i}`, level: 'quoc-gia', year: 2025 - i, recognised: 100 },
    }));
    return { news, stories, products, beneficiaries, conferences, rounds, provinces: [] } as unknown as Site;
  }

  it('draws a bounded set: newest news and stories only, no product or establishment cards', () => {
    const site = nationalSite();
    const cards = ogCards(site);
    expect(cards.filter((c) => c.path.startsWith('tin-tuc/'))).toHaveLength(NEWEST_CARDS);
    expect(cards.filter((c) => c.path.startsWith('cau-chuyen/'))).toHaveLength(NEWEST_CARDS);
    expect(cards.some((c) => /^(san-pham|co-so)\//.test(c.path))).toBe(false);
    // Site, statistics and data cards, the capped news and stories, every conference and round.
    expect(cards.length).toBe(3 + 2 * NEWEST_CARDS + 40 + 30);
    expect(cards.length).toBeLessThan(1000);
    expect(new Set(cards.map((c) => c.path)).size).toBe(cards.length);
  });

  it('gives a page its card only when one is drawn', () => {
    const site = nationalSite();
    expect(ogImageFor(site, '/tin-tuc/tin-0/')).toBe('/og/tin-tuc/tin-0.png');
    expect(ogImageFor(site, `/tin-tuc/tin-${NEWEST_CARDS - 1}/`)).toBe(`/og/tin-tuc/tin-${NEWEST_CARDS - 1}.png`);
    expect(ogImageFor(site, `/tin-tuc/tin-${NEWEST_CARDS}/`)).toBeUndefined();
    expect(ogImageFor(site, '/hoi-nghi/hn-39/')).toBe('/og/hoi-nghi/hn-39.png');
    expect(ogImageFor(site, '/binh-chon/bc-0/')).toBe('/og/binh-chon/bc-0.png');
    expect(ogImageFor(site, '/san-pham/sp-0/')).toBeUndefined();
    expect(ogImageFor(site, '/co-so/cs-0/')).toBeUndefined();
    expect(ogImageFor(site, '/tin-tuc/')).toBeUndefined();
    expect(ogImageFor(site, '/')).toBe('/og/site.png');
  });
});

describe('sharePhoto', () => {
  it('asks for a JPEG no wider than the widest <Picture> candidate, nor than the photo (never enlarged)', () => {
    expect(sharePhoto({ width: 4000 })).toEqual({ src: { width: 4000 }, width: SHARE_PHOTO_WIDTH, format: 'jpg' });
    expect(sharePhoto({ width: 800 }).width).toBe(800);
  });
});
