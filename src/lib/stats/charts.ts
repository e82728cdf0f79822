/**
 * The charts of /so-lieu/, built only from sourced content: the rounds' published counts, the reports' figures and
 * the directory's own records (labelled as such). Each chart is a spec (rows, series, unit, sources per row) that
 * ChartFigure draws as SVG beside a table of the same numbers.
 */
import { formatMoney, formatNumber } from '../format';
import { provincePath, roundPath } from '../urls';
import { t, type UiKey } from '../../i18n';
import type { BarSeries } from './bars';
import { GROUPS, LEGAL_KINDS, LEVELS, type Group, type Level, type Region } from '../vocabulary.ts';

export { GROUPS, LEVELS, type Group, type Level, type Region };
/** Kinds a report counts establishments by (reports never count "not stated"). */
export type Kind = (typeof LEGAL_KINDS)[number];
export const KINDS: readonly Kind[] = LEGAL_KINDS;

export type ChartUnit = 'dong' | 'count';

export interface SourceLink {
  label: string;
  href?: string | undefined;
}

export interface ChartRow {
  label: string;
  /** The page that gives this row's figures with their sources. */
  href?: string | undefined;
  values: Array<number | undefined>;
  sources: SourceLink[];
}

export interface ChartSpec {
  id: string;
  title: string;
  unit: ChartUnit;
  /** Heading of the table's first column. */
  rowHeader: string;
  series: BarSeries[];
  rows: ChartRow[];
  /** What the reader must know to read the chart right (scope, what is counted). */
  note?: string | undefined;
}

interface SourceLike {
  publisher: string;
  url?: string | undefined;
}
export interface RoundLike {
  id: string;
  data: {
    title: string;
    level: Level;
    region?: Region | undefined;
    year: number;
    entries?: number | undefined;
    recognised?: number | undefined;
    recognisedByGroup?: { [G in Group]?: number | undefined } | undefined;
    sources: SourceLike[];
  };
}
export interface ReportLike {
  id: string;
  data: {
    title: string;
    periodLabel: string;
    scope: string;
    province?: { id: string } | undefined;
    funding: { [K in 'total' | 'national' | 'local' | 'counterpart']?: number | undefined };
    beneficiariesByKind: { [K in Kind]?: number | undefined };
    sources: SourceLike[];
  };
}

export const FUNDING = [
  ['total', 'stats.total'],
  ['national', 'stats.national'],
  ['local', 'stats.local'],
  ['counterpart', 'stats.counterpart'],
] as const satisfies ReadonlyArray<readonly [string, UiKey]>;

/** "11,76 tỷ đồng" or "1.234" by the chart's unit. */
export const formatValue = (unit: ChartUnit) => (value: number) =>
  unit === 'dong' ? formatMoney(value) : formatNumber(value);

/** Each publisher once, linked where the source has an address. */
export function sourceLinks(sources: readonly SourceLike[]): SourceLink[] {
  const seen = new Map<string, SourceLink>();
  for (const s of sources) {
    const key = `${s.publisher}|${s.url ?? ''}`;
    if (!seen.has(key)) seen.set(key, { label: s.publisher, href: s.url });
  }
  return [...seen.values()];
}

/** "2022 · Khu vực phía Bắc" for a regional round, "2023 · Cấp quốc gia" otherwise. */
const roundLabel = (r: RoundLike) =>
  `${r.data.year} · ${r.data.level === 'khu-vuc' && r.data.region ? t(`region.${r.data.region}`) : t(`level.${r.data.level}`)}`;

const byYear = (rounds: readonly RoundLike[]) =>
  [...rounds].sort((a, b) => a.data.year - b.data.year || LEVELS.indexOf(a.data.level) - LEVELS.indexOf(b.data.level));

/** Entries and recognised products of each round, oldest first: the rounds' published counts. */
export function roundsChart(rounds: readonly RoundLike[]): ChartSpec {
  return {
    id: 'binh-chon-qua-cac-nam',
    title: t('stats.chart.rounds'),
    unit: 'count',
    rowHeader: t('stats.chart.round'),
    series: [
      { key: 'entries', label: t('rounds.entries'), short: t('stats.chart.entriesShort') },
      { key: 'recognised', label: t('rounds.recognised'), short: t('stats.chart.recognisedShort') },
    ],
    rows: byYear(rounds).map((r) => ({
      label: roundLabel(r),
      href: roundPath(r.id),
      values: [r.data.entries, r.data.recognised],
      sources: sourceLinks(r.data.sources),
    })),
    note: t('stats.chart.roundsNote'),
  };
}

/** Recognitions by level: the sum of the rounds' published counts at each level. */
export function levelsChart(rounds: readonly RoundLike[]): ChartSpec {
  const levels = LEVELS.filter((l) => rounds.some((r) => r.data.level === l));
  return {
    id: 'cong-nhan-theo-cap',
    title: t('stats.chart.levels'),
    unit: 'count',
    rowHeader: t('rounds.level'),
    series: [{ key: 'recognised', label: t('rounds.recognised') }],
    rows: levels.map((level) => {
      // Only rounds whose count is published: a round without one is left out, not counted as zero.
      const these = byYear(rounds.filter((r) => r.data.level === level && r.data.recognised !== undefined));
      return {
        label: t('stats.chart.levelRow', { level: t(`level.${level}`), count: these.length }),
        href: '/binh-chon/',
        values: [these.reduce((sum, r) => sum + r.data.recognised!, 0)],
        sources: these.map((r) => ({ label: String(r.data.year), href: roundPath(r.id) })),
      };
    }),
    note: t('stats.chart.levelsNote'),
  };
}

/** Recognised products by group, from the rounds that publish that split; undefined when none does. */
export function officialGroupsChart(rounds: readonly RoundLike[]): ChartSpec | undefined {
  const split = byYear(
    rounds.filter((r) => r.data.recognisedByGroup && Object.keys(r.data.recognisedByGroup).length > 0),
  );
  if (split.length === 0) return undefined;
  return {
    id: 'cong-nhan-theo-nhom',
    title: t('stats.chart.groupsOfficial'),
    unit: 'count',
    rowHeader: t('products.group'),
    series: split.map((r) => ({ key: r.id, label: roundLabel(r), short: String(r.data.year) })),
    rows: GROUPS.map((g) => ({
      label: t(`group.${g}`),
      values: split.map((r) => r.data.recognisedByGroup?.[g]),
      sources: split.flatMap((r) => sourceLinks(r.data.sources)),
    })),
  };
}

/** Counts of the directory's own records by a key: what the site holds, not the programme's totals. */
export function directoryChart<K extends string | number>(spec: {
  id: string;
  title: string;
  rowHeader: string;
  keys: readonly K[];
  label: (key: K) => string;
  href: (key: K) => string;
  count: (key: K) => number;
  seriesLabel: string;
  note: string;
}): ChartSpec {
  return {
    id: spec.id,
    title: spec.title,
    unit: 'count',
    rowHeader: spec.rowHeader,
    series: [{ key: 'count', label: spec.seriesLabel }],
    rows: spec.keys
      .map((k) => ({ k, n: spec.count(k) }))
      .filter(({ n }) => n > 0)
      .map(({ k, n }) => ({
        label: spec.label(k),
        href: spec.href(k),
        values: [n],
        sources: [{ label: t('stats.chart.directory'), href: spec.href(k) }],
      })),
    note: spec.note,
  };
}

/** A report's funding by source (and its total), as the source splits it; undefined with fewer than two amounts. */
export function fundingChart(report: ReportLike): ChartSpec | undefined {
  const rows = FUNDING.filter(([key]) => report.data.funding[key] !== undefined);
  if (rows.length < 2) return undefined;
  return {
    id: `kinh-phi-${report.id}`,
    title: t('stats.chart.funding', { title: report.data.title }),
    unit: 'dong',
    rowHeader: t('stats.chart.fundingSource'),
    series: [{ key: 'amount', label: t('stats.funding') }],
    rows: rows.map(([key, label]) => ({
      label: t(label),
      href: `#${report.id}`,
      values: [report.data.funding[key]],
      sources: sourceLinks(report.data.sources),
    })),
    note: `${t('stats.period')}: ${report.data.periodLabel}. ${t('stats.scope')}: ${report.data.scope}.`,
  };
}

/** A report's establishments by kind; undefined when the report gives no split. */
export function kindsChart(report: ReportLike): ChartSpec | undefined {
  const kinds = KINDS.filter((k) => report.data.beneficiariesByKind[k] !== undefined);
  if (kinds.length === 0) return undefined;
  return {
    id: `loai-hinh-${report.id}`,
    title: t('stats.chart.kinds', { title: report.data.title }),
    unit: 'count',
    rowHeader: t('ben.kind'),
    series: [{ key: 'count', label: t('stats.chart.establishments') }],
    rows: kinds.map((k) => ({
      label: t(`kind.${k}`),
      href: `#${report.id}`,
      values: [report.data.beneficiariesByKind[k]],
      sources: sourceLinks(report.data.sources),
    })),
    note: `${t('stats.period')}: ${report.data.periodLabel}. ${t('stats.scope')}: ${report.data.scope}.`,
  };
}

/** Provincial reports' totals side by side; undefined unless at least two provinces have one to compare. */
export function provincesFundingChart(
  reports: readonly ReportLike[],
  nameOf: (provinceId: string) => string,
): ChartSpec | undefined {
  const withTotal = reports.filter((r) => r.data.province && r.data.funding.total !== undefined);
  if (new Set(withTotal.map((r) => r.data.province!.id)).size < 2) return undefined;
  return {
    id: 'kinh-phi-theo-tinh',
    title: t('stats.chart.provinces'),
    unit: 'dong',
    rowHeader: t('common.province'),
    series: [{ key: 'total', label: t('stats.total') }],
    rows: withTotal.map((r) => ({
      label: `${nameOf(r.data.province!.id)} (${r.data.periodLabel})`,
      href: `#${r.id}`,
      values: [r.data.funding.total],
      sources: sourceLinks(r.data.sources),
    })),
    note: t('stats.chart.provincesNote'),
  };
}

/** One sentence for the chart's <desc>: what it shows, its largest and smallest values. */
export function describeChart(spec: ChartSpec): string {
  const format = formatValue(spec.unit);
  const points = spec.rows.flatMap((r) =>
    r.values.flatMap((v, s) =>
      v === undefined
        ? []
        : [{ v, what: spec.series.length > 1 ? `${r.label}, ${spec.series[s]!.label.toLowerCase()}` : r.label }],
    ),
  );
  if (points.length === 0) return t('stats.chart.descEmpty', { title: spec.title });
  const top = points.reduce((a, b) => (b.v > a.v ? b : a));
  const low = points.reduce((a, b) => (b.v < a.v ? b : a));
  return t('stats.chart.desc', {
    count: spec.rows.length,
    max: `${top.what}: ${format(top.v)}`,
    min: `${low.what}: ${format(low.v)}`,
  });
}

/** The directory's products and establishments by today's province (its predecessors' records included). */
export function directoryProvincesChart(
  rows: ReadonlyArray<{ id: string; name: string; products: number; beneficiaries: number }>,
): ChartSpec {
  return {
    id: 'danh-ba-theo-tinh',
    title: t('stats.chart.directoryProvinces'),
    unit: 'count',
    rowHeader: t('prov.current'),
    series: [
      { key: 'products', label: t('prov.products'), short: t('stats.chart.productsShort') },
      { key: 'beneficiaries', label: t('prov.beneficiaries'), short: t('stats.chart.beneficiariesShort') },
    ],
    rows: rows
      .filter((r) => r.products + r.beneficiaries > 0)
      .map((r) => ({
        label: r.name,
        href: provincePath(r.id),
        values: [r.products, r.beneficiaries],
        sources: [{ label: t('stats.chart.directory'), href: provincePath(r.id) }],
      })),
    note: t('stats.chart.directoryNote'),
  };
}
