/**
 * The columns of a results sheet, as provinces write them. A header matches ignoring case, marks, spacing,
 * punctuation and any note in brackets: "TÊN SẢN PHẨM", "Tên sản phẩm/bộ sản phẩm", "Tỉnh / Thành phố" all match.
 */
import { columnLetter, squashKey } from './text.ts';

export type Field =
  | 'stt'
  | 'name'
  | 'group'
  | 'producer'
  | 'kind'
  | 'address'
  | 'province'
  | 'score'
  | 'certificate'
  | 'decision';

export interface ColumnSpec {
  field: Field;
  /** The header the export writes and the guide names. */
  label: string;
  /** Other headers seen in provinces' sheets (any case, with or without marks). */
  aliases: string[];
  required: boolean;
}

export const COLUMNS: readonly ColumnSpec[] = [
  { field: 'stt', label: 'STT', aliases: ['TT', 'Số TT', 'Số thứ tự'], required: false },
  {
    field: 'name',
    label: 'Tên sản phẩm',
    aliases: ['Sản phẩm', 'Tên sản phẩm/bộ sản phẩm', 'Tên sản phẩm, bộ sản phẩm', 'Tên SP', 'Tên sản phẩm tiêu biểu'],
    required: true,
  },
  { field: 'group', label: 'Nhóm sản phẩm', aliases: ['Nhóm', 'Nhóm SP', 'Thuộc nhóm'], required: true },
  {
    field: 'producer',
    label: 'Tên cơ sở',
    aliases: [
      'Chủ thể',
      'Tên chủ thể',
      'Cơ sở',
      'Cơ sở sản xuất',
      'Tên cơ sở sản xuất',
      'Tên cơ sở/doanh nghiệp',
      'Tên doanh nghiệp/cơ sở',
      'Đơn vị',
      'Tên đơn vị',
      'Chủ thể sản phẩm',
      'Đơn vị sản xuất',
    ],
    required: true,
  },
  { field: 'kind', label: 'Loại hình', aliases: ['Loại hình cơ sở', 'Loại hình doanh nghiệp'], required: false },
  { field: 'address', label: 'Địa chỉ', aliases: ['Địa chỉ cơ sở', 'Địa chỉ sản xuất'], required: false },
  {
    field: 'province',
    label: 'Tỉnh/Thành phố',
    aliases: ['Tỉnh', 'Tỉnh/thành', 'Tỉnh, thành phố', 'Tỉnh thành', 'Địa phương', 'Tỉnh/TP'],
    required: true,
  },
  {
    field: 'score',
    label: 'Điểm',
    aliases: ['Điểm bình quân', 'Điểm trung bình', 'Tổng điểm', 'Điểm bình chọn', 'Điểm đánh giá'],
    required: false,
  },
  {
    field: 'certificate',
    label: 'Số giấy chứng nhận',
    aliases: ['Số GCN', 'Giấy chứng nhận', 'Số chứng nhận'],
    required: false,
  },
  {
    field: 'decision',
    label: 'Số quyết định',
    aliases: ['Số QĐ', 'Quyết định', 'Quyết định công nhận'],
    required: false,
  },
];

const specOf = new Map(COLUMNS.map((c) => [c.field, c]));
export const columnSpec = (field: Field): ColumnSpec => specOf.get(field)!;

/** A header's key: brackets and their content dropped, then no marks, case, spaces or punctuation. */
export const headerKey = (header: string): string => squashKey(header.replace(/\([^)]*\)|\[[^\]]*\]/g, ' '));

const fieldByKey = new Map<string, Field>(
  COLUMNS.flatMap((c) => [c.label, ...c.aliases].map((h) => [headerKey(h), c.field] as [string, Field])),
);

/** The field a header names, if any. */
export const fieldOfHeader = (header: string): Field | undefined => fieldByKey.get(headerKey(header));

/** Where each field is in the sheet, and how to name that column in a message. */
export interface HeaderMap {
  line: number;
  index: Partial<Record<Field, number>>;
  /** `Nhóm sản phẩm (cột C)`, with the header as the sheet writes it. */
  label: Partial<Record<Field, string>>;
  /** Headers the importer does not use, with their column labels. */
  unused: string[];
  /** Headers that name a field already taken by an earlier column. */
  duplicates: Array<{ field: Field; column: string; header: string }>;
}

export const columnLabel = (header: string, index: number): string =>
  `${header || '(không tên)'} (cột ${columnLetter(index)})`;

/** Maps one row read as a header; `found` counts the fields it names. */
export function mapHeader(cells: readonly string[], line: number): HeaderMap & { found: number } {
  const map: HeaderMap = { line, index: {}, label: {}, unused: [], duplicates: [] };
  cells.forEach((cell, i) => {
    if (!cell) return;
    const field = fieldOfHeader(cell);
    if (!field) {
      map.unused.push(columnLabel(cell, i));
    } else if (map.index[field] !== undefined) {
      map.duplicates.push({ field, column: columnLabel(cell, i), header: cell });
    } else {
      map.index[field] = i;
      map.label[field] = columnLabel(cell, i);
    }
  });
  return { ...map, found: Object.keys(map.index).length };
}

/** How many rows from the top are searched for the header row (title rows come first). */
export const HEADER_SEARCH_ROWS = 30;

/**
 * The header row: the first of the top rows that names the product column and at least two other known columns.
 * Title rows above it ("KẾT QUẢ BÌNH CHỌN…", "Kèm theo Quyết định số…") are skipped.
 */
export function findHeader(
  rows: ReadonlyArray<{ line: number; cells: readonly string[] }>,
): (HeaderMap & { row: number; found: number }) | undefined {
  for (const [row, { line, cells }] of rows.slice(0, HEADER_SEARCH_ROWS).entries()) {
    const map = mapHeader(cells, line);
    if (map.index.name !== undefined && map.found >= 3) return { ...map, row };
  }
  return undefined;
}
