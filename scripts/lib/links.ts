/**
 * Broken links and images: every a[href], img[src], img/source[srcset] candidate, link[href] and script[src] that
 * points at this site is requested once per run (however many pages use it), and every #fragment must name an id
 * on the page it points to.
 */
import type { Page } from 'playwright-core';

export interface FoundLink {
  /** How the page wrote it, e.g. a[href="/san-pham/x/"] */
  where: string;
  /** Absolute URL as the browser resolves it. */
  url: string;
}

/** Every URL the page refers to, resolved against the document base. */
export async function linksOf(page: Page): Promise<FoundLink[]> {
  return page.evaluate(() => {
    const found: Array<{ where: string; url: string }> = [];
    const add = (el: Element, attr: string, value: string) => {
      try {
        found.push({ where: `${el.localName}[${attr}="${value}"]`, url: new URL(value, document.baseURI).href });
      } catch {
        found.push({ where: `${el.localName}[${attr}="${value}"]`, url: `invalid:${value}` });
      }
    };
    const attrs: Array<[string, string]> = [
      ['a[href]', 'href'],
      ['area[href]', 'href'],
      ['img[src]', 'src'],
      ['link[href]', 'href'],
      ['script[src]', 'src'],
    ];
    for (const [selector, attr] of attrs) {
      for (const el of document.querySelectorAll(selector)) add(el, attr, el.getAttribute(attr)!);
    }
    for (const el of document.querySelectorAll('img[srcset], source[srcset]')) {
      for (const candidate of el.getAttribute('srcset')!.split(/,\s+/)) {
        const value = candidate.trim().split(/\s+/)[0];
        if (value) add(el, 'srcset', value);
      }
    }
    return found;
  });
}

/** Ids (and a[name]) present in the page's DOM. */
export const idsOf = (page: Page): Promise<string[]> =>
  page.evaluate(() => [
    ...[...document.querySelectorAll('[id]')].map((el) => el.id),
    ...[...document.querySelectorAll('a[name]')].map((el) => el.getAttribute('name')!),
  ]);

/** Ids in served HTML, for fragments that point at another page. */
const idsInHtml = (html: string): Set<string> =>
  new Set(
    [...html.matchAll(/\s(?:id|name)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/g)].map((m) => m[1] ?? m[2] ?? m[3]!),
  );

interface Target {
  status: number;
  location?: string | undefined;
  ids?: Set<string>;
}

/** Checks links against the local server, each target once per run. */
export class LinkChecker {
  private readonly targets = new Map<string, Promise<Target>>();

  private readonly origin: string;
  private readonly siteOrigin: string;

  /** `siteOrigin` (the public address in canonical links and the sitemap) is treated as this server. */
  constructor(origin: string, siteOrigin: string) {
    this.origin = origin;
    this.siteOrigin = siteOrigin;
  }

  private local(url: string): URL | undefined {
    if (url.startsWith('invalid:')) return undefined;
    const parsed = new URL(url);
    if (parsed.origin === this.siteOrigin)
      return new URL(`${this.origin}${parsed.pathname}${parsed.search}${parsed.hash}`);
    return parsed.origin === this.origin ? parsed : undefined;
  }

  private fetchTarget(url: string, withIds: boolean): Promise<Target> {
    const key = `${withIds ? 'GET' : 'HEAD'} ${url}`;
    let target = this.targets.get(key);
    if (!target) {
      target = (async () => {
        const response = await fetch(url, { method: withIds ? 'GET' : 'HEAD', redirect: 'manual' });
        const location = response.headers.get('location') ?? undefined;
        const html = withIds && response.status === 200 ? await response.text() : undefined;
        if (!html) await response.body?.cancel();
        return { status: response.status, location, ...(html !== undefined && { ids: idsInHtml(html) }) };
      })();
      this.targets.set(key, target);
    }
    return target;
  }

  /** Problems with the links of the page at `pageUrl` whose DOM has `pageIds`. */
  async check(pageUrl: string, links: readonly FoundLink[], pageIds: readonly string[]): Promise<string[]> {
    const problems = new Set<string>();
    const here = new URL(pageUrl);
    const ownIds = new Set(pageIds);
    await Promise.all(
      links.map(async ({ where, url }) => {
        if (url.startsWith('invalid:')) {
          problems.add(`${where}: not a valid URL`);
          return;
        }
        const target = this.local(url);
        if (!target) return; // another site (not reachable here) or mailto:, tel:
        const fragment = decodeURIComponent(target.hash.slice(1));
        target.hash = '';
        const samePage = target.pathname === here.pathname && target.search === here.search;
        if (samePage) {
          if (fragment && fragment !== 'top' && !ownIds.has(fragment))
            problems.add(`${where}: no element with id "${fragment}" on this page`);
          return;
        }
        const result = await this.fetchTarget(target.href, fragment !== '' && where.startsWith('a['));
        if (result.status >= 300 && result.status < 400) {
          problems.add(`${where}: answers ${result.status} → ${result.location ?? '?'} (link to the final URL)`);
        } else if (result.status >= 400) {
          problems.add(`${where}: broken (${result.status})`);
        } else if (fragment && result.ids && !result.ids.has(fragment)) {
          problems.add(`${where}: ${target.pathname} has no element with id "${fragment}"`);
        }
      }),
    );
    return [...problems];
  }
}
