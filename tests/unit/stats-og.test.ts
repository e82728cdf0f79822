/**
 * Open Graph cards: which page gets which image, titles that fit, and a real render (Be Vietnam Pro, satori, sharp)
 * that gives a 1200×630 PNG and is taken from the cache the second time.
 */
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cardTree, clip, titleSize } from '../../src/lib/og/card';
import { ogImagePath } from '../../src/lib/urls';

describe('ogImagePath', () => {
  it('maps a page path to its card, and the home page to the site card', () => {
    expect(ogImagePath('/tin-tuc/hoi-nghi-xvi/')).toBe('/og/tin-tuc/hoi-nghi-xvi.png');
    expect(ogImagePath('/so-lieu/')).toBe('/og/so-lieu.png');
    expect(ogImagePath('/')).toBe('/og/site.png');
  });
});

describe('card text', () => {
  it('clips long text at a word, with an ellipsis', () => {
    expect(clip('ngắn', 10)).toBe('ngắn');
    const long = 'Hội nghị khuyến công các tỉnh, thành phố khu vực phía Bắc lần thứ XVI – năm 2022';
    const clipped = clip(long, 40);
    expect(clipped.length).toBeLessThanOrEqual(40);
    expect(clipped.endsWith('…')).toBe(true);
    expect(long.startsWith(clipped.slice(0, -1))).toBe(true);
  });
  it('sets longer titles smaller, and smaller still beside a picture', () => {
    expect(titleSize('Hà Nội', false)).toBeGreaterThan(titleSize('x'.repeat(120), false));
    expect(titleSize('x'.repeat(40), true)).toBeLessThan(titleSize('x'.repeat(40), false));
  });
  it('puts the kicker, title, subtitle and site name in the tree, in the card fonts', () => {
    const tree = JSON.stringify(
      cardTree({ kicker: 'Tin tức · 22/9/2022', title: 'Hội nghị XVI', subtitle: 'Thanh Hóa' }),
    );
    for (const text of [
      'Tin tức · 22/9/2022',
      'Hội nghị XVI',
      'Thanh Hóa',
      'Sản phẩm công nghiệp nông thôn tiêu biểu',
      'CardVietnamese',
    ]) {
      expect(tree).toContain(text);
    }
  });
});

describe('renderCard', () => {
  let cache: string;
  afterAll(async () => {
    if (cache) await rm(cache, { recursive: true, force: true });
  });

  it('draws a 1200×630 PNG with Vietnamese text, and reuses it from the cache', async () => {
    cache = await mkdtemp(join(tmpdir(), 'og-cache-'));
    process.env['OG_CACHE_DIR'] = cache;
    const { renderCard } = await import('../../src/lib/og/render');
    const card = { kicker: 'Bình chọn · Cấp khu vực · 2022', title: 'Đặc sản Hà Tĩnh: sâm nhung mật ong, chè Tây Sơn' };
    const png = await renderCard(card);
    expect([...png.subarray(1, 4)].map((b) => String.fromCharCode(b)).join('')).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 630]);
    expect(await readdir(cache)).toHaveLength(1);
    const again = await renderCard(card);
    expect(again.equals(png)).toBe(true);
    expect(await readdir(cache)).toHaveLength(1);
  });
});
