/**
 * The questions the /co-so/ and /ban-do/ pages ask of the loaded site: a beneficiary's product groups, support years
 * and programmes; the directory's facets (province of the time or today's, kind, product group, support year,
 * programme) with the records each value lists; and the records the map files encode. Pages call these and render.
 */
import type { Beneficiary, Product, Province, Site } from '../data/site';
import type { MapRecord, ProvinceEntry } from '../lib/map/points';
import { GROUPS, KINDS, NOT_STATED, PROGRAMMES, type Group } from '../lib/vocabulary';
import { fullName } from '../lib/provinces';
import { beneficiaryFacetPath } from '../lib/urls';
import { t } from '../i18n';
import { provinceLabelOf } from './ProvinceData';

/** Lines per listing page: short lines, so more than the 24 cards of other listings. */
export const BENEFICIARY_PAGE = 50;

export const FACETS = ['tinh', 'loai', 'nhom', 'nam', 'nguon'] as const;
export type Facet = (typeof FACETS)[number];

export interface FacetValue {
  facet: Facet;
  /** The value as it appears in URLs: a slug, a number or a programme id. */
  value: string;
  /** What a reader sees, e.g. "Hợp tác xã", "2018". */
  label: string;
  items: Beneficiary[];
  /** For provinces: whether the unit still exists (today's 34) or was merged on 1/7/2025. */
  current?: boolean;
}

interface Derived {
  products: Map<string, Product[]>;
  groups: Map<string, Group[]>;
  facets: FacetValue[];
}

const cache = new WeakMap<Site, Derived>();

function derive(site: Site): Derived {
  const derived = cache.get(site);
  if (derived) return derived;
  const products = new Map<string, Product[]>();
  for (const p of site.products) {
    const id = p.data.producer?.id;
    if (id) products.set(id, [...(products.get(id) ?? []), p]);
  }
  const groups = new Map(
    site.beneficiaries.map((b) => [
      b.id,
      [
        ...new Set([
          ...(b.data.groups ?? []),
          // A product whose source states no group adds none: the establishment is not filed under a guess.
          ...(products.get(b.id) ?? []).flatMap((p) => (p.data.group === NOT_STATED ? [] : [p.data.group])),
        ]),
      ].sort(),
    ]),
  );
  const made: Derived = { products, groups, facets: [] };
  cache.set(site, made);
  made.facets = buildFacets(site);
  return made;
}

/** Products recognised for this beneficiary (it is their producer), in the directory's order. */
export const productsOf = (site: Site, b: Beneficiary): Product[] => derive(site).products.get(b.id) ?? [];

/** Product groups (1–4): of its recognised products, and any the record names itself. */
export const groupsOf = (site: Site, b: Beneficiary): Group[] => derive(site).groups.get(b.id) ?? [];

/** Years it received support, oldest first (supports whose year the source does not give add none). */
export const supportYears = (b: Beneficiary): number[] =>
  [...new Set(b.data.support.flatMap((s) => (s.year === undefined ? [] : [s.year])))].sort((x, y) => x - y);

/** The line under a beneficiary's name in lists: kind · province · years of support. */
export function beneficiaryMeta(site: Site, b: Beneficiary): string {
  const years = supportYears(b);
  return [
    t(`kind.${b.data.kind}`),
    b.data.province && provinceLabelOf(site, b.data.province.id),
    years.length > 0 && t('ben.supportedIn', { years: years.join(', ') }),
  ]
    .filter(Boolean)
    .join(' · ');
}

function buildFacets(site: Site): FacetValue[] {
  const list = (facet: Facet, value: string, label: string, items: Beneficiary[], current?: boolean): FacetValue[] =>
    items.length === 0 ? [] : [{ facet, value, label, items, ...(current !== undefined && { current }) }];
  const provinces = site.provinces.flatMap((p) => {
    const ids = site.coveredIds(p.id);
    const current = site.currentOf(p.id).id === p.id;
    return list(
      'tinh',
      p.id,
      p.data.name,
      site.beneficiaries.filter((b) => b.data.province && ids.has(b.data.province.id)),
      current,
    );
  });
  const kinds = KINDS.flatMap((k) =>
    list(
      'loai',
      k,
      t(`kind.${k}`),
      site.beneficiaries.filter((b) => b.data.kind === k),
    ),
  );
  const groups = GROUPS.flatMap((g) =>
    list(
      'nhom',
      String(g),
      t(`group.${g}`),
      site.beneficiaries.filter((b) => groupsOf(site, b).includes(g)),
    ),
  );
  const years = [...new Set(site.beneficiaries.flatMap(supportYears))]
    .sort((a, b) => b - a)
    .flatMap((y) =>
      list(
        'nam',
        String(y),
        String(y),
        site.beneficiaries.filter((b) => supportYears(b).includes(y)),
      ),
    );
  const programmes = PROGRAMMES.flatMap((p) =>
    list(
      'nguon',
      p,
      t(`programme.${p}`),
      site.beneficiaries.filter((b) => b.data.support.some((s) => s.programme === p)),
    ),
  );
  return [...provinces, ...kinds, ...groups, ...years, ...programmes];
}

/** Every facet value that lists at least one beneficiary (provinces in Vietnamese order, years newest first). */
export const facetValues = (site: Site, facet?: Facet): FacetValue[] =>
  derive(site).facets.filter((f) => facet === undefined || f.facet === facet);

/** Title and notes of a facet's listing page. */
export function facetListing(site: Site, f: FacetValue): { title: string; notes: string[]; base: string } {
  const base = beneficiaryFacetPath(f.facet, f.value);
  if (f.facet !== 'tinh') return { title: t(`ben.facetTitle.${f.facet}`, { name: f.label }), notes: [], base };
  const province = site.provinceById.get(f.value)!;
  const current = site.currentOf(f.value);
  const notes: string[] = [];
  const predecessors = site.predecessorsOf(f.value).filter((p) => f.items.some((b) => b.data.province?.id === p.id));
  if (predecessors.length > 0)
    notes.push(t('ben.provinceIncludes', { names: predecessors.map((p) => p.data.name).join(', ') }));
  if (current.id !== f.value) {
    const text = t('ben.provinceFormer', { name: fullName(province.data), current: fullName(current.data) });
    notes.push(text.charAt(0).toUpperCase() + text.slice(1));
  }
  return { title: t('ben.facetTitle.tinh', { name: province.data.name }), notes, base };
}

/** Provinces for the map files: every unit, with today's unit and its centre (for labels). */
export const provinceEntries = (site: Site): ProvinceEntry[] =>
  site.provinces.map((p: Province) => ({
    id: p.id,
    name: p.data.name,
    current: site.currentOf(p.id).id,
    lat: p.data.centre.lat,
    lng: p.data.centre.lng,
  }));

/** What the map files encode for each beneficiary, in the directory's order. */
export const mapRecords = (site: Site): MapRecord[] =>
  site.beneficiaries.map((b) => ({
    slug: b.id,
    name: b.data.name,
    kind: b.data.kind,
    province: b.data.province?.id,
    location: b.data.location,
    addressPublished: b.data.addressPublished,
    groups: groupsOf(site, b),
    years: supportYears(b),
    programmes: [...new Set(b.data.support.map((s) => s.programme))],
  }));
