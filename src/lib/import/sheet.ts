/**
 * Turns the rows of a results sheet into product rows: finds the header row under any title rows, reads each cell,
 * follows section rows ("I. Nhóm thủ công mỹ nghệ", "1. Hà Tĩnh") that give the group or province of the rows below
 * them, skips empty and total rows, and lists every problem it finds (it does not stop at the first).
 */
import { columnSpec, findHeader, type Field, type HeaderMap } from './columns.ts';
import { parseGroup, parseKind, parseScore, type Group, type Kind } from './fields.ts';
import type { Problem } from './problems.ts';
import type { ProvinceMatcher, ProvinceRecord } from './province-match.ts';
import type { SheetRows } from './read-sheet.ts';
import { producerKey, productKey } from './names.ts';
import { matchKey } from './text.ts';

/** The content check's rule for text fields (scripts/lib/check/run.ts): no HTML tags. */
export const HTML_IN_TEXT = /<\/?[A-Za-z][\w-]*(?:\s[^<>]*)?\/?>/;

/** A value a spreadsheet would run as a formula if it were typed into a cell: = + @, or - not before a number. */
export const FORMULA_LIKE = /^(?:[=+@]|-(?![\d.,]))/;

export interface SheetRow {
  line: number;
  name: string;
  group: Group;
  /** Establishment as written; empty when the sheet names none. */
  producer: string;
  kind?: Kind | undefined;
  address: string;
  /** From the row's own cell or its section; else the importer takes the producer's or the round's. */
  province?: ProvinceRecord | undefined;
  score?: number | undefined;
  certificate: string;
  decision: string;
}

export interface ParsedSheet {
  header: HeaderMap;
  rows: SheetRow[];
  /** How a message names a column: the sheet's own header with its letter, or the standard name. */
  column(field: Field): string;
}

export interface SheetContext {
  file: string;
  provinces: ProvinceMatcher;
  /** The round's date, for names of units that no longer exist. */
  when: Date | undefined;
}

/** Cells written to the site as text. */
const TEXT_FIELDS: readonly Field[] = ['name', 'producer', 'address', 'certificate', 'decision'];

const GROUP_HELP =
  'ghi số 1–4 hoặc tên nhóm: 1 Thủ công mỹ nghệ; 2 Chế biến nông, lâm, thủy sản và thực phẩm; ' +
  '3 Thiết bị, máy móc, dụng cụ và phụ tùng cơ khí; 4 Sản phẩm khác';

/** "I. Nhóm thủ công mỹ nghệ", "A - Nhóm 2": a group heading (words, not a bare number). */
function groupHeading(text: string): Group | undefined {
  const key = matchKey(text);
  if (!/[a-z]{3,}/.test(key)) return undefined;
  return parseGroup(text) ?? parseGroup(key.replace(/^([a-z]|\d+|[ivx]+) /, ''));
}

export function parseResultsSheet(
  sheet: SheetRows,
  ctx: SheetContext,
): { parsed?: ParsedSheet; problems: Problem[]; notices: string[] } {
  const { file } = ctx;
  const problems: Problem[] = [];
  const notices: string[] = [];
  const header = findHeader(sheet.rows);
  if (!header) {
    problems.push({
      file,
      line: sheet.rows[0]?.line ?? 1,
      message:
        'Không tìm thấy dòng tiêu đề cột. Cần một dòng có các cột "STT", "Tên sản phẩm", "Nhóm sản phẩm", "Tên cơ sở", ' +
        '"Địa chỉ", "Tỉnh/Thành phố" (có thể thêm "Điểm", "Số giấy chứng nhận" hoặc "Số quyết định", "Loại hình")',
    });
    return { problems, notices };
  }
  const column = (field: Field) => header.label[field] ?? columnSpec(field).label;
  for (const spec of ['producer'] as const) {
    if (header.index[spec] === undefined) {
      problems.push({
        file,
        line: header.line,
        column: columnSpec(spec).label,
        message: `Thiếu cột "${columnSpec(spec).label}" (hoặc "Chủ thể"): thêm cột này; để trống ô nếu nguồn không nêu tên cơ sở`,
      });
    }
  }
  for (const dup of header.duplicates) {
    problems.push({
      file,
      line: header.line,
      column: dup.column,
      value: dup.header,
      message: `Hai cột cùng là "${columnSpec(dup.field).label}" (cột kia: ${header.label[dup.field]}): xóa hoặc đổi tên một cột`,
    });
  }
  for (const unused of header.unused)
    notices.push(`${file}:${header.line} [${unused}]: cột này không dùng khi nhập, bỏ qua`);

  const cell = (cells: readonly string[], field: Field) => {
    const i = header.index[field];
    return i === undefined ? '' : (cells[i] ?? '');
  };
  const rows: SheetRow[] = [];
  let sectionGroup: Group | undefined;
  let sectionProvince: ProvinceRecord | undefined;
  const rowsMissingGroup: number[] = [];
  const firstLineOf = new Map<string, number>();

  for (const { line, cells } of sheet.rows.slice(header.row + 1)) {
    const nonEmpty = cells.filter((c) => c !== '');
    if (nonEmpty.length === 0) continue;
    if (/^(tong cong|tong so)\b|^cong$/.test(matchKey(nonEmpty[0]!))) {
      notices.push(`${file}:${line}: dòng tổng cộng, bỏ qua`);
      continue;
    }
    // A lone cell anywhere (often merged across the row, in the STT column) may head a section.
    if (nonEmpty.length === 1 && !/^\d+$/.test(nonEmpty[0]!)) {
      const text = nonEmpty[0]!;
      const group = groupHeading(text);
      if (group) {
        sectionGroup = group;
        continue;
      }
      const province = ctx.provinces.match(text, ctx.when);
      if (province.ok && matchKey(text).length > 2) {
        sectionProvince = province.province;
        continue;
      }
    }
    // Empty but for a pre-numbered STT.
    if (cells.every((c, i) => c === '' || i === header.index.stt)) continue;
    const name = cell(cells, 'name');
    if (!name) {
      problems.push({
        file,
        line,
        column: column('name'),
        value: '',
        message: 'Thiếu tên sản phẩm: điền tên như trong quyết định công nhận, hoặc xóa dòng này',
      });
      continue;
    }
    let ok = true;
    const bad = (field: Field, value: string, message: string) => {
      problems.push({ file, line, column: column(field), value, message });
      ok = false;
    };

    // A twin is reported whatever else is wrong with either row: the key is the name and establishment as written.
    const twinKey = `${productKey(name)}|${producerKey(cell(cells, 'producer'))}`;
    const twin = firstLineOf.get(twinKey);
    if (twin !== undefined) {
      bad('name', name, `Trùng với dòng ${twin} (cùng tên sản phẩm và cơ sở): xóa một trong hai dòng`);
    } else firstLineOf.set(twinKey, line);

    for (const field of TEXT_FIELDS) {
      const text = cell(cells, field);
      if (!text) continue;
      if (HTML_IN_TEXT.test(text)) bad(field, text, 'Có mã HTML trong ô: chỉ viết chữ, không dùng thẻ <…>');
      else if (FORMULA_LIKE.test(text)) {
        notices.push(
          `${file}:${line} [${column(field)}] "${text}": ô bắt đầu bằng "${text[0]}" như một công thức; giữ nguyên ` +
            'chữ như đã gõ (trang web không chạy công thức). Sửa ô nếu đây là lỗi gõ',
        );
      }
    }

    const groupText = cell(cells, 'group');
    let group: Group | undefined = sectionGroup;
    if (groupText) {
      group = parseGroup(groupText);
      if (!group) bad('group', groupText, `Nhóm sản phẩm không hợp lệ: ${GROUP_HELP}`);
    } else if (!group) {
      if (header.index.group === undefined) rowsMissingGroup.push(line);
      else bad('group', '', `Thiếu nhóm sản phẩm: ${GROUP_HELP}`);
      ok = false;
    }

    const kindText = cell(cells, 'kind');
    const kind = kindText ? parseKind(kindText) : undefined;
    if (kindText && !kind)
      bad(
        'kind',
        kindText,
        'Loại hình không hợp lệ: ghi "Doanh nghiệp", "Hợp tác xã", "Tổ hợp tác" hoặc "Hộ kinh doanh"',
      );

    const provinceText = cell(cells, 'province');
    let province = sectionProvince;
    if (provinceText) {
      const match = ctx.provinces.match(provinceText, ctx.when);
      if (match.ok) {
        province = match.province;
        if (match.note) notices.push(`${file}:${line} [${column('province')}] "${provinceText}": ${match.note}`);
      } else {
        bad('province', provinceText, `Không nhận ra tỉnh, thành phố: ${match.message}`);
      }
    }

    const scoreText = cell(cells, 'score');
    const score = scoreText ? parseScore(scoreText) : undefined;
    if (scoreText && score === undefined) {
      bad(
        'score',
        scoreText,
        'Điểm phải là một số từ 0 đến 100, ví dụ 85,5 (không ghi chữ "điểm"); để trống nếu không công bố',
      );
    }

    if (ok && group) {
      rows.push({
        line,
        name,
        group,
        producer: cell(cells, 'producer'),
        kind,
        address: cell(cells, 'address'),
        province,
        score,
        certificate: cell(cells, 'certificate'),
        decision: cell(cells, 'decision'),
      });
    }
  }
  if (rowsMissingGroup.length > 0) {
    problems.push({
      file,
      line: header.line,
      column: columnSpec('group').label,
      message:
        `Thiếu cột "Nhóm sản phẩm" (${rowsMissingGroup.length} dòng không biết nhóm, đầu tiên là dòng ${rowsMissingGroup[0]}): ` +
        `thêm cột này và ${GROUP_HELP}; hoặc thêm dòng tiêu đề nhóm như "I. Nhóm thủ công mỹ nghệ" phía trên các dòng`,
    });
  }
  if (rows.length === 0 && problems.length === 0) {
    problems.push({ file, line: header.line, message: 'Không có dòng sản phẩm nào dưới dòng tiêu đề cột' });
  }
  return { parsed: { header, rows, column }, problems, notices };
}
