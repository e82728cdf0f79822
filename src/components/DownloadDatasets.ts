/**
 * The open-data files under /du-lieu/: for each dataset its columns (the data dictionary shown on /du-lieu/ and
 * written into the JSON) and its rows, built from the loaded content. The CSV and the JSON of a dataset carry the
 * same columns in the same order; ids are the entries' slugs, so they stay stable between builds.
 */
import type { Site } from '../data/site';
import type { CsvValue } from '../lib/csv';
import { isoDay } from '../lib/format';
import { fullName } from '../lib/provinces';
import {
  absolute,
  beneficiaryPath,
  conferencePath,
  productPath,
  provincePath,
  reportPath,
  roundPath,
} from '../lib/urls';
import { t, type UiKey } from '../i18n';
import vi from '../i18n/vi.json';
import { LEGAL_KINDS as KINDS, NOT_STATED } from '../lib/vocabulary';

export type ColumnType = 'text' | 'integer' | 'number' | 'boolean' | 'date' | 'list' | 'url';
export interface Column {
  name: string;
  type: ColumnType;
}
export type Row = Record<string, CsvValue>;

/** What the row builders read from the loaded site. */
export type DownloadSite = Pick<
  Site,
  | 'provinces'
  | 'conferences'
  | 'rounds'
  | 'products'
  | 'beneficiaries'
  | 'reports'
  | 'provinceById'
  | 'productById'
  | 'beneficiaryById'
  | 'currentOf'
  | 'recognitionsOf'
>;

export interface Dataset {
  /** File name without extension, e.g. "san-pham" for /du-lieu/san-pham.csv. */
  id: DatasetId;
  columns: readonly Column[];
  rows: (site: DownloadSite, origin: URL) => Row[];
}

export const DATASET_IDS = [
  'san-pham',
  'co-so',
  'ho-tro',
  'binh-chon',
  'ket-qua-binh-chon',
  'hoi-nghi',
  'tinh-thanh',
  'so-lieu',
] as const;
export type DatasetId = (typeof DATASET_IDS)[number];

const col = (spec: string): Column => {
  const [name, type = 'text'] = spec.split(':') as [string, ColumnType?];
  return { name, type };
};
const cols = (...specs: string[]) => specs.map(col);

type Sourced = { data: { sources?: ReadonlyArray<{ publisher: string; url?: string | undefined }> | undefined } };
const sourceColumns = (entry: Sourced): Row => ({
  source_publishers: [...new Set((entry.data.sources ?? []).map((s) => s.publisher))],
  source_urls: [...new Set((entry.data.sources ?? []).flatMap((s) => (s.url ? [s.url] : [])))],
});
const day = (date: Date | undefined) => (date ? isoDay(date) : undefined);

/** The province of a record's time, and the unit it is part of today. */
function provinceColumns(site: DownloadSite, id: string | undefined, prefix = 'province'): Row {
  if (!id)
    return {
      [`${prefix}_id`]: undefined,
      [`${prefix}_name`]: undefined,
      [`${prefix}_now_id`]: undefined,
      [`${prefix}_now_name`]: undefined,
    };
  const now = site.currentOf(id);
  return {
    [`${prefix}_id`]: id,
    [`${prefix}_name`]: site.provinceById.get(id)?.data.name,
    [`${prefix}_now_id`]: now.id,
    [`${prefix}_now_name`]: now.data.name,
  };
}

const products: Dataset = {
  id: 'san-pham',
  columns: cols(
    'id',
    'name',
    'group:integer',
    'group_name',
    'is_set:boolean',
    'producer_id',
    'producer_name',
    'province_id',
    'province_name',
    'province_now_id',
    'province_now_name',
    'rounds:list',
    'description',
    'contact',
    'url:url',
    'source_publishers:list',
    'source_urls:list',
  ),
  rows: (site, origin) =>
    site.products.map((p) => ({
      id: p.id,
      name: p.data.name,
      // An integer column: a group the source does not state is left empty, and group_name says so.
      group: p.data.group === NOT_STATED ? undefined : p.data.group,
      group_name: t(`group.${p.data.group}`),
      is_set: p.data.isSet,
      producer_id: p.data.producer?.id,
      producer_name: p.data.producer && site.beneficiaryById.get(p.data.producer.id)?.data.name,
      ...provinceColumns(site, p.data.province.id),
      rounds: site.recognitionsOf(p.id).map((r) => r.round.id),
      description: p.data.description,
      contact: p.data.contact,
      url: absolute(productPath(p.id), origin),
      ...sourceColumns(p),
    })),
};

const beneficiaries: Dataset = {
  id: 'co-so',
  columns: cols(
    'id',
    'name',
    'kind',
    'kind_name',
    'province_id',
    'province_name',
    'province_now_id',
    'province_now_name',
    'address',
    'sector',
    'lat:number',
    'lng:number',
    'location_precision',
    'support_count:integer',
    'products:list',
    'contact',
    'url:url',
    'source_publishers:list',
    'source_urls:list',
  ),
  rows: (site, origin) => {
    const made = new Map<string, string[]>();
    for (const p of site.products)
      if (p.data.producer) made.set(p.data.producer.id, [...(made.get(p.data.producer.id) ?? []), p.id]);
    return site.beneficiaries.map((b) => ({
      id: b.id,
      name: b.data.name,
      kind: b.data.kind,
      kind_name: t(`kind.${b.data.kind}`),
      ...provinceColumns(site, b.data.province?.id),
      address: b.data.address,
      sector: b.data.sector,
      lat: b.data.location?.lat,
      lng: b.data.location?.lng,
      location_precision: b.data.location?.precision,
      support_count: b.data.support.length,
      products: made.get(b.id) ?? [],
      contact: b.data.contact,
      url: absolute(beneficiaryPath(b.id), origin),
      ...sourceColumns(b),
    }));
  },
};

const support: Dataset = {
  id: 'ho-tro',
  columns: cols(
    'beneficiary_id',
    'seq:integer',
    'beneficiary_name',
    'year:integer',
    'programme',
    'programme_name',
    'project',
    'kind',
    'amount_vnd:integer',
    'counterpart_vnd:integer',
  ),
  rows: (site) =>
    site.beneficiaries.flatMap((b) =>
      b.data.support.map((s, i) => ({
        beneficiary_id: b.id,
        seq: i + 1,
        beneficiary_name: b.data.name,
        year: s.year,
        programme: s.programme,
        programme_name: t(`programme.${s.programme}`),
        project: s.project,
        kind: s.kind,
        amount_vnd: s.amount,
        counterpart_vnd: s.counterpart,
      })),
    ),
};

const rounds: Dataset = {
  id: 'binh-chon',
  columns: cols(
    'id',
    'title',
    'level',
    'level_name',
    'region',
    'region_name',
    'year:integer',
    'organiser',
    'host_id',
    'host_name',
    'decision_number',
    'decision_date:date',
    'entries:integer',
    'recognised:integer',
    'recognised_group_1:integer',
    'recognised_group_2:integer',
    'recognised_group_3:integer',
    'recognised_group_4:integer',
    'localities:integer',
    'ceremony_date:date',
    'ceremony_place',
    'results_on_site:integer',
    'notes',
    'url:url',
    'source_publishers:list',
    'source_urls:list',
  ),
  rows: (site, origin) =>
    site.rounds.map((r) => ({
      id: r.id,
      title: r.data.title,
      level: r.data.level,
      level_name: t(`level.${r.data.level}`),
      region: r.data.region,
      region_name: r.data.region && t(`region.${r.data.region}`),
      year: r.data.year,
      organiser: r.data.organiser,
      host_id: r.data.host?.id,
      host_name: r.data.host && site.provinceById.get(r.data.host.id)?.data.name,
      decision_number: r.data.decision?.number,
      decision_date: day(r.data.decision?.date),
      entries: r.data.entries,
      recognised: r.data.recognised,
      recognised_group_1: r.data.recognisedByGroup?.[1],
      recognised_group_2: r.data.recognisedByGroup?.[2],
      recognised_group_3: r.data.recognisedByGroup?.[3],
      recognised_group_4: r.data.recognisedByGroup?.[4],
      localities: r.data.localities,
      ceremony_date: day(r.data.ceremony?.date),
      ceremony_place: r.data.ceremony?.place,
      results_on_site: r.data.results.length,
      notes: r.data.notes,
      url: absolute(roundPath(r.id), origin),
      ...sourceColumns(r),
    })),
};

const results: Dataset = {
  id: 'ket-qua-binh-chon',
  columns: cols(
    'round_id',
    'seq:integer',
    'product_id',
    'product_name',
    'group:integer',
    'producer_id',
    'producer_name',
    'province_id',
    'province_name',
    'province_now_id',
    'province_now_name',
    'score:number',
    'certificate',
    'decision',
    'product_url:url',
  ),
  rows: (site, origin) =>
    site.rounds.flatMap((r) =>
      r.data.results.map((res, i) => {
        const product = site.productById.get(res.product.id)!;
        return {
          round_id: r.id,
          seq: i + 1,
          product_id: product.id,
          product_name: product.data.name,
          group: product.data.group,
          producer_id: product.data.producer?.id,
          producer_name: product.data.producer && site.beneficiaryById.get(product.data.producer.id)?.data.name,
          ...provinceColumns(site, product.data.province.id),
          score: res.score,
          certificate: res.certificate,
          decision: res.decision,
          product_url: absolute(productPath(product.id), origin),
        };
      }),
    ),
};

const conferences: Dataset = {
  id: 'hoi-nghi',
  columns: cols(
    'id',
    'number',
    'title',
    'region',
    'region_name',
    'date:date',
    'host_id',
    'host_name',
    'host_now_id',
    'host_now_name',
    'venue',
    'organisers:list',
    'chairs:list',
    'provinces_count:integer',
    'tasks_count:integer',
    'contributions_count:integer',
    'next_host_id',
    'next_host_name',
    'summary',
    'url:url',
    'source_publishers:list',
    'source_urls:list',
  ),
  rows: (site, origin) =>
    site.conferences.map((c) => ({
      id: c.id,
      number: c.data.number,
      title: c.data.title,
      region: c.data.region,
      region_name: t(`region.${c.data.region}`),
      date: day(c.data.date),
      ...provinceColumns(site, c.data.host?.id, 'host'),
      venue: c.data.venue,
      organisers: c.data.organisers,
      chairs: c.data.chairs.map((p) => `${p.name} (${p.role})`),
      provinces_count: c.data.provincesCount,
      tasks_count: c.data.tasksCount,
      contributions_count: c.data.contributions.length,
      next_host_id: c.data.nextHost?.id,
      next_host_name: c.data.nextHost && site.provinceById.get(c.data.nextHost.id)?.data.name,
      summary: c.data.summary,
      url: absolute(conferencePath(c.id), origin),
      ...sourceColumns(c),
    })),
};

const provinces: Dataset = {
  id: 'tinh-thanh',
  columns: cols(
    'id',
    'name',
    'full_name',
    'kind',
    'gso_code',
    'region',
    'region_name',
    'centre_name',
    'lat:number',
    'lng:number',
    'valid_from:date',
    'valid_until:date',
    'merged_into_id',
    'current_id',
    'current_name',
    'is_current:boolean',
    'aliases:list',
    'legal_basis:list',
    'url:url',
  ),
  rows: (site, origin) =>
    [...site.provinces]
      .sort((a, b) => a.data.gsoCode.localeCompare(b.data.gsoCode) || a.id.localeCompare(b.id))
      .map((p) => {
        const now = site.currentOf(p.id);
        return {
          id: p.id,
          name: p.data.name,
          full_name: fullName(p.data),
          kind: p.data.kind,
          gso_code: p.data.gsoCode,
          region: p.data.region,
          region_name: t(`region.${p.data.region}`),
          centre_name: p.data.centreName,
          lat: p.data.centre.lat,
          lng: p.data.centre.lng,
          valid_from: day(p.data.validFrom),
          valid_until: day(p.data.validUntil),
          merged_into_id: p.data.mergedInto?.id,
          current_id: now.id,
          current_name: now.data.name,
          is_current: now.id === p.id,
          aliases: p.data.aliases,
          legal_basis: (p.data.sources ?? []).map((s) => s.title ?? s.publisher),
          url: absolute(provincePath(p.id), origin),
        };
      }),
};

const FUNDING = ['total', 'national', 'local', 'counterpart'] as const;
const fundingLabel: Record<(typeof FUNDING)[number], UiKey> = {
  total: 'stats.total',
  national: 'stats.national',
  local: 'stats.local',
  counterpart: 'stats.counterpart',
};

const figures: Dataset = {
  id: 'so-lieu',
  columns: cols(
    'id',
    'report_id',
    'report_title',
    'period_from:integer',
    'period_to:integer',
    'period_label',
    'province_id',
    'region',
    'scope',
    'item',
    'label',
    'value:number',
    'unit',
    'note',
    'url:url',
    'source_publishers:list',
    'source_urls:list',
  ),
  rows: (site, origin) =>
    site.reports.flatMap((r) => {
      const items: Array<{ item: string; label: string; value: number; unit: string; note?: string | undefined }> = [
        ...FUNDING.flatMap((k) => {
          const value = r.data.funding[k];
          return value === undefined ? [] : [{ item: `funding.${k}`, label: t(fundingLabel[k]), value, unit: 'dong' }];
        }),
        ...KINDS.flatMap((k) => {
          const value = r.data.beneficiariesByKind[k];
          return value === undefined
            ? []
            : [{ item: `beneficiaries.${k}`, label: t(`kind.${k}`), value, unit: 'count' }];
        }),
        ...r.data.figures.map((f, i) => ({
          item: `figure.${i + 1}`,
          label: f.label,
          value: f.value,
          unit: f.unit,
          note: f.note,
        })),
      ];
      return items.map((it) => ({
        id: `${r.id}/${it.item}`,
        report_id: r.id,
        report_title: r.data.title,
        period_from: r.data.period.from,
        period_to: r.data.period.to,
        period_label: r.data.periodLabel,
        province_id: r.data.province?.id,
        region: r.data.region,
        scope: r.data.scope,
        item: it.item,
        label: it.label,
        value: it.value,
        unit: it.unit,
        note: it.note,
        url: absolute(reportPath(r.id), origin),
        ...sourceColumns(r),
      }));
    }),
};

export const DATASETS: readonly Dataset[] = [
  products,
  beneficiaries,
  support,
  rounds,
  results,
  conferences,
  provinces,
  figures,
];

export const datasetById = (id: string): Dataset | undefined => DATASETS.find((d) => d.id === id);

/** The dictionary's words for a column: its meaning in this dataset (or the shared meaning), and its type. */
export function describeColumn(dataset: DatasetId, column: Column): { description: string; type: string } {
  const own = `dl.col.${dataset}.${column.name}`;
  const key = (own in vi ? own : `dl.col.${column.name}`) as UiKey;
  return { description: t(key), type: t(`dl.type.${column.type}`) };
}
