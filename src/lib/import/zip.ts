/**
 * The zip container of an .xlsx, read with a budget. The central directory (at the end of the file) lists every
 * entry with its compressed and uncompressed size: it is read first, and the file is refused if any entry, or their
 * sum, is over the limits, before a single byte is inflated. An entry is then inflated only on demand, capped at the
 * size the directory declared (zlib stops there), so a zip whose directory lies is refused as well.
 */
import { inflateRawSync } from 'node:zlib';
import { LIMIT_MESSAGES, type SheetLimits } from './limits.ts';

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

export class ZipError extends Error {}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/** The entries of a zip, from its central directory. Throws ZipError (message in Vietnamese) when over the limits. */
export function zipEntries(bytes: Uint8Array, limits: SheetLimits): Map<string, ZipEntry> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end-of-central-directory record is in the last 22 + 65,535 (comment) bytes.
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0)
    throw new ZipError('Tệp Excel hỏng (không thấy mục lục của tệp nén): mở bằng Excel và lưu lại dạng .xlsx');
  const count = view.getUint16(eocd + 10, true);
  const dirSize = view.getUint32(eocd + 12, true);
  const dirOffset = view.getUint32(eocd + 16, true);
  if (count === 0xffff || dirOffset === 0xffffffff)
    throw new ZipError(
      'Tệp Excel dạng ZIP64 (quá lớn cho một bảng kết quả): chép riêng bảng kết quả sang tệp mới rồi lưu lại',
    );
  if (count > limits.entries) throw new ZipError(LIMIT_MESSAGES.entries(count, limits.entries));
  if (dirOffset + dirSize > bytes.length)
    throw new ZipError('Tệp Excel hỏng hoặc bị cắt cụt: mở bằng Excel và lưu lại dạng .xlsx');
  const entries = new Map<string, ZipEntry>();
  const decoder = new TextDecoder('utf-8');
  let total = 0;
  let at = dirOffset;
  for (let n = 0; n < count; n++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== CENTRAL)
      throw new ZipError('Tệp Excel hỏng (mục lục tệp nén sai): mở bằng Excel và lưu lại dạng .xlsx');
    const method = view.getUint16(at + 10, true);
    const compressedSize = view.getUint32(at + 20, true);
    const size = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const localOffset = view.getUint32(at + 42, true);
    const name = decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength));
    if (size === 0xffffffff || compressedSize === 0xffffffff)
      throw new ZipError(LIMIT_MESSAGES.entry(name, size, limits.entryBytes));
    if (size > limits.entryBytes) throw new ZipError(LIMIT_MESSAGES.entry(name, size, limits.entryBytes));
    total += size;
    if (total > limits.totalBytes) throw new ZipError(LIMIT_MESSAGES.total(total, limits.totalBytes));
    entries.set(name, { name, method, compressedSize, size, localOffset });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** An entry's bytes, inflated no further than its declared size. */
export function inflateEntry(bytes: Uint8Array, entry: ZipEntry): Uint8Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = entry.localOffset;
  if (at + 30 > bytes.length || view.getUint32(at, true) !== LOCAL)
    throw new ZipError(`Tệp Excel hỏng (phần "${entry.name}" không đọc được): mở bằng Excel và lưu lại dạng .xlsx`);
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  const data = bytes.subarray(start, start + entry.compressedSize);
  if (entry.method === 0) {
    if (data.length !== entry.size) throw new ZipError(LIMIT_MESSAGES.lying(entry.name));
    return data;
  }
  if (entry.method !== 8)
    throw new ZipError(
      `Tệp Excel nén theo cách không hỗ trợ (phần "${entry.name}"): mở bằng Excel và lưu lại dạng .xlsx`,
    );
  try {
    // One byte over the declared size tells a lying directory from an exact one.
    const out = inflateRawSync(data, { maxOutputLength: entry.size + 1 });
    if (out.length !== entry.size) throw new ZipError(LIMIT_MESSAGES.lying(entry.name));
    return out;
  } catch (error) {
    if (error instanceof ZipError) throw error;
    if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE')
      throw new ZipError(LIMIT_MESSAGES.lying(entry.name));
    throw new ZipError(`Tệp Excel hỏng (phần "${entry.name}" giải nén lỗi): mở bằng Excel và lưu lại dạng .xlsx`);
  }
}
