/**
 * Photo inputs are bounded: a contributed photo must exist beside its entry, be a raster format sharp reads (never
 * SVG, which can carry scripts), and stay under a file-size and pixel limit so the build cannot be exhausted.
 */
import { stat } from 'node:fs/promises';
import { dirname, extname, resolve } from 'node:path';
import sharp from 'sharp';
import { photoMetadata } from '../../../src/lib/security/photo-metadata.ts';

export const MAX_PHOTO_BYTES = 15 * 1024 * 1024;
export const MAX_PHOTO_PIXELS = 40_000_000;
const RASTER = new Set(['.jpg', '.jpeg', '.png', '.webp', '.avif']);

/** Every {src, alt} object in `data`, with its dotted path: the photo fields of every schema. */
export function* photoFields(
  data: unknown,
  path: Array<string | number> = [],
): Generator<{ src: string; path: Array<string | number> }> {
  if (Array.isArray(data)) {
    for (const [i, item] of data.entries()) yield* photoFields(item, [...path, i]);
  } else if (data && typeof data === 'object' && !(data instanceof Date)) {
    const record = data as Record<string, unknown>;
    if (typeof record['src'] === 'string' && 'alt' in record) yield { src: record['src'], path: [...path, 'src'] };
    else for (const [key, value] of Object.entries(record)) yield* photoFields(value, [...path, key]);
  }
}

/** What is wrong with the photo `src` referenced from `entryFile`, or undefined when it is fine. */
export async function photoProblem(entryFile: string, src: string): Promise<string | undefined> {
  const ext = extname(src).toLowerCase();
  if (ext === '.svg') return 'Không nhận ảnh SVG (có thể chứa mã chạy được): dùng JPG, PNG hoặc WebP';
  if (!RASTER.has(ext)) return `Định dạng ảnh "${ext || 'không rõ'}" không được nhận: dùng JPG, PNG hoặc WebP`;
  const file = resolve(dirname(entryFile), src);
  const info = await stat(file).catch(() => undefined);
  if (!info) return `Không thấy tệp ảnh "${src}" cạnh tệp nội dung: kiểm tra tên tệp và thư mục`;
  if (info.size > MAX_PHOTO_BYTES) {
    return `Ảnh nặng ${(info.size / 1048576).toFixed(1)} MB, quá giới hạn ${MAX_PHOTO_BYTES / 1048576} MB: giảm kích thước trước khi gửi`;
  }
  const meta = await sharp(file)
    .metadata()
    .catch(() => undefined);
  if (!meta?.width || !meta.height) return `Không đọc được ảnh "${src}" (tệp hỏng hoặc không phải ảnh): xuất lại ảnh`;
  if (meta.width * meta.height > MAX_PHOTO_PIXELS) {
    return `Ảnh ${meta.width}×${meta.height} điểm ảnh, quá giới hạn ${MAX_PHOTO_PIXELS / 1e6} triệu điểm ảnh: thu nhỏ ảnh`;
  }
  // The build stops on a photo that would leave with its metadata (scripts/check-photo-metadata.ts): said here first.
  const kept = await photoMetadata(file).catch(() => []);
  if (kept.length > 0) {
    return `Ảnh "${src}" còn siêu dữ liệu (${kept.join(', ')}), có thể lộ nơi chụp: xuất lại ảnh không kèm siêu dữ liệu (trên điện thoại: tắt vị trí khi chia sẻ; trên máy tính: exiftool -all= ${src})`;
  }
  return undefined;
}
