/** Reading sheets: CSV in its encodings and delimiters, .xlsx, and the rows the importer sees (with their lines). */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readSheetFile } from '../../src/lib/import/read-sheet.ts';

const fixture = (name: string): Uint8Array =>
  new Uint8Array(readFileSync(new URL(`../fixtures/import/${name}`, import.meta.url)));
const read = (name: string, bytes: Uint8Array = fixture(name)) => readSheetFile(bytes, name);

/** The product rows as [line, name, producer], whatever the file format. */
async function productRows(name: string) {
  const { sheet, problems } = await read(name);
  expect(problems).toEqual([]);
  return sheet!.rows.filter((r) => /^\d+$/.test(r.cells[0] ?? '')).map((r) => [r.line, r.cells[1], r.cells[3]]);
}

describe('reading a results sheet', () => {
  const expected = [
    [5, 'Sâm nhung mật ong', 'CTCP Dược Hà Tĩnh'],
    [6, 'Chè Tây Sơn', 'XN Chè Tây Sơn'],
    [7, 'Giò me và xúc xích Tiến Giáp', 'HKD Nguyễn Đình Giáp'],
    [8, 'Trà gạo lứt Omega An Phát', ''],
    [9, 'Đông trùng hạ thảo Phú Nhân', 'CTCP ĐT&XD Hoàng Khôi'],
  ];

  it('reads UTF-8 CSV with the lines an editor sees', async () => {
    expect(await productRows('ha-tinh-2022.csv')).toEqual(expected);
  });

  it('reads the same rows from .xlsx, a BOM + semicolon + CRLF CSV, and an NFD CSV (stored as NFC)', async () => {
    for (const name of ['ha-tinh-2022.xlsx', 'ha-tinh-2022-bom-semicolon.csv', 'ha-tinh-2022-nfd.csv']) {
      expect(await productRows(name), name).toEqual(expected);
    }
  });

  it('refuses a CSV in the Windows code page, naming the line and how to save as CSV UTF-8', async () => {
    const { sheet, problems } = await read('ha-tinh-2022-ansi.csv');
    expect(sheet).toBeUndefined();
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: 'ha-tinh-2022-ansi.csv', line: 1 });
    expect(problems[0]!.value).toMatch(/^DANH SÁCH SẢN PHẨM/);
    expect(problems[0]!.message).toContain('CSV UTF-8');
  });

  it('names the first line that is not UTF-8 when the rest is', async () => {
    const text = new TextEncoder().encode('STT,Tên sản phẩm\n1,Chè\n');
    const bytes = new Uint8Array([...text, 0x32, 0x2c, 0x43, 0x68, 0xe8, 0x0a]); // "2,Chè" in cp1258
    const { problems } = await read('x.csv', bytes);
    expect(problems[0]).toMatchObject({ line: 3, value: '2,Chè' });
  });

  it('refuses UTF-16 ("Unicode text"), old .xls, an empty file, and a .xlsx that is not one', async () => {
    const cases: Array<[string, Uint8Array, RegExp]> = [
      ['a.csv', new Uint8Array([0xff, 0xfe, 0x53, 0x00]), /UTF-16.*CSV UTF-8/],
      ['a.xls', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1]), /\.xls.*\.xlsx/],
      ['a.csv', new Uint8Array([]), /rỗng/],
      ['a.xlsx', new TextEncoder().encode('STT,Tên\n'), /không phải tệp Excel/],
    ];
    for (const [name, bytes, message] of cases) {
      const { sheet, problems } = await read(name, bytes);
      expect(sheet, name).toBeUndefined();
      expect(problems[0]!.message, name).toMatch(message);
    }
  });

  it('keeps quoted commas, semicolons and line breaks inside a cell', async () => {
    const csv = 'STT;Tên sản phẩm;Nhóm;Tên cơ sở\n1;"Nước mắm; loại 1";"Chế biến nông, lâm";"HTX ""A"""\n';
    const { sheet } = await read('q.csv', new TextEncoder().encode(csv));
    expect(sheet!.rows[1]).toEqual({ line: 2, cells: ['1', 'Nước mắm; loại 1', 'Chế biến nông, lâm', 'HTX "A"'] });
  });
});
