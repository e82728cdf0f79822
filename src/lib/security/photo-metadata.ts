/**
 * No photo leaves the build with its metadata: EXIF (camera, date, often GPS, the place a household business was
 * photographed), XMP or IPTC. Astro's sharp pipeline drops it from the images it processes, but an original it copies
 * as-is, or a file under public/, keeps whatever the camera wrote; scripts/check-photo-metadata.ts fails on those.
 */
import sharp from 'sharp';

/** Raster formats sharp reads and that can carry metadata. */
export const PHOTO_EXTENSIONS = ['.jpg', '.jpeg', '.png', '.webp', '.avif', '.gif', '.tif', '.tiff', '.heic', '.heif'];

/** True when an EXIF block (as sharp returns it, "Exif\0\0" then TIFF) has a GPS section (tag 0x8825 in IFD0). */
export function exifHasGps(exif: Buffer): boolean {
  const tiff = exif.subarray(0, 6).toString('latin1') === 'Exif\0\0' ? exif.subarray(6) : exif;
  if (tiff.length < 8) return false;
  const order = tiff.subarray(0, 2).toString('latin1');
  if (order !== 'II' && order !== 'MM') return false;
  const little = order === 'II';
  const u16 = (at: number) => (little ? tiff.readUInt16LE(at) : tiff.readUInt16BE(at));
  const u32 = (at: number) => (little ? tiff.readUInt32LE(at) : tiff.readUInt32BE(at));
  const ifd = u32(4);
  if (ifd + 2 > tiff.length) return false;
  const count = u16(ifd);
  for (let n = 0; n < count; n++) {
    const entry = ifd + 2 + n * 12;
    if (entry + 2 > tiff.length) break;
    if (u16(entry) === 0x8825) return true;
  }
  return false;
}

/** What metadata a photo still carries ([] when none), in words an editor understands. */
export async function photoMetadata(input: string | Buffer): Promise<string[]> {
  const meta = await sharp(input).metadata();
  const kept: string[] = [];
  if (meta.exif && meta.exif.length > 0) kept.push(exifHasGps(meta.exif) ? 'EXIF có toạ độ GPS' : 'EXIF');
  if (meta.xmp && meta.xmp.length > 0) kept.push('XMP');
  if (meta.iptc && meta.iptc.length > 0) kept.push('IPTC');
  return kept;
}
