/**
 * How large a results sheet may be. A round publishes at most a few hundred products (the largest national round:
 * about 250), so these leave a wide margin for real sheets and refuse a hostile or broken one before it costs
 * minutes or gigabytes. Every limit is checked before the work it bounds: the file's size before reading, each zip
 * entry's uncompressed size (as the zip's central directory declares it) before inflating, and inflation itself is
 * capped at that declared size, so a zip that lies about its sizes is refused too.
 */
export interface SheetLimits {
  /** Bytes of the file as uploaded. */
  fileBytes: number;
  /** Uncompressed bytes of any one entry of an .xlsx (a worksheet, the shared strings). */
  entryBytes: number;
  /** Uncompressed bytes of all the entries read, together. */
  totalBytes: number;
  /** Entries in the zip's directory. */
  entries: number;
  /** Rows that hold at least one value. */
  rows: number;
  /** Columns: no cell beyond this one (1-based count; 60 is column BH). */
  columns: number;
  /** Characters in one cell. */
  cellChars: number;
}

export const LIMITS: Readonly<SheetLimits> = {
  fileBytes: 10 * 1024 * 1024,
  entryBytes: 50 * 1024 * 1024,
  totalBytes: 100 * 1024 * 1024,
  entries: 1000,
  rows: 20_000,
  columns: 60,
  cellChars: 2_000,
};

const MB = (n: number) => `${(n / 1024 / 1024).toLocaleString('vi-VN', { maximumFractionDigits: 1 })} MB`;
export const formatMB = MB;

/** Messages, in Vietnamese with the fix. */
export const LIMIT_MESSAGES = {
  file: (size: number, max: number) =>
    `Tệp quá lớn (${MB(size)}, tối đa ${MB(max)}): một bảng kết quả chỉ vài trăm dòng; xóa các trang tính, hình ảnh ` +
    'hoặc dòng không cần rồi lưu lại',
  entry: (name: string, size: number, max: number) =>
    `Tệp Excel có phần "${name}" khi giải nén là ${MB(size)} (tối đa ${MB(max)}): tệp hỏng hoặc không phải bảng ` +
    'kết quả; mở bằng Excel, chép riêng bảng kết quả sang tệp mới rồi lưu lại',
  total: (size: number, max: number) =>
    `Tệp Excel khi giải nén là ${MB(size)} (tối đa ${MB(max)}): tệp hỏng hoặc không phải bảng kết quả; chép riêng ` +
    'bảng kết quả sang tệp mới rồi lưu lại',
  entries: (count: number, max: number) =>
    `Tệp Excel có ${count.toLocaleString('vi-VN')} phần (tối đa ${max}): không phải bảng kết quả thông thường; ` +
    'chép riêng bảng kết quả sang tệp mới rồi lưu lại',
  lying: (name: string) =>
    `Tệp Excel hỏng: phần "${name}" giải nén ra nhiều hơn kích thước ghi trong tệp. Mở bằng Excel và lưu lại dạng .xlsx`,
  rows: (max: number) =>
    `Bảng có hơn ${max.toLocaleString('vi-VN')} dòng có dữ liệu: một đợt bình chọn chỉ vài trăm sản phẩm; xóa các ` +
    'dòng không phải kết quả, hoặc tách thành nhiều tệp',
  columns: (max: number) =>
    `Dòng này có ô ở quá cột thứ ${max}: bảng kết quả chỉ cần khoảng 10 cột; xóa các cột thừa bên phải`,
  cell: (length: number, max: number) =>
    `Ô quá dài (${length.toLocaleString('vi-VN')} ký tự, tối đa ${max.toLocaleString('vi-VN')}): ô chỉ ghi tên, ` +
    'địa chỉ hoặc số; xóa phần thừa',
};
