/**
 * What a reader must find on the built site, checked in Chromium on the rendered pages. Each assertion names its
 * page; a missing page fails it (content still being written fails here until it lands, by design).
 */
import type { Page } from 'playwright-core';
import type { Tab } from './browser.ts';
import { readProvinces } from './provinces-file.ts';
import type { Results } from './report.ts';

interface AssertionContext {
  tab: Tab;
  origin: string;
  results: Results;
}

/** Checks on one page: each returns the problems it found ([] when the page is right). */
type PageCheck = (page: Page) => Promise<string[]>;

interface Assertion {
  path: string;
  checks: PageCheck[];
}

const mainText = (page: Page) => page.locator('main').innerText();

/** The visible text of <main> contains each string. */
const shows =
  (...texts: string[]): PageCheck =>
  async (page) => {
    const text = await mainText(page);
    return texts.filter((t) => !text.includes(t)).map((t) => `does not show "${t}"`);
  };

/** The visible text of <main> contains `n` as a number of its own (not part of 2029 or 1,29). */
const showsNumber =
  (n: number, what: string): PageCheck =>
  async (page) => {
    const text = await mainText(page);
    return new RegExp(`(?<![\\d.,/])${n}(?![\\d/]|[.,]\\d)`).test(text) ? [] : [`does not show ${what} (${n})`];
  };

/** <main> has a link to `href` (site-relative, as the pages write them). */
const linksTo =
  (href: string): PageCheck =>
  async (page) =>
    (await page.locator(`main a[href="${href}"]`).count()) > 0 ? [] : [`has no link to ${href}`];

/** Products filed under Hải Dương: the one the brief names first, then any other that lands. */
const haiDuongProducts = ['/san-pham/binh-phuong-hoang-s1/'];

export const assertions: Assertion[] = [
  {
    path: '/hoi-nghi/xvi-2022-thanh-hoa/',
    checks: [
      shows('22/9/2022', 'Thanh Hóa', 'Ngô Quang Trung', 'Phạm Bá Oai', '11,76 tỷ đồng'),
      showsNumber(29, 'the number of projects'),
      showsNumber(28, 'the number of provinces'),
      linksTo('/tinh-thanh/quang-ninh/'),
    ],
  },
  { path: '/hoi-nghi/xiv-2019-hai-phong/', checks: [shows('28/5/2019', 'Hải Phòng')] },
  { path: '/', checks: [linksTo('/hoi-nghi/xvi-2022-thanh-hoa/'), linksTo('/hoi-nghi/xiv-2019-hai-phong/')] },
  {
    path: '/tinh-thanh/hai-duong/',
    checks: [shows('1/7/2025', 'thành phố Hải Phòng'), linksTo('/tinh-thanh/hai-phong/')],
  },
  {
    path: '/tinh-thanh/hai-phong/',
    checks: [
      async (page) => {
        const links = await page
          .locator('main a[href^="/san-pham/"]')
          .evaluateAll((els) => els.map((a) => a.getAttribute('href')!));
        const known = haiDuongProducts.filter((href) => links.includes(href));
        if (known.length > 0) return [];
        // Any product listed with the "filed under Hải Dương" note counts too.
        const noted = await page.locator('main li', { hasText: 'Hải Dương' }).locator('a[href^="/san-pham/"]').count();
        return noted > 0 ? [] : ['lists no product filed under Hải Dương (e.g. /san-pham/binh-phuong-hoang-s1/)'];
      },
    ],
  },
];

/** Runs the page assertions in Chromium, then checks that every province in content/provinces.yaml has a page. */
export async function runAssertions({ tab, origin, results }: AssertionContext): Promise<number> {
  let count = 0;
  const { page } = tab;
  for (const { path, checks } of assertions) {
    const url = `${origin}${path}`;
    tab.current = url;
    results.page(url);
    try {
      const response = await page.goto(url, { waitUntil: 'load', timeout: 30_000 });
      if (response?.status() !== 200) {
        results.add(url, 'assert', `page answered ${response?.status() ?? 'nothing'}: it must exist`);
        count += checks.length;
        continue;
      }
      for (const check of checks) {
        count++;
        for (const message of await check(page)) results.add(url, 'assert', message);
      }
    } catch (error) {
      results.add(url, 'assert', `could not be checked: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  for (const province of readProvinces()) {
    const url = `${origin}/tinh-thanh/${province.id}/`;
    results.page(url);
    count++;
    const response = await fetch(url, { method: 'HEAD', redirect: 'manual' });
    if (response.status !== 200)
      results.add(url, 'assert', `province ${province.name} has no page (answered ${response.status})`);
  }
  return count;
}
