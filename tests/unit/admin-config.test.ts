/**
 * The web editor's configuration (/admin/config.yml) and the zod schemas never drift: every schema field is in the
 * config and nothing else is (the Markdown body aside), with the same required flag, checked by a walker independent
 * of the generator; an entry filled the way the editor's form allows parses, a minimal one too, and one missing any
 * required field does not. Plus labels, hints, photo limits and the editor's own security headers.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { z } from 'astro/zod';
import { parse } from 'yaml';
import { MAX_PHOTO_BYTES } from '../../scripts/lib/check/photos.ts';
import { cmsConfig, PHOTO_TYPES } from '../../src/lib/admin/cms-config.ts';
import { editorInputs, editorSchemas, githubBackend } from '../../src/lib/admin/inputs.ts';
import { NOT_EDITABLE } from '../../src/lib/admin/labels.ts';
import { COLLECTIONS, type CollectionName } from '../../src/lib/check/collections.ts';
import { ADMIN_PREFIX, adminHeaders, securityHeaders } from '../../src/lib/security/csp.ts';
import { headersFile, headersFor, nginxHeaders, parseHeadersFile } from '../../src/lib/security/host-config.ts';

interface F {
  name: string;
  label: string;
  widget?: string;
  required?: boolean;
  hint?: string;
  fields?: F[];
  field?: F;
  options?: Array<{ value: unknown }>;
  multiple?: boolean;
  min?: number;
  max?: number;
  minlength?: number;
  maxlength?: number;
  pattern?: [string, string];
  type?: string;
  value_type?: string;
  accept?: string;
}

const provinces = (
  parse(readFileSync('content/provinces.yaml', 'utf8')) as Array<{ id: string; name: string; validUntil?: string }>
).map(({ id, name, validUntil }) => ({ id, name, validUntil }));
const config = cmsConfig(editorInputs(provinces, githubBackend({ CMS_GITHUB_REPO: 'so-cong-thuong/cnnt' })));
const collections = config.collections as unknown as Array<{
  name: CollectionName;
  folder: string;
  fields: F[];
  extension: string;
}>;

// --- An independent reading of the schemas: field paths ("a.*.b" for list items) and whether each is required. ---

type Def = {
  type: string;
  innerType?: z.ZodType;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  in?: z.ZodType;
};
const def = (s: z.ZodType) => (s as unknown as { _zod: { def: Def } })._zod.def;

function schemaPaths(shape: Record<string, z.ZodType>, prefix = ''): Map<string, boolean> {
  const paths = new Map<string, boolean>();
  for (const [name, field] of Object.entries(shape)) {
    let s = field;
    let required = true;
    while (['optional', 'default', 'nullable', 'prefault'].includes(def(s).type)) {
      required = false;
      s = def(s).innerType!;
    }
    const path = `${prefix}${name}`;
    paths.set(path, required);
    if (def(s).type === 'object') for (const [p, r] of schemaPaths(def(s).shape!, `${path}.`)) paths.set(p, r);
    if (def(s).type === 'array') {
      let item = def(s).element!;
      while (['optional', 'default'].includes(def(item).type)) item = def(item).innerType!;
      if (def(item).type === 'object')
        for (const [p, r] of schemaPaths(def(item).shape!, `${path}.*.`)) paths.set(p, r);
    }
  }
  return paths;
}

function configPaths(fields: readonly F[], prefix = ''): Map<string, boolean> {
  const paths = new Map<string, boolean>();
  for (const f of fields) {
    const path = `${prefix}${f.name}`;
    paths.set(path, f.required !== false);
    if (f.widget === 'object') for (const [p, r] of configPaths(f.fields!, `${path}.`)) paths.set(p, r);
    if (f.widget === 'list' && f.fields) for (const [p, r] of configPaths(f.fields, `${path}.*.`)) paths.set(p, r);
  }
  return paths;
}

const shapeOf = (name: CollectionName) => {
  let s = editorSchemas[name]!;
  while (def(s).type !== 'object') s = def(s).in ?? def(s).innerType!;
  return def(s).shape!;
};

// --- Entries the editor's form could produce. ---

function sampleString(f: F): string {
  if (f.type === 'url') return 'https://congthuong.vn/bai-viet';
  if (f.pattern) return ['XVI', 'abc-def', '38'].find((c) => new RegExp(f.pattern![0]).test(c)) ?? 'x';
  const text = 'Nội dung mẫu đủ dài cho mọi giới hạn tối thiểu của trường này, viết bằng tiếng Việt.';
  return text.slice(0, f.maxlength ?? text.length);
}

function sample(f: F, minimal: boolean): unknown {
  switch (f.widget) {
    case 'number':
      return f.min ?? (f.max !== undefined ? Math.min(f.max, 2020) : 2020);
    case 'boolean':
      return false;
    case 'datetime':
      return '2024-05-06';
    case 'select':
      return f.multiple ? f.options!.slice(0, Math.max(1, f.min ?? 1)).map((o) => o.value) : f.options![0]!.value;
    case 'relation':
      return f.multiple ? ['mau'] : 'mau';
    case 'image':
      return 'anh-mau.jpg';
    case 'file':
      return 'bang-ket-qua.xlsx';
    case 'object':
      return sampleEntry(f.fields!, minimal);
    case 'list':
      return Array.from({ length: Math.max(1, f.min ?? 1) }, () =>
        f.fields ? sampleEntry(f.fields, minimal) : sample(f.field!, minimal),
      );
    default:
      return sampleString(f);
  }
}

function sampleEntry(fields: readonly F[], minimal: boolean): Record<string, unknown> {
  const entry: Record<string, unknown> = {};
  for (const f of fields)
    if (f.name !== 'body' && (!minimal || f.required !== false)) entry[f.name] = sample(f, minimal);
  return entry;
}

/** Vietnamese labels that need no mark (none today): any other all-ASCII label is English left in the form. */
const WORDS_WITHOUT_MARKS = new Set<string>([]);

describe('the editor configuration (/admin/config.yml)', () => {
  it('offers every collection but the ones left out on purpose, at the folders the build reads', () => {
    const names = collections.map((c) => c.name).sort();
    const expected = (Object.keys(COLLECTIONS) as CollectionName[]).filter((n) => !(n in NOT_EDITABLE)).sort();
    expect(names).toEqual(expected);
    for (const c of collections) {
      expect(c.folder).toBe(COLLECTIONS[c.name].path);
      expect(c.extension).toBe(COLLECTIONS[c.name].kind === 'prose' ? 'md' : 'yaml');
    }
    expect(Object.keys(NOT_EDITABLE)).toEqual(['provinces']);
  });

  for (const c of collections) {
    describe(c.name, () => {
      it('has exactly the schema fields (plus the Markdown body), with the same required flags', () => {
        const fromSchema = Object.fromEntries(schemaPaths(shapeOf(c.name)));
        const fromConfig = Object.fromEntries(configPaths(c.fields));
        if (COLLECTIONS[c.name].kind === 'prose') {
          expect(fromConfig['body']).toBe(true);
          delete fromConfig['body'];
        }
        if (c.name === 'votingRounds') {
          // The round's results sheet is uploaded (a file field), not typed: the check and the build read the file itself.
          expect(c.fields.find((f) => f.name === 'resultsSheet')).toMatchObject({
            widget: 'file',
            required: false,
            accept: expect.stringContaining('.xlsx'),
          });
        }
        expect(fromConfig).toEqual(fromSchema);
      });

      it('accepts an entry with every field filled and one with only the required fields', () => {
        const schema = editorSchemas[c.name]!;
        for (const minimal of [false, true]) {
          const result = schema.safeParse(sampleEntry(c.fields, minimal));
          expect(
            result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`),
            minimal ? 'minimal' : 'full',
          ).toEqual([]);
        }
      });

      it('rejects the entry when any field the form marks required is missing', () => {
        const schema = editorSchemas[c.name]!;
        for (const f of c.fields.filter((f) => f.required !== false && f.name !== 'body')) {
          const entry = sampleEntry(c.fields, true);
          delete entry[f.name];
          expect(schema.safeParse(entry).success, f.name).toBe(false);
        }
      });

      it('labels every field in Vietnamese and uses the schema doc comments as hints', () => {
        const all = (fields: readonly F[]): F[] => fields.flatMap((f) => [f, ...all(f.fields ?? [])]);
        for (const f of all(c.fields)) {
          expect(f.label, f.name).toBeTruthy();
          expect(f.label, f.name).not.toBe(f.name);
          // Vietnamese, not English: a label has a Vietnamese letter (đ, ư, a tone mark…) unless it is one of the few
          // Vietnamese words written without marks.
          expect(/[^\p{ASCII}]/u.test(f.label!) || WORDS_WITHOUT_MARKS.has(f.label!), `${f.name}: "${f.label}"`).toBe(
            true,
          );
        }
        expect(c.fields.find((f) => f.name === 'sources')?.hint).toBe('Nguồn tin.');
      });
    });
  }

  it('takes hints from doc comments behind consts and imports (photo(ctx), sources, point.extend)', () => {
    const news = collections.find((c) => c.name === 'news')!;
    expect(news.fields.find((f) => f.name === 'title')?.hint).toBe('Tiêu đề bài viết.');
    const cover = news.fields.find((f) => f.name === 'cover')!;
    expect(cover.fields!.find((f) => f.name === 'alt')?.hint).toBe(
      'Mô tả ảnh cho người không nhìn thấy: ai, đang làm gì, ở đâu.',
    );
    const beneficiaries = collections.find((c) => c.name === 'beneficiaries')!;
    const location = beneficiaries.fields.find((f) => f.name === 'location')!;
    expect(location.fields!.find((f) => f.name === 'lat')?.hint).toBe('Vĩ độ, ví dụ 21.0285');
  });

  it('takes photos as JPG, PNG, WebP or AVIF only (never SVG), within the build check’s file-size limit', () => {
    const images = collections.flatMap((c) => {
      const all = (fields: readonly F[]): F[] => fields.flatMap((f) => [f, ...all(f.fields ?? [])]);
      return all(c.fields).filter((f) => f.widget === 'image');
    });
    expect(images.length).toBeGreaterThanOrEqual(4);
    for (const image of images) {
      expect(image.accept).toBe(PHOTO_TYPES.join(','));
      expect(image.accept).not.toMatch(/svg/);
    }
    const media = config.media_libraries as { default: { config: { max_file_size: number } }; stock_assets: boolean };
    expect(media.default.config.max_file_size).toBe(MAX_PHOTO_BYTES);
    expect(media.stock_assets).toBe(false);
  });

  it('commits to the GitHub repository named at build, signing in with a token, through pull requests', () => {
    expect(config.backend).toMatchObject({ name: 'github', repo: 'so-cong-thuong/cnnt', auth_methods: ['token'] });
    expect(config.publish_mode).toBe('editorial_workflow');
  });
});

describe('the editor’s security headers', () => {
  const headers = securityHeaders({ tileSource: 'https://tile.openstreetmap.org' });
  const areas = [{ prefix: ADMIN_PREFIX, headers: adminHeaders() }];
  const csp = (list: Array<[string, string]>) =>
    list.filter(([n]) => n === 'Content-Security-Policy').map(([, v]) => v);

  it('sends the editor policy under /admin/ only, once, and the site policy everywhere else', () => {
    const rules = parseHeadersFile(headersFile(headers, areas));
    expect(csp(headersFor(rules, '/admin/'))).toEqual([adminHeaders()[0]![1]]);
    expect(csp(headersFor(rules, '/admin/config.yml'))).toEqual([adminHeaders()[0]![1]]);
    expect(csp(headersFor(rules, '/tin-tuc/'))).toEqual([headers[0]![1]]);
    // Every site header (and the Cache-Control every path gets), nothing twice.
    expect(
      headersFor(rules, '/admin/')
        .map(([n]) => n)
        .sort(),
    ).toEqual([...headers.map(([n]) => n), 'Cache-Control'].sort());
  });

  it('keeps scripts strict in the editor policy: only styles may be inline', () => {
    const policy = adminHeaders()[0]![1];
    expect(policy).toMatch(/script-src 'self' 'wasm-unsafe-eval';/);
    expect(policy).toMatch(/style-src 'self' 'unsafe-inline';/);
    expect(policy).toMatch(/default-src 'none'/);
    expect(policy).toMatch(/frame-ancestors 'none'/);
  });

  it('writes an nginx location for /admin/ that repeats every header with the editor policy', () => {
    const conf = nginxHeaders(headers, areas);
    const block = conf.slice(conf.indexOf('location ^~ /admin/ {'));
    expect(block.split('\n').filter((l) => l.trim().startsWith('add_header'))).toHaveLength(headers.length + 1); // + Cache-Control
    expect(block).toContain(`add_header Content-Security-Policy "${adminHeaders()[0]![1]}" always;`);
    expect(conf.slice(0, conf.indexOf('location'))).toContain(
      `add_header Content-Security-Policy "${headers[0]![1]}" always;`,
    );
  });
});
