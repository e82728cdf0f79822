/// <reference types="vitest/config" />
/**
 * Vitest runs inside Astro's Vite config (getViteConfig) so that schema modules importing 'astro:content' and
 * 'astro/zod' resolve as they do in a build. Only tests/unit runs here; browser checks live in scripts/e2e.ts.
 */
import { getViteConfig } from 'astro/config';

export default getViteConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
    // The machines have 2 cores; tests that spawn a command-line tool (tests/unit/import.test.ts) take ~8 s there
    // while other files run, over vitest's 5 s default.
    testTimeout: 20_000,
  },
});
