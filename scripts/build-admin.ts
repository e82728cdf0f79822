/**
 * Builds the web editor's bundle into its cache unless it is there (src/lib/admin/editor-bundle.ts), and prints the
 * folder as its last line. Started by `astro build` through the admin-editor integration; `node scripts/build-admin.ts`
 * alone does the same.
 */
import { fileURLToPath } from 'node:url';
import { buildEditorBundle } from '../src/lib/admin/editor-bundle.ts';

const started = performance.now();
const { dir, cached } = await buildEditorBundle(fileURLToPath(new URL('..', import.meta.url)));
console.log(
  `Trình biên tập /admin/: ${cached ? '(cached)' : `dựng trong ${((performance.now() - started) / 1000).toFixed(1)} s`}`,
);
console.log(dir);
