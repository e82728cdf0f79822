/**
 * Makes the web editor (Sveltia CMS, bundled from its npm build by Vite for /admin) load nothing from a CDN.
 * Its npm build already imports its locales, Shiki grammars, Leaflet and fonts as local modules and files, but one of
 * its components also declares its three fonts with @font-face rules pointing at cdn.jsdelivr.net; the same fonts are
 * registered from the bundled files (document.fonts), so those rules are removed. The build fails if they are not
 * found, so an upgrade that changes them is noticed (tests/e2e/admin.checks.ts also fails on any outside request).
 * A second plugin completes its Vietnamese locale (sveltiaVietnamese, below).
 */
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Plugin } from 'vite';
import { type Locale, supplementLocale } from './locale-supplement.ts';

const MODULE = /[\\/]@sveltia[\\/]cms[\\/]npm[\\/]index\.js$/;
const CDN_FONT_FACE = /@font-face \{[^{}]*?https:\/\/cdn\.jsdelivr\.net\/fontsource\/[^{}]*?\}/g;
const EXPECTED = 3;

export function sveltiaSelfHosted(): Plugin {
  return {
    name: 'sveltia-self-hosted',
    transform(code, id) {
      if (!MODULE.test(id)) return undefined;
      const found = code.match(CDN_FONT_FACE)?.length ?? 0;
      if (found !== EXPECTED) {
        this.error(
          `@sveltia/cms: expected ${EXPECTED} @font-face rules on cdn.jsdelivr.net, found ${found}: check src/lib/admin/vite-plugin.ts after an upgrade`,
        );
      }
      return { code: code.replace(CDN_FONT_FACE, ''), map: null };
    },
  };
}

const VI_LOCALE = /[\\/]@sveltia[\\/]cms[\\/]locales[\\/]vi\.json$/;
/** This site's Vietnamese strings for the keys Sveltia's vi.json lacks, relative to the Vite root (the project). */
export const VI_SUPPLEMENT = 'src/admin/vi-supplement.json';

const readLocale = async (file: string) => JSON.parse(await readFile(file, 'utf8')) as Locale;

/**
 * Makes the web editor fully Vietnamese: Sveltia's vi.json lacks some of its English strings, which the editor then
 * shows in English; src/admin/vi-supplement.json fills them in, under upstream's own translations
 * (src/lib/admin/locale-supplement.ts).
 */
export function sveltiaVietnamese(): Plugin {
  let root = process.cwd();
  return {
    name: 'sveltia-vietnamese',
    // Before Vite's JSON plugin turns the file into a JS module: this hook gets the JSON text and returns JSON text.
    enforce: 'pre',
    configResolved(config) {
      root = config.root;
    },
    async transform(code, id) {
      if (!VI_LOCALE.test(id)) return undefined;
      const file = join(root, VI_SUPPLEMENT);
      this.addWatchFile(file);
      // en-US.json, next to vi.json, tells an untranslated upstream string (left as the English) from a translation.
      const [supplement, english] = await Promise.all([readLocale(file), readLocale(join(dirname(id), 'en-US.json'))]);
      return { code: JSON.stringify(supplementLocale(JSON.parse(code) as Locale, supplement, english)), map: null };
    },
  };
}
