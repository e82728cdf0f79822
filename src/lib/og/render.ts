/**
 * Renders Open Graph cards to PNG at build time: satori lays the card out with Be Vietnam Pro (self-hosted from
 * @fontsource, latin + latin-ext + vietnamese subsets, so every Vietnamese letter has a glyph) and turns text into
 * paths; sharp rasterises the SVG. Each PNG is cached under node_modules/.cache/og by a hash of the card, so a build
 * only renders cards whose text changed (or OG_CACHE_DIR, or no cache when it is set to "").
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import satori from 'satori';
import sharp from 'sharp';
import latin400 from '@fontsource/be-vietnam-pro/files/be-vietnam-pro-latin-400-normal.woff?inline';
import latin700 from '@fontsource/be-vietnam-pro/files/be-vietnam-pro-latin-700-normal.woff?inline';
import latinExt400 from '@fontsource/be-vietnam-pro/files/be-vietnam-pro-latin-ext-400-normal.woff?inline';
import latinExt700 from '@fontsource/be-vietnam-pro/files/be-vietnam-pro-latin-ext-700-normal.woff?inline';
import vietnamese400 from '@fontsource/be-vietnam-pro/files/be-vietnam-pro-vietnamese-400-normal.woff?inline';
import vietnamese700 from '@fontsource/be-vietnam-pro/files/be-vietnam-pro-vietnamese-700-normal.woff?inline';
import { CARD_SIZE, cardTree, type Card } from './card';

/** Bump when the card's look changes, so cached images are redrawn. */
const TEMPLATE_VERSION = 1;

const CACHE_DIR = process.env['OG_CACHE_DIR'] ?? join(process.cwd(), 'node_modules', '.cache', 'og');

const fromDataUrl = (url: string) => Buffer.from(url.slice(url.indexOf(',') + 1), 'base64');
type Weight = 400 | 700;
const font = (name: string, url: string, weight: Weight) => ({
  name,
  data: fromDataUrl(url),
  weight,
  style: 'normal' as const,
});
let fonts: ReturnType<typeof font>[] | undefined;
const loadFonts = () =>
  (fonts ??= [
    font('CardLatin', latin400, 400),
    font('CardLatin', latin700, 700),
    font('CardLatinExt', latinExt400, 400),
    font('CardLatinExt', latinExt700, 700),
    font('CardVietnamese', vietnamese400, 400),
    font('CardVietnamese', vietnamese700, 700),
  ]);

async function draw(card: Card): Promise<Buffer> {
  const svg = await satori(cardTree(card) as never, { ...CARD_SIZE, fonts: loadFonts() });
  return sharp(Buffer.from(svg)).png({ compressionLevel: 6 }).toBuffer();
}

/** The card as PNG bytes, from the cache when the same card was drawn before. */
export async function renderCard(card: Card): Promise<Buffer> {
  const key = createHash('sha256')
    .update(JSON.stringify([TEMPLATE_VERSION, card]))
    .digest('hex')
    .slice(0, 32);
  const file = CACHE_DIR ? join(CACHE_DIR, `${key}.png`) : undefined;
  if (file) {
    const hit = await readFile(file).catch(() => undefined);
    if (hit) return hit;
  }
  const png = await draw(card);
  if (file) {
    await mkdir(CACHE_DIR, { recursive: true });
    await writeFile(file, png);
  }
  return png;
}
