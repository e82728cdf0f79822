/**
 * Geometry of a horizontal bar chart drawn as SVG at build time. Each row's label sits above its bars (so long
 * Vietnamese labels fit a phone's width), values are written at the bar's end (so the chart reads without colour and
 * in print), and a missing value is written as such instead of being drawn as zero.
 */

export interface BarSeries {
  key: string;
  /** Legend text, e.g. "Được công nhận". */
  label: string;
  /** Word written after each value when a chart has several series, e.g. "công nhận". */
  short?: string | undefined;
}

export interface BarInput {
  label: string;
  /** One value per series; undefined where the source gives none. */
  values: ReadonlyArray<number | undefined>;
}

export interface BarOptions {
  format: (value: number) => string;
  /** Written where a value is missing. */
  missing: string;
  width?: number;
}

export interface Bar {
  series: number;
  x: number;
  y: number;
  width: number;
  height: number;
  value: number | undefined;
  text: string;
  textX: number;
  textY: number;
}

export interface BarRowLayout {
  lines: Array<{ text: string; y: number }>;
  bars: Bar[];
}

export interface BarLayout {
  width: number;
  height: number;
  max: number;
  legend: Array<{ series: number; label: string; x: number; y: number }>;
  rows: BarRowLayout[];
}

export const SIZES = {
  width: 340,
  label: 14,
  lineHeight: 18,
  value: 13,
  bar: 16,
  barGap: 4,
  rowGap: 14,
  legend: 24,
  swatch: 12,
} as const;

/** Rough advance width of text at `size` px (average for Vietnamese in a sans-serif face). */
export const textWidth = (text: string, size: number): number => [...text].length * size * 0.56;

/** Splits `text` into lines of at most `max` characters, at spaces (a longer word gets a line of its own). */
export function wrap(text: string, max: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && `${line} ${word}`.length > max) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

export function layoutBars(series: readonly BarSeries[], rows: readonly BarInput[], options: BarOptions): BarLayout {
  const width = options.width ?? SIZES.width;
  const several = series.length > 1;
  const textOf = (value: number | undefined, s: number) =>
    value === undefined
      ? options.missing
      : several && series[s]?.short
        ? `${options.format(value)} ${series[s]!.short}`
        : options.format(value);
  const values = rows.flatMap((r) => r.values.filter((v): v is number => v !== undefined));
  const max = Math.max(0, ...values);
  // Room for the longest value text at the end of the longest bar.
  const textRoom =
    Math.max(...rows.flatMap((r) => r.values.map((v, s) => textWidth(textOf(v, s), SIZES.value))), 0) + 8;
  const barMax = Math.max(width * 0.4, width - textRoom);
  const perLine = Math.floor(width / (SIZES.label * 0.56));

  let y = 0;
  const legend: BarLayout['legend'] = [];
  if (several) {
    // Legend items side by side, wrapping to a new line when the next would not fit.
    let x = 0;
    series.forEach((s, i) => {
      const itemWidth = SIZES.swatch + 6 + textWidth(s.label, SIZES.value);
      if (x > 0 && x + itemWidth > width) {
        x = 0;
        y += SIZES.legend;
      }
      legend.push({ series: i, label: s.label, x, y: y + SIZES.legend / 2 });
      x += itemWidth + 16;
    });
    y += SIZES.legend + 4;
  }

  const laidOut = rows.map((row) => {
    const lines = wrap(row.label, perLine).map((text) => {
      y += SIZES.lineHeight;
      return { text, y: y - 4 };
    });
    y += 2;
    const bars = series.map((_, s) => {
      const value = row.values[s];
      const barWidth = value === undefined || max === 0 ? 0 : Math.max(value > 0 ? 2 : 0, (value / max) * barMax);
      const bar: Bar = {
        series: s,
        x: 0,
        y,
        width: Math.round(barWidth * 10) / 10,
        height: SIZES.bar,
        value,
        text: textOf(value, s),
        textX: Math.round((barWidth + (barWidth > 0 ? 6 : 0)) * 10) / 10,
        textY: y + SIZES.bar - 3,
      };
      y += SIZES.bar + SIZES.barGap;
      return bar;
    });
    y += SIZES.rowGap - SIZES.barGap;
    return { lines, bars };
  });

  return { width, height: Math.max(y - SIZES.rowGap + 4, 1), max, legend, rows: laidOut };
}
