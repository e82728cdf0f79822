/**
 * Astro integration: at build, the pages read the content store from its file instead of from a copy inlined into
 * their bundle.
 *
 * Astro bundles the whole content store (node_modules/.astro/data-store.json: every entry's data, body and rendered
 * HTML) into the build's server code as one string literal: `export default JSON.parse("…")`. At national scale that
 * is 80 MB, and Node took 35–46 s just to compile the module holding it before the first page (measured with
 * `npm run bench` and alone: importing such a module took 46 s, reading and parsing the file 1 s). Node's compile
 * cache hides it only when the content has not changed, never on a fresh machine. The module is replaced by one that
 * reads the same file when the build's pages run; its content, and so every page, is identical.
 *
 * This names Astro's internal module id (astro/dist/content/consts.js, RESOLVED_DATA_STORE_VIRTUAL_ID). If Astro
 * renames it, the plugin does nothing and builds are slower again, not wrong; tests/unit/content-store.test.ts fails.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import type { Plugin } from 'vite';

export const DATA_STORE_MODULE = '\0astro:data-layer-content';

/** The Vite plugin: `file` is the store Astro writes for builds (data-store.json in the cache folder). */
export function contentStoreFromFile(file: string): Plugin {
  return {
    name: 'content-store-from-file',
    enforce: 'pre',
    apply: 'build',
    // A transform, not a load: Astro's own plugin loads the module first. Its code is replaced whole.
    transform(_code, id) {
      if (id !== DATA_STORE_MODULE || !existsSync(file)) return undefined;
      return {
        code: `import { readFileSync } from 'node:fs';\nexport default JSON.parse(readFileSync(${JSON.stringify(file)}, 'utf8'));\n`,
        map: { mappings: '' },
      };
    },
  };
}

export function contentStoreFromFileIntegration(): AstroIntegration {
  return {
    name: 'content-store-from-file',
    hooks: {
      'astro:config:setup': ({ config, updateConfig }) => {
        updateConfig({
          vite: { plugins: [contentStoreFromFile(fileURLToPath(new URL('data-store.json', config.cacheDir)))] },
        });
      },
    },
  };
}
