/** The importer's cell readers: numbers, headers, groups, kinds, names and provinces as provinces write them. */
import { describe, expect, it } from 'vitest';
import { cellText, columnLetter, parseViNumber } from '../../src/lib/import/text.ts';
import { fieldOfHeader, findHeader } from '../../src/lib/import/columns.ts';
import { inferKind, namesASet, parseGroup, parseKind, parseScore } from '../../src/lib/import/fields.ts';
import { freeSlug, producerKey, producerSlugBase, productKey } from '../../src/lib/import/names.ts';
import { ProvinceMatcher } from '../../src/lib/import/province-match.ts';
import { loadContent } from '../../src/lib/import/content.ts';

describe('cell text and numbers', () => {
  it('stores NFC, collapses spaces (no-break ones too) and trims', () => {
    expect(cellText('  Ch\u00e8  T\u00e2y\u00a0S\u01a1n '.normalize('NFD'))).toBe('Chè Tây Sơn');
    expect(cellText('Chè'.normalize('NFD'))).toBe('Chè'.normalize('NFC'));
    expect(cellText(85.5)).toBe('85.5');
    expect(cellText(null)).toBe('');
  });

  it('drops the guard the CSV export puts before a leading = + - @', () => {
    expect(cellText("'=1+1")).toBe('=1+1');
    expect(cellText("'Tên")).toBe("'Tên");
  });

  it('reads Vietnamese decimals and thousands', () => {
    expect(parseViNumber('85,5')).toBe(85.5);
    expect(parseViNumber('85.5')).toBe(85.5);
    expect(parseViNumber('1.234,5')).toBe(1234.5);
    expect(parseViNumber('90')).toBe(90);
    expect(parseViNumber('90 điểm')).toBeUndefined();
    expect(parseViNumber('')).toBeUndefined();
  });

  it('names columns as a spreadsheet does', () => {
    expect([0, 2, 25, 26, 27].map(columnLetter)).toEqual(['A', 'C', 'Z', 'AA', 'AB']);
  });
});

describe('headers', () => {
  it('match ignoring case, marks, spacing, punctuation and bracketed notes', () => {
    expect(fieldOfHeader('TÊN SẢN PHẨM')).toBe('name');
    expect(fieldOfHeader('Ten san pham')).toBe('name');
    expect(fieldOfHeader('Tên sản phẩm/bộ sản phẩm')).toBe('name');
    expect(fieldOfHeader('Tỉnh / Thành phố')).toBe('province');
    expect(fieldOfHeader('Tinh/TP')).toBe('province');
    expect(fieldOfHeader('Chủ thể')).toBe('producer');
    expect(fieldOfHeader('Điểm bình quân (thang 100)')).toBe('score');
    expect(fieldOfHeader('Số QĐ')).toBe('decision');
    expect(fieldOfHeader('Số GCN')).toBe('certificate');
    expect(fieldOfHeader('Nhóm sản phẩm'.normalize('NFD'))).toBe('group');
    expect(fieldOfHeader('Ghi chú')).toBeUndefined();
  });

  it('finds the header row under title rows', () => {
    const rows = [
      { line: 1, cells: ['KẾT QUẢ BÌNH CHỌN', '', ''] },
      { line: 2, cells: ['(Kèm theo Quyết định số …)', '', ''] },
      { line: 4, cells: ['STT', 'Tên sản phẩm', 'Nhóm', 'Tên cơ sở'] },
    ];
    const header = findHeader(rows);
    expect(header?.line).toBe(4);
    expect(header?.label.group).toBe('Nhóm (cột C)');
  });
});

describe('groups, kinds, scores, sets', () => {
  it('reads a group as a number, a roman numeral or its name', () => {
    expect(parseGroup('1')).toBe(1);
    expect(parseGroup('Nhóm 2')).toBe(2);
    expect(parseGroup('III')).toBe(3);
    expect(parseGroup('Nhóm IV: Sản phẩm khác')).toBe(4);
    expect(parseGroup('Thủ công mỹ nghệ')).toBe(1);
    expect(parseGroup('Chế biến nông, lâm, thủy sản và thực phẩm')).toBe(2);
    expect(parseGroup('che bien nong lam thuy san va do uong')).toBe(2);
    expect(parseGroup('Thiết bị, máy móc, dụng cụ và phụ tùng cơ khí')).toBe(3);
    expect(parseGroup('Khác')).toBe(4);
    expect(parseGroup('5')).toBeUndefined();
    expect(parseGroup('2 Thủ công mỹ nghệ')).toBeUndefined();
    expect(parseGroup('Đồ uống')).toBeUndefined();
  });

  it('reads a "Loại hình" cell', () => {
    expect(parseKind('Doanh nghiệp nhỏ và vừa')).toBe('doanh-nghiep');
    expect(parseKind('HTX')).toBe('hop-tac-xa');
    expect(parseKind('tổ hợp tác')).toBe('to-hop-tac');
    expect(parseKind('Hộ kinh doanh')).toBe('ho-kinh-doanh');
    expect(parseKind('ho-kinh-doanh')).toBe('ho-kinh-doanh');
    expect(parseKind('Cá nhân')).toBeUndefined();
  });

  it('infers a kind only when the name says so', () => {
    expect(inferKind('Công ty cổ phần Dược Hà Tĩnh')).toBe('doanh-nghiep');
    expect(inferKind('CTCP ĐT&XD Hoàng Khôi')).toBe('doanh-nghiep');
    expect(inferKind('Cơ khí Toàn Phát TNHH')).toBe('doanh-nghiep');
    expect(inferKind('HTX Nguyên Việt')).toBe('hop-tac-xa');
    expect(inferKind('Hợp tác xã Sơn Dung')).toBe('hop-tac-xa');
    expect(inferKind('HKD Nguyễn Đình Giáp')).toBe('ho-kinh-doanh');
    expect(inferKind('Tổ hợp tác mây tre đan')).toBe('to-hop-tac');
    // Ambiguous: a "cơ sở" may be a household business or a company; a xí nghiệp may be a branch.
    expect(inferKind('Cơ sở Nước mắm Thử Nghiệm')).toBeUndefined();
    expect(inferKind('Xí nghiệp Chè Tây Sơn')).toBeUndefined();
    expect(inferKind('Nguyễn Văn An')).toBeUndefined();
  });

  it('reads scores 0–100 only', () => {
    expect(parseScore('85,5')).toBe(85.5);
    expect(parseScore('70')).toBe(70);
    expect(parseScore('85.4999999')).toBe(85.5);
    expect(parseScore('105')).toBeUndefined();
    expect(parseScore('tám mươi')).toBeUndefined();
  });

  it('tells a product set by "Bộ", marks included', () => {
    expect(namesASet('Bộ trống đồng')).toBe(true);
    expect(namesASet('Bò một nắng')).toBe(false);
    expect(namesASet('Bơ sáp')).toBe(false);
  });
});

describe('names', () => {
  it('compares establishments in any spelling of their legal form', () => {
    expect(producerKey('CTCP Dược Hà Tĩnh')).toBe(producerKey('Công ty cổ phần Dược Hà Tĩnh'));
    expect(producerKey('CTCP ĐT&XD Hoàng Khôi')).toBe(producerKey('Công ty cổ phần Đầu tư và Xây dựng Hoàng Khôi'));
    expect(producerKey('Cty TNHH SX và TM Tùng An')).toBe(producerKey('Công ty TNHH Sản xuất và Thương mại Tùng An'));
    expect(producerKey('HKD Nguyễn Đình Giáp')).toBe(producerKey('Hộ kinh doanh Nguyễn Đình Giáp'));
    expect(producerKey('XN Chè Tây Sơn')).toBe(producerKey('xí nghiệp chè tây sơn'));
  });

  it('compares products ignoring case, marks and punctuation', () => {
    expect(productKey('Giò me và xúc xích Tiến Giáp')).toBe(productKey('GIÒ ME VÀ XÚC XÍCH TIẾN GIÁP'));
    expect(productKey('Chè Tây-Sơn')).toBe(productKey('che tay son'));
  });

  it('names new producers as the site does, and never reuses a slug', () => {
    expect(producerSlugBase('Công ty cổ phần Dược Hà Tĩnh')).toBe('ctcp-duoc-ha-tinh');
    expect(producerSlugBase('Hộ kinh doanh Nguyễn Đình Giáp')).toBe('hkd-nguyen-dinh-giap');
    const taken = new Set(['che-xanh', 'che-xanh-htx-a']);
    expect(freeSlug(['che-xanh', 'che-xanh-htx-a'], (s) => taken.has(s))).toBe('che-xanh-2');
    expect(freeSlug(['nhom', 'nhom-ha-tinh'], () => false)).toBe('nhom-ha-tinh');
  });
});

describe('provinces as of the round', () => {
  const { content } = loadContent('content');
  const provinces = new ProvinceMatcher(content.provinces);
  const before = new Date('2022-09-20T00:00:00+07:00');
  const after = new Date('2026-05-01T00:00:00+07:00');

  it('matches names however they are written', () => {
    const id = (text: string) => {
      const m = provinces.match(text, before);
      return m.ok ? m.province.id : m.message;
    };
    expect(id('Hà Tĩnh')).toBe('ha-tinh');
    expect(id('tỉnh Hà Tĩnh')).toBe('ha-tinh');
    expect(id('Ha Tinh')).toBe('ha-tinh');
    expect(id('Hoà Bình')).toBe('hoa-binh');
    expect(id('Hòa Bình')).toBe('hoa-binh');
    expect(id('TP. Hồ Chí Minh')).toBe('ho-chi-minh');
    expect(id('Thành phố Hải Phòng')).toBe('hai-phong');
    expect(id('Bà Rịa – Vũng Tàu')).toBe('ba-ria-vung-tau');
    expect(id('Đắk Lắk')).toBe('dak-lak');
  });

  it('keeps a unit that no longer exists in a sheet of its time, and maps it to its successor after 1/7/2025', () => {
    const then = provinces.match('Hải Dương', before);
    expect(then.ok && then.province.id).toBe('hai-duong');
    const later = provinces.match('Hải Dương', after);
    expect(later.ok && later.province.id).toBe('hai-phong');
    expect(later.ok && later.note).toMatch(/Hải Phòng/);
    const unknown = provinces.match('Hải Dương', undefined);
    expect(unknown.ok && unknown.province.id).toBe('hai-duong');
  });

  it('refuses a name that was never a province of the list (Hà Tây merged into Hà Nội in 2008)', () => {
    const m = provinces.match('Hà Tây', before);
    expect(m.ok).toBe(false);
  });
});

describe('the date a round speaks for', () => {
  it('is its decision date, else its ceremony, else its year unless that is 2025', async () => {
    const { roundDate } = await import('../../src/lib/import/index.ts');
    expect(roundDate({ year: 2022, decision: { date: '2022-09-20' } })?.toISOString()).toBe('2022-09-19T17:00:00.000Z');
    expect(
      roundDate({ year: 2019, ceremony: { date: '2019-09-18' } })
        ?.toISOString()
        .slice(0, 10),
    ).toBe('2019-09-17');
    expect(roundDate({ year: 2026 })! >= new Date('2025-07-01')).toBe(true);
    expect(roundDate({ year: 2024 })! < new Date('2025-06-30')).toBe(true);
    expect(roundDate({ year: 2025 })).toBeUndefined();
    expect(roundDate({ year: 2025, decision: { date: '2025-09-01' } })?.getUTCFullYear()).toBe(2025);
  });
});
