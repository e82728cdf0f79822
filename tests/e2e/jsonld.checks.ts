/**
 * Structured data per page type, on the built site. Every sitemap page has one JSON-LD block whose main node has the
 * schema.org type of its kind of page (a page type missing from TYPES fails, so a new route must say what it emits),
 * whose url is the page's canonical URL, whose breadcrumb trail is the one the page shows, and whose links all lead to
 * pages that exist. Then the facts: what the JSON-LD says about a conference, round, product, news item or province
 * is what the page itself shows. Read from the served HTML (what search engines read), not the DOM after scripts.
 */
import type { BrowserCheck } from '../../scripts/lib/behaviour.ts';
import { locsOf } from '../../scripts/lib/sitemap.ts';

type Node = Record<string, unknown> & { '@type'?: string };

/** The schema.org type(s) the main (first) node of each kind of page must have; first match wins. */
const TYPES: Array<[RegExp, string[]]> = [
  [/^\/$/, ['WebSite']],
  [/^\/tin-tuc\/(trang\/\d+\/)?$/, ['CollectionPage']],
  [/^\/tin-tuc\/[^/]+\/$/, ['NewsArticle']],
  [/^\/hoi-nghi\/$/, ['CollectionPage']],
  [/^\/hoi-nghi\/[^/]+\/$/, ['Event']],
  [/^\/binh-chon\/$/, ['CollectionPage']],
  [/^\/binh-chon\/[^/]+\/$/, ['ItemList']],
  [/^\/san-pham\/((nhom|tinh)\/[^/]+\/)?(trang\/\d+\/)?$/, ['CollectionPage']],
  [/^\/san-pham\/[^/]+\/$/, ['Product']],
  [/^\/san-pham\/[^/]+\/chung-nhan\/$/, ['WebPage']],
  [/^\/co-so\/([^/]+\/[^/]+\/)?(trang\/\d+\/)?$/, ['CollectionPage']],
  [/^\/co-so\/[^/]+\/$/, ['Organization', 'Cooperative']],
  [/^\/cau-chuyen\/$/, ['CollectionPage']],
  [/^\/cau-chuyen\/[^/]+\/$/, ['Article']],
  [/^\/tinh-thanh\/$/, ['CollectionPage']],
  [/^\/tinh-thanh\/[^/]+\/$/, ['AdministrativeArea']],
  [/^\/so-lieu\/$/, ['Dataset']],
  [/^\/du-lieu\/$/, ['DataCatalog']],
  [/^\/ban-do\/$/, ['WebPage']],
  [/^\/tim-kiem\/$/, ['SearchResultsPage']],
  [/^\/gioi-thieu\/$/, ['AboutPage']],
];

const decode = (s: string) =>
  s
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .trim();

/** What one page says, read from its HTML. */
interface Page {
  path: string;
  html: string;
  canonical: string | undefined;
  ogTitle: string | undefined;
  ogImage: string | undefined;
  h1: string | undefined;
  /** The blocks as parsed, or the reason one did not parse. */
  blocks: Array<Record<string, unknown> | Error>;
  /** The nodes of all blocks, main node first. */
  nodes: Node[];
}

const attr = (html: string, re: RegExp) => re.exec(html)?.[1];
/** [href, text] of each link in an HTML fragment. */
const linksIn = (fragment: string): Array<[string, string]> =>
  [...fragment.matchAll(/<a\s[^>]*?href="([^"]*)"[^>]*>([\s\S]*?)<\/a>/g)].map((m) => [decode(m[1]!), decode(m[2]!)]);
/** The inner HTML of the first element that `open` starts, up to the `close` tag (no nesting of the same tag). */
const section = (html: string, open: RegExp, close: string) => {
  const m = open.exec(html);
  if (!m) return undefined;
  const end = html.indexOf(close, m.index);
  return html.slice(m.index + m[0].length, end < 0 ? undefined : end);
};

function readPage(path: string, html: string): Page {
  const blocks = [...html.matchAll(/<script type="application\/ld\+json"[^>]*>([\s\S]*?)<\/script>/g)].map((m) => {
    try {
      return JSON.parse(m[1]!) as Record<string, unknown>;
    } catch (error) {
      return error instanceof Error ? error : new Error(String(error));
    }
  });
  const nodes = blocks.flatMap((b) =>
    b instanceof Error ? [] : Array.isArray(b['@graph']) ? (b['@graph'] as Node[]) : [b as Node],
  );
  return {
    path,
    html,
    canonical: attr(html, /<link rel="canonical" href="([^"]+)"/),
    ogTitle:
      attr(html, /<meta property="og:title" content="([^"]*)"/) &&
      decode(attr(html, /<meta property="og:title" content="([^"]*)"/)!),
    ogImage: attr(html, /<meta property="og:image" content="([^"]+)"/),
    h1: attr(html, /<h1[^>]*>([\s\S]*?)<\/h1>/) && decode(attr(html, /<h1[^>]*>([\s\S]*?)<\/h1>/)!),
    blocks,
    nodes,
  };
}

async function get(url: string): Promise<string> {
  const response = await fetch(url);
  if (response.status !== 200) throw new Error(`${new URL(url).pathname} answered ${response.status}`);
  return response.text();
}

/** Every sitemap page, read once for both checks. */
let cached: Promise<Page[]> | undefined;
function sitePages(base: string): Promise<Page[]> {
  cached ??= (async () => {
    const pages: Page[] = [];
    for (const sitemap of locsOf(await get(`${base}/sitemap-index.xml`))) {
      for (const loc of locsOf(await get(`${base}${new URL(sitemap).pathname}`))) {
        const path = new URL(loc).pathname;
        pages.push(readPage(path, await get(`${base}${path}`)));
      }
    }
    return pages;
  })();
  return cached;
}

const typeOf = (node: Node | undefined) => (typeof node?.['@type'] === 'string' ? node['@type'] : undefined);
const byType = (page: Page, type: string) => page.nodes.find((n) => typeOf(n) === type);

/** Every site URL the JSON-LD refers to (url, item, @id, image, contentUrl, urlTemplate), without fragment or query. */
function siteUrls(value: unknown, origin: string, found = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (const v of value) siteUrls(v, origin, found);
  else if (value && typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) {
      if (
        typeof v === 'string' &&
        ['url', 'item', '@id', 'image', 'contentUrl', 'urlTemplate', 'mainEntityOfPage'].includes(key) &&
        v.startsWith(`${origin}/`)
      ) {
        found.add(new URL(v).pathname);
      } else siteUrls(v, origin, found);
    }
  }
  return found;
}

export const checks: BrowserCheck[] = [
  {
    name: 'structured data: each page’s JSON-LD has its page type, canonical URL and breadcrumb trail, and links only to pages that exist',
    async run({ base }) {
      const pages = await sitePages(base);
      const problems: string[] = [];
      const origin = new URL(pages.find((p) => p.path === '/')?.canonical ?? 'https://invalid.example/').origin;
      const referenced = new Map<string, string>();
      for (const page of pages) {
        const { path } = page;
        const say = (message: string) => problems.push(`${path}: ${message}`);
        if (page.blocks.length !== 1) say(`${page.blocks.length} JSON-LD blocks, expected 1`);
        for (const block of page.blocks) {
          if (block instanceof Error) say(`JSON-LD does not parse: ${block.message}`);
          else if (block['@context'] !== 'https://schema.org') say(`@context is ${JSON.stringify(block['@context'])}`);
        }
        const main = page.nodes[0];
        const expected = TYPES.find(([re]) => re.test(path))?.[1];
        if (!expected)
          say(`no expected JSON-LD type for this kind of page: add it to TYPES in tests/e2e/jsonld.checks.ts`);
        else if (!expected.includes(typeOf(main) ?? ''))
          say(`main node is ${typeOf(main) ?? 'missing'}, expected ${expected.join(' or ')}`);
        for (const node of page.nodes)
          if (!typeOf(node)) say(`a node has no @type: ${JSON.stringify(node).slice(0, 100)}`);
        if (main && typeof main['url'] === 'string' && main['url'] !== page.canonical)
          say(`main node url ${main['url']} ≠ canonical ${page.canonical}`);

        // Breadcrumbs: the trail the page shows, then the page itself, or none at all.
        const nav = section(page.html, /<nav[^>]*class="breadcrumbs"[^>]*>/, '</nav>');
        const list = byType(page, 'BreadcrumbList');
        if (nav && !list) say('shows breadcrumbs but has no BreadcrumbList');
        if (!nav && list) say('has a BreadcrumbList but shows no breadcrumbs');
        if (nav && list) {
          const items = (list['itemListElement'] as Array<{ position: number; name: string; item: string }>) ?? [];
          const shown = [
            ...linksIn(nav).map(([href, text]) => [`${origin}${href}`, text]),
            [page.canonical, page.ogTitle],
          ];
          const got = items.map((i) => [i.item, i.name]);
          if (JSON.stringify(got) !== JSON.stringify(shown))
            say(`BreadcrumbList ${JSON.stringify(got)} ≠ shown ${JSON.stringify(shown)}`);
          if (items.some((i, n) => i.position !== n + 1)) say('BreadcrumbList positions are not 1, 2, 3…');
        }

        // Share image: the page's own card when the build drew one (src/lib/urls.ts ogImagePath), and the JSON-LD's
        // image of the page, when it names one, is that same og:image.
        const card = path === '/' ? '/og/site.png' : `/og/${path.replace(/^\/|\/$/g, '')}.png`;
        const drawn = (await fetch(`${base}${card}`, { method: 'HEAD' })).status === 200;
        if (drawn && page.ogImage !== `${origin}${card}`)
          say(`its card ${card} was drawn but og:image is ${page.ogImage}`);
        if (main && typeof main['image'] === 'string' && main['image'] !== page.ogImage)
          say(`JSON-LD image ${main['image']} ≠ og:image ${page.ogImage}`);
        for (const url of siteUrls(page.nodes, origin)) if (!referenced.has(url)) referenced.set(url, path);
      }
      for (const [url, path] of referenced) {
        const response = await fetch(`${base}${url}`, { method: 'HEAD' });
        if (response.status !== 200)
          problems.push(`${path}: JSON-LD links to ${url}, which answers ${response.status}`);
      }
      if (pages.length < 10) problems.push(`only ${pages.length} sitemap pages read`);
      if (problems.length > 0) throw new Error(problems.join('\n'));
    },
  },
  {
    name: 'structured data: what it says of the home page, conferences, rounds, products, news, listings and provinces is what the pages show',
    async run({ base }) {
      const pages = await sitePages(base);
      const problems: string[] = [];
      const at = (path: string) => {
        const page = pages.find((p) => p.path === path);
        if (!page) problems.push(`${path}: not in the sitemap`);
        return page;
      };
      const origin = new URL(at('/')?.canonical ?? 'https://invalid.example/').origin;
      const expect = (path: string, what: string, got: unknown, want: unknown) => {
        if (JSON.stringify(got) !== JSON.stringify(want))
          problems.push(`${path}: ${what} is ${JSON.stringify(got)}, expected ${JSON.stringify(want)}`);
      };

      // Home: the WebSite with the search box search engines can offer, and the organisation behind the site.
      const home = at('/');
      if (home) {
        const site = byType(home, 'WebSite') as
          | { potentialAction?: { '@type': string; target?: { urlTemplate?: string }; 'query-input'?: string } }
          | undefined;
        expect('/', 'SearchAction', site?.potentialAction?.['@type'], 'SearchAction');
        expect(
          '/',
          'SearchAction urlTemplate',
          site?.potentialAction?.target?.urlTemplate,
          `${origin}/tim-kiem/?q={q}`,
        );
        expect('/', 'SearchAction query-input', site?.potentialAction?.['query-input'], 'required name=q');
        expect('/', 'Organization @id', byType(home, 'Organization')?.['@id'], `${origin}/#to-chuc`);
      }

      // The XVI conference: 22 September 2022 in Thanh Hóa.
      const xvi = at('/hoi-nghi/xvi-2022-thanh-hoa/');
      if (xvi) {
        const event = byType(xvi, 'Event') as
          | {
              startDate?: string;
              location?: { name?: string; address?: { addressRegion?: string; addressCountry?: string } };
              name?: string;
            }
          | undefined;
        expect(xvi.path, 'Event startDate', event?.startDate, '2022-09-22');
        expect(xvi.path, 'Event location region', event?.location?.address?.addressRegion, 'Thanh Hóa');
        expect(xvi.path, 'Event location country', event?.location?.address?.addressCountry, 'VN');
        expect(xvi.path, 'Event name', event?.name, xvi.h1);
        if (!event?.location?.name?.includes('Thanh Hóa'))
          problems.push(`${xvi.path}: Event location name is ${JSON.stringify(event?.location?.name)}`);
      }
      // Its news item is about it, published the day it shows.
      const news = at('/tin-tuc/hoi-nghi-khuyen-cong-phia-bac-lan-thu-xvi-tai-thanh-hoa/');
      if (news) {
        const article = byType(news, 'NewsArticle') as
          | { headline?: string; datePublished?: string; about?: Array<{ '@id': string }> }
          | undefined;
        expect(news.path, 'NewsArticle headline', article?.headline, news.h1);
        expect(
          news.path,
          'NewsArticle datePublished',
          article?.datePublished,
          attr(news.html, /<time datetime="([^"]+)"/),
        );
        expect(news.path, 'NewsArticle about', article?.about, [
          { '@id': `${origin}/hoi-nghi/xvi-2022-thanh-hoa/#hoi-nghi` },
        ]);
        if (xvi)
          expect(
            news.path,
            'NewsArticle about → the Event @id',
            article?.about?.[0]?.['@id'],
            byType(xvi, 'Event')?.['@id'],
          );
      }

      for (const page of pages) {
        const { path } = page;
        // Every round: the count it shows as recognised, and exactly the products of its results table, in order.
        if (/^\/binh-chon\/[^/]+\/$/.test(path)) {
          const list = byType(page, 'ItemList') as
            | { name?: string; numberOfItems?: number; itemListElement?: Array<{ url: string; name: string }> }
            | undefined;
          const recognised = attr(page.html, /<dt>Số sản phẩm được công nhận<\/dt>\s*<dd[^>]*>([^<]*)<\/dd>/);
          expect(path, 'ItemList name', list?.name, page.h1);
          // A count the page gives is the count; "Nguồn không nêu" on the page means no count in the data either.
          const shown =
            recognised === undefined
              ? 'a count shown on the page'
              : /^[\d.]+$/.test(recognised.trim())
                ? Number(recognised.replace(/\./g, ''))
                : undefined;
          expect(path, 'ItemList numberOfItems', list?.numberOfItems, shown);
          const table = section(page.html, /<tbody[^>]*>/, '</tbody>') ?? '';
          const rows = linksIn(table).filter(([href]) => href.startsWith('/san-pham/'));
          expect(
            path,
            'ItemList products',
            list?.itemListElement?.map((i) => [i.url, i.name]),
            rows.map(([href, text]) => [`${origin}${href}`, text]),
          );
        }
        // Every product: its name, its producer as the page names and links it, and the rounds that recognised it.
        if (/^\/san-pham\/[^/]+\/$/.test(path)) {
          const product = byType(page, 'Product') as
            | { name?: string; manufacturer?: { name?: string; url?: string; '@id'?: string }; award?: string[] }
            | undefined;
          expect(path, 'Product name', product?.name, page.h1);
          const producerLink = linksIn(section(page.html, /<dt>Cơ sở sản xuất<\/dt>\s*<dd[^>]*>/, '</dd>') ?? '')[0];
          expect(
            path,
            'Product manufacturer',
            product?.manufacturer && [product.manufacturer.name, product.manufacturer.url, product.manufacturer['@id']],
            producerLink && [producerLink[1], `${origin}${producerLink[0]}`, `${origin}${producerLink[0]}#co-so`],
          );
          const recognitions = linksIn(
            section(page.html, /<section aria-labelledby="recognitions-title"[^>]*>/, '</section>') ?? '',
          ).map(([, text]) => text);
          expect(path, 'Product award', product?.award ?? [], recognitions);
        }
        // Every establishment: its name. Every listing: it names only what it links to, and counts at least that.
        if (/^\/co-so\/[^/]+\/$/.test(path)) expect(path, 'Organization name', page.nodes[0]?.['name'], page.h1);
        const first = page.nodes[0];
        if (first && typeOf(first) === 'CollectionPage') {
          const list = first['mainEntity'] as
            | { numberOfItems?: number; itemListElement?: Array<{ url: string; position: number }> }
            | undefined;
          const main = section(page.html, /<main[^>]*>/, '</main>') ?? '';
          const linked = new Set(linksIn(main).map(([href]) => `${origin}${href}`));
          const items = list?.itemListElement ?? [];
          const unlinked = items.filter((i) => !linked.has(i.url)).map((i) => i.url);
          if (unlinked.length > 0)
            problems.push(`${path}: its ItemList names ${unlinked.join(', ')}, which the page does not link to`);
          if ((list?.numberOfItems ?? -1) < items.length)
            problems.push(`${path}: numberOfItems ${list?.numberOfItems} < ${items.length} listed`);
        }
      }
      // A product page with a producer exists and was checked (the brief's example).
      const tea = at('/san-pham/che-tay-son/');
      if (tea)
        expect(
          tea.path,
          'Product manufacturer name',
          (byType(tea, 'Product')?.['manufacturer'] as { name?: string } | undefined)?.name,
          'Xí nghiệp Chè Tây Sơn',
        );
      // A former province is contained in the unit it became.
      const haiDuong = at('/tinh-thanh/hai-duong/');
      if (haiDuong) {
        expect(
          haiDuong.path,
          'containedInPlace',
          (byType(haiDuong, 'AdministrativeArea')?.['containedInPlace'] as { '@id'?: string } | undefined)?.['@id'],
          `${origin}/tinh-thanh/hai-phong/#dia-gioi`,
        );
      }
      if (problems.length > 0) throw new Error(problems.join('\n'));
    },
  },
];
