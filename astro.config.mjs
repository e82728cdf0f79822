// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { satteri } from '@astrojs/markdown-satteri';
import { rawHtmlGuard } from './src/lib/security/raw-html.ts';
import { sveltiaSelfHosted, sveltiaVietnamese } from './src/lib/admin/vite-plugin.ts';
import { adminEditor } from './src/lib/admin/editor-bundle.ts';
import { contentStoreFromFileIntegration } from './src/lib/content-store.ts';

// Raw HTML in the provinces' Markdown is shown as text and stops the build, naming file and line.
const rawHtml = rawHtmlGuard();

// The public address; override with SITE_URL when deploying elsewhere (canonical URLs, RSS and sitemap use it).
const site = process.env.SITE_URL ?? 'https://cnnt-tieubieu.vn';

export default defineConfig({
  site,
  trailingSlash: 'always',
  build: {
    format: 'directory',
    // No inline <style>: every stylesheet is a file under /_astro/, so the Content-Security-Policy needs no hashes
    // (scripts/build-headers.ts). Measured in deploy/README.md: HTML shrinks, a first visit fetches a few more files.
    inlineStylesheets: 'never',
  },
  // The web editor (/admin/, src/pages/admin/) is for staff: not in the sitemap.
  // The web editor's bundle is built apart and cached (src/lib/admin/editor-bundle.ts); the build's pages read the
  // content store from its file, not from an 80 MB string compiled into their code (src/lib/content-store.ts).
  integrations: [
    mdx(),
    sitemap({ filter: (page) => !new URL(page).pathname.startsWith('/admin/') }),
    rawHtml.integration,
    adminEditor(),
    contentStoreFromFileIntegration(),
  ],
  markdown: {
    // Astro's default Markdown processor, plus the raw HTML guard.
    processor: satteri({ mdastPlugins: [rawHtml.plugin] }),
    // No colour styles written inline on code blocks: the Content-Security-Policy would block them.
    syntaxHighlight: false,
  },
  // Preview binds to loopback on a fixed port so the README can print one URL.
  server: { host: '127.0.0.1', port: 4321 },
  vite: {
    // The web editor loads nothing from a CDN and has all its Vietnamese strings (src/lib/admin/vite-plugin.ts): here
    // for `astro dev`, which serves it through this Vite; builds bundle it apart with the same plugins
    // (src/lib/admin/editor-bundle.ts).
    plugins: [sveltiaSelfHosted(), sveltiaVietnamese()],
    // No inline <script>: Astro would inline processed scripts under 4 kB; as files under /_astro/ they are allowed by
    // script-src 'self', and any inline script in the output is refused by scripts/build-headers.ts.
    build: { assetsInlineLimit: (file) => (file.endsWith('.js') ? false : undefined) },
  },
  image: {
    // Photos are resized and compressed by sharp at build; none keeps EXIF/GPS (sharp drops metadata by default;
    // scripts/check-photo-metadata.ts checks every image in the output, originals and public/ files included).
    responsiveStyles: true,
  },
});
