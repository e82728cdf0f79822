/**
 * Reading the cells that carry a choice: product group (name, number or roman numeral), kind of establishment (a
 * "Loại hình" cell, or the legal form at the start of the name), and the jury's score.
 */
import type { Group, LEGAL_KINDS } from '../vocabulary.ts';
import { matchKey, parseViNumber } from './text.ts';

export type { Group };
/** The kinds a sheet can name (a sheet never writes "not stated"; it leaves the cell empty). */
export type Kind = (typeof LEGAL_KINDS)[number];

/** The four groups as TT 26/2014/TT-BCT names them (with "và thực phẩm" as most rounds write group 2). */
export const GROUP_NAMES: Record<Group, string> = {
  1: 'Thủ công mỹ nghệ',
  2: 'Chế biến nông, lâm, thủy sản và thực phẩm',
  3: 'Thiết bị, máy móc, dụng cụ và phụ tùng cơ khí',
  4: 'Sản phẩm khác',
};

/** Kinds of establishment as a sheet writes them. */
export const KIND_NAMES: Record<Kind, string> = {
  'doanh-nghiep': 'Doanh nghiệp',
  'hop-tac-xa': 'Hợp tác xã',
  'to-hop-tac': 'Tổ hợp tác',
  'ho-kinh-doanh': 'Hộ kinh doanh',
};

const ROMAN: Record<string, Group> = { i: 1, ii: 2, iii: 3, iv: 4 };

/**
 * "2", "Nhóm 2", "II", "Nhóm II: …", "Chế biến nông, lâm, thủy sản và thực phẩm", "Thủ công mỹ nghệ", "Sản phẩm khác".
 * Undefined when the text names no group.
 */
export function parseGroup(text: string): Group | undefined {
  let key = matchKey(text).replace(/^nhom (san pham )?/, '');
  const numbered = /^([1-4]|i{1,3}|iv)(?: |$)/.exec(key);
  if (numbered) {
    const mark = numbered[1]!;
    const rest = key.slice(mark.length).trim();
    const group = (ROMAN[mark] ?? Number(mark)) as Group;
    // "2 Chế biến…" must agree with its name; a bare number stands alone.
    const named = rest ? groupOfName(rest.replace(/^nhom (san pham )?/, '')) : group;
    return named === group ? group : undefined;
  }
  key = key.trim();
  return groupOfName(key);
}

function groupOfName(key: string): Group | undefined {
  if (/^(san pham )?thu cong( my nghe)?\b/.test(key)) return 1;
  if (/^(san pham )?che bien\b/.test(key)) return 2;
  if (/^(san pham )?(thiet bi|may moc|co khi)\b/.test(key)) return 3;
  if (/^(san pham )?khac$/.test(key)) return 4;
  return undefined;
}

const KIND_WORDS: Array<[RegExp, Kind]> = [
  [/^(doanh nghiep( nho va vua)?|dn|dnnvv|cong ty|cty|ctcp|doanh nghiep tu nhan|dntn)$/, 'doanh-nghiep'],
  [/^(hop tac xa|htx)$/, 'hop-tac-xa'],
  [/^(to hop tac|tht)$/, 'to-hop-tac'],
  [/^(ho kinh doanh|hkd|ho kinh doanh ca the|ho san xuat kinh doanh)$/, 'ho-kinh-doanh'],
];

/** A "Loại hình" cell: "Doanh nghiệp", "HTX", "Tổ hợp tác", "Hộ kinh doanh", or the slug itself. */
export function parseKind(text: string): Kind | undefined {
  const key = matchKey(text);
  for (const [pattern, kind] of KIND_WORDS) if (pattern.test(key) || key === kind.replace(/-/g, ' ')) return kind;
  return undefined;
}

/**
 * The kind of a new establishment when its name says so unambiguously, by its legal form at the start of the name
 * (or "TNHH" anywhere). "Cơ sở …", "Xí nghiệp …" or a person's name say nothing certain: undefined, and the importer
 * asks for a "Loại hình" column.
 */
export function inferKind(name: string): Kind | undefined {
  const key = matchKey(name);
  if (/^(cong ty|cty|ctcp|ct cp|ctytnhh|doanh nghiep tu nhan|dntn)\b/.test(key) || /\btnhh\b/.test(key))
    return 'doanh-nghiep';
  if (/^(hop tac xa|htx)\b/.test(key)) return 'hop-tac-xa';
  if (/^(to hop tac|tht)\b/.test(key)) return 'to-hop-tac';
  if (/^(ho kinh doanh|hkd)\b/.test(key)) return 'ho-kinh-doanh';
  return undefined;
}

/** A score 0–100 written "85,5", "85.5" or stored as a number; rounded to 2 decimals. */
export function parseScore(text: string): number | undefined {
  const value = parseViNumber(text);
  if (value === undefined || value < 0 || value > 100) return undefined;
  return Math.round(value * 100) / 100;
}

/**
 * A product set ("bộ sản phẩm") by the first word of its name: "Bộ trống đồng", "Bộ ấm chén…". Marks count here:
 * "Bò một nắng" is beef, not a set.
 */
export const namesASet = (name: string): boolean => /^bộ\s/u.test(name.normalize('NFC').toLowerCase());
