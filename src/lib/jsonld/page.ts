/**
 * WebPage nodes for pages whose subject is the page itself rather than one record: listings (CollectionPage with the
 * ItemList of what that page shows), the about page (AboutPage), the search page (SearchResultsPage) and the map
 * (WebPage whose main entity is a Map). Each is part of the site's WebSite node (the home page's "#website").
 */
import type { AboutPage, CollectionPage, SearchResultsPage, WebPage } from 'schema-dts';
import { absolute, nodeId } from './core';

export interface PageInput {
  /** Site path of the page, e.g. "/tin-tuc/trang/2/". */
  path: string;
  title: string;
  description?: string | undefined;
}

export interface ListingInput extends PageInput {
  /** What this page lists, in its order: each entry's page and name. */
  items: ReadonlyArray<{ path: string; name: string }>;
  /** How many entries come before the first one (on the earlier pages of a paginated listing). */
  offset?: number | undefined;
  /** Entries in the whole listing, all pages together; defaults to `items.length`. */
  total?: number | undefined;
}

function pageFields(p: PageInput, origin: URL | string) {
  return {
    '@id': absolute(`${p.path}#trang`, origin),
    name: p.title,
    ...(p.description ? { description: p.description } : {}),
    url: absolute(p.path, origin),
    inLanguage: 'vi',
    isPartOf: { '@id': absolute('/#website', origin) },
  };
}

/**
 * A listing page. numberOfItems is the whole listing (schema.org: "the number of items in an ItemList… would be for
 * the entire list" when a page shows part of it); itemListElement only what this page shows, at its positions in the
 * whole list, so no page carries thousands of entries.
 */
export function collectionPageNode(l: ListingInput, origin: URL | string): Exclude<CollectionPage, string> {
  const offset = l.offset ?? 0;
  return {
    '@type': 'CollectionPage',
    ...pageFields(l, origin),
    mainEntity: {
      '@type': 'ItemList',
      numberOfItems: l.total ?? l.items.length,
      itemListElement: l.items.map((item, i) => ({
        '@type': 'ListItem' as const,
        position: offset + i + 1,
        name: item.name,
        url: absolute(item.path, origin),
      })),
    },
  };
}

/** /gioi-thieu/: about the site, its editorial rules and sources; the site's organisation is what it is about. */
export function aboutPageNode(p: PageInput, origin: URL | string): Exclude<AboutPage, string> {
  return { '@type': 'AboutPage', ...pageFields(p, origin), about: { '@id': absolute('/#to-chuc', origin) } };
}

/** /tim-kiem/: the results page of the WebSite's SearchAction. */
export function searchPageNode(p: PageInput, origin: URL | string): Exclude<SearchResultsPage, string> {
  return { '@type': 'SearchResultsPage', ...pageFields(p, origin) };
}

/** /ban-do/: a page whose main entity is the map of supported establishments. */
export function mapPageNode(p: PageInput, origin: URL | string): Exclude<WebPage, string> {
  return {
    '@type': 'WebPage',
    ...pageFields(p, origin),
    mainEntity: {
      '@type': 'Map',
      name: p.title,
      ...(p.description ? { description: p.description } : {}),
      url: absolute(p.path, origin),
    },
  };
}

/** A product's printable recognition page (/san-pham/<slug>/chung-nhan/): a WebPage about the product's node. */
export function recognitionPageNode(p: PageInput, productId: string, origin: URL | string): Exclude<WebPage, string> {
  return {
    '@type': 'WebPage',
    ...pageFields(p, origin),
    about: { '@id': absolute(nodeId.product(productId), origin) },
  };
}
