// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';

// The public address; override with SITE_URL when deploying elsewhere (canonical URLs, RSS and sitemap use it).
const site = process.env.SITE_URL ?? 'https://cnnt-tieubieu.vn';

export default defineConfig({
  site,
  trailingSlash: 'always',
  build: { format: 'directory' },
  integrations: [mdx(), sitemap()],
  // Preview binds to loopback on a fixed port so the README can print one URL.
  server: { host: '127.0.0.1', port: 4321 },
  image: {
    // Photos are resized and compressed by sharp at build; none keeps EXIF/GPS (sharp drops metadata by default).
    responsiveStyles: true,
  },
});
