/**
 * Browser checks for the products and voting-rounds pages, run by the browser test runner against the built site.
 * Each throws with a message saying what a user would have seen wrong. Expectations are computed from the pages
 * themselves, so they hold as content grows.
 */
import type { Page } from 'playwright-core';

interface Ctx {
  page: Page;
  base: string;
}

const fold = (text: string) =>
  text
    .normalize('NFD')
    .replace(/\p{Mn}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .trim();

function assert(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(message);
}

/** The first round page whose results table has at least `min` rows, and its URL. */
async function roundWithResults({ page, base }: Ctx, min: number): Promise<string> {
  await page.goto(`${base}/binh-chon/`);
  const hrefs = await page
    .locator('main table a[href^="/binh-chon/"]')
    .evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
  for (const href of hrefs) {
    await page.goto(`${base}${href}`);
    if ((await page.locator('results-table tbody tr').count()) >= min) return href;
  }
  throw new Error(`no round page has a results table with ${min} or more rows`);
}

/** Names in the "Sản phẩm" column as the user sees them, visible rows only. */
const visibleNames = (page: Page) =>
  page
    .locator('results-table tbody tr:visible td:nth-child(2)')
    .evaluateAll((tds) => tds.map((td) => (td as HTMLElement).innerText.trim()));

async function links(ctx: Ctx, path: string, prefix: string): Promise<Set<string>> {
  const response = await ctx.page.request.get(`${ctx.base}${path}`);
  assert(response.ok(), `${path} answered ${response.status()}`);
  const html = await response.text();
  return new Set([...html.matchAll(new RegExp(`href="(${prefix}[^"#?]*)"`, 'g'))].map((m) => m[1]!));
}

/** What a round page says when no source gives its decision number. */
const DECISION_UNKNOWN = 'Chưa có số quyết định từ nguồn';

/** The national rounds 2015–2023 and the northern ones 2018–2024, with the decision numbers their sources give. */
const DOMAIN_ROUNDS: Array<[slug: string, decision: string | undefined]> = [
  ['khu-vuc-bac-2018', undefined],
  ['khu-vuc-bac-2020', undefined],
  ['khu-vuc-bac-2022', '76/QĐ-CTĐP'],
  ['khu-vuc-bac-2024', '44/QĐ-CTĐP'],
  ['quoc-gia-2015', undefined],
  ['quoc-gia-2017', undefined],
  ['quoc-gia-2019', undefined],
  ['quoc-gia-2021', '1997/QĐ-BCT'],
  ['quoc-gia-2023', '3116/QĐ-BCT'],
];

export const checks: Array<{ name: string; run: (ctx: Ctx) => Promise<void> }> = [
  {
    name: 'every national (2015–2023) and northern (2018–2024) round has a page, listed on /binh-chon/, showing its decision number (or saying none is known)',
    async run(ctx) {
      const listed = await links(ctx, '/binh-chon/', '/binh-chon/');
      const problems: string[] = [];
      for (const [slug, decision] of DOMAIN_ROUNDS) {
        const href = `/binh-chon/${slug}/`;
        if (!listed.has(href)) problems.push(`/binh-chon/ does not link to ${href}`);
        const response = await ctx.page.goto(`${ctx.base}${href}`);
        if (!response?.ok()) {
          problems.push(`${href} answered ${response?.status()}`);
          continue;
        }
        // The fact as a reader sees it: the value beside its label in the page's facts list.
        const fact = ctx.page
          .locator('dl.facts dt', { hasText: /^Quyết định công nhận$/ })
          .locator('xpath=following-sibling::dd[1]');
        const dd = (await fact.count()) ? (await fact.innerText()).trim() : undefined;
        if (!dd) problems.push(`${href} has no "Quyết định công nhận" fact`);
        else if (decision && !dd.startsWith(decision))
          problems.push(`${href} shows decision "${dd}", expected ${decision}`);
        else if (!decision && dd !== DECISION_UNKNOWN)
          problems.push(`${href} shows decision "${dd}" where no source gives one: expected "${DECISION_UNKNOWN}"`);
      }
      assert(problems.length === 0, problems.join('\n'));
    },
  },
  {
    name: 'round results: sorting by product name reorders the rows as a reader sees them, with aria-sort',
    async run(ctx) {
      const { page } = ctx;
      const href = await roundWithResults(ctx, 3);
      const header = page.locator('results-table thead th', { hasText: 'Sản phẩm tiêu biểu' });
      const button = header.getByRole('button');
      await button.waitFor({ timeout: 5000 }).catch(() => {
        throw new Error(`${href}: the product column header is not a button (the table script did not run)`);
      });
      const before = await visibleNames(page);
      const collator = new Intl.Collator('vi', { numeric: true, sensitivity: 'base' });
      const ascending = [...before].sort(collator.compare);
      await button.click();
      const afterAsc = await visibleNames(page);
      assert(
        JSON.stringify(afterAsc) === JSON.stringify(ascending),
        `${href}: after sorting by name the rows read ${afterAsc.join(' | ')}; expected ${ascending.join(' | ')}`,
      );
      assert(
        (await header.getAttribute('aria-sort')) === 'ascending',
        `${href}: sorted header lacks aria-sort="ascending"`,
      );
      await button.click();
      const afterDesc = await visibleNames(page);
      assert(
        JSON.stringify(afterDesc) === JSON.stringify([...ascending].reverse()),
        `${href}: a second click should reverse the order; rows read ${afterDesc.join(' | ')}`,
      );
      assert((await header.getAttribute('aria-sort')) === 'descending', `${href}: header lacks aria-sort="descending"`);
      const status = await page.locator('results-table [role="status"]').innerText();
      assert(/giảm dần/.test(status), `${href}: the live region did not announce the sort (it says "${status}")`);
      // Keyboard: the sort button is reachable and works with Enter.
      await page.locator('results-table thead th').first().getByRole('button').focus();
      await page.keyboard.press('Enter');
      const numbers = await page.locator('results-table tbody tr:visible td:first-child').allInnerTexts();
      assert(numbers[0] === '1', `${href}: sorting by STT with the keyboard should put row 1 first, got ${numbers[0]}`);
    },
  },
  {
    name: 'round results: filtering by text (typed without marks) and by group narrows the rows and announces the count',
    async run(ctx) {
      const { page } = ctx;
      const href = await roundWithResults(ctx, 3);
      const input = page.getByLabel('Lọc theo tên sản phẩm, cơ sở hoặc tỉnh');
      await input.waitFor({ state: 'visible', timeout: 5000 }).catch(() => {
        throw new Error(`${href}: the filter box is not shown (the table script did not run)`);
      });
      const all = await visibleNames(page);
      // Type the last product's first two words without marks, as on a phone keyboard.
      const words = fold(all.at(-1)!).split(' ').slice(0, 2).join(' ');
      await input.fill(words);
      const status = page.locator('results-table [role="status"]');
      await page.waitForFunction(() =>
        /Đang hiện/.test(document.querySelector('results-table [role="status"]')?.textContent ?? ''),
      );
      const shown = await visibleNames(page);
      const expected = all.filter((name) => fold(name).includes(words));
      assert(
        (shown.length > 0 && shown.length < all.length) || expected.length === all.length,
        `${href}: filtering "${words}" left ${shown.length} of ${all.length} rows`,
      );
      assert(
        JSON.stringify(shown) === JSON.stringify(expected),
        `${href}: filter "${words}" shows ${shown.join(' | ')}; expected ${expected.join(' | ')}`,
      );
      const text = await status.innerText();
      assert(
        text.includes(`${shown.length} trên ${all.length}`),
        `${href}: live region says "${text}", expected "${shown.length} trên ${all.length}"`,
      );
      await input.fill('');
      const select = page.getByLabel('Nhóm sản phẩm', { exact: true });
      const option = select.locator('option').nth(1);
      const value = await option.getAttribute('value');
      await select.selectOption(value!);
      const groups = await page
        .locator('results-table tbody tr:visible')
        .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-group')));
      assert(
        groups.length > 0 && groups.every((g) => g === value),
        `${href}: choosing group ${value} left rows of groups ${groups.join(',')}`,
      );
      const groupText = await status.innerText();
      assert(
        groupText.includes(`${groups.length} trên ${all.length}`),
        `${href}: live region says "${groupText}" after choosing a group`,
      );
    },
  },
  {
    name: 'round results: without JavaScript the table is whole and plain, and the CSV download is linked and valid',
    async run(ctx) {
      const href = await roundWithResults(ctx, 1);
      const rows = await ctx.page.locator('results-table tbody tr').count();
      const browser = ctx.page.context().browser();
      assert(browser, 'no browser for a JavaScript-free context');
      const context = await browser.newContext({ javaScriptEnabled: false });
      try {
        const page = await context.newPage();
        await page.goto(`${ctx.base}${href}`);
        const plain = await page.locator('results-table tbody tr:visible').count();
        assert(plain === rows, `${href} without JavaScript shows ${plain} of ${rows} rows`);
        assert(
          !(await page.locator('results-table [data-controls]').isVisible()),
          `${href}: filter controls show without JavaScript`,
        );
        assert(
          (await page.locator('results-table thead button').count()) === 0,
          `${href}: sort buttons exist without JavaScript`,
        );
        const csvHref = await page.locator('a[href$="/ket-qua.csv"]').getAttribute('href');
        assert(csvHref, `${href}: no link to the CSV download`);
        const csv = await ctx.page.request.get(`${ctx.base}${csvHref}`);
        assert(csv.ok(), `${csvHref} answered ${csv.status()}`);
        const body = await csv.body();
        assert(body[0] === 0xef && body[1] === 0xbb && body[2] === 0xbf, `${csvHref} does not start with a UTF-8 BOM`);
        const lines = body.toString('utf8').trim().split('\r\n');
        assert(lines[0]!.includes('Tên sản phẩm,Nhóm sản phẩm,Tên cơ sở'), `${csvHref}: unexpected header ${lines[0]}`);
        assert(lines.length === rows + 1, `${csvHref} has ${lines.length - 1} rows, the table ${rows}`);
      } finally {
        await context.close();
      }
    },
  },
  {
    name: 'product directory: the filter narrows by province (today’s unit includes former ones), group and marks-free text',
    async run({ page, base }) {
      await page.goto(`${base}/san-pham/`);
      const province = page.getByLabel('Tỉnh, thành phố', { exact: true });
      await province.waitFor({ state: 'visible', timeout: 5000 }).catch(() => {
        throw new Error('/san-pham/: the filter form is not shown (the filter script did not run)');
      });
      const data = (await (await page.request.get(`${base}/san-pham/danh-sach.json`)).json()) as {
        provinces: Record<string, [string, string]>;
        items: Array<[string, string, number, string]>;
      };
      // A current unit that has products filed under a former unit, if any; else any unit.
      const merged = data.items.find(([, , , p]) => data.provinces[p]![1] !== p);
      const target = merged ? data.provinces[merged[3]]![1] : data.items[0]![3];
      const expected = data.items.filter(([, , , p]) => p === target || data.provinces[p]![1] === target).length;
      await province.selectOption(target);
      const status = page.locator('product-filter [role="status"]');
      await page.waitForFunction(() =>
        /Tìm thấy/.test(document.querySelector('product-filter [role="status"]')?.textContent ?? ''),
      );
      const cards = page.locator('product-filter [data-results] li');
      assert(
        (await cards.count()) === Math.min(expected, 24),
        `/san-pham/?tinh=${target}: ${await cards.count()} cards, expected ${expected}`,
      );
      assert(
        (await status.innerText()).includes(String(expected)),
        `/san-pham/: status says "${await status.innerText()}" for ${expected} products`,
      );
      assert(
        new URL(page.url()).searchParams.get('tinh') === target,
        '/san-pham/: the filter is not kept in the address',
      );
      if (merged) {
        const metas = await cards.locator('.meta').allInnerTexts();
        const formerName = data.provinces[merged[3]]![0];
        assert(
          metas.some((m) => m.includes(formerName)),
          `/san-pham/?tinh=${target}: products filed under ${formerName} are missing`,
        );
      }
      await page.getByRole('button', { name: 'Xóa bộ lọc' }).click();
      const [, name] = data.items[0]!;
      const typed = fold(name).split(' ').slice(0, 2).join(' ');
      await page.getByLabel('Tên sản phẩm hoặc cơ sở').fill(typed);
      await page.waitForFunction(
        (n) => [...document.querySelectorAll('product-filter [data-results] li a')].some((a) => a.textContent === n),
        name,
      );
      const group = page.getByLabel('Nhóm sản phẩm', { exact: true });
      await group.selectOption({ index: 1 });
      const shown = await cards.count();
      const statusText = await status.innerText();
      assert(
        /Tìm thấy|Không có/.test(statusText),
        `/san-pham/: no announcement after choosing a group ("${statusText}")`,
      );
      assert(shown <= data.items.length, '/san-pham/: more cards than products');
    },
  },
  {
    name: 'product directory: without JavaScript the listing and the group and province pages work',
    async run({ page, base }) {
      const browser = page.context().browser();
      assert(browser, 'no browser for a JavaScript-free context');
      const context = await browser.newContext({ javaScriptEnabled: false });
      try {
        const p = await context.newPage();
        await p.goto(`${base}/san-pham/`);
        assert(
          !(await p.locator('product-filter form').isVisible()),
          '/san-pham/: the filter form shows without JavaScript',
        );
        assert(
          (await p.locator('product-filter [data-static] li').count()) > 0,
          '/san-pham/: no products listed without JavaScript',
        );
        const groupLinks = await p.locator('a[href^="/san-pham/nhom/"]').count();
        const provinceLinks = await p.locator('a[href^="/san-pham/tinh/"]').count();
        assert(
          groupLinks > 0 && provinceLinks > 0,
          `/san-pham/: ${groupLinks} group and ${provinceLinks} province links`,
        );
        await p.locator('a[href^="/san-pham/tinh/"]').first().click();
        assert(
          (await p.locator('main li a[href^="/san-pham/"]').count()) > 0,
          `${p.url()}: a province listing with no products`,
        );
      } finally {
        await context.close();
      }
    },
  },
  {
    name: 'every product has a page, linked from each round that recognised it and from its province pages (of its time and today)',
    async run(ctx) {
      const data = (await (await ctx.page.request.get(`${ctx.base}/san-pham/danh-sach.json`)).json()) as {
        provinces: Record<string, [string, string]>;
        items: Array<[string, string, number, string]>;
      };
      assert(data.items.length > 0, '/san-pham/danh-sach.json lists no products');
      const roundLinks = new Map<string, Set<string>>();
      const provinceLinks = new Map<string, Set<string>>();
      const problems: string[] = [];
      for (const [slug, name, , province] of data.items) {
        const href = `/san-pham/${slug}/`;
        const response = await ctx.page.request.get(`${ctx.base}${href}`);
        if (!response.ok()) {
          problems.push(`${href} answered ${response.status()}`);
          continue;
        }
        const html = await response.text();
        const heading = /<h1[^>]*>([\s\S]*?)<\/h1>/.exec(html)?.[1] ?? '';
        const text = heading
          .replace(/<[^>]+>/g, '')
          .replace(/&amp;/g, '&')
          .replace(/&lt;/g, '<')
          .replace(/&gt;/g, '>')
          .replace(/&quot;/g, '"')
          .replace(/&#39;/g, "'");
        if (text.trim() !== name) problems.push(`${href} has the heading "${text.trim()}", not "${name}"`);
        const rounds = [...new Set([...html.matchAll(/href="(\/binh-chon\/[^"/]+\/)"/g)].map((m) => m[1]!))];
        if (rounds.length === 0) problems.push(`${href} names no round that recognised it`);
        for (const round of rounds) {
          if (!roundLinks.has(round)) roundLinks.set(round, await links(ctx, round, '/san-pham/'));
          if (!roundLinks.get(round)!.has(href)) problems.push(`${round} does not link to ${href}`);
        }
        for (const unit of new Set([province, data.provinces[province]![1]])) {
          const page = `/tinh-thanh/${unit}/`;
          if (!provinceLinks.has(page)) provinceLinks.set(page, await links(ctx, page, '/san-pham/'));
          if (!provinceLinks.get(page)!.has(href)) problems.push(`${page} does not link to ${href}`);
        }
      }
      assert(problems.length === 0, problems.join('\n'));
    },
  },
];
