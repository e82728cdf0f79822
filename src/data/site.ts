/**
 * The one place that reads astro:content. Loads every collection once per build, checks that every reference
 * resolves (the build stops listing them all if not), and answers the cross-collection questions pages ask.
 */
import { existsSync } from 'node:fs';
import { COLLECTIONS } from '../lib/check/collections';
import { getCollection, type CollectionEntry } from 'astro:content';
import { findDanglingReferences, formatProblems } from '../lib/references';
import { byId, currentUnit, idsCoveredBy, predecessors } from '../lib/provinces';
import { sortVi } from '../lib/vi-text';

export type Province = CollectionEntry<'provinces'>;
export type Conference = CollectionEntry<'conferences'>;
export type News = CollectionEntry<'news'>;
export type Round = CollectionEntry<'votingRounds'>;
export type Product = CollectionEntry<'products'>;
export type Beneficiary = CollectionEntry<'beneficiaries'>;
export type Story = CollectionEntry<'stories'>;
export type Report = CollectionEntry<'reports'>;

/** A product's recognition, read from the round whose results list it. */
export interface Recognition {
  round: Round;
  score?: number | undefined;
  certificate?: string | undefined;
}

const newestFirst = <T extends { data: { date: Date } }>(items: T[]): T[] =>
  items.sort((a, b) => b.data.date.getTime() - a.data.date.getTime());

const provinceRecord = (p: Province) => ({ ...p.data, id: p.id, mergedInto: p.data.mergedInto?.id });

async function load() {
  const [provinces, conferences, news, rounds, products, beneficiaries, stories, reports] = await Promise.all([
    getCollection('provinces'),
    getCollection('conferences'),
    getCollection('news'),
    getCollection('votingRounds'),
    getCollection('products'),
    getCollection('beneficiaries'),
    // No folder, no entries: asked anyway, Astro would warn on every build that the collection is empty.
    existsSync(COLLECTIONS.stories.path) ? getCollection('stories') : Promise.resolve([] as Story[]),
    getCollection('reports'),
  ]);
  const everything = [provinces, conferences, news, rounds, products, beneficiaries, stories, reports].flat();
  const problems = findDanglingReferences(everything);
  if (problems.length > 0) {
    throw new Error(`Nội dung có ${problems.length} tham chiếu tới mục không tồn tại:\n${formatProblems(problems)}`);
  }

  const provinceRecords = provinces.map(provinceRecord);
  const provinceIndex = byId(provinceRecords);
  const recognitions = new Map<string, Recognition[]>();
  for (const round of rounds) {
    for (const result of round.data.results) {
      const list = recognitions.get(result.product.id) ?? [];
      list.push({ round, score: result.score, certificate: result.certificate });
      recognitions.set(result.product.id, list);
    }
  }

  return {
    provinces: sortVi(provinces, (p) => p.data.name),
    conferences: newestFirst(conferences),
    news: newestFirst(news),
    rounds: rounds.sort((a, b) => b.data.year - a.data.year || a.data.level.localeCompare(b.data.level)),
    products: sortVi(products, (p) => p.data.name),
    beneficiaries: sortVi(beneficiaries, (b) => b.data.name),
    stories: newestFirst(stories),
    reports: reports.sort((a, b) => b.data.period.to - a.data.period.to),
    provinceById: byId(provinces),
    productById: byId(products),
    beneficiaryById: byId(beneficiaries),
    conferenceById: byId(conferences),
    roundById: byId(rounds),

    /** Rounds that recognised this product, newest first. */
    recognitionsOf: (productId: string): Recognition[] =>
      (recognitions.get(productId) ?? []).sort((a, b) => b.round.data.year - a.round.data.year),

    /** The unit a province belongs to today (itself when it still exists). */
    currentOf(provinceId: string): Province {
      const record = provinceIndex.get(provinceId);
      const current = record ? currentUnit(record, provinceIndex) : undefined;
      const entry = provinces.find((p) => p.id === (current?.id ?? provinceId));
      if (!entry) throw new Error(`Không có tỉnh/thành "${provinceId}"`);
      return entry;
    },

    /** Former units merged into this one on 1/7/2025. */
    predecessorsOf: (provinceId: string): Province[] => {
      const record = provinceIndex.get(provinceId);
      if (!record) return [];
      const ids = new Set(predecessors(record, provinceRecords).map((p) => p.id));
      return sortVi(
        provinces.filter((p) => ids.has(p.id)),
        (p) => p.data.name,
      );
    },

    /** Ids whose records a province page lists: itself and its predecessors. */
    coveredIds: (provinceId: string): Set<string> => {
      const record = provinceIndex.get(provinceId);
      return record ? idsCoveredBy(record, provinceRecords) : new Set([provinceId]);
    },
  };
}

export type Site = Awaited<ReturnType<typeof load>>;

let site: Promise<Site> | undefined;

/** The loaded, checked content; computed once per build and shared by every page. */
export const loadSite = (): Promise<Site> => (site ??= load());
