/**
 * Figures people see and reuse, on the built site: every open-data file parses, has as many rows as the content has
 * records and the columns its dictionary lists; every page's JSON-LD parses and its share image exists; each chart
 * on /so-lieu/ has its data table, works without JavaScript and prints; province pages draw their locator map.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import type { Page } from 'playwright-core';
import { parse as parseYaml } from 'yaml';
import type { BrowserCheck } from '../../scripts/lib/behaviour.ts';
import { locsOf } from '../../scripts/lib/sitemap.ts';

const CONTENT = new URL('../../content/', import.meta.url).pathname;

/** Content files of a collection as the loaders read them: any depth, names starting with "_" are drafts. */
function files(dir: string, ext: RegExp): string[] {
  return readdirSync(join(CONTENT, dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => ext.test(f) && !f.split('/').at(-1)!.startsWith('_'))
    .map((f) => join(CONTENT, dir, f));
}
const records = (dir: string) =>
  files(dir, /\.(ya?ml|json)$/).map((f) => parseYaml(readFileSync(f, 'utf8')) as Record<string, unknown>);
const listLength = (value: unknown) => (Array.isArray(value) ? value.length : 0);
const keysOf = (value: unknown) => (value && typeof value === 'object' ? Object.keys(value).length : 0);

/** Rows each file must have: one per record in content/. */
function expectedRows(): Record<string, number> {
  const rounds = records('voting-rounds');
  const beneficiaries = records('beneficiaries');
  const reports = records('reports');
  return {
    'san-pham': records('products').length,
    'co-so': beneficiaries.length,
    'ho-tro': beneficiaries.reduce((n, b) => n + listLength(b['support']), 0),
    'binh-chon': rounds.length,
    'ket-qua-binh-chon': rounds.reduce((n, r) => n + listLength(r['results']), 0),
    'hoi-nghi': files('conferences', /\.mdx?$/).length,
    'tinh-thanh': listLength(parseYaml(readFileSync(join(CONTENT, 'provinces.yaml'), 'utf8'))),
    'so-lieu': reports.reduce(
      (n, r) => n + keysOf(r['funding']) + keysOf(r['beneficiariesByKind']) + listLength(r['figures']),
      0,
    ),
  };
}

async function get(url: string): Promise<Response> {
  const response = await fetch(url);
  if (response.status !== 200) throw new Error(`${new URL(url).pathname} answered ${response.status}`);
  return response;
}

/** Every page of the sitemap, on the local server. */
async function sitemapPages(base: string): Promise<string[]> {
  const index = await (await get(`${base}/sitemap-index.xml`)).text();
  const pages: string[] = [];
  for (const sitemap of locsOf(index)) {
    for (const loc of locsOf(await (await get(`${base}${new URL(sitemap).pathname}`)).text()))
      pages.push(`${base}${new URL(loc).pathname}`);
  }
  return pages;
}

const JSON_LD = /<script type="application\/ld\+json"[^>]*>([\s\S]*?)<\/script>/g;
const OG_IMAGE = /<meta property="og:image" content="([^"]+)"/;

/** The types of a JSON-LD block's top nodes, or the reason it is wrong. */
function jsonLdTypes(text: string): string[] {
  const data = JSON.parse(text) as Record<string, unknown>;
  if (data['@context'] !== 'https://schema.org') throw new Error(`@context is ${JSON.stringify(data['@context'])}`);
  const nodes = Array.isArray(data['@graph']) ? (data['@graph'] as Array<Record<string, unknown>>) : [data];
  if (nodes.length === 0) throw new Error('empty @graph');
  return nodes.map((n) => {
    if (typeof n['@type'] !== 'string') throw new Error(`a node has no @type: ${JSON.stringify(n).slice(0, 120)}`);
    return n['@type'];
  });
}

/** Width and height from a PNG's header. */
function pngSize(bytes: Uint8Array): [number, number] {
  const view = new DataView(bytes.buffer, bytes.byteOffset);
  if (view.getUint32(0) !== 0x89504e47) throw new Error('not a PNG');
  return [view.getUint32(16), view.getUint32(20)];
}

/** Per chart: bar rows in the SVG, rows in its table, and what its title, description and caption say. */
const chartsOn = (page: Page) =>
  page.locator('section.chart').evaluateAll((sections) =>
    sections.map((section) => {
      const svg = section.querySelector('svg[role="img"]');
      const [titleId, descId] = (svg?.getAttribute('aria-labelledby') ?? '').split(' ');
      const table = section.querySelector('table.chart-table');
      const rows = [...(table?.querySelectorAll('tbody tr') ?? [])];
      return {
        id: section.id,
        hasSvg: Boolean(svg),
        title: (titleId && document.getElementById(titleId)?.textContent?.trim()) || '',
        desc: (descId && document.getElementById(descId)?.textContent?.trim()) || '',
        caption: table?.querySelector('caption')?.textContent?.trim() ?? '',
        svgRows: [...(svg?.querySelectorAll('g.bar-row') ?? [])].map((g) =>
          [...g.querySelectorAll('text.value')].map((t) => t.textContent!.trim()),
        ),
        tableRows: rows.map((tr) => [...tr.querySelectorAll('td.num')].map((td) => td.textContent!.trim())),
        sources: rows.map((tr) => tr.querySelector('td:last-child')?.textContent?.trim() ?? ''),
      };
    }),
  );

export const checks: BrowserCheck[] = [
  {
    name: 'figures: every download parses, has a row per record in content/ and the columns its dictionary lists',
    async run({ page, base }) {
      await page.goto(`${base}/du-lieu/`);
      const shown = Object.fromEntries(
        await page
          .locator('tr[data-dataset]')
          .evaluateAll((trs) =>
            trs.map((tr) => [tr.getAttribute('data-dataset')!, Number(tr.getAttribute('data-rows'))]),
          ),
      ) as Record<string, number>;
      const expected = expectedRows();
      const problems: string[] = [];
      if (Object.keys(shown).sort().join() !== Object.keys(expected).sort().join())
        problems.push(`/du-lieu/ lists ${Object.keys(shown).join(', ')}`);
      for (const [id, rows] of Object.entries(expected)) {
        const dictionary = await page.locator(`table[data-dictionary="${id}"] tbody th`).allInnerTexts();
        if (dictionary.length === 0) problems.push(`${id}: no data dictionary on /du-lieu/`);
        const csvResponse = await get(`${base}/du-lieu/${id}.csv`);
        const bytes = new Uint8Array(await csvResponse.arrayBuffer());
        if (bytes[0] !== 0xef || bytes[1] !== 0xbb || bytes[2] !== 0xbf)
          problems.push(`${id}.csv does not start with a UTF-8 BOM`);
        const [header, ...body] = parseCsv(new TextDecoder().decode(bytes), { bom: true }) as string[][];
        const json = (await (await get(`${base}/du-lieu/${id}.json`)).json()) as {
          columns: string[];
          rowCount: number;
          rows: Array<Record<string, unknown>>;
          license: string;
        };
        if (JSON.stringify(header) !== JSON.stringify(dictionary))
          problems.push(`${id}.csv header ${JSON.stringify(header)} ≠ dictionary ${JSON.stringify(dictionary)}`);
        if (JSON.stringify(json.columns) !== JSON.stringify(dictionary))
          problems.push(`${id}.json columns ≠ dictionary`);
        if (json.rows.some((r) => JSON.stringify(Object.keys(r)) !== JSON.stringify(dictionary)))
          problems.push(`${id}.json has rows whose keys ≠ dictionary`);
        if (json.license !== 'CC-BY-4.0') problems.push(`${id}.json licence is ${json.license}`);
        for (const [what, n] of [
          [`${id}.csv`, body.length],
          [`${id}.json`, json.rows.length],
          [`${id}.json rowCount`, json.rowCount],
          [`/du-lieu/ (${id})`, shown[id]],
        ] as const) {
          if (n !== rows) problems.push(`${what}: ${n} rows, content has ${rows}`);
        }
        if (header?.[0] === 'id') {
          const ids = body.map((r) => r[0]);
          if (new Set(ids).size !== ids.length) problems.push(`${id}.csv repeats an id`);
        }
      }
      if (problems.length > 0) throw new Error(problems.join('\n'));
    },
  },
  {
    name: 'figures: every page’s JSON-LD parses as schema.org, and its share image is there',
    async run({ base }) {
      const problems: string[] = [];
      const images = new Map<string, string>();
      let blocks = 0;
      for (const url of await sitemapPages(base)) {
        const path = new URL(url).pathname;
        const html = await (await get(url)).text();
        for (const [, text] of html.matchAll(JSON_LD)) {
          blocks++;
          try {
            jsonLdTypes(text!);
          } catch (error) {
            problems.push(`${path}: JSON-LD ${error instanceof Error ? error.message : String(error)}`);
          }
        }
        const image = OG_IMAGE.exec(html)?.[1];
        if (!image) problems.push(`${path}: no og:image`);
        else if (!images.has(image)) images.set(image, path);
      }
      if (blocks === 0) problems.push('no page has JSON-LD');
      for (const [image, path] of images) {
        const local = `${base}${new URL(image).pathname}`;
        const response = await fetch(local);
        if (response.status !== 200) {
          problems.push(`${path}: og:image ${new URL(image).pathname} answered ${response.status}`);
          continue;
        }
        if (new URL(image).pathname.startsWith('/og/')) {
          const [w, h] = pngSize(new Uint8Array(await response.arrayBuffer()));
          if (w !== 1200 || h !== 630) problems.push(`${new URL(image).pathname} is ${w}×${h}, not 1200×630`);
        }
      }
      if (problems.length > 0) throw new Error(problems.join('\n'));
    },
  },
  {
    name: 'figures: each chart on /so-lieu/ is an SVG with a title and description, beside a table of the same numbers and their sources',
    async run({ page, base }) {
      await page.goto(`${base}/so-lieu/`);
      const charts = await chartsOn(page);
      if (charts.length < 3) throw new Error(`only ${charts.length} charts on /so-lieu/`);
      const problems: string[] = [];
      for (const c of charts) {
        if (!c.hasSvg || !c.title || !c.desc)
          problems.push(`${c.id}: the SVG lacks role="img", a title or a description`);
        if (!c.caption) problems.push(`${c.id}: its table has no caption`);
        if (c.svgRows.length === 0 || c.svgRows.length !== c.tableRows.length)
          problems.push(`${c.id}: ${c.svgRows.length} bar rows, ${c.tableRows.length} table rows`);
        c.tableRows.forEach((cells, i) => {
          cells.forEach((cell, s) => {
            const bar = c.svgRows[i]?.[s] ?? '';
            if (!bar.startsWith(cell)) problems.push(`${c.id} row ${i + 1}: chart says "${bar}", table "${cell}"`);
          });
          if (!c.sources[i]) problems.push(`${c.id} row ${i + 1}: no source`);
        });
      }
      if (problems.length > 0) throw new Error(problems.join('\n'));
    },
  },
  {
    name: 'figures: /so-lieu/ shows every chart without JavaScript, and prints charts with their tables',
    async run({ page, base }) {
      await page.goto(`${base}/so-lieu/`);
      const withScript = (await chartsOn(page)).length;
      if ((await page.locator('main script').count()) > 0) throw new Error('/so-lieu/ has a script in <main>');
      const context = await page.context().browser()!.newContext({ javaScriptEnabled: false });
      try {
        const plain = await context.newPage();
        await plain.goto(`${base}/so-lieu/`);
        const without = await chartsOn(plain);
        if (without.length !== withScript || without.some((c) => !c.hasSvg || c.tableRows.length === 0))
          throw new Error('charts differ without JavaScript');
        await plain.emulateMedia({ media: 'print' });
        const printed = await plain
          .locator('section.chart')
          .evaluateAll((sections) =>
            sections.map((s) => [
              s.querySelector('svg')!.getBoundingClientRect().width,
              s.querySelector('table')!.getBoundingClientRect().height,
            ]),
          );
        if (printed.some(([w, h]) => !w || !h))
          throw new Error(`a chart or its table is hidden in print: ${JSON.stringify(printed)}`);
        if (await plain.locator('header.site-header').isVisible()) throw new Error('the site header prints');
      } finally {
        await context.close();
      }
    },
  },
  {
    name: 'figures: province pages draw the locator map with Hoàng Sa and Trường Sa, and list the predecessors’ records',
    async run({ page, base }) {
      await page.goto(`${base}/tinh-thanh/hai-phong/`);
      const map = page.locator('figure.locator svg[role="img"]');
      const title = await map.locator('title').textContent();
      if (!title?.includes('Hải Phòng')) throw new Error(`the map's title is "${title}"`);
      const labels = await map.locator('text').allTextContents();
      for (const name of ['Hoàng Sa', 'Trường Sa'])
        if (!labels.some((l) => l.includes(name))) throw new Error(`the map does not name ${name}`);
      if ((await map.locator('circle.other').count()) !== 1)
        throw new Error('Hải Dương is not ringed on the Hải Phòng map');
      const noted = await page
        .locator('main li', { hasText: 'hồ sơ ghi Hải Dương' })
        .locator('a[href^="/san-pham/"]')
        .count();
      if (noted === 0) throw new Error('no product filed under Hải Dương is listed with its note');
      await page.goto(`${base}/tinh-thanh/hai-duong/`);
      if (!(await page.locator('main').innerText()).includes('thành phố Hải Phòng'))
        throw new Error('Hải Dương does not say it is part of Hải Phòng');
    },
  },
];
