/**
 * Browser checks for the phone a reader holds (issue 19): every sitemap page fits 360×740 without sideways scrolling,
 * the first result and the map start in the first screen at 390×844, and enhancing a page never moves it (CLS = 0).
 * Each throws with what a user would have seen wrong; pages come from the built sitemap, so new pages are covered.
 */
import type { Page } from 'playwright-core';
import { axeProblems } from '../../scripts/lib/axe.ts';

interface Ctx {
  page: Page;
  base: string;
}

function assert(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(message);
}

const locs = (xml: string) =>
  [...xml.matchAll(/<loc>\s*([^<]+?)\s*<\/loc>/g)].map((m) => new URL(m[1]!.replace(/&amp;/g, '&')));

/** Every page path in the built sitemap. */
async function sitemapPaths({ page, base }: Ctx): Promise<string[]> {
  const index = await (await page.request.get(`${base}/sitemap-index.xml`)).text();
  const paths: string[] = [];
  for (const sitemap of locs(index)) {
    const xml = await (await page.request.get(`${base}${sitemap.pathname}`)).text();
    for (const url of locs(xml)) paths.push(`${url.pathname}${url.search}`);
  }
  assert(paths.length > 0, 'the sitemap lists no page');
  return paths;
}

/** The top of the first element matching `selector`, in CSS px from the top of the document, after load. */
const topOf = (page: Page, selector: string) =>
  page
    .locator(selector)
    .first()
    .evaluate((el) => Math.round(el.getBoundingClientRect().top + window.scrollY));

/** Makes every later page of the tab sum its layout shifts (without recent input) into `window.__cls`. */
const observeShifts = (page: Page) =>
  page.addInitScript(() => {
    const w = window as unknown as { __cls: number };
    w.__cls = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as Array<PerformanceEntry & { value: number; hadRecentInput: boolean }>) {
        if (!entry.hadRecentInput) w.__cls += entry.value;
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });

/** The layout shifts summed from navigation to `settleMs` after load. */
async function cumulativeShift(page: Page, url: string, settleMs = 1500): Promise<number> {
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForTimeout(settleMs);
  return page.evaluate(() => (window as unknown as { __cls: number }).__cls);
}

export const checks: Array<{ name: string; run: (ctx: Ctx) => Promise<void> }> = [
  {
    // The page crawl reads every page at 360×740, overflow included (scripts/lib/checks.ts); this is the wide view.
    name: 'desktop 1280×900: axe finds nothing on one page of each kind',
    async run(ctx) {
      const paths = await sitemapPaths(ctx);
      // A kind is the path with its record's slug left out: a segment shared by at least 5 pages ("chung-nhan")
      // names a kind, any other ("banh-hong-minh-duc") a record.
      const counts = new Map<string, number>();
      const segments = (path: string) => path.split('/').filter(Boolean);
      for (const path of paths) {
        for (const [i, s] of segments(path).entries()) counts.set(`${i}:${s}`, (counts.get(`${i}:${s}`) ?? 0) + 1);
      }
      const kinds = new Map<string, string>();
      for (const path of paths) {
        const kind = segments(path)
          .map((s, i) => (i === 0 || (counts.get(`${i}:${s}`) ?? 0) >= 5 ? s : '*'))
          .join('/');
        if (!kinds.has(kind)) kinds.set(kind, path);
      }
      await ctx.page.setViewportSize({ width: 1280, height: 900 });
      const problems: string[] = [];
      for (const path of kinds.values()) {
        await ctx.page.goto(`${ctx.base}${path}`, { waitUntil: 'load' });
        for (const found of await axeProblems(ctx.page)) problems.push(`${path}: ${found}`);
      }
      assert(
        problems.length === 0,
        `${problems.length} axe problem(s) over ${kinds.size} kinds of page:\n${problems.join('\n')}`,
      );
    },
  },
  {
    name: 'phone 390×844: the first product, the first establishment and the map start in the first screen',
    async run(ctx) {
      await ctx.page.setViewportSize({ width: 390, height: 844 });
      const problems: string[] = [];
      for (const [path, selector, what] of [
        ['/san-pham/', 'main ul.grid > li', 'first product'],
        ['/co-so/', 'main ul.ben-list > li', 'first establishment'],
        ['/ban-do/', 'beneficiary-map', 'map'],
      ] as const) {
        await ctx.page.goto(`${ctx.base}${path}`, { waitUntil: 'load' });
        const top = await topOf(ctx.page, selector);
        if (top >= 844) problems.push(`${path}: the ${what} starts at y = ${top}, below the first screen (844)`);
      }
      assert(problems.length === 0, problems.join('\n'));
    },
  },
  {
    name: 'no layout shift when JavaScript enhances /san-pham/ and /co-so/ (CLS = 0, phone and desktop)',
    async run(ctx) {
      const problems: string[] = [];
      await observeShifts(ctx.page);
      for (const viewport of [
        { width: 390, height: 844 },
        { width: 1280, height: 900 },
      ]) {
        await ctx.page.setViewportSize(viewport);
        for (const path of ['/san-pham/', '/co-so/']) {
          const cls = await cumulativeShift(ctx.page, `${ctx.base}${path}`);
          if (cls > 0) problems.push(`${path} at ${viewport.width}×${viewport.height}: CLS ${cls.toFixed(4)}`);
        }
      }
      assert(problems.length === 0, problems.join('\n'));
    },
  },
];
