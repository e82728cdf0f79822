/**
 * `npm run bench [-- --products N --beneficiaries N --news N --rounds N --conferences N --cold --keep --no-map]`
 *
 * By default: the national-scale benchmark (issue 7). A synthetic dataset (20,000 products, 10,000 beneficiaries,
 * 5,000 news, 300 rounds, 100 conferences, 200 stories, a sample of photos) is built in a temporary copy of the site;
 * the report gives time and peak memory per phase, output pages, files and bytes, the search index, gzipped
 * HTML/CSS/JS per page template, first-search bytes (the most common word, a rare word, a filter-only browse) and the
 * map figures (issue 6), each against its budget. Prints a table, writes the JSON report to bench-report.json, and
 * exits 1 when a budget is missed. Caches (Astro's content store and processed photos, the share cards) are kept between
 * runs in node_modules/.cache/bench/ as a deployment keeps node_modules/.astro; --cold empties them first.
 *
 * BENCH_DIST=<folder> measures an existing build instead (search and map only; BENCH_ONLY=search|map for one).
 * Heavy and slow by design, so it is not part of `npm test`.
 */
import { writeFile } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { hasChromium } from '../lib/browser.ts';
import { foldMarks } from '../../src/lib/vi-text.ts';
import { benchMap, type MapBench } from './map.ts';
import { DEFAULT_COUNTS, type ScaleCounts } from './scale-data.ts';
import { benchScale, removeScaleCopy, type ScaleBench } from './scale.ts';
import { benchSearch, heaviestWord, type SearchBench } from './search.ts';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const KB = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const S = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const GB = (n: number) => `${(n / 2 ** 30).toFixed(2)} GB`;
const N = (n: number) => n.toLocaleString('en');

type Row = [measure: string, value: string, budget: string, ok: boolean];
const rows: Row[] = [];
const report: { machine?: object; scale?: ScaleBench; search?: SearchBench; map?: MapBench } = {};

const { values } = parseArgs({
  options: {
    products: { type: 'string' },
    beneficiaries: { type: 'string' },
    news: { type: 'string' },
    rounds: { type: 'string' },
    conferences: { type: 'string' },
    stories: { type: 'string' },
    photos: { type: 'string' },
    keep: { type: 'boolean', default: false },
    cold: { type: 'boolean', default: false },
    'no-map': { type: 'boolean', default: false },
    'no-search': { type: 'boolean', default: false },
  },
});

if (!hasChromium()) {
  console.error('Chromium is needed for the benchmarks: apt-get install -y chromium');
  process.exit(1);
}

const counts: ScaleCounts = { ...DEFAULT_COUNTS };
for (const key of Object.keys(counts) as Array<keyof ScaleCounts>) {
  const given = values[key];
  if (given === undefined) continue;
  const n = Number(given);
  if (!Number.isInteger(n) || n < 0) {
    console.error(`--${key} needs a whole number ≥ 0, got "${given}"`);
    process.exit(2);
  }
  counts[key] = n;
}

report.machine = { node: process.version, loadAverageAtStart: loadavg().map((l) => Math.round(l * 100) / 100) };
const measured = process.env['BENCH_DIST'];
const ONLY = process.env['BENCH_ONLY'];
let dist = measured ?? '';
let scale: ScaleBench | undefined;

if (!measured) {
  console.log(
    `Building the national-scale site (${N(counts.products)} products, ${N(counts.beneficiaries)} beneficiaries, ${N(counts.news)} news, ${N(counts.rounds)} rounds, ${N(counts.conferences)} conferences) …`,
  );
  scale = await benchScale({
    repo: REPO,
    counts,
    keep: values.keep,
    cold: values.cold,
    log: (line) => console.log(line),
  });
  report.scale = scale;
  dist = scale.dist;
  const full = counts.products >= DEFAULT_COUNTS.products;
  rows.push(
    ...scale.phases.map(
      (p): Row => [
        `phase: ${p.name} (peak ${GB(p.peakRss)}${p.steps.map((st) => `; ${st.name} ${st.seconds} s`).join('')})`,
        `${p.seconds.toFixed(1)} s`,
        '–',
        true,
      ],
    ),
    [
      'whole build (npm run build): content check ‖ Astro, then Pagefind ‖ headers ‖ photo check',
      `${scale.buildSeconds.toFixed(1)} s`,
      '≤ 240 s',
      !full || scale.buildSeconds <= 240,
    ],
    ['peak memory (RSS of the build process tree)', GB(scale.peakRss), '≤ 4.00 GB', scale.peakRss <= 4 * 2 ** 30],
    // Netlify refuses a folder of more than 54,000 files; Cloudflare Pages reads 20,000 (deploy/README.md).
    [
      `output: ${N(scale.pages)} HTML pages, ${(scale.outputBytes / 2 ** 20).toFixed(0)} MB`,
      `${N(scale.files)} files`,
      '≤ 50,000 files',
      !full || scale.files <= 50_000,
    ],
    [
      `largest folder: ${scale.largestFolder.path}`,
      `${N(scale.largestFolder.entries)} entries`,
      '≤ 20,000',
      !full || scale.largestFolder.entries <= 20_000,
    ],
    [
      `search fragments: ${N(scale.fragments.files)} files, ${scale.fragments.pagesPerFile} pages a file (--max-fragments); one page alone ${KB(scale.fragments.bytesPerPage)}`,
      `${KB(scale.fragments.bytesPerResult)} a result`,
      '–',
      true,
    ],
    [
      'search index (dist/pagefind)',
      `${N(scale.searchIndex.files)} files, ${(scale.searchIndex.bytes / 2 ** 20).toFixed(1)} MB`,
      '–',
      true,
    ],
    [
      `all CSS in the output, gzipped together (file by file: ${KB(scale.allCssFiles)})`,
      KB(scale.allCss),
      `≤ ${KB(12 * 1024)}`,
      scale.allCss <= 12 * 1024,
    ],
    [
      'largest CSS a page loads',
      KB(Math.max(...Object.values(scale.templates).map((w) => w.css))),
      `≤ ${KB(12 * 1024)}`,
      Object.values(scale.templates).every((w) => w.css <= 12 * 1024),
    ],
    [
      `photos processed and cached (node_modules/.cache/bench/astro)`,
      `${N(scale.photoCache.before)} cached before → ${N(scale.photoCache.after)} after`,
      'cached',
      scale.photoCache.after >= scale.photoCache.before,
    ],
    ...Object.entries(scale.templates).flatMap(([name, w]): Row[] => {
      const content = name === 'product' || name === 'news article';
      const loader = name !== 'map' && name !== 'search' && !/directory|round/.test(name);
      return [
        [
          `${name} ${w.path.length > 40 ? `${w.path.slice(0, 40)}…` : w.path}: HTML gzipped`,
          KB(w.html),
          content ? `≤ ${KB(14 * 1024)}` : '–',
          !content || w.html <= 14 * 1024,
        ],
        [
          `${name}: CSS ${KB(w.css)}; JS before interaction`,
          KB(w.js),
          loader ? '0 (search loads on use)' : '–',
          !loader || w.js === 0,
        ],
      ];
    }),
  );
}

if (!ONLY || ONLY === 'search') {
  if (!values['no-search']) {
    const sample = scale?.manifest.sample;
    const word = (w: string) => `q=${encodeURIComponent(foldMarks(w)).replace(/%20/g, '+')}`;
    const heaviest = heaviestWord(dist);
    const heaviestQuery = {
      [`the word with the largest index chunk "${heaviest.word}" (${heaviest.pages} page entries, chunk ${KB(heaviest.chunkBytes)})`]: `q=${encodeURIComponent(heaviest.word)}`,
    };
    const search = await benchSearch(
      dist,
      scale
        ? {
            idle: ['/', `/tin-tuc/${sample!.news}/`, `/san-pham/${sample!.product}/`],
            queries: {
              // The generator's most frequent word, and the words every page template repeats (typed without marks).
              [`most common word in the generated text "${scale.manifest.commonWord}"`]: word(
                scale.manifest.commonWord,
              ),
              'common word "cong" (công, cộng, cổng…)': 'q=cong',
              'common word "san" (sản, sán…)': 'q=san',
              'common phrase "khuyen cong"': 'q=khuyen+cong',
              [`rare word "${scale.manifest.rareWord}"`]: word(scale.manifest.rareWord),
              'filter only': `loai=${encodeURIComponent('Sản phẩm')}`,
              ...heaviestQuery,
            },
          }
        : {
            idle: ['/', '/tin-tuc/hoi-nghi-khuyen-cong-phia-bac-lan-thu-xvi-tai-thanh-hoa/', '/san-pham/che-tay-son/'],
            queries: {
              'common word': 'q=khuyen+cong',
              'rare word': 'q=chu+dau',
              'filter only': 'loai=T%E1%BB%89nh+th%C3%A0nh',
              ...heaviestQuery,
            },
          },
    );
    report.search = search;
    const budgets = { idleJs: 3 * 1024, firstSearch: 300 * 1024 };
    rows.push(
      ...Object.entries(search.idleJsBytes).map(
        ([path, bytes]): Row => [`idle JS ${path}`, KB(bytes), `≤ ${KB(budgets.idleJs)}`, bytes <= budgets.idleJs],
      ),
      ...Object.entries(search.firstSearch).map(
        ([name, r]): Row => [
          `first search: ${name} → ${r.results}, ${r.requests} requests`,
          KB(r.bytes),
          `≤ ${KB(budgets.firstSearch)}`,
          r.bytes <= budgets.firstSearch,
        ],
      ),
    );
  }
}

if ((!ONLY || ONLY === 'map') && !values['no-map']) {
  const map = await benchMap(dist);
  report.map = map;
  const time: Record<string, number> = { '10000': 800, '50000': 2000 };
  rows.push(
    [`map JS /ban-do/ (Leaflet and the map's code)`, KB(map.jsBytes), `≤ ${KB(60 * 1024)}`, map.jsBytes <= 60 * 1024],
    [`map base layer /map/viet-nam.json`, KB(map.baseLayerBytes), '–', true],
    ...Object.entries(map.sets).flatMap(([count, set]): Row[] => [
      [
        `map ${N(Number(count))} points: navigation → clusters drawn, CPU ${map.cpuThrottling}× (median of ${set.runs.join(', ')} ms)`,
        S(set.median),
        `≤ ${S(time[count] ?? Infinity)}`,
        set.median <= (time[count] ?? Infinity),
      ],
      [
        `map ${N(Number(count))} points: data diem.json (names ten.json ${KB(set.namesBytes)}, fetched beside it)`,
        KB(set.pointsBytes),
        count === '10000' ? `≤ ${KB(120 * 1024)}` : '–',
        count !== '10000' || set.pointsBytes <= 120 * 1024,
      ],
      [
        `map ${N(Number(count))} points: households finer than commune, coordinates off grid`,
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
const out = fileURLToPath(new URL('../../bench-report.json', import.meta.url));
await writeFile(out, `${JSON.stringify(report, null, 2)}\n`);
console.log(`Report: ${out}`);
if (scale && !values.keep) await removeScaleCopy(scale);
else if (scale) console.log(`Kept the built copy: ${scale.dist}`);
const failed = rows.filter((r) => !r[3]).length;
if (failed > 0) {
  console.error(`${failed} budget(s) missed`);
  process.exit(1);
}
