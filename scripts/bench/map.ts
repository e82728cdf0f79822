/**
 * Map budgets (issue 6), measured on a copy of the built site in headless Chromium with the CPU throttled 4×
 * (CDP Emulation.setCPUThrottlingRate):
 * - time from navigation to the first clusters drawn on /ban-do/ (the page's "map:clusters-drawn" mark, set once the
 *   frame showing them has been painted) with 10,000 and 50,000 synthetic beneficiaries (scripts/bench/map-data.ts)
 *   swapped into the copy's /ban-do/diem.json and ten.json and into the page's first view (its clusters, which the build renders into the page); median of several fresh visits. Also, without a
 *   budget, the time until the Leaflet map answers ("map:interactive"). The page's HTML does not grow with the data;
 * - bytes a gzip-serving host sends: the map page's JavaScript, its data files, the bundled base layer.
 * The synthetic files live in a temporary folder that is removed afterwards; nothing is written to content/ or dist/.
 * Each visit is a new browser context (no cache, a new renderer). The browser is started without Chromium's omnibox
 * popup WebUI (scripts/lib/browser.ts), which Chromium otherwise loads in a renderer of its own for every new window:
 * on this 2-core machine that competed with the page measured (1.0 s → 0.64 s median for the same page).
 */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, CDPSession } from 'playwright-core';
import { launch } from '../lib/browser.ts';
import { serveStatic } from '../lib/server.ts';
import { clusterIndexOf, indexedClusters } from '../../src/lib/map/cluster.ts';
import { replaceFirstClusters } from '../../src/lib/map/first-view.ts';
import { decodePoints, encodePoints, type PointsFile } from '../../src/lib/map/points.ts';
import { CENTRE } from '../../src/lib/map/view.ts';
import { onGrid, PRECISIONS } from '../../src/lib/map/precision.ts';
import { readProvinceEntries, syntheticRecords } from './map-data.ts';

const gz = (body: Buffer | string) => gzipSync(body, { level: 6 }).length;

export interface MapSetBench {
  /** diem.json and the first view's cluster markup in the page, gzipped: the map's data before the names. */
  pointsBytes: number;
  /** ten.json, gzipped: names for popups and the list, fetched beside the points. */
  namesBytes: number;
  /** Milliseconds from navigation to clusters drawn, each visit, and their median. */
  runs: number[];
  median: number;
  /**
   * Milliseconds from navigation to the Leaflet map answering (its markers named and focusable, the list filled
   * from the script's data: "map:interactive"), each visit, and their median. No budget; reported so the first
   * view drawn before Leaflet cannot hide a slow map.
   */
  interactiveRuns: number[];
  interactiveMedian: number;
  /**
   * Milliseconds from navigation to the page's first contentful paint, each visit: what the page costs before the
   * map's script can run at all (the site's styles and fonts, the HTML), on the same visits.
   */
  firstPaintRuns: number[];
  firstPaintMedian: number;
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
  /** And when it ended. */
  loadAverageEnd: number;
}

/**
 * The page's first view shows the clusters of the synthetic set, as the build would render them for it; returns the
 * cluster markup (counted as data).
 */
async function writeFirstView(site: string, points: PointsFile): Promise<string> {
  const file = join(site, 'ban-do/index.html');
  const index = clusterIndexOf(points);
  const html = replaceFirstClusters(await readFile(file, 'utf8'), CENTRE, (zoom) => indexedClusters(index, zoom));
  if (!html.includes('class="map-first-clusters"')) throw new Error('the built /ban-do/ has no first view to fill');
  await writeFile(file, html);
  return (html.match(/<g class="map-first-clusters"[\s\S]*?<\/g>/g) ?? []).join('');
}

/** One synthetic set: files written into the copy, and the privacy rules checked on what was written. */
export async function writeSet(
  site: string,
  count: number,
): Promise<
  Omit<MapSetBench, 'runs' | 'median' | 'interactiveRuns' | 'interactiveMedian' | 'firstPaintRuns' | 'firstPaintMedian'>
> {
  const provinces = readProvinceEntries();
  const records = syntheticRecords(count, provinces);
  const { points, names } = encodePoints(records, provinces);
  const pointsJson = JSON.stringify(points);
  const namesJson = JSON.stringify(names);
  await writeFile(join(site, 'ban-do/diem.json'), pointsJson);
  await writeFile(join(site, 'ban-do/ten.json'), namesJson);
  const clusterMarkup = await writeFirstView(site, points);
  await padList(site);
  const columns = decodePoints(JSON.parse(pointsJson));
  let privacyViolations = 0;
  records.forEach((r, i) => {
    const precision = PRECISIONS[columns.precision[i]!];
    if (!precision) return;
    if (r.kind === 'ho-kinh-doanh' && !r.addressPublished && precision === 'exact') privacyViolations++;
    if (!onGrid(columns.lat[i]!, precision) || !onGrid(columns.lng[i]!, precision)) privacyViolations++;
  });
  return { pointsBytes: gz(pointsJson) + gz(clusterMarkup), namesBytes: gz(namesJson), privacyViolations };
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

/**
 * Waits for the page's marks and returns their times (ms from navigation). One plain CDP evaluation that waits on a
 * PerformanceObserver: Playwright's waitForSelector would inject its selector engine into the page and poll it, on
 * the same throttled main thread as the map, which showed in the profile as part of the time measured.
 */
export async function marksOf(cdp: CDPSession, names: string[]): Promise<number[]> {
  const expression = `new Promise((resolve) => {
    const names = ${JSON.stringify(names)};
    const check = () => {
      const times = names.map((n) => performance.getEntriesByName(n)[0]?.startTime);
      if (times.every((t) => t !== undefined)) { observer.disconnect(); resolve(times.map(Math.round)); }
    };
    const observer = new PerformanceObserver(check);
    observer.observe({ type: 'mark' });
    check();
  })`;
  const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', {
    expression,
    awaitPromise: true,
    returnByValue: true,
    timeout: 120_000,
  });
  if (exceptionDetails) throw new Error(`waiting for ${names.join(', ')}: ${exceptionDetails.text}`);
  return result.value as number[];
}

/** Fresh visits to /ban-do/ with the CPU throttled; milliseconds to clusters drawn and to a map that answers. */
async function timeVisits(
  browser: Browser,
  origin: string,
  visits: number,
  rate: number,
): Promise<{ times: number[]; interactive: number[]; paints: number[] }> {
  const times: number[] = [];
  const interactive: number[] = [];
  const paints: number[] = [];
  for (let n = 0; n < visits; n++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'vi-VN' });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    // Nothing may come from elsewhere: the browser itself refuses https (the tile server), and any other request off
    // the local server fails the visit. Not page.route: it holds every request of the page for a round trip through
    // this process, which delayed the page's own files and showed in the times measured.
    const outside: string[] = [];
    page.on('request', (request) => {
      if (!request.url().startsWith(origin) && !request.url().startsWith('data:')) outside.push(request.url());
    });
    await cdp.send('Network.enable');
    await cdp.send('Network.setBlockedURLs', { urls: ['https://*', 'wss://*'] });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate });
    await page.goto(`${origin}/ban-do/`);
    const [drawn = NaN, ready = NaN, fcp = NaN] = await marksOf(cdp, [
      'map:clusters-drawn',
      'map:interactive',
      'first-contentful-paint',
    ]);
    await context.close();
    if (outside.length > 0) throw new Error(`/ban-do/ asked for outside resources: ${outside.slice(0, 3).join(', ')}`);
    times.push(drawn);
    interactive.push(ready);
    paints.push(fcp);
  }
  return { times, interactive, paints };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

export async function benchMap(
  dist: string,
  options: { counts?: number[]; visits?: number; rate?: number } = {},
): Promise<MapBench> {
  const { counts = [10_000, 50_000], visits = 7, rate = 4 } = options;
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
      const { times: runs, interactive, paints } = await timeVisits(browser, server.origin, visits, rate);
      sets[String(count)] = {
        ...written,
        runs,
        median: median(runs),
        interactiveRuns: interactive,
        interactiveMedian: median(interactive),
        firstPaintRuns: paints,
        firstPaintMedian: median(paints),
      };
    }
    const loadAverageEnd = Math.round(loadavg()[0]! * 100) / 100;
    return { jsBytes, baseLayerBytes, sets, cpuThrottling: rate, loadAverage, loadAverageEnd };
  } finally {
    await browser.close();
    await server.close();
    await rm(folder, { recursive: true, force: true });
  }
}
