/**
 * `npm run bench`: measures the built site against its budgets and prints a table plus one JSON report.
 * Heavy and slow by design, so it is not part of `npm test`. BENCH_DIST measures another build; BENCH_ONLY=search or
 * BENCH_ONLY=map runs one section.
 */
import { fileURLToPath } from 'node:url';
import { hasChromium } from '../lib/browser.ts';
import { benchMap, type MapBench } from './map.ts';
import { benchSearch, type SearchBench } from './search.ts';

const DIST = process.env['BENCH_DIST'] ?? fileURLToPath(new URL('../../dist/', import.meta.url));
const ONLY = process.env['BENCH_ONLY'];
const KB = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const S = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

if (!hasChromium()) {
  console.error('Chromium is needed for the benchmarks: apt-get install -y chromium');
  process.exit(1);
}

type Row = [measure: string, value: string, budget: string, ok: boolean];
const rows: Row[] = [];
const report: { search?: SearchBench; map?: MapBench } = {};

if (!ONLY || ONLY === 'search') {
  const search = await benchSearch(DIST, {
    idle: ['/', '/tin-tuc/hoi-nghi-khuyen-cong-phia-bac-lan-thu-xvi-tai-thanh-hoa/', '/san-pham/che-tay-son/'],
    queries: {
      'common word': 'q=khuyen+cong',
      'rare word': 'q=chu+dau',
      'filter only': 'loai=T%E1%BB%89nh+th%C3%A0nh',
    },
  });
  report.search = search;
  const budgets = { idleJs: 3 * 1024, firstSearch: 300 * 1024 };
  rows.push(
    ...Object.entries(search.idleJsBytes).map(([path, bytes]): Row => [
      `idle JS ${path}`,
      KB(bytes),
      `≤ ${KB(budgets.idleJs)}`,
      bytes <= budgets.idleJs,
    ]),
    ...Object.entries(search.firstSearch).map(([name, r]): Row => [
      `first search: ${name} → ${r.results}, ${r.requests} requests`,
      KB(r.bytes),
      `≤ ${KB(budgets.firstSearch)}`,
      r.bytes <= budgets.firstSearch,
    ]),
  );
}

if (!ONLY || ONLY === 'map') {
  const map = await benchMap(DIST);
  report.map = map;
  const time: Record<string, number> = { '10000': 800, '50000': 2000 };
  rows.push(
    [`map JS /ban-do/ (Leaflet and the map's code)`, KB(map.jsBytes), `≤ ${KB(60 * 1024)}`, map.jsBytes <= 60 * 1024],
    [`map base layer /map/viet-nam.json`, KB(map.baseLayerBytes), '–', true],
    ...Object.entries(map.sets).flatMap(([count, set]): Row[] => [
      [
        `map ${Number(count).toLocaleString('en')} points: navigation → clusters drawn, CPU ${map.cpuThrottling}× (median of ${set.runs.join(', ')} ms)`,
        S(set.median),
        `≤ ${S(time[count] ?? Infinity)}`,
        set.median <= (time[count] ?? Infinity),
      ],
      [
        `map ${Number(count).toLocaleString('en')} points: data diem.json (names ten.json ${KB(set.namesBytes)}, fetched beside it)`,
        KB(set.pointsBytes),
        count === '10000' ? `≤ ${KB(120 * 1024)}` : '–',
        count !== '10000' || set.pointsBytes <= 120 * 1024,
      ],
      [
        `map ${Number(count).toLocaleString('en')} points: households finer than commune, coordinates off grid`,
        String(set.privacyViolations),
        '0',
        set.privacyViolations === 0,
      ],
    ]),
  );
  console.log(
    `Load average when the map bench started: ${map.loadAverage} (2 cores); other work slows every time above.`,
  );
}

console.table(rows.map(([measure, value, budget, ok]) => ({ measure, value, budget, ok: ok ? 'yes' : 'NO' })));
console.log(JSON.stringify(report, null, 2));
const failed = rows.filter((r) => !r[3]).length;
if (failed > 0) {
  console.error(`${failed} budget(s) exceeded`);
  process.exit(1);
}
