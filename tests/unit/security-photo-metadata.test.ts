/**
 * No photo in the output keeps its metadata. The fixture is a JPEG that says where it was taken (GPS EXIF, made with
 * sharp): the check must find it in a built site, and Astro's image pipeline must drop it.
 */
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import sharp from 'sharp';
import sharpService from 'astro/assets/services/sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exifHasGps, photoMetadata } from '../../src/lib/security/photo-metadata.ts';

const run = promisify(execFile);
const canvas = () => sharp({ create: { width: 40, height: 30, channels: 3, background: '#b5651d' } });

/** A photo as a phone takes it: camera make and the place, 21°1′42″N 105°51′E (Hà Nội). */
const withGps = () =>
  canvas()
    .jpeg()
    .withExif({
      IFD0: { Make: 'Điện thoại', Model: 'X' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '21/1 1/1 42/1', GPSLongitudeRef: 'E', GPSLongitude: '105/1 51/1 0/1' },
    })
    .toBuffer();

let gps: Buffer;
let dir: string;
beforeAll(async () => {
  gps = await withGps();
  dir = await mkdtemp(join(tmpdir(), 'cnnt-exif-test-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('photoMetadata', () => {
  it('finds GPS in a photo straight from a phone', async () => {
    expect(await photoMetadata(gps)).toEqual(['EXIF có toạ độ GPS']);
    expect(exifHasGps((await sharp(gps).metadata()).exif!)).toBe(true);
  });

  it('finds EXIF without GPS, and XMP', async () => {
    expect(
      await photoMetadata(
        await canvas()
          .jpeg()
          .withExif({ IFD0: { Make: 'Máy ảnh' } })
          .toBuffer(),
      ),
    ).toEqual(['EXIF']);
    const xmp =
      '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"/></x:xmpmeta>';
    expect(await photoMetadata(await canvas().png().withXmp(xmp).toBuffer())).toEqual(['XMP']);
  });

  it('finds nothing in a clean photo', async () => {
    expect(await photoMetadata(await canvas().webp().toBuffer())).toEqual([]);
  });
});

describe("Astro's image pipeline (sharp service)", () => {
  it('drops EXIF and GPS from every format it writes', async () => {
    for (const format of ['webp', 'jpeg', 'png', 'avif'] as const) {
      const config = { service: { entrypoint: 'astro/assets/services/sharp', config: {} } };
      const { data } = await sharpService.transform!(
        new Uint8Array(gps),
        { src: 'anh.jpg', format, width: 20 },
        config as never,
        console as never,
      );
      expect(await photoMetadata(Buffer.from(data)), format).toEqual([]);
    }
  });
});

describe('scripts/check-photo-metadata.ts', () => {
  const check = (site: string) =>
    run(process.execPath, ['scripts/check-photo-metadata.ts', site]).then(
      ({ stdout }) => ({ code: 0, output: stdout }),
      (error: { code: number; stdout: string; stderr: string }) => ({
        code: error.code,
        output: error.stdout + error.stderr,
      }),
    );

  it('fails a build whose output has a photo with GPS, naming it', async () => {
    const site = join(dir, 'dist-gps');
    await mkdir(join(site, 'anh'), { recursive: true });
    await writeFile(join(site, 'anh/hop-tac-xa.jpg'), gps);
    await writeFile(join(site, 'logo.png'), await canvas().png().toBuffer());
    const { code, output } = await check(site);
    expect(code).toBe(1);
    expect(output).toContain('/anh/hop-tac-xa.jpg');
    expect(output).toContain('GPS');
    expect(output).not.toContain('logo.png');
  });

  it('passes a build whose photos are clean', async () => {
    const site = join(dir, 'dist-clean');
    await mkdir(site, { recursive: true });
    await writeFile(join(site, 'anh.jpg'), await sharp(gps).jpeg().toBuffer());
    const { code, output } = await check(site);
    expect(output).toContain('1 ảnh');
    expect(code).toBe(0);
  });
});
