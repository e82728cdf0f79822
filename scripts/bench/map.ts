/**
 * Map budgets (issue 6), measured on a copy of the built site in headless Chromium with the CPU throttled 4×
 * (CDP Emulation.setCPUThrottlingRate):
 * - time from navigation to the first clusters drawn on /ban-do/ (the page's "map:clusters-drawn" mark) with 10,000
 *   and 50,000 synthetic beneficiaries (scripts/bench/map-data.ts) swapped into the copy's /ban-do/diem.json and
 *   ten.json; median of several fresh visits. The page's HTML does not grow with the data (its list is one page);
 * - bytes a gzip-serving host sends: the map page's JavaScript, its data files, the bundled base layer.
 * The synthetic files live in a temporary folder that is removed afterwards; nothing is written to content/ or dist/.
 */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { launch } from '../lib/browser.ts';
import { serveStatic } from '../lib/server.ts';
import { decodePoints, encodePoints } from '../../src/lib/map/points.ts';
import { onGrid, PRECISIONS } from '../../src/lib/map/precision.ts';
import { readProvinceEntries, syntheticRecords } from './map-data.ts';

const gz = (body: Buffer | string) => gzipSync(body, { level: 6 }).length;

export interface MapSetBench {
  /** diem.json, gzipped: what the first clusters need. */
  pointsBytes: number;
  /** ten.json, gzipped: names for popups and the list, fetched beside the points. */
  namesBytes: number;
  /** Milliseconds from navigation to clusters drawn, each visit, and their median. */
  runs: number[];
  median: number;
  /** Household businesses published finer than their commune (must be 0), and coordinates off their grid (0). */
  privacyViolations: number;
}

export interface MapBench {
  /** JavaScript /ban-do/ loads, gzipped. */
  jsBytes: number;
  /** The bundled base layer, gzipped. */
  baseLayerBytes: number;
  sets: Record<string, MapSetBench>;
  cpuThrottling: number;
  /** Load average when the bench started: other work on the machine slows every figure. */
  loadAverage: number;
}

/** One synthetic set: files written into the copy, and the privacy rules checked on what was written. */
async function writeSet(site: string, count: number): Promise<Omit<MapSetBench, 'runs' | 'median'>> {
  const provinces = readProvinceEntries();
  const records = syntheticRecords(count, provinces);
  const { points, names } = encodePoints(records, provinces);
  const pointsJson = JSON.stringify(points);
  const namesJson = JSON.stringify(names);
  await writeFile(join(site, 'ban-do/diem.json'), pointsJson);
  await writeFile(join(site, 'ban-do/ten.json'), namesJson);
  await padList(site);
  const columns = decodePoints(JSON.parse(pointsJson));
  let privacyViolations = 0;
  records.forEach((r, i) => {
    const precision = PRECISIONS[columns.precision[i]!];
    if (!precision) return;
    if (r.kind === 'ho-kinh-doanh' && !r.addressPublished && precision === 'exact') privacyViolations++;
    if (!onGrid(columns.lat[i]!, precision) || !onGrid(columns.lng[i]!, precision)) privacyViolations++;
  });
  return { pointsBytes: gz(pointsJson), namesBytes: gz(namesJson), privacyViolations };
}

/**
 * With thousands of beneficiaries the page's own list (one page, 50 lines) is full: repeat the built site's lines up
 * to that, so the HTML measured is as big as the real page would be.
 */
async function padList(site: string): Promise<void> {
  const file = join(site, 'ban-do/index.html');
  const html = await readFile(file, 'utf8');
  const padded = html.replace(
    /(<ul[^>]*data-list[^>]*>)([\s\S]*?)(<\/ul>)/,
    (_, open: string, items: string, close: string) => {
      const lines = items.match(/<li[\s\S]*?<\/li>/g) ?? [];
      const full = Array.from({ length: 50 }, (__, i) => lines[i % Math.max(1, lines.length)] ?? '');
      return `${open}${full.join('')}${close}`;
    },
  );
  await writeFile(file, padded);
}

/** Fresh visits to /ban-do/ with the CPU throttled; milliseconds to the clusters-drawn mark. */
async function timeVisits(browser: Browser, origin: string, visits: number, rate: number): Promise<number[]> {
  const times: number[] = [];
  for (let n = 0; n < visits; n++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'vi-VN' });
    const page = await context.newPage();
    await page.route('**/*', (route) =>
      route.request().url().startsWith(origin) ? route.continue() : route.abort('blockedbyclient'),
    );
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate });
    await page.goto(`${origin}/ban-do/`);
    await page.waitForSelector('beneficiary-map[data-state="ready"]', { state: 'attached', timeout: 120_000 });
    times.push(await page.evaluate(() => Math.round(performance.getEntriesByName('map:clusters-drawn')[0]!.startTime)));
    await context.close();
  }
  return times;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

export async function benchMap(
  dist: string,
  options: { counts?: number[]; visits?: number; rate?: number } = {},
): Promise<MapBench> {
  const { counts = [10_000, 50_000], visits = 5, rate = 4 } = options;
  const loadAverage = Math.round(loadavg()[0]! * 100) / 100;
  const folder = await mkdtemp(join(tmpdir(), 'bench-map-'));
  const site = join(folder, 'site');
  await cp(dist, site, { recursive: true });
  const server = await serveStatic(site);
  const { browser } = await launch();
  try {
    // The page's own JavaScript, as loaded (module chunks included).
    const context = await browser.newContext();
    const page = await context.newPage();
    const scripts: Array<Promise<number>> = [];
    page.on('response', (response) => {
      if (/\.m?js(\?|$)/.test(response.url())) scripts.push(response.body().then(gz, () => 0));
    });
    await page.goto(`${server.origin}/ban-do/`, { waitUntil: 'networkidle' });
    const jsBytes = (await Promise.all(scripts)).reduce((a, b) => a + b, 0);
    await context.close();
    const baseLayerBytes = gz(await readFile(join(site, 'map/viet-nam.json')));

    const sets: Record<string, MapSetBench> = {};
    for (const count of counts) {
      const written = await writeSet(site, count);
      await timeVisits(browser, server.origin, 1, rate); // warm the server's disk cache; not counted
      const runs = await timeVisits(browser, server.origin, visits, rate);
      sets[String(count)] = { ...written, runs, median: median(runs) };
    }
    return { jsBytes, baseLayerBytes, sets, cpuThrottling: rate, loadAverage };
  } finally {
    await browser.close();
    await server.close();
    await rm(folder, { recursive: true, force: true });
  }
}
