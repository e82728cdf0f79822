/**
 * The list of pages to test comes from the built sitemap, not from a list kept by hand, so a new page is tested the
 * day it is published. The sitemap names the public origin; URLs are rewritten to the local server.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

const decode = (text: string) =>
  text.replace(
    /&(amp|lt|gt|quot|apos);/g,
    (_, name: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" })[name]!,
  );

/** Every <loc> in an XML sitemap or sitemap index. */
export const locsOf = (xml: string): string[] =>
  [...xml.matchAll(/<loc>\s*([^<]+?)\s*<\/loc>/g)].map((m) => decode(m[1]!));

export interface SiteUrls {
  /** The public origin named in the sitemap, e.g. https://cnnt-tieubieu.vn */
  siteOrigin: string;
  /** Page URLs on the local server, in sitemap order. */
  pages: string[];
}

/** Reads dist/sitemap-index.xml and the sitemaps it lists; rewrites each URL onto `localOrigin`. */
export async function readSitemap(dist: string, localOrigin: string): Promise<SiteUrls> {
  const index = await readFile(join(dist, 'sitemap-index.xml'), 'utf8');
  const sitemaps = locsOf(index);
  if (sitemaps.length === 0) throw new Error('dist/sitemap-index.xml lists no sitemap');
  const siteOrigin = new URL(sitemaps[0]!).origin;
  const pages: string[] = [];
  for (const sitemap of sitemaps) {
    const xml = await readFile(join(dist, new URL(sitemap).pathname), 'utf8');
    for (const loc of locsOf(xml)) {
      const url = new URL(loc);
      pages.push(`${localOrigin}${url.pathname}${url.search}`);
    }
  }
  return { siteOrigin, pages };
}
