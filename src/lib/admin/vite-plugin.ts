/**
 * Makes the web editor (Sveltia CMS, bundled from its npm build by Vite for /admin) load nothing from a CDN.
 * Its npm build already imports its locales, Shiki grammars, Leaflet and fonts as local modules and files, but one of
 * its components also declares its three fonts with @font-face rules pointing at cdn.jsdelivr.net; the same fonts are
 * registered from the bundled files (document.fonts), so those rules are removed. The build fails if they are not
 * found, so an upgrade that changes them is noticed (tests/e2e/admin.checks.ts also fails on any outside request).
 */
import type { Plugin } from 'vite';

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
