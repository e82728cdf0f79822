/**
 * The national-scale benchmark (issue 7): a throw-away copy of the site whose content/ is replaced by a synthetic
 * dataset (scripts/bench/scale-data.ts), built phase by phase exactly as `npm run build` does, with the time and the
 * peak memory of each phase (the whole process tree, Pagefind's binary included), then the output measured: pages,
 * files, bytes, the search index, and per page template the gzipped HTML, CSS and JavaScript a first visit loads.
 *
 * Caches survive between runs in node_modules/.cache/bench/ (Astro's processed photos and the share cards), as they
 * do for `npm run build` in node_modules/.astro and node_modules/.cache/og: a second run shows the cached cost.
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdir, readdir, readFile, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { makeSandbox, removeSandbox } from '../lib/sandbox.ts';
import { generate, type ScaleCounts, type ScaleManifest } from './scale-data.ts';
import { processTreeRss } from './rss.ts';

const gz = (body: Buffer | string) => gzipSync(body, { level: 6 }).length;

export interface Phase {
  name: string;
  seconds: number;
  /** Peak resident memory of the phase's whole process tree, bytes. */
  peakRss: number;
  /** Steps the phase ran side by side, with their own durations. */
  steps: Array<{ name: string; seconds: number }>;
}

export interface TemplateWeight {
  path: string;
  html: number;
  css: number;
  js: number;
  /** Script files the page loads before any interaction. */
  scripts: string[];
}

export interface ScaleBench {
  counts: ScaleCounts;
  manifest: ScaleManifest;
  phases: Phase[];
  buildSeconds: number;
  peakRss: number;
  pages: number;
  files: number;
  outputBytes: number;
  searchIndex: { files: number; bytes: number };
  /** The folder with the most entries (files and folders): Cloudflare Pages and others limit a folder. */
  largestFolder: { path: string; entries: number };
  /**
   * Pagefind's fragment files (one per page, or bundled by --max-fragments, scripts/build-search.ts): how many, pages
   * per file, and the bytes a shown result costs (its whole file, already gzip) against one page's fragment alone.
   */
  fragments: { files: number; pagesPerFile: number; bytesPerResult: number; bytesPerPage: number };
  /** Every stylesheet in the output gzipped as one stream: the site's whole CSS, compressed. */
  allCss: number;
  /** The same files gzipped one by one and summed: what a reader downloads visiting every template. */
  allCssFiles: number;
  templates: Record<string, TemplateWeight>;
  /** Photos Astro processed (new files in its cache) during this build, and what the cache held before. */
  photoCache: { before: number; after: number };
  /** Whether the caches were emptied first (--cold). */
  cold: boolean;
  dist: string;
}

/** Runs one command in `cwd`, timing it and sampling its process tree's memory. */
async function phase(name: string, cwd: string, args: string[], log: (line: string) => void): Promise<Phase> {
  const started = performance.now();
  const child = spawn(process.execPath, args, { cwd, env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1' } });
  let peakRss = 0;
  const timer = setInterval(() => {
    peakRss = Math.max(peakRss, processTreeRss(child.pid!));
  }, 250);
  let output = '';
  child.stdout.on('data', (c: Buffer) => (output += c));
  child.stderr.on('data', (c: Buffer) => (output += c));
  const code = await new Promise<number>((done) => child.on('close', (c) => done(c ?? 1)));
  clearInterval(timer);
  const seconds = (performance.now() - started) / 1000;
  // The phase's whole output, kept in the copy (with --keep) to see where its time went.
  await writeFile(join(cwd, `bench-${name.replace(/[^\w]+/g, '-')}.log`), output);
  // Steps run side by side by scripts/postbuild.ts print "[script, N s]": their own times, shown under the phase.
  const steps = [...output.matchAll(/^\[scripts\/([\w-]+)\.ts, ([\d.]+) s\]$/gm)].map((m) => ({
    name: m[1]!,
    seconds: Number(m[2]),
  }));
  log(
    `  ${name}: ${seconds.toFixed(1)} s, peak ${(peakRss / 2 ** 30).toFixed(2)} GB${steps.map((st) => `; ${st.name} ${st.seconds} s`).join('')}`,
  );
  if (code !== 0) throw new Error(`${name} failed (exit ${code}):\n${output.slice(-6_000)}`);
  return { name, seconds, peakRss, steps };
}

async function* walk(dir: string): AsyncGenerator<{ path: string; size: number }> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(path);
    else if (entry.isFile()) yield { path, size: (await stat(path)).size };
  }
}

async function largestFolder(dir: string, root = dir): Promise<{ path: string; entries: number }> {
  const entries = await readdir(dir, { withFileTypes: true });
  let best = { path: dir.slice(root.length) || '/', entries: entries.length };
  for (const entry of entries) {
    if (!entry.isDirectory()) continue;
    const inner = await largestFolder(join(dir, entry.name), root);
    if (inner.entries > best.entries) best = inner;
  }
  return best;
}

async function countFiles(dir: string): Promise<number> {
  let n = 0;
  try {
    for await (const _ of walk(dir)) n++;
  } catch {
    return 0;
  }
  return n;
}

/** What a first visit to `path` loads: its HTML, its stylesheets, and its scripts with their static imports. */
async function weigh(dist: string, path: string): Promise<TemplateWeight> {
  const html = await readFile(join(dist, path, 'index.html'), 'utf8');
  const attr = (re: RegExp) => [...html.matchAll(re)].map((m) => m[1]!);
  const sheets = attr(/<link[^>]+rel="stylesheet"[^>]*href="([^"]+)"/g).concat(
    attr(/<link[^>]+href="([^"]+\.css)"[^>]*rel="stylesheet"/g),
  );
  let css = 0;
  for (const href of new Set(sheets)) css += gz(await readFile(join(dist, href)));
  const scripts = new Set<string>();
  const queue = attr(/<script[^>]+src="([^"]+)"/g).concat(attr(/<link[^>]+rel="modulepreload"[^>]*href="([^"]+)"/g));
  let js = 0;
  while (queue.length) {
    const src = queue.pop()!;
    if (scripts.has(src)) continue;
    scripts.add(src);
    const body = await readFile(join(dist, src), 'utf8');
    js += gz(body);
    // Static imports only: a dynamic import() runs later, on use (the search engine loads when someone searches).
    for (const m of body.matchAll(/(?:^|[;}\s])(?:import|from)\s*["']([^"']+\.js)["']/g)) {
      queue.push(new URL(m[1]!, `http://x${src}`).pathname);
    }
  }
  return { path, html: gz(html), css, js, scripts: [...scripts] };
}

export interface ScaleOptions {
  repo: string;
  counts: ScaleCounts;
  keep: boolean;
  /** Empty the caches first: a first build on a fresh machine. */
  cold: boolean;
  log: (line: string) => void;
}

export async function benchScale({ repo, counts, keep, cold, log }: ScaleOptions): Promise<ScaleBench> {
  const dir = await makeSandbox(repo);
  log(`Copy of the site: ${dir}`);
  try {
    // Persistent caches for the copy (the sandbox leaves caches out so broken builds never write into the repo's).
    const caches = join(repo, 'node_modules/.cache/bench');
    if (cold) await rm(caches, { recursive: true, force: true });
    for (const [name, target] of [
      ['.astro', 'astro'],
      ['.cache', 'cache'],
    ] as const) {
      await mkdir(join(caches, target), { recursive: true });
      await symlink(join(caches, target), join(dir, 'node_modules', name));
    }
    const photoCache = join(caches, 'astro/assets');
    const before = await countFiles(photoCache);

    // Only provinces.yaml and the reports stay: every other entry is synthetic.
    for (const d of ['products', 'beneficiaries', 'news', 'voting-rounds', 'conferences', 'stories']) {
      await rm(join(dir, 'content', d), { recursive: true, force: true });
    }
    let t = performance.now();
    const manifest = await generate(join(dir, 'content'), counts);
    // Flush the generated files to disk before timing the build: otherwise the kernel writes 35,000 new files back
    // while Astro runs, and the build's time includes the generator's (up to 45 s more on this machine).
    execFileSync('sync');
    log(
      `  generate: ${((performance.now() - t) / 1000).toFixed(1)} s (${Object.entries(counts)
        .map(([k, v]) => `${v} ${k}`)
        .join(', ')})`,
    );

    // `npm run build` is scripts/build.ts: these two phases, one after the other.
    const phases = [
      await phase('content check ‖ astro build', dir, ['scripts/build.ts', '--no-postbuild'], log),
      await phase('after the build: search index ‖ security headers ‖ photo check', dir, ['scripts/postbuild.ts'], log),
    ];
    const dist = join(dir, 'dist');

    t = performance.now();
    let files = 0;
    let pages = 0;
    let outputBytes = 0;
    let allCssFiles = 0;
    const css: Buffer[] = [];
    for await (const f of walk(dist)) {
      files++;
      outputBytes += f.size;
      if (f.path.endsWith('.html')) pages++;
      if (f.path.endsWith('.css')) {
        css.push(await readFile(f.path));
        allCssFiles += gz(css.at(-1)!);
      }
    }
    const allCss = gz(Buffer.concat(css));
    let indexFiles = 0;
    let indexBytes = 0;
    for await (const f of walk(join(dist, 'pagefind'))) {
      indexFiles++;
      indexBytes += f.size;
    }
    let fragmentFiles = 0;
    let fragmentBytes = 0;
    for await (const f of walk(join(dist, 'pagefind', 'fragment'))) {
      fragmentFiles++;
      fragmentBytes += f.size;
    }
    // The pages indexed, as build-search.ts printed them in the phase's log.
    const logName = (await readdir(dir)).find((f) => f.startsWith('bench-after-the-build') && f.endsWith('.log'));
    const postLog = logName ? await readFile(join(dir, logName), 'utf8') : '';
    const indexedPages = Number(/Chỉ mục tìm kiếm: (\d+) trang/.exec(postLog)?.[1] ?? fragmentFiles);
    const pagesPerFile = fragmentFiles > 0 ? indexedPages / fragmentFiles : 0;
    const fragments = {
      files: fragmentFiles,
      pagesPerFile: Math.round(pagesPerFile * 10) / 10,
      bytesPerResult: fragmentFiles > 0 ? Math.round(fragmentBytes / fragmentFiles) : 0,
      bytesPerPage: indexedPages > 0 ? Math.round(fragmentBytes / indexedPages) : 0,
    };
    const folder = await largestFolder(dist);
    const s = manifest.sample;
    const templatePaths: Record<string, string> = {
      home: '/',
      'news article': `/tin-tuc/${s.news}/`,
      'news list': '/tin-tuc/',
      product: `/san-pham/${s.product}/`,
      'product directory': '/san-pham/',
      'products of a group': '/san-pham/nhom/3/',
      'voting round': `/binh-chon/${s.round}/`,
      'rounds list': '/binh-chon/',
      conference: `/hoi-nghi/${s.conference}/`,
      beneficiary: `/co-so/${s.beneficiary}/`,
      'beneficiary directory': '/co-so/',
      story: `/cau-chuyen/${s.story}/`,
      province: '/tinh-thanh/thanh-hoa/',
      statistics: '/so-lieu/',
      map: '/ban-do/',
      search: '/tim-kiem/',
    };
    const templates: Record<string, TemplateWeight> = {};
    for (const [name, path] of Object.entries(templatePaths)) templates[name] = await weigh(dist, path);
    log(`  measure output: ${((performance.now() - t) / 1000).toFixed(1)} s`);

    return {
      counts,
      manifest,
      phases,
      buildSeconds: phases.reduce((sum, p) => sum + p.seconds, 0),
      peakRss: Math.max(...phases.map((p) => p.peakRss)),
      pages,
      files,
      outputBytes,
      searchIndex: { files: indexFiles, bytes: indexBytes },
      largestFolder: folder,
      fragments,
      allCss,
      allCssFiles,
      templates,
      photoCache: { before, after: await countFiles(photoCache) },
      cold,
      dist,
    };
  } catch (error) {
    if (!keep) await removeSandbox(dir);
    throw error;
  }
}

export const removeScaleCopy = (bench: ScaleBench) => removeSandbox(join(bench.dist, '..'));
