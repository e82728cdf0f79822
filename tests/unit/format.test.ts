/** Dates, numbers and money exactly as Vietnamese readers see them on the pages. */
import { describe, expect, it } from 'vitest';
import {
  formatDate,
  formatFigure,
  formatLongDate,
  formatMoney,
  formatNumber,
  formatPercent,
  isoDay,
} from '../../src/lib/format';
import { REORGANISATION_DATE } from '../../src/lib/provinces';

describe('formatMoney', () => {
  it.each([
    [11_760_000_000, '11,76 tỷ đồng'],
    [1436e9, '1.436 tỷ đồng'],
    [478e6, '478 triệu đồng'],
    [60_182_000_000, '60,182 tỷ đồng'],
    [1e9, '1 tỷ đồng'],
    [250_000, '250 nghìn đồng'],
    [500, '500 đồng'],
    [0, '0 đồng'],
  ])('%d → %s', (dong, text) => {
    expect(formatMoney(dong)).toBe(text);
  });
});

describe('dates', () => {
  it('writes day/month/year without leading zeros', () => {
    expect(formatDate(new Date('2022-09-22'))).toBe('22/9/2022');
    expect(formatDate(new Date('2019-05-28'))).toBe('28/5/2019');
  });

  it('shows the reorganisation day as 1/7/2025 (Vietnam time, not UTC)', () => {
    expect(formatDate(REORGANISATION_DATE)).toBe('1/7/2025');
  });

  it('writes the long form in Vietnamese', () => {
    expect(formatLongDate(new Date('2022-09-22'))).toBe('22 tháng 9, 2022');
  });

  it('gives the ISO day of a content date for <time datetime>', () => {
    expect(isoDay(new Date('2022-09-22'))).toBe('2022-09-22');
  });
});

describe('numbers and figures', () => {
  it('uses . for thousands and , for decimals', () => {
    expect(formatNumber(1234.5)).toBe('1.234,5');
    expect(formatNumber(2.3456)).toBe('2,35');
    expect(formatPercent(36.6)).toBe('36,6%');
  });

  it.each([
    [11_760_000_000, 'dong', '11,76 tỷ đồng'],
    [29, 'projects', '29 đề án'],
    [28, 'provinces', '28 tỉnh, thành phố'],
    [2400, 'people', '2.400 người'],
    [12, 'classes', '12 lớp'],
    [36.6, 'percent', '36,6%'],
    [1500, 'count', '1.500'],
  ] as const)('%d %s → %s', (value, unit, text) => {
    expect(formatFigure(value, unit)).toBe(text);
  });
});
