/**
 * The site's URLs (src/lib/urls.ts): each builder gives the fixed address of its kind of page or file, that address
 * is served by a route of src/pages, and the modules browser code bundles never reach the UI dictionary.
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as urls from '../../src/lib/urls';

const root = resolve(import.meta.dirname, '../..');
const src = join(root, 'src');

/** Every builder with a sample argument, and the address it must give (the URLs are fixed: links to them exist). */
const samples: Array<[name: keyof typeof urls, got: string, want: string]> = [
  ['productPath', urls.productPath('nuoc-mam-a'), '/san-pham/nuoc-mam-a/'],
  ['recognitionPath', urls.recognitionPath('nuoc-mam-a'), '/san-pham/nuoc-mam-a/chung-nhan/'],
  ['beneficiaryPath', urls.beneficiaryPath('htx-b'), '/co-so/htx-b/'],
  ['provincePath', urls.provincePath('hai-duong'), '/tinh-thanh/hai-duong/'],
  ['roundPath', urls.roundPath('quoc-gia-2023'), '/binh-chon/quoc-gia-2023/'],
  ['roundResultsCsvPath', urls.roundResultsCsvPath('quoc-gia-2023'), '/binh-chon/quoc-gia-2023/ket-qua.csv'],
  ['conferencePath', urls.conferencePath('phia-bac-xvi'), '/hoi-nghi/phia-bac-xvi/'],
  ['newsPath', urls.newsPath('tin-a'), '/tin-tuc/tin-a/'],
  ['storyPath', urls.storyPath('chuyen-a'), '/cau-chuyen/chuyen-a/'],
  ['reportPath', urls.reportPath('bao-cao-2024'), '/so-lieu/#bao-cao-2024'],
  ['datasetPath', urls.datasetPath('san-pham', 'csv'), '/du-lieu/san-pham.csv'],
  ['datasetPath', urls.datasetPath('san-pham', 'json'), '/du-lieu/san-pham.json'],
  ['datasetDictionaryPath', urls.datasetDictionaryPath('san-pham'), '/du-lieu/#san-pham'],
  ['productGroupPath', urls.productGroupPath(2), '/san-pham/nhom/2/'],
  ['productProvincePath', urls.productProvincePath('ha-noi'), '/san-pham/tinh/ha-noi/'],
  ['beneficiaryFacetPath', urls.beneficiaryFacetPath('loai', 'hop-tac-xa'), '/co-so/loai/hop-tac-xa/'],
  ['mapPath', urls.mapPath(), '/ban-do/'],
  ['mapPath', urls.mapPath('loai=hop-tac-xa&nam=2020'), '/ban-do/?loai=hop-tac-xa&nam=2020'],
  ['mapFacetPath', urls.mapFacetPath('tinh', 'ha-noi'), '/ban-do/?tinh=ha-noi'],
  ['mapPointPath', urls.mapPointPath('htx-b'), '/ban-do/?chon=htx-b'],
  ['listingPath', urls.listingPath('/tin-tuc/', 1), '/tin-tuc/'],
  ['listingPath', urls.listingPath('/tin-tuc/', 3), '/tin-tuc/trang/3/'],
  ['listingPath', urls.listingPath('/co-so/nam/2020/', 2), '/co-so/nam/2020/trang/2/'],
  ['ogCardName', urls.ogCardName('/tin-tuc/tin-a/'), 'tin-tuc/tin-a'],
  ['ogCardFile', urls.ogCardFile('tin-tuc/tin-a'), '/og/tin-tuc/tin-a.png'],
  ['ogImagePath', urls.ogImagePath('/tin-tuc/tin-a/'), '/og/tin-tuc/tin-a.png'],
  ['ogImagePath', urls.ogImagePath('/so-lieu/'), '/og/so-lieu.png'],
  ['ogImagePath', urls.ogImagePath('/'), '/og/site.png'],
  ['absolute', urls.absolute('/co-so/htx-b/', 'https://example.vn'), 'https://example.vn/co-so/htx-b/'],
];

describe('URL builders', () => {
  it.each(samples)('%s gives %s', (_name, got, want) => {
    expect(got).toBe(want);
  });

  it('every exported builder has a sample above', () => {
    const sampled = new Set(samples.map(([name]) => name));
    const exported = Object.entries(urls).flatMap(([name, value]) => (typeof value === 'function' ? [name] : []));
    expect(exported.filter((name) => !sampled.has(name as keyof typeof urls))).toEqual(['pageParam', 'pageNumber']);
  });

  it('a listing route reads back the page its parameter names', () => {
    expect(urls.pageParam(1)).toBeUndefined();
    expect(urls.pageParam(12)).toBe('trang/12');
    for (const n of [1, 2, 9, 10, 137]) {
      expect(urls.pageNumber(urls.pageParam(n))).toBe(n);
      // The parameter is the part of the URL after the listing's own address.
      expect(`/tin-tuc/${urls.pageParam(n) ?? ''}${n === 1 ? '' : '/'}`).toBe(urls.listingPath('/tin-tuc/', n));
    }
  });
});

/** src/pages as patterns of the addresses each route serves. */
function routes(): Array<{ file: string; pattern: RegExp }> {
  const pages = join(src, 'pages');
  return readdirSync(pages, { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.(astro|ts)$/.test(f))
    .map((file) => {
      const address = `/${file}`
        .replace(/\.ts$/, '')
        .replace(/\.astro$/, '/')
        .replace(/\/index\/$/, '/');
      const pattern = address
        .split(/(\[\.\.\.[^\]]+\]\/|\[[^\]]+\])/)
        .map((part) =>
          part.startsWith('[...')
            ? '(?:.+/)?'
            : part.startsWith('[')
              ? '[^/]+'
              : part.replace(/[.*+?^${}()|\\]/g, '\\$&'),
        )
        .join('');
      return { file, pattern: new RegExp(`^${pattern}$`) };
    });
}

describe('every built address has a route', () => {
  const table = routes();
  it.each(samples.filter(([name]) => !name.startsWith('og') && name !== 'absolute'))(
    '%s → %s is served by src/pages',
    (_name, got) => {
      const path = got.replace(/[?#].*$/, '');
      expect(table.filter((r) => r.pattern.test(path)).map((r) => r.file)).not.toEqual([]);
    },
  );

  it('the share cards are served by the /og/ route', () => {
    const card = table.find((r) => r.file === 'og/[...path].png.ts');
    expect(card).toBeDefined();
    expect(urls.ogImagePath('/tin-tuc/tin-a/')).toMatch(/^\/og\/.+\.png$/);
  });
});

/** Relative imports of a module, resolved to files (with or without ".ts"; "?worker&url" and the like dropped). */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specifiers = [...text.matchAll(/(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]/g)]
    .concat([...text.matchAll(/(?:^|\n)\s*import\s+['"]([^'"]+)['"]/g)])
    .concat([...text.matchAll(/import\(\s*['"]([^'"]+)['"]\s*\)/g)])
    .concat([...text.matchAll(/new URL\(\s*['"](\.[^'"]+)['"]\s*,\s*import\.meta\.url/g)])
    .map((m) => m[1]!);
  return specifiers.map((s) => {
    if (!s.startsWith('.')) return s;
    const path = resolve(dirname(file), s.replace(/\?.*$/, ''));
    return [path, `${path}.ts`].find((p) => existsSync(p) && !p.endsWith('/')) ?? path;
  });
}

/** Every module a file reaches through its imports (bare specifiers kept as they are). */
function reached(entry: string): Set<string> {
  const seen = new Set<string>();
  const queue = [entry];
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    if (file.startsWith('/') && /\.(ts|js|mjs)$/.test(file) && existsSync(file)) queue.push(...importsOf(file));
  }
  return seen;
}

/** The browser code of CONTRIBUTING.md ("Layers"), as biome.jsonc lists it. */
const browserEntries = [
  ...readdirSync(join(src, 'scripts')).map((f) => join(src, 'scripts', f)),
  ...readdirSync(join(src, 'admin'))
    .filter((f) => f.endsWith('.ts'))
    .map((f) => join(src, 'admin', f)),
  ...readdirSync(join(src, 'components'))
    .filter((f) => /(Element|^BeneficiaryMap(Boot|Preview|Show|Data|Worker))\.ts$/.test(f))
    .map((f) => join(src, 'components', f)),
];

describe('browser code stays off the build-time modules', () => {
  it('finds the browser modules it checks', () => {
    const names = browserEntries.map((f) => relative(src, f));
    expect(names).toContain('components/ProductFilterElement.ts');
    expect(names).toContain('components/BeneficiaryMapData.ts');
    expect(names).toContain('scripts/site-search.ts');
  });

  it.each(browserEntries.map((f) => [relative(src, f), f]))(
    '%s reaches no dictionary, data layer or astro:* module',
    (_name, entry) => {
      const bad = [...reached(entry)].filter(
        (m) =>
          m.startsWith(join(src, 'i18n')) ||
          m.startsWith(join(src, 'data')) ||
          m.endsWith('.astro') ||
          m.startsWith('astro') ||
          m.startsWith('node:'),
      );
      expect(bad.map((m) => (m.startsWith('/') ? relative(src, m) : m))).toEqual([]);
    },
  );

  it('the URL builders, the filler and the province label are among what browser code reaches', () => {
    const all = new Set(browserEntries.flatMap((e) => [...reached(e)]));
    for (const module of ['lib/urls.ts', 'lib/fill.ts', 'lib/provinces.ts']) expect(all).toContain(join(src, module));
  });

  it('the URL builders and the filler import nothing at all', () => {
    for (const module of ['lib/urls.ts', 'lib/fill.ts']) expect(importsOf(join(src, module))).toEqual([]);
  });
});
