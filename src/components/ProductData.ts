/**
 * The product and round questions the /san-pham/ and /binh-chon/ pages ask of the loaded site: a round's result rows,
 * a product's card line, listings by group and by province (a current unit includes the units merged into it), the
 * data behind the directory's instant filter, and related products. Pages call these and render.
 */
import type { Beneficiary, Product, Province, Round, Site } from '../data/site';
import { t } from '../i18n';
import { provinceLabelOf } from './ProvinceData';

import { GROUPS, type Group } from '../lib/vocabulary';

export { GROUPS, type Group };

export interface ResultRow {
  product: Product;
  producer?: Beneficiary | undefined;
  province: Province;
  /** The unit the province is part of today, when that differs. */
  provinceNow?: Province | undefined;
  score?: number | undefined;
  certificate?: string | undefined;
  decision?: string | undefined;
}

function provinceNow(site: Site, province: Province): Province | undefined {
  const now = site.currentOf(province.id);
  return now.id === province.id ? undefined : now;
}

/** The round's results in the order the round lists them. */
export function roundResultRows(site: Site, round: Round): ResultRow[] {
  return round.data.results.map((result) => {
    const product = site.productById.get(result.product.id)!;
    const province = site.provinceById.get(product.data.province.id)!;
    return {
      product,
      producer: product.data.producer && site.beneficiaryById.get(product.data.producer.id),
      province,
      provinceNow: provinceNow(site, province),
      score: result.score,
      certificate: result.certificate,
      decision: result.decision,
    };
  });
}

/** A card's line: group · province of its time (and today's) · latest recognition. */
export function productMeta(site: Site, product: Product): string {
  const latest = site.recognitionsOf(product.id)[0];
  return [
    t(`group.${product.data.group}`),
    provinceLabelOf(site, product.data.province.id),
    latest && `${t(`level.${latest.round.data.level}`)} ${latest.round.data.year}`,
  ]
    .filter(Boolean)
    .join(' · ');
}

const memos = new WeakMap<Site, Map<string, unknown>>();

/**
 * Computes once per build what every listing page asks again (thousands of pages at national scale would otherwise
 * each scan every product).
 */
function memo<T>(site: Site, key: string, compute: () => T): T {
  let cache = memos.get(site);
  if (!cache) memos.set(site, (cache = new Map()));
  if (!cache.has(key)) cache.set(key, compute());
  return cache.get(key) as T;
}

export const productsInGroup = (site: Site, group: Group): Product[] =>
  memo(site, `group:${group}`, () => site.products.filter((p) => p.data.group === group));

/** Products filed under the province, or, for a current unit, under it or any unit merged into it. */
export function productsInProvince(site: Site, provinceId: string): Product[] {
  const byProvince = memo(site, 'byProvince', () => {
    const index = new Map<string, Product[]>();
    for (const p of site.products) {
      const list = index.get(p.data.province.id);
      if (list) list.push(p);
      else index.set(p.data.province.id, [p]);
    }
    return index;
  });
  return memo(site, `province:${provinceId}`, () => {
    const ids = site.coveredIds(provinceId);
    if (ids.size === 1) return byProvince.get(provinceId) ?? [];
    // Several units: merge and keep the site's Vietnamese order.
    return site.products.filter((p) => ids.has(p.data.province.id));
  });
}

/** Provinces that have products to list, current units and former ones apart, in Vietnamese order. */
export function provincesWithProducts(site: Site): { current: Province[]; former: Province[] } {
  return memo(site, 'provincesWithProducts', () => {
    const listed = site.provinces.filter((p) => productsInProvince(site, p.id).length > 0);
    return {
      current: listed.filter((p) => site.currentOf(p.id).id === p.id),
      former: listed.filter((p) => site.currentOf(p.id).id !== p.id),
    };
  });
}

/** Every product of each producer, indexed once per build (20,000 product pages each ask). */
function byProducer(site: Site): Map<string, Product[]> {
  return memo(site, 'byProducer', () => {
    const index = new Map<string, Product[]>();
    for (const p of site.products) {
      const id = p.data.producer?.id;
      if (!id) continue;
      const list = index.get(id);
      if (list) list.push(p);
      else index.set(id, [p]);
    }
    return index;
  });
}

/** The producer's other products, then others of the same group in the same rounds; at most `max` in all. */
export function relatedProducts(
  site: Site,
  product: Product,
  max = 6,
): { sameProducer: Product[]; sameRound: Product[] } {
  const seen = new Set([product.id]);
  const take = (candidates: Iterable<Product>, room: number) => {
    const out: Product[] = [];
    for (const p of candidates) {
      if (out.length >= room) break;
      if (seen.has(p.id)) continue;
      seen.add(p.id);
      out.push(p);
    }
    return out;
  };
  const sameProducer = take(product.data.producer ? (byProducer(site).get(product.data.producer.id) ?? []) : [], max);
  const sameRound = take(
    site
      .recognitionsOf(product.id)
      .flatMap((r) => r.round.data.results.map((res) => site.productById.get(res.product.id)!))
      .filter((p) => p.data.group === product.data.group),
    max - sameProducer.length,
  );
  return { sameProducer, sameRound };
}

/**
 * What the directory's filter needs, compact: each product as
 * [slug, name, group, province, producer name, recognitions as "level:year"], and the labels to show.
 */
export function filterData(site: Site) {
  return {
    provinces: Object.fromEntries(site.provinces.map((p) => [p.id, [p.data.name, site.currentOf(p.id).id]] as const)),
    groups: Object.fromEntries(GROUPS.map((g) => [g, t(`group.${g}`)])),
    levels: Object.fromEntries((['huyen', 'tinh', 'khu-vuc', 'quoc-gia'] as const).map((l) => [l, t(`level.${l}`)])),
    now: t('common.provinceNowInline'),
    items: site.products.map((p) => [
      p.id,
      p.data.name,
      p.data.group,
      p.data.province.id,
      p.data.producer ? (site.beneficiaryById.get(p.data.producer.id)?.data.name ?? '') : '',
      site.recognitionsOf(p.id).map((r) => `${r.round.data.level}:${r.round.data.year}`),
    ]),
  };
}
export type FilterData = ReturnType<typeof filterData>;
