/**
 * A voting round /binh-chon/<slug>/ as an ItemList: the products it recognised.
 *
 * Why ItemList and not Event: a round is known by its year, decision and recognised products, not as one dated
 * happening at one place (sources give a ceremony for few rounds, and the vote itself spans months), so an Event
 * would need a startDate and location the sources do not give. What the page publishes is the list of recognised
 * products, which is exactly an ItemList. Its numberOfItems is the count the source publishes (schema.org counts the
 * whole list when a page shows only part of it), and is left out when the source gives none: the products listed so
 * far are not the round's total, and 0 would say it recognised nothing; itemListElement are the products the site has, in the round's order,
 * each linking to its product page (whose Product node has the award).
 */
import type { ItemList } from 'schema-dts';
import { absolute, nodeId } from './core';
import { basedOn } from './sources';
import { productPath, roundPath } from '../urls';

export interface RoundInput {
  id: string;
  title: string;
  description: string;
  /** The count the source publishes (the page may list fewer). */
  recognised?: number | undefined;
  results: ReadonlyArray<{ id: string; name: string }>;
  sources: Parameters<typeof basedOn>[0];
}

export function roundNode(r: RoundInput, origin: URL | string): Exclude<ItemList, string> {
  return {
    '@type': 'ItemList',
    '@id': absolute(nodeId.round(r.id), origin),
    name: r.title,
    description: r.description,
    url: absolute(roundPath(r.id), origin),
    // Never fewer than listed, should a results sheet run ahead of the published count.
    ...(r.recognised === undefined ? {} : { numberOfItems: Math.max(r.recognised, r.results.length) }),
    // A recognition, not a ranking: the order is the results sheet's.
    itemListOrder: 'https://schema.org/ItemListUnordered',
    itemListElement: r.results.map((p, i) => ({
      '@type': 'ListItem' as const,
      position: i + 1,
      name: p.name,
      url: absolute(productPath(p.id), origin),
    })),
    subjectOf: basedOn(r.sources),
  };
}
