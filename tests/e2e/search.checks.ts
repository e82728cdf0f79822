/**
 * Search as Vietnamese users use it, on the built site in Chromium: typed with and without marks, đ typed as d, old
 * and new province names, a filter, an empty result, the back button and the no-JavaScript form.
 */
import type { Page } from 'playwright-core';
import type { BrowserCheck } from '../../scripts/lib/behaviour.ts';

/** Opens /tim-kiem/ with `params` and waits for the results to settle; returns the titles and the status line. */
async function searchFor(page: Page, base: string, params: Record<string, string | string[]>) {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) for (const v of [value].flat()) query.append(key, v);
  await page.goto(`${base}/tim-kiem/?${query}`);
  return settled(page);
}

async function settled(page: Page) {
  await page.waitForFunction(() => {
    const el = document.querySelector('site-search');
    return el && !el.hasAttribute('aria-busy') && el.querySelector('[role="status"]')?.textContent;
  });
  return {
    titles: await page.locator('site-search ol li h2').allInnerTexts(),
    types: await page.locator('site-search ol li .tag').allInnerTexts(),
    status: (await page.locator('site-search [role="status"]').innerText()).trim(),
  };
}

function expectFirst(titles: string[], expected: string, query: string) {
  if (titles[0] !== expected) throw new Error(`"${query}": first result should be "${expected}", got ${JSON.stringify(titles.slice(0, 3))}`);
}

function expectAmong(titles: string[], expected: string, query: string) {
  if (!titles.includes(expected)) throw new Error(`"${query}": "${expected}" not among ${JSON.stringify(titles)}`);
}

export const checks: BrowserCheck[] = [
  {
    name: 'search: no marks, đ typed as d ("da nang" finds Đà Nẵng first)',
    async run({ page, base }) {
      expectFirst((await searchFor(page, base, { q: 'da nang' })).titles, 'Đà Nẵng', 'da nang');
    },
  },
  {
    name: 'search: with marks ("Đà Nẵng") finds the same page first',
    async run({ page, base }) {
      expectFirst((await searchFor(page, base, { q: 'Đà Nẵng' })).titles, 'Đà Nẵng', 'Đà Nẵng');
    },
  },
  {
    name: 'search: "dong thap" finds Đồng Tháp; decomposed (NFD) input works too',
    async run({ page, base }) {
      expectFirst((await searchFor(page, base, { q: 'dong thap' })).titles, 'Đồng Tháp', 'dong thap');
      expectFirst((await searchFor(page, base, { q: 'Đồng Tháp'.normalize('NFD') })).titles, 'Đồng Tháp', 'NFD Đồng Tháp');
    },
  },
  {
    name: 'search: "nuoc mam"-style folding of tone marks ("hoi nghi khuyen cong" finds the conferences)',
    async run({ page, base }) {
      const { titles } = await searchFor(page, base, { q: 'hoi nghi khuyen cong thanh hoa' });
      expectAmong(titles, 'Hội nghị khuyến công các tỉnh, thành phố khu vực phía Bắc lần thứ XVI – năm 2022', 'hoi nghi khuyen cong thanh hoa');
    },
  },
  {
    name: 'search: the current name finds records filed under a predecessor ("hai phong" → Hải Dương records)',
    async run({ page, base }) {
      const { titles } = await searchFor(page, base, { q: 'hai phong' });
      expectAmong(titles, 'Công ty cổ phần gốm Chu Đậu', 'hai phong');
      expectAmong(titles, 'Bình Phượng Hoàng S1', 'hai phong');
    },
  },
  {
    name: 'search: an old name finds the unit it became ("hai duong" → Hải Phòng)',
    async run({ page, base }) {
      const { titles } = await searchFor(page, base, { q: 'hai duong' });
      expectAmong(titles, 'Hải Dương', 'hai duong');
      expectAmong(titles, 'Hải Phòng', 'hai duong');
    },
  },
  {
    name: 'search: a product typed without marks, đ as d ("banh hong minh duc" finds Bánh hồng Minh Đức first)',
    async run({ page, base }) {
      expectFirst((await searchFor(page, base, { q: 'banh hong minh duc' })).titles, 'Bánh hồng Minh Đức', 'banh hong minh duc');
    },
  },
  {
    name: 'search: a pre-2025 province name finds the records filed under it ("tien giang" → Lạp xưởng Chín Trọng)',
    async run({ page, base }) {
      expectAmong((await searchFor(page, base, { q: 'tien giang' })).titles, 'Lạp xưởng Chín Trọng', 'tien giang');
    },
  },
  {
    name: 'search: an alias ("tphcm") finds Hồ Chí Minh',
    async run({ page, base }) {
      expectFirst((await searchFor(page, base, { q: 'tphcm' })).titles, 'Hồ Chí Minh', 'tphcm');
    },
  },
  {
    name: 'search: a filter alone browses one type, and the facet shows its count',
    async run({ page, base }) {
      const { titles, types, status } = await searchFor(page, base, { loai: 'Hội nghị' });
      if (titles.length === 0) throw new Error('filter loai=Hội nghị returned nothing');
      const other = types.filter((t) => t !== 'Hội nghị');
      if (other.length) throw new Error(`filter loai=Hội nghị also returned ${JSON.stringify(other)}`);
      if (!status.startsWith(`${titles.length} kết quả`)) throw new Error(`status "${status}" does not give ${titles.length}`);
      const box = page.getByRole('checkbox', { name: new RegExp(`^Hội nghị \\(${titles.length}\\)$`) });
      if (!(await box.isChecked())) throw new Error('the Hội nghị facet is not shown checked with its count');
    },
  },
  {
    name: 'search: a query with no match says so and helps',
    async run({ page, base }) {
      const { titles, status } = await searchFor(page, base, { q: 'xyzzyqwv' });
      if (titles.length !== 0 || !status.includes('Không tìm thấy')) throw new Error(`empty result shows "${status}" and ${titles.length} results`);
    },
  },
  {
    name: 'search: the filters load when asked; keyboard filtering updates the URL, and Back restores the search',
    async run({ page, base }) {
      const filterFiles: string[] = [];
      page.on('request', (r) => void (r.url().includes('/pagefind/filter/') && filterFiles.push(r.url())));
      await searchFor(page, base, { q: 'hoi nghi' });
      // A plain search does not download the filter index (most of a first search's bytes at national scale).
      if (filterFiles.length) throw new Error(`a search without filters loaded ${filterFiles.length} filter files`);
      const show = page.getByRole('button', { name: /^Lọc kết quả/ });
      await show.focus();
      await page.keyboard.press('Enter');
      const box = page.getByRole('checkbox', { name: /^Hội nghị \(\d+\)$/ });
      await box.waitFor();
      if (!(await page.evaluate(() => document.activeElement instanceof HTMLInputElement && document.activeElement.type === 'checkbox'))) {
        throw new Error('after asking for the filters, focus is not on the first filter');
      }
      await box.focus();
      await page.keyboard.press('Space');
      await page.waitForURL(/loai=/);
      await settled(page);
      await page.goBack();
      await page.waitForURL((url) => !url.search.includes('loai='));
      const { types } = await settled(page);
      if (!types.includes('Tin tức')) throw new Error(`after Back the unfiltered results did not return: ${JSON.stringify(types)}`);
      if ((await page.locator('#search-q').inputValue()) !== 'hoi nghi') throw new Error('after Back the query was not restored');
    },
  },
  {
    name: 'search: the header box is a plain form that works without JavaScript',
    async run({ page, base }) {
      const context = await page.context().browser()!.newContext({ javaScriptEnabled: false });
      try {
        const plain = await context.newPage();
        await plain.goto(`${base}/`);
        await plain.fill('#site-search-q', 'da nang');
        await plain.press('#site-search-q', 'Enter');
        await plain.waitForURL(/\/tim-kiem\/\?q=da\+nang$/);
        if (!(await plain.getByText('Trang tìm kiếm cần JavaScript').isVisible())) throw new Error('no-JS search page gives no way on');
      } finally {
        await context.close();
      }
    },
  },
];
