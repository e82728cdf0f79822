import jsQR from 'jsqr';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { qrSvg } from '../../src/lib/qr';

/** What a camera would read: the SVG rendered to pixels at 400 px, then decoded. */
async function decode(svg: string): Promise<string | undefined> {
  const { data, info } = await sharp(Buffer.from(svg), { density: 300 })
    .resize(400, 400)
    .ensureAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  return jsQR(new Uint8ClampedArray(data), info.width, info.height)?.data;
}

describe('qrSvg', () => {
  it('draws a code that decodes to the page address, Vietnamese-free or not', async () => {
    for (const url of [
      'https://cnnt-tieubieu.vn/san-pham/che-tay-son/chung-nhan/',
      'https://cnnt-tieubieu.vn/san-pham/gom-chu-dau-binh-phuong-hoang-s1/chung-nhan/',
    ]) {
      const svg = await qrSvg(url);
      expect(svg).toMatch(/^<svg[^>]*viewBox=/);
      expect(await decode(svg)).toBe(url);
    }
  });

  it('gives no fixed size, so print CSS sets it', async () => {
    expect(await qrSvg('https://example.org/')).not.toMatch(/<svg[^>]* width=/);
  });
});
