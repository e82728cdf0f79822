/**
 * Search budgets (issue 5), measured on a built site in Chromium:
 * - idle cost: JavaScript a content page loads before anyone searches (budget ≤ 3 KB gzipped);
 * - first search: everything /tim-kiem/ fetches from /pagefind/ for one search in a fresh browser (engine, WASM,
 *   index chunks, filters, fragments for the first page of results), counted as a gzip-serving host would send it
 *   (budget ≤ 300 KB), for a common word, a rare word and a filter-only browse.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { decode } from 'cbor-x';
import type { Page } from 'playwright-core';
import { launch } from '../lib/browser.ts';
import { serveStatic } from '../lib/server.ts';

/**
 * The word whose first search downloads the most: the one with the most pages in the largest index chunk, read from
 * the built index. Whatever the generator's text, "even for the most common word" is then measured, not guessed.
 */
export function heaviestWord(dist: string): { word: string; pages: number; chunkBytes: number } {
  const dir = join(dist, 'pagefind/index');
  const [largest] = readdirSync(dir)
    .map((file) => ({ file, size: statSync(join(dir, file)).size }))
    .sort((a, b) => b.size - a.size);
  const [words] = decode(gunzipSync(readFileSync(join(dir, largest!.file))).subarray('pagefind_dcd'.length)) as [
    Array<[string, unknown[], Array<[string, unknown[]]>?]>,
  ];
  const pages = (w: (typeof words)[number]) => w[1].length + (w[2] ?? []).reduce((n, v) => n + v[1].length, 0);
  const top = words.reduce((a, b) => (pages(b) > pages(a) ? b : a));
  return { word: top[0], pages: pages(top), chunkBytes: largest!.size };
}

const COMPRESSIBLE = /\.(js|mjs|css|html|json|svg|xml|txt)$|\/$/;

/** Bytes a host that gzips text would send for `url` with `body`; Pagefind's own index files are already gzipped. */
const wireBytes = (url: string, body: Buffer) =>
  COMPRESSIBLE.test(new URL(url).pathname) ? gzipSync(body, { level: 6 }).length : body.length;

async function transferred(page: Page, action: () => Promise<void>, include: (url: string) => boolean) {
  let bytes = 0;
  let requests = 0;
  const files: Record<string, number> = {};
  const pending: Promise<void>[] = [];
  page.on('response', (response) => {
    if (!include(response.url())) return;
    pending.push(
      response.body().then(
        (body) => {
          const size = wireBytes(response.url(), body);
          bytes += size;
          requests++;
          // Grouped by kind of file (engine, WASM, metadata, index chunk, filter, fragment), to see what dominates.
          const kind = new URL(response.url()).pathname
            .replace(/_[0-9a-f]{7,}\./, '_*.')
            .replace(/\/[^/]*_[0-9a-z]+\.(pf_\w+)$/, '/*.$1');
          files[kind] = (files[kind] ?? 0) + size;
        },
        () => undefined,
      ),
    );
  });
  await action();
  await Promise.all(pending);
  return { bytes, requests, files };
}

const settled = (page: Page) =>
  page.waitForFunction(() => {
    const el = document.querySelector('site-search');
    return el && !el.hasAttribute('aria-busy') && el.querySelector('[role="status"]')?.textContent;
  });

export interface SearchBench {
  idleJsBytes: Record<string, number>;
  firstSearch: Record<string, { bytes: number; requests: number; results: string; files: Record<string, number> }>;
}

export async function benchSearch(
  dist: string,
  pages: { idle: string[]; queries: Record<string, string> },
): Promise<SearchBench> {
  const server = await serveStatic(dist);
  const { browser } = await launch();
  try {
    const idleJsBytes: Record<string, number> = {};
    for (const path of pages.idle) {
      const context = await browser.newContext();
      const page = await context.newPage();
      const { bytes } = await transferred(
        page,
        async () => {
          await page.goto(`${server.origin}${path}`, { waitUntil: 'networkidle' });
        },
        (url) => /\.m?js(\?|$)/.test(url),
      );
      // Inline module scripts count too (JSON-LD is data, not code).
      const inline = await page.$$eval('script:not([src]):not([type="application/ld+json"])', (els) =>
        els.map((e) => e.textContent ?? '').join(''),
      );
      idleJsBytes[path] = bytes + (inline ? gzipSync(inline).length : 0);
      await context.close();
    }
    const firstSearch: SearchBench['firstSearch'] = {};
    for (const [name, query] of Object.entries(pages.queries)) {
      const context = await browser.newContext();
      const page = await context.newPage();
      const result = await transferred(
        page,
        async () => {
          await page.goto(`${server.origin}/tim-kiem/?${query}`);
          await settled(page);
        },
        (url) => new URL(url).pathname.startsWith('/pagefind/'),
      );
      const results = (await page.locator('site-search [role="status"]').innerText()).trim();
      firstSearch[`${name} (${decodeURIComponent(query)})`] = { ...result, results };
      await context.close();
    }
    return { idleJsBytes, firstSearch };
  } finally {
    await browser.close();
    await server.close();
  }
}
