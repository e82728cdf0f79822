/**
 * The map of beneficiaries (/ban-do/) and the directory's filters (/co-so/), in Chromium with every outside request
 * blocked: clusters and the bundled base layer appear; a filter changes the count, the address and the list; a
 * popup's link opens the right page; the list matches the map; the keyboard works. Expected sets are computed from
 * the built map files with the site's own filter code, so the checks hold as content grows.
 */
import type { Page } from 'playwright-core';
import { axeProblems } from '../../scripts/lib/axe.ts';
import type { BrowserCheck } from '../../scripts/lib/behaviour.ts';
import { matching, type Filters } from '../../src/lib/map/filter.ts';
import { decodePoints, type NamesFile, type PointsFile } from '../../src/lib/map/points.ts';
import { KINDS } from '../../src/lib/map/precision.ts';
import { firstView } from '../../src/lib/map/view.ts';
import { foldMarks } from '../../src/lib/vi-text.ts';

function assert(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(message);
}

/** The built map files, decoded, and the names expected for a filter (on the map: located only). */
async function data(page: Page, base: string) {
  const points = (await (await page.request.get(`${base}/ban-do/diem.json`)).json()) as PointsFile;
  const names = (await (await page.request.get(`${base}/ban-do/ten.json`)).json()) as NamesFile;
  const columns = decodePoints(points);
  const folded = names.name.map(foldMarks);
  const expected = (filters: Filters, located = true) =>
    [...matching(columns, filters, { folded, located })].map((i) => names.name[i]!);
  return { columns, names, expected };
}

async function openMap(page: Page, base: string, query = '') {
  await page.goto(`${base}/ban-do/${query}`);
  await ready(page);
}

/** Waits until the clusters are drawn and the list beside the map is the script's. */
const ready = (page: Page) =>
  page.waitForSelector('beneficiary-map[data-state="ready"][data-list="ready"]', { state: 'attached' });

interface Shown {
  key: string;
  label: string;
  count: number;
  className: string;
}

/** Markers and clusters on the map, with the number each stands for (a cluster shows it; a point is one). */
const markers = (page: Page): Promise<Shown[]> =>
  page.locator('.leaflet-marker-pane [data-key]').evaluateAll((els) =>
    els.map((el) => ({
      key: el.getAttribute('data-key')!,
      label: el.getAttribute('aria-label') ?? '',
      count: el.classList.contains('map-cluster') ? Number((el.textContent ?? '').replace(/\D/g, '')) : 1,
      className: el.className,
    })),
  );

const total = (shown: Shown[]) => shown.reduce((n, m) => n + m.count, 0);
const status = async (page: Page) => (await page.locator('beneficiary-map [data-status]').innerText()).trim();
const listNames = (page: Page) => page.locator('beneficiary-map [data-list] .ben-name a').allInnerTexts();

/** The map's numbers agree: markers, status line and list (first page) all show the expected set. */
async function expectMapShows(page: Page, expected: string[], what: string) {
  const shown = await markers(page);
  assert(
    total(shown) === expected.length,
    `${what}: markers stand for ${total(shown)} beneficiaries, expected ${expected.length}`,
  );
  const line = await status(page);
  assert(
    line.startsWith(`${expected.length.toLocaleString('vi-VN')} cơ sở trên bản đồ`),
    `${what}: status says "${line}", expected ${expected.length}`,
  );
  const names = await listNames(page);
  assert(
    JSON.stringify(names) === JSON.stringify(expected.slice(0, 50)),
    `${what}: the list shows ${JSON.stringify(names.slice(0, 5))}… (${names.length}), expected ${JSON.stringify(expected.slice(0, 5))}… (${expected.length})`,
  );
}

export const checks: BrowserCheck[] = [
  {
    name: 'map: clusters and the bundled base layer (with Hoàng Sa and Trường Sa) appear with no outside request',
    async run({ page, base }) {
      const outside: string[] = [];
      page.on('request', (request) => {
        if (!request.url().startsWith(base) && !request.url().startsWith('data:')) outside.push(request.url());
      });
      const { expected } = await data(page, base);
      await openMap(page, base);
      const shown = await markers(page);
      assert(shown.length > 0, 'no cluster or marker is drawn');
      assert(
        total(shown) === expected({}).length,
        `markers stand for ${total(shown)}, expected ${expected({}).length}`,
      );
      await page.waitForSelector('.leaflet-base-pane canvas');
      const islands = (await page.locator('.map-island').allInnerTexts()).join(' | ');
      for (const name of ['Quần đảo Hoàng Sa', 'Quần đảo Trường Sa']) {
        assert(
          islands.includes(name) && islands.includes('Việt Nam'),
          `the base layer does not label ${name} as Vietnamese: "${islands}"`,
        );
      }
      for (const m of shown) assert(m.label.length > 10, `marker ${m.key} has no name ("${m.label}")`);
      // The first view drawn before Leaflet used firstView's zoom: Leaflet must have opened at the same one.
      const frame = await page.locator('[data-map]').evaluate((el) => [el.clientWidth, el.clientHeight]);
      const zoom = firstView(frame[0]!, frame[1]!).zoom;
      assert(
        shown.every((m) => Number(m.key.split(':')[0]) === zoom),
        `Leaflet opened at zoom ${shown[0]?.key.split(':')[0]}, the first view was drawn at ${zoom}`,
      );
      await page.waitForSelector('.map-first', { state: 'detached', timeout: 5000 }).catch(() => {
        throw new Error('the first view is still over the Leaflet map');
      });
      assert(
        !(await page.locator('[data-tiles-toggle]').isChecked()),
        'OpenStreetMap tiles are on without the reader asking',
      );
      assert(outside.length === 0, `the map asked for outside resources: ${outside.slice(0, 3).join(', ')}`);
    },
  },
  {
    name: 'map: the first view, before Leaflet, shows the clusters of the filters in the address',
    async run({ page, base }) {
      const { columns, expected } = await data(page, base);
      const kinds = KINDS.filter((_, k) => columns.kind.some((v, i) => v === k && columns.precision[i]! >= 0));
      const kind = kinds.find((k) => expected({ loai: k }).length < expected({}).length) ?? kinds[0];
      assert(kind, 'no beneficiary has a location');
      // Leaflet's code is held back, so the page stays at its first view.
      let release = () => {};
      const held = new Promise<void>((resolve) => (release = resolve));
      await page.route('**/BeneficiaryMapElement*', async (route) => {
        await held;
        await route.continue().catch(() => undefined);
      });
      for (const query of ['', `?loai=${kind}`]) {
        await page.goto(`${base}/ban-do/${query}`);
        await page.waitForFunction(() => performance.getEntriesByName('map:clusters-drawn').length > 0);
        // The clusters of the zoom shown, if the page shows them (not the build's unfiltered ones under a filter).
        const counts = await page.evaluate(() => {
          const zoom = document.querySelector<HTMLElement>('beneficiary-map')?.dataset['firstView'];
          const group = document.querySelector(`.map-first [data-zoom="${zoom}"]`);
          const marks = group?.querySelector('.map-first-clusters');
          if (
            !group ||
            !marks ||
            getComputedStyle(group).display === 'none' ||
            getComputedStyle(marks).display === 'none'
          )
            return [];
          return [
            ...[...marks.querySelectorAll('.map-first-count')].map((t) => Number(t.textContent!.replace(/\D/g, ''))),
            ...[...marks.querySelectorAll('.map-first-pin, .map-first-approx')].map(() => 1),
          ];
        });
        const want = expected(query ? { loai: kind } : {}).length;
        const shown = counts.reduce((a, b) => a + b, 0);
        assert(shown === want, `first view${query}: clusters stand for ${shown}, expected ${want}`);
      }
      release();
      await ready(page);
      await page.unroute('**/BeneficiaryMapElement*');
    },
  },
  {
    name: "map: the page's first paint already shows the clusters (nothing is painted before the first view is read)",
    async run({ page, base }) {
      // On a slow phone's CPU (4×, as the bench), where the parser yields often: unthrottled, the whole page is
      // read before the first paint anyway.
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
      let drawn: number, firstPaint: number;
      try {
        await page.goto(`${base}/ban-do/`);
        [drawn, firstPaint] = await page.evaluate(
          () =>
            new Promise<[number, number]>((resolve) => {
              const check = () => {
                const times = ['map:clusters-drawn', 'first-contentful-paint'].map(
                  (n) => performance.getEntriesByName(n)[0]?.startTime,
                );
                if (times.every((t) => t !== undefined)) resolve(times as [number, number]);
                else setTimeout(check, 20);
              };
              check();
            }),
        );
      } finally {
        await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
        await cdp.detach();
      }
      // Both are the presentation time of a frame: the same frame, unless the header was painted on its own first.
      assert(
        Math.abs(drawn - firstPaint) < 1,
        `the first paint (${firstPaint.toFixed(0)} ms) came before the clusters (${drawn.toFixed(0)} ms)`,
      );
      // The render-blocking hint names an element after the picture: Chromium lifts the block at that element's start
      // tag, so an id before the picture's end would let the header be painted alone again.
      const html = await (await page.request.get(`${base}/ban-do/`)).text();
      const id = /<link rel="expect" href="#([^"]+)" blocking="render">/.exec(
        html.slice(0, html.indexOf('</head>')),
      )?.[1];
      assert(id, "the map page's head has no render-blocking rel=expect link");
      const pictureEnd = html.indexOf('</svg>', html.indexOf('class="map-first"'));
      const target = html.indexOf(`id="${id}"`);
      assert(target >= 0, `the head's rel=expect link names #${id}, which is not in the page`);
      assert(pictureEnd >= 0 && target > pictureEnd, `#${id} is not after the map's first view`);
    },
  },
  {
    name: 'map: province names appear once zoomed in to provinces',
    async run({ page, base }) {
      await openMap(page, base);
      assert((await page.locator('.map-province').count()) === 0, 'province names are made before they can show');
      // One step at a time: Leaflet ignores a zoom asked for while it is still animating the last one.
      for (let i = 0; i < 4 && (await page.locator('.map-province').count()) === 0; i++) {
        await page.locator('.leaflet-control-zoom-in').click();
        await page.waitForTimeout(500);
      }
      await page.waitForSelector('.map-province', { state: 'visible' });
    },
  },
  {
    name: 'map: a filter changes the count, the address and the list; the address restores it',
    async run({ page, base }) {
      const { columns, expected } = await data(page, base);
      await openMap(page, base);
      await expectMapShows(page, expected({}), 'unfiltered');
      const kinds = KINDS.filter((_, k) => columns.kind.some((v, i) => v === k && columns.precision[i]! >= 0));
      const kind = kinds.find((k) => expected({ loai: k }).length < expected({}).length);
      assert(kind, 'no kind filter would narrow the map');
      const before = await status(page);
      await page.selectOption('#map-filter-loai', kind);
      await page.waitForURL((url) => url.searchParams.get('loai') === kind);
      await page.waitForFunction(
        (text) => document.querySelector('beneficiary-map [data-status]')?.textContent?.trim() !== text,
        before,
      );
      await expectMapShows(page, expected({ loai: kind }), `loai=${kind}`);
      await page.reload();
      await ready(page);
      assert((await page.inputValue('#map-filter-loai')) === kind, 'reloading the shared address lost the filter');
      await expectMapShows(page, expected({ loai: kind }), `reloaded loai=${kind}`);
    },
  },
  {
    name: 'map: the list matches the map for every province filter',
    async run({ page, base }) {
      const { expected } = await data(page, base);
      const values = await page
        .goto(`${base}/ban-do/`)
        .then(() =>
          page
            .locator('#map-filter-tinh option')
            .evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value).filter(Boolean)),
        );
      assert(values.length > 0, 'the province filter offers no province');
      for (const tinh of values.slice(0, 8)) {
        await openMap(page, base, `?tinh=${tinh}`);
        await expectMapShows(page, expected({ tinh }), `tinh=${tinh}`);
      }
    },
  },
  {
    name: "map: a popup's link opens the right page (from a marker, and from the list's “Trên bản đồ”)",
    async run({ page, base }) {
      const { columns, names, expected } = await data(page, base);
      // A province and kind with exactly one beneficiary on the map: its marker stands alone at any zoom.
      let lone: { tinh: string; loai: string; slug: string; name: string } | undefined;
      for (let i = 0; i < columns.count && !lone; i++) {
        if (columns.precision[i]! < 0 || columns.province[i]! < 0) continue;
        const filters = { tinh: columns.provinces[columns.province[i]!]!.id, loai: KINDS[columns.kind[i]!]! };
        if (expected(filters).length === 1) lone = { ...filters, slug: names.slug[i]!, name: names.name[i]! };
      }
      assert(lone, 'no province and kind has a single beneficiary to click on');
      await openMap(page, base, `?tinh=${lone.tinh}&loai=${lone.loai}`);
      const marker = page.locator('.leaflet-marker-pane [data-key]');
      assert((await marker.count()) === 1, `expected one marker for ${lone.name}, found ${await marker.count()}`);
      assert(
        ((await marker.getAttribute('aria-label')) ?? '').includes(lone.name),
        'the marker is not named after the beneficiary',
      );
      await marker.click();
      const link = page.locator('.leaflet-popup a[href^="/co-so/"]');
      assert(
        (await link.innerText()) === lone.name,
        `the popup names "${await link.innerText()}", expected "${lone.name}"`,
      );
      await Promise.all([page.waitForURL(`${base}/co-so/${lone.slug}/`), link.click()]);
      assert((await page.locator('h1').innerText()) === lone.name, 'the popup link opened another page');

      await openMap(page, base);
      const first = (await listNames(page))[0]!;
      await page.locator('beneficiary-map [data-list] [data-show]').first().click();
      const popupLinks = await page.locator('.leaflet-popup a').allInnerTexts();
      assert(
        popupLinks.includes(first),
        `“Trên bản đồ” for ${first} opened a popup listing ${JSON.stringify(popupLinks)}`,
      );
    },
  },
  {
    name: 'map: keyboard — Enter on a cluster zooms in and keeps focus on a marker; Escape closes a popup back to its marker',
    async run({ page, base }) {
      await openMap(page, base);
      const focusedKey = () => page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset['key']);
      const splittable = page.locator('.leaflet-marker-pane .map-cluster:not(.map-cluster-same)').first();
      if ((await splittable.count()) > 0) {
        const key = (await splittable.getAttribute('data-key'))!;
        await splittable.focus();
        await page.keyboard.press('Enter');
        const after = await focusedKey();
        assert(after, 'after zooming into a cluster, keyboard focus left the markers');
        assert(
          Number(after.split(':')[0]) > Number(key.split(':')[0]),
          `Enter on "${key}" did not zoom in (focus on "${after}")`,
        );
      }
      const opener = page
        .locator(
          '.leaflet-marker-pane .map-cluster-same, .leaflet-marker-pane .map-pin, .leaflet-marker-pane .map-approx',
        )
        .first();
      assert((await opener.count()) > 0, 'no marker opens a popup at this zoom');
      const key = await opener.getAttribute('data-key');
      await opener.focus();
      await page.keyboard.press('Enter');
      const inPopup = await page.evaluate(() => Boolean(document.activeElement?.closest('.leaflet-popup')));
      assert(inPopup, 'Enter on a marker did not move focus into its popup');
      // The page as the keyboard left it (zoomed, markers named, a popup open) passes axe too.
      const problems = await axeProblems(page);
      assert(problems.length === 0, `axe, with a popup open: ${problems.join(' | ')}`);
      await page.keyboard.press('Escape');
      await page.waitForSelector('.leaflet-popup', { state: 'detached' });
      await page.waitForFunction((k) => (document.activeElement as HTMLElement | null)?.dataset['key'] === k, key);
    },
  },
  {
    // The exception (a household whose address is published may show an exact pin) is decided by publishedLocation(),
    // unit-tested in tests/unit/map-precision.test.ts; the real content has no such household.
    name: 'map: a household business is drawn as an area, never as an exact pin',
    async run({ page, base }) {
      const { expected } = await data(page, base);
      const households = expected({ loai: 'ho-kinh-doanh' });
      // The site has household businesses on the map (26 today): with none, this check would check nothing.
      assert(households.length > 0, 'no household business on the map: nothing to check');
      await openMap(page, base, '?loai=ho-kinh-doanh');
      await page.locator('beneficiary-map [data-list] [data-show]').first().click();
      const pins = await page.locator('.leaflet-marker-pane .map-pin').count();
      assert(pins === 0, `${pins} household business(es) drawn as exact pins`);
      assert((await page.locator('.leaflet-marker-pane .map-approx').count()) > 0, 'the household shown is not drawn');
      assert(
        (await page.locator('.leaflet-overlay-pane path').count()) > 0,
        'an approximate location is drawn without its area',
      );
    },
  },
  {
    name: '/co-so/: the filter narrows the list in place, says how many, and shares it in the address and with the map',
    async run({ page, base }) {
      const { expected } = await data(page, base);
      await page.goto(`${base}/co-so/`);
      const tinh = await page
        .locator('#ben-filter-tinh optgroup')
        .first()
        .locator('option')
        .first()
        .getAttribute('value');
      assert(tinh, 'the province filter offers no province');
      await page.selectOption('#ben-filter-tinh', tinh);
      await page.waitForURL((url) => url.searchParams.get('tinh') === tinh);
      const want = expected({ tinh }, false);
      await page.waitForFunction(
        (n) => document.querySelector('beneficiary-filter [data-status]')?.textContent?.includes(`${n} cơ sở`),
        want.length.toLocaleString('vi-VN'),
      );
      const names = await page.locator('beneficiary-filter [data-results] .ben-name a').allInnerTexts();
      assert(
        JSON.stringify(names) === JSON.stringify(want.slice(0, 50)),
        `tinh=${tinh} lists ${JSON.stringify(names)}, expected ${JSON.stringify(want)}`,
      );
      assert(
        !(await page.locator('beneficiary-filter [data-static]').isVisible()),
        'the unfiltered listing still shows',
      );
      const mapHref = await page.locator('beneficiary-filter [data-map-link]').getAttribute('href');
      assert(mapHref === `/ban-do/?tinh=${tinh}`, `the map link is ${mapHref}`);
    },
  },
  {
    name: '/co-so/: without JavaScript the browse links filter by kind, on pages of their own',
    async run({ page, base }) {
      const { expected } = await data(page, base);
      const context = await page.context().browser()!.newContext({ javaScriptEnabled: false });
      try {
        const plain = await context.newPage();
        await plain.goto(`${base}/co-so/`);
        assert(
          !(await plain.locator('#ben-filter-q').isVisible()),
          'the filter form shows without JavaScript, where it cannot work',
        );
        const link = plain.locator('#ben-browse-title ~ .columns a[href^="/co-so/loai/"]').first();
        const href = (await link.getAttribute('href'))!;
        const kind = href.split('/')[3]!;
        await Promise.all([plain.waitForURL(`${base}${href}`), link.click()]);
        const names = await plain.locator('main .ben-list .ben-name a').allInnerTexts();
        const want = expected({ loai: kind }, false);
        assert(
          JSON.stringify(names) === JSON.stringify(want.slice(0, 50)),
          `${href} lists ${JSON.stringify(names)}, expected ${JSON.stringify(want)}`,
        );
      } finally {
        await context.close();
      }
    },
  },
  {
    name: 'a beneficiary page links to its place on the map, which opens there',
    async run({ page, base }) {
      const { columns, names } = await data(page, base);
      const i = [...Array(columns.count).keys()].find((k) => columns.precision[k]! >= 0);
      assert(i !== undefined, 'no beneficiary has a location');
      await page.goto(`${base}/co-so/${names.slug[i]}/`);
      await Promise.all([page.waitForURL(/\/ban-do\/\?chon=/), page.locator('main a[href^="/ban-do/?chon="]').click()]);
      await ready(page);
      await page.waitForSelector('.leaflet-popup');
      const links = await page.locator('.leaflet-popup a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
      assert(
        links.includes(`/co-so/${names.slug[i]}/`),
        `the map opened on ${JSON.stringify(links)}, not ${names.name[i]}`,
      );
    },
  },
];
