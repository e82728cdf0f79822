/**
 * The web editor is Vietnamese throughout: Sveltia CMS's vi.json with this site's supplement under it
 * (src/admin/vi-supplement.json, merged by src/lib/admin/vite-plugin.ts) has a Vietnamese string for every English
 * one, never hides an upstream translation, and keeps each message's placeholders and MessageFormat structure.
 * After an upgrade of @sveltia/cms these tests name the new strings to translate and the ones upstream now has.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { build, type Rolldown } from 'vite';
import { describe, expect, it } from 'vitest';
import { flattenLocale, type Locale, supplementLocale } from '../../src/lib/admin/locale-supplement.ts';
import { sveltiaVietnamese, VI_SUPPLEMENT } from '../../src/lib/admin/vite-plugin.ts';
import { isNfc } from '../../src/lib/vi-text.ts';

const LOCALES = 'node_modules/@sveltia/cms/locales';
const read = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as Locale;
const english = read(`${LOCALES}/en-US.json`);
const upstream = read(`${LOCALES}/vi.json`);
const supplement = read(VI_SUPPLEMENT);
const merged = supplementLocale(upstream, supplement, english);

const en = flattenLocale(english);
const vi = flattenLocale(upstream);
const ours = flattenLocale(supplement);
const shown = flattenLocale(merged);

// Strings that are the same in Vietnamese: names, units, and "Video", a Vietnamese word too (upstream's choice).
const SAME_AS_ENGLISH = new Set([
  'video',
  'file_type_labels.mid',
  'file_type_labels.midi',
  'file_type_labels.js',
  'file_size_units.kb',
  'file_size_units.mb',
  'file_size_units.gb',
  'file_size_units.tb',
  '_sui.text_editor.url',
]);

const all = (text: string, pattern: RegExp) => (text.match(pattern) ?? []).sort();
/** `{$name}` placeholders (not the `{$count :integer}` declaration, part of the structure below). */
const placeholders = (text: string) => all(text, /\{\$[^\s{}]+\}/g);
const codeSpans = (text: string) => all(text, /`[^`]*`/g);
const tags = (text: string) => all(text, /<[^<>]*>/g);
/**
 * A message's MessageFormat structure, its `.input`/`.match` lines and variant keys, with the variants' text left out.
 * Vietnamese has no plural forms (Intl.PluralRules('vi') only says "other"), so English's `one` never matches there;
 * the singular variant is keyed on the exact number 1 instead, as upstream's vi.json does.
 */
const structure = (text: string) => text.replace(/\{\{(?:[^{}]|\{\$[^{}]*\})*\}\}/g, '{{}}');
const inVietnamese = (text: string) => structure(text).replace(/ one \{\{\}\}/g, ' 1 {{}}');

describe('the editor in Vietnamese', () => {
  it('has a Vietnamese string for every English one', () => {
    const missing = [...en.keys()].filter((key) => !shown.get(key));
    expect(missing, 'keys without a Vietnamese string: add them to src/admin/vi-supplement.json').toEqual([]);
    const english = [...en].filter(([key, text]) => shown.get(key) === text && !SAME_AS_ENGLISH.has(key));
    expect(english, 'strings still in English').toEqual([]);
  });

  it('never hides an upstream translation', () => {
    const shadowing = [...ours.keys()].filter((key) => vi.has(key) && vi.get(key) !== en.get(key));
    expect(shadowing, 'translated upstream since: remove from src/admin/vi-supplement.json').toEqual([]);
    for (const [key, text] of vi) if (text !== en.get(key)) expect(shown.get(key), key).toBe(text);
  });

  it('has no supplement string for a key Sveltia does not have', () => {
    expect([...ours.keys()].filter((key) => !en.has(key))).toEqual([]);
  });

  it.each([...ours])('%s keeps the English placeholders and structure', (key, text) => {
    const source = en.get(key) ?? '';
    expect(placeholders(text)).toEqual(placeholders(source));
    expect(codeSpans(text)).toEqual(codeSpans(source));
    expect(tags(text)).toEqual(tags(source));
    expect(structure(text)).toBe(source.startsWith('.') ? inVietnamese(source) : text);
  });

  it('has every string in NFC', () => {
    expect([...shown].filter(([, text]) => !isNfc(text)).map(([key]) => key)).toEqual([]);
    expect(isNfc(readFileSync(VI_SUPPLEMENT, 'utf8'))).toBe(true);
  });
});

describe('supplementLocale', () => {
  it('fills missing and English-only strings, nested too, and keeps every translation', () => {
    const result = supplementLocale(
      { a: 'A vi', b: 'Fork', c: { d: 'D vi' } },
      { a: 'A ours', b: 'B ours', c: { d: 'D ours', e: 'E ours' }, f: { g: 'G ours' } },
      { a: 'A', b: 'Fork', c: { d: 'D', e: 'E' }, f: { g: 'G' } },
    );
    expect(result).toEqual({ a: 'A vi', b: 'B ours', c: { d: 'D vi', e: 'E ours' }, f: { g: 'G ours' } });
  });
});

describe('the Vite plugin', () => {
  it("merges the supplement into Sveltia's vi.json module in a Vite build", async () => {
    const locale = resolve(`${LOCALES}/vi.json`);
    const output = (await build({
      root: process.cwd(),
      configFile: false,
      logLevel: 'silent',
      plugins: [
        {
          name: 'entry',
          resolveId: (id) => (id === 'entry' ? '\0entry' : undefined),
          load: (id) => (id === '\0entry' ? `import vi from ${JSON.stringify(locale)};\nconsole.log(vi);` : undefined),
        },
        sveltiaVietnamese(),
      ],
      build: { write: false, minify: false, rolldownOptions: { input: 'entry' } },
    })) as Rolldown.RolldownOutput;
    const bundled = output.output.map((chunk) => (chunk.type === 'chunk' ? chunk.code : '')).join('\n');
    for (const text of [ours.get('creating_folder'), ours.get('open_authoring.fork'), vi.get('create')]) {
      expect(bundled).toContain(text);
    }
  });
});
