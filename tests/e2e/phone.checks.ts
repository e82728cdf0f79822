/**
 * Browser checks for the phone a reader holds (issue 19): every sitemap page fits 360×740 without sideways scrolling,
 * the first result and the map start in the first screen at 390×844, and enhancing a page never moves it (CLS = 0).
 * Each throws with what a user would have seen wrong; pages come from the built sitemap, so new pages are covered.
 */
import type { Page } from 'playwright-core';

interface Ctx {
  page: Page;
  base: string;
}

function assert(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(message);
}

const locs = (xml: string) => [...xml.matchAll(/<loc>\s*([^<]+?)\s*<\/loc>/g)].map((m) => new URL(m[1]!.replace(/&amp;/g, '&')));

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

/**
 * What sticks out past the viewport's right edge: the document's own sideways scroll, and every visible element
 * whose box ends beyond the viewport unless a scroll region (overflow-x auto/scroll/hidden) holds it.
 */
const overflowIn = (page: Page) =>
  page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const found: string[] = [];
    const scroll = document.documentElement.scrollWidth;
    if (scroll > width) found.push(`the page scrolls sideways (${scroll} px wide in ${width} px)`);
    const clipped = (el: Element): boolean => {
      for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
        const x = getComputedStyle(p).overflowX;
        if (x === 'auto' || x === 'scroll' || x === 'hidden' || x === 'clip') return true;
      }
      return false;
    };
    const name = (el: Element) =>
      `<${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.classList.length ? `.${[...el.classList].join('.')}` : ''}>`;
    // A scroll region is fine only as the site's own (.table-scroll): keyboard-reachable, with a cue at the
    // clipped edge and its first column kept in view. Any other region that hides content clips it with no cue.
    for (const el of document.body.querySelectorAll<HTMLElement>('*')) {
      const x = getComputedStyle(el).overflowX;
      if (x === 'visible' || el.scrollWidth <= el.clientWidth + 1 || el.clientWidth === 0) continue;
      if (el.closest('beneficiary-map, .leaflet-container') || el.closest('.visually-hidden')) continue;
      if (el.matches('section.table-scroll[tabindex="0"][aria-label]')) continue;
      found.push(`${name(el)} hides ${el.scrollWidth - el.clientWidth} px on the right with no cue`);
    }
    for (const el of document.body.querySelectorAll('*')) {
      const rect = el.getBoundingClientRect();
      if (rect.width === 0 || rect.height === 0) continue;
      if (rect.right <= width + 1 && rect.left >= -1) continue;
      if (clipped(el)) continue;
      const style = getComputedStyle(el);
      if (style.visibility === 'hidden' || style.position === 'fixed') continue;
      // visually-hidden text (1 px, clipped) is for screen readers and is not seen
      if (rect.width <= 1 && rect.height <= 1) continue;
      found.push(`${name(el)} spans ${Math.round(rect.left)}–${Math.round(rect.right)} px`);
      if (found.length >= 4) break;
    }
    return found;
  });

/** The top of the first element matching `selector`, in CSS px from the top of the document, after load. */
const topOf = (page: Page, selector: string) =>
  page.locator(selector).first().evaluate((el) => Math.round(el.getBoundingClientRect().top + window.scrollY));

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
    name: 'phone 360×740: no sitemap page scrolls sideways and no element is wider than the screen',
    async run(ctx) {
      await ctx.page.setViewportSize({ width: 360, height: 740 });
      const paths = await sitemapPaths(ctx);
      const problems: string[] = [];
      for (const path of paths) {
        await ctx.page.goto(`${ctx.base}${path}`, { waitUntil: 'load' });
        for (const found of await overflowIn(ctx.page)) problems.push(`${path}: ${found}`);
      }
      assert(problems.length === 0, `${problems.length} overflow(s) over ${paths.length} pages:\n${problems.join('\n')}`);
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
