/**
 * `npm run bench`: measures the built site against its budgets and prints a table plus one JSON report.
 * Heavy and slow by design, so it is not part of `npm test`.
 */
import { fileURLToPath } from 'node:url';
import { hasChromium } from '../lib/browser.ts';
import { benchSearch } from './search.ts';

const DIST = process.env['BENCH_DIST'] ?? fileURLToPath(new URL('../../dist/', import.meta.url));
const KB = (n: number) => `${(n / 1024).toFixed(1)} KB`;

if (!hasChromium()) {
  console.error('Chromium is needed for the benchmarks: apt-get install -y chromium');
  process.exit(1);
}

const search = await benchSearch(DIST, {
  idle: ['/', '/tin-tuc/hoi-nghi-khuyen-cong-phia-bac-lan-thu-xvi-tai-thanh-hoa/', '/san-pham/che-tay-son/'],
  queries: { 'common word': 'q=khuyen+cong', 'rare word': 'q=chu+dau', 'filter only': 'loai=T%E1%BB%89nh+th%C3%A0nh' },
});

const budgets = { idleJs: 3 * 1024, firstSearch: 300 * 1024 };
const rows: Array<[string, string, string, boolean]> = [
  ...Object.entries(search.idleJsBytes).map(([path, bytes]): [string, string, string, boolean] => [
    `idle JS ${path}`,
    KB(bytes),
    `≤ ${KB(budgets.idleJs)}`,
    bytes <= budgets.idleJs,
  ]),
  ...Object.entries(search.firstSearch).map(([name, r]): [string, string, string, boolean] => [
    `first search: ${name} → ${r.results}, ${r.requests} requests`,
    KB(r.bytes),
    `≤ ${KB(budgets.firstSearch)}`,
    r.bytes <= budgets.firstSearch,
  ]),
];
console.table(rows.map(([measure, value, budget, ok]) => ({ measure, value, budget, ok: ok ? 'yes' : 'NO' })));
console.log(JSON.stringify({ search }, null, 2));
const failed = rows.filter((r) => !r[3]).length;
if (failed > 0) {
  console.error(`${failed} budget(s) exceeded`);
  process.exit(1);
}
