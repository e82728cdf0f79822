/**
 * Search as Vietnamese users use it, on the built site in Chromium: typed with and without marks, đ typed as d, old
 * and new province names, a filter, an empty result, the back button and the no-JavaScript form.
 */
import type { Page } from 'playwright-core';
import type { BrowserCheck } from '../../scripts/lib/behaviour.ts';

/** Opens /tim-kiem/ with `params` and waits for the results to settle; returns the results shown and the status line. */
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
  const links = page.locator('site-search ol li h2 a');
  return {
    titles: await links.allInnerTexts(),
    // Results are expected by their URLs, which never change, so an edited title does not break a check.
    paths: await links.evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname)),
    types: await page.locator('site-search ol li .tag').allInnerTexts(),
    status: (await page.locator('site-search [role="status"]').innerText()).trim(),
  };
}

type Results = Awaited<ReturnType<typeof settled>>;
const shown = (r: Results) => JSON.stringify(r.paths.map((p, i) => `${p} ${r.titles[i]}`).slice(0, 5));

function expectFirst(results: Results, path: string, query: string) {
  if (results.paths[0] !== path)
    throw new Error(`"${query}": the first result should be ${path}, got ${shown(results)}`);
}

function expectAmong(results: Results, path: string, query: string) {
  if (!results.paths.includes(path))
    throw new Error(`"${query}": ${path} is not among the results shown: ${shown(results)}`);
}

/** Presses "Xem thêm kết quả" until every result is listed. */
async function showAll(page: Page): Promise<Results> {
  const more = page.locator('site-search [data-more]');
  while (await more.isVisible()) {
    const before = await page.locator('site-search ol li').count();
    await more.click();
    await page.waitForFunction((n) => document.querySelectorAll('site-search ol li').length > n, before);
  }
  return settled(page);
}

export const checks: BrowserCheck[] = [
  {
    name: 'search: no marks, đ typed as d ("da nang" finds Đà Nẵng first)',
    async run({ page, base }) {
      expectFirst(await searchFor(page, base, { q: 'da nang' }), '/tinh-thanh/da-nang/', 'da nang');
    },
  },
  {
    name: 'search: with marks ("Đà Nẵng") finds the same page first',
    async run({ page, base }) {
      expectFirst(await searchFor(page, base, { q: 'Đà Nẵng' }), '/tinh-thanh/da-nang/', 'Đà Nẵng');
    },
  },
  {
    name: 'search: "dong thap" finds Đồng Tháp; decomposed (NFD) input works too',
    async run({ page, base }) {
      expectFirst(await searchFor(page, base, { q: 'dong thap' }), '/tinh-thanh/dong-thap/', 'dong thap');
      expectFirst(
        await searchFor(page, base, { q: 'Đồng Tháp'.normalize('NFD') }),
        '/tinh-thanh/dong-thap/',
        'NFD Đồng Tháp',
      );
    },
  },
  {
    name: 'search: "nuoc mam"-style folding of tone marks ("hoi nghi khuyen cong" finds the conferences)',
    async run({ page, base }) {
      expectAmong(
        await searchFor(page, base, { q: 'hoi nghi khuyen cong thanh hoa' }),
        '/hoi-nghi/xvi-2022-thanh-hoa/',
        'hoi nghi khuyen cong thanh hoa',
      );
    },
  },
  {
    name: 'search: the current name finds records filed under a predecessor ("hai phong" → Hải Dương records)',
    async run({ page, base }) {
      await searchFor(page, base, { q: 'hai phong' });
      const results = await showAll(page);
      expectAmong(results, '/co-so/ctcp-gom-chu-dau/', 'hai phong');
      expectAmong(results, '/san-pham/binh-phuong-hoang-s1/', 'hai phong');
    },
  },
  {
    name: 'search: an old name finds the unit it became ("hai duong" → Hải Phòng)',
    async run({ page, base }) {
      const results = await searchFor(page, base, { q: 'hai duong' });
      expectAmong(results, '/tinh-thanh/hai-duong/', 'hai duong');
      expectAmong(results, '/tinh-thanh/hai-phong/', 'hai duong');
    },
  },
  {
    name: 'search: a product typed without marks, đ as d ("banh hong minh duc" finds Bánh hồng Minh Đức first)',
    async run({ page, base }) {
      expectFirst(
        await searchFor(page, base, { q: 'banh hong minh duc' }),
        '/san-pham/banh-hong-minh-duc/',
        'banh hong minh duc',
      );
    },
  },
  {
    name: 'search: a pre-2025 province name finds the records filed under it ("tien giang" → Lạp xưởng Chín Trọng)',
    async run({ page, base }) {
      await searchFor(page, base, { q: 'tien giang' });
      expectAmong(await showAll(page), '/san-pham/lap-xuong-chin-trong/', 'tien giang');
    },
  },
  {
    name: 'search: an alias ("tphcm") finds Hồ Chí Minh',
    async run({ page, base }) {
      expectFirst(await searchFor(page, base, { q: 'tphcm' }), '/tinh-thanh/ho-chi-minh/', 'tphcm');
    },
  },
  {
    name: 'search: a filter alone browses one type, and the facet shows its count',
    async run({ page, base }) {
      const { status } = await searchFor(page, base, { loai: 'Hội nghị' });
      const { titles, types } = await showAll(page);
      if (titles.length === 0) throw new Error('filter loai=Hội nghị returned nothing');
      const other = types.filter((t) => t !== 'Hội nghị');
      if (other.length) throw new Error(`filter loai=Hội nghị also returned ${JSON.stringify(other)}`);
      if (!status.startsWith(`${titles.length} kết quả`))
        throw new Error(`status "${status}" does not give ${titles.length}`);
      const box = page.getByRole('checkbox', { name: new RegExp(`^Hội nghị \\(${titles.length}\\)$`) });
      if (!(await box.isChecked())) throw new Error('the Hội nghị facet is not shown checked with its count');
    },
  },
  {
    name: 'search: a query with no match says so and helps, even where Pagefind would match a letter of it',
    async run({ page, base }) {
      // Pagefind alone answers "xyzzyqwv" with the "X" of "lần thứ X" (src/lib/search/typed-words.ts).
      for (const q of ['xyzzyqwv', 'hoi nghi xyzzyqwv']) {
        const { titles, status } = await searchFor(page, base, { q });
        if (titles.length !== 0 || !status.includes('Không tìm thấy'))
          throw new Error(`"${q}" shows "${status}" and ${titles.length} results`);
      }
      // A slip at the end of a word still finds what was meant.
      expectFirst(await searchFor(page, base, { q: 'dong thapp' }), '/tinh-thanh/dong-thap/', 'dong thapp');
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
      if (
        !(await page.evaluate(
          () => document.activeElement instanceof HTMLInputElement && document.activeElement.type === 'checkbox',
        ))
      ) {
        throw new Error('after asking for the filters, focus is not on the first filter');
      }
      await box.focus();
      await page.keyboard.press('Space');
      await page.waitForURL(/loai=/);
      await settled(page);
      await page.goBack();
      await page.waitForURL((url) => !url.search.includes('loai='));
      const { types } = await settled(page);
      if (!types.includes('Tin tức'))
        throw new Error(`after Back the unfiltered results did not return: ${JSON.stringify(types)}`);
      if ((await page.locator('#search-q').inputValue()) !== 'hoi nghi')
        throw new Error('after Back the query was not restored');
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
        if (!(await plain.getByText('Trang tìm kiếm cần JavaScript').isVisible()))
          throw new Error('no-JS search page gives no way on');
      } finally {
        await context.close();
      }
    },
  },
];
