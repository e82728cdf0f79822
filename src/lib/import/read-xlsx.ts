/**
 * Reads the worksheets of an .xlsx file: the zip is opened through zip.ts (sizes checked against the limits before
 * anything is inflated), then the workbook's sheet list, the shared strings and each worksheet's cells are read from
 * their XML in one linear pass each. Only the values are read (no styles, no formulas: a formula cell gives the value
 * Excel saved with it). Row numbers are the worksheet's own, so a message points at the row Excel shows.
 *
 * This replaced read-excel-file, which builds a DOM of the whole worksheet and fills every row up to the sheet's
 * last cell: a 400 KB file took 67 s and 2.85 GB there, and a 2 MB zip bomb crashed Node.
 */
import { LIMIT_MESSAGES, type SheetLimits } from './limits.ts';
import type { Problem } from './problems.ts';
import type { SheetRows } from './read-sheet.ts';
import { cellText, columnLetter } from './text.ts';
import { inflateEntry, ZipError, zipEntries, type ZipEntry } from './zip.ts';

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** XML text to a string: entities, then Excel's own _xHHHH_ escapes (a literal "_x" is written _x005F_x). */
function xmlText(raw: string): string {
  return raw
    .replace(/&(#x[0-9a-f]+|#\d+|lt|gt|amp|quot|apos);/gi, (all, name: string) => {
      if (name[0] !== '#') return ENTITIES[name.toLowerCase()] ?? all;
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
    })
    .replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** The text of a string item (<si> or <is>): its <t> runs joined, phonetic guides (<rPh>) left out. */
function runsText(xml: string): string {
  let out = '';
  const clean = xml.includes('<rPh') ? xml.replace(/<rPh\b[\s\S]*?<\/rPh>/g, '') : xml;
  for (const m of clean.matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>|<t(?:\s[^>]*)?\/>/g)) out += xmlText(m[1] ?? '');
  return out;
}

const attr = (attrs: string, name: string): string | undefined =>
  new RegExp(`(?:^|\\s)${name}="([^"]*)"`).exec(attrs)?.[1];

/** "BC12" → 54 (0-based column), or undefined. */
function columnOf(ref: string | undefined): number | undefined {
  const letters = ref ? /^([A-Z]{1,3})\d*$/i.exec(ref)?.[1] : undefined;
  if (!letters) return undefined;
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

export interface Worksheet {
  name: string;
  rows: SheetRows['rows'];
}

interface Budget {
  limits: SheetLimits;
  file: string;
  problems: Problem[];
}

/** Reads one worksheet's rows; stops (with a problem) at the row or column limit. */
function readWorksheet(xml: string, name: string, strings: readonly string[], budget: Budget): Worksheet {
  const { limits, file, problems } = budget;
  const rows: SheetRows['rows'] = [];
  const data = xml.indexOf('<sheetData');
  let nextRow = 1;
  const rowPattern = /<row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/row>)/g;
  rowPattern.lastIndex = Math.max(0, data);
  for (let m = rowPattern.exec(xml); m; m = rowPattern.exec(xml)) {
    const line = Number(attr(m[1] ?? '', 'r')) || nextRow;
    nextRow = line + 1;
    const body = m[2];
    if (!body) continue;
    const cells: string[] = [];
    let nextColumn = 0;
    let tooWide = false;
    for (const c of body.matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const attrs = c[1] ?? '';
      const column = columnOf(attr(attrs, 'r')) ?? nextColumn;
      nextColumn = column + 1;
      const inner = c[2];
      if (!inner) continue;
      const type = attr(attrs, 't');
      let value: string;
      if (type === 'inlineStr') value = runsText(/<is>([\s\S]*?)<\/is>/.exec(inner)?.[1] ?? '');
      else {
        const v = /<v>([\s\S]*?)<\/v>/.exec(inner)?.[1];
        if (v === undefined) continue;
        if (type === 's') value = strings[Number(v)] ?? '';
        else if (type === 'b') value = v === '1' ? 'TRUE' : 'FALSE';
        else value = xmlText(v);
      }
      const text = cellText(value);
      if (!text) continue;
      if (column >= limits.columns) {
        tooWide = true;
        break;
      }
      if (text.length > limits.cellChars) {
        problems.push({
          file,
          line,
          column: `cột ${columnLetter(column)}`,
          value: `${text.slice(0, 40)}…`,
          message: LIMIT_MESSAGES.cell(text.length, limits.cellChars),
        });
      }
      while (cells.length < column) cells.push('');
      cells[column] = text;
    }
    if (tooWide) {
      problems.push({ file, line, message: LIMIT_MESSAGES.columns(limits.columns) });
      break;
    }
    if (cells.length === 0) continue;
    if (rows.length >= limits.rows) {
      problems.push({ file, line, message: LIMIT_MESSAGES.rows(limits.rows) });
      break;
    }
    rows.push({ line, cells });
  }
  return { name, rows };
}

const EXCEL_HELP = 'mở bằng Excel, kiểm tra rồi lưu lại dạng .xlsx hoặc "CSV UTF-8"';

/** Every worksheet of the workbook, in the workbook's order. */
export function readXlsx(
  bytes: Uint8Array,
  file: string,
  limits: SheetLimits,
): { sheets?: Worksheet[]; problems: Problem[] } {
  const problems: Problem[] = [];
  let entries: Map<string, ZipEntry>;
  try {
    entries = zipEntries(bytes, limits);
  } catch (error) {
    if (error instanceof ZipError) return { problems: [{ file, message: error.message }] };
    throw error;
  }
  const decoder = new TextDecoder('utf-8');
  const text = (name: string): string | undefined => {
    const entry = entries.get(name);
    return entry ? decoder.decode(inflateEntry(bytes, entry)) : undefined;
  };
  try {
    const workbook = text('xl/workbook.xml');
    if (!workbook)
      return { problems: [{ file, message: `Không đọc được tệp Excel (thiếu phần xl/workbook.xml): ${EXCEL_HELP}` }] };
    const rels = new Map<string, string>();
    for (const m of (text('xl/_rels/workbook.xml.rels') ?? '').matchAll(/<Relationship\b([^>]*)\/?>/g)) {
      const id = attr(m[1]!, 'Id');
      const target = attr(m[1]!, 'Target');
      if (id && target) rels.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target}`);
    }
    const sharedPath = [...entries.keys()].find((n) => /^xl\/sharedStrings\.xml$/i.test(n));
    const strings = [...(sharedPath ? text(sharedPath)! : '').matchAll(/<si>([\s\S]*?)<\/si>|<si\/>/g)].map((m) =>
      runsText(m[1] ?? ''),
    );
    const budget: Budget = { limits, file, problems };
    const sheets: Worksheet[] = [];
    for (const m of workbook.matchAll(/<sheet\b([^>]*)\/?>/g)) {
      const name = xmlText(attr(m[1]!, 'name') ?? `Sheet${sheets.length + 1}`);
      const rid = attr(m[1]!, 'r:id') ?? /\s[\w]+:id="([^"]*)"/.exec(m[1]!)?.[1];
      const path = rid ? rels.get(rid) : undefined;
      const xml = path ? text(path) : undefined;
      if (xml === undefined) continue; // a chart sheet or a dangling entry: no cells
      sheets.push(readWorksheet(xml, name, strings, budget));
      if (problems.length > 0 && problems.some((p) => !p.column)) break; // a row or column limit: stop here
    }
    if (sheets.length === 0 && problems.length === 0)
      problems.push({ file, message: `Tệp Excel không có trang tính nào: ${EXCEL_HELP}` });
    return { sheets, problems };
  } catch (error) {
    if (error instanceof ZipError) return { problems: [{ file, message: error.message }] };
    const reason = error instanceof Error ? error.message : String(error);
    return { problems: [{ file, message: `Không đọc được tệp Excel (${reason}): ${EXCEL_HELP}` }] };
  }
}
