/** ItemList for a voting round /binh-chon/<slug>/: the recognised products the page lists, in the round's order. */
import type { ItemList } from 'schema-dts';
import { absolute } from './core';
import { basedOn } from './sources';

export interface RoundInput {
  id: string;
  title: string;
  description: string;
  /** The count the source publishes (the page may list fewer). */
  recognised: number;
  results: ReadonlyArray<{ id: string; name: string }>;
  sources: Parameters<typeof basedOn>[0];
}

export function roundNode(r: RoundInput, origin: URL | string): Exclude<ItemList, string> {
  return {
    '@type': 'ItemList',
    name: r.title,
    description: r.description,
    url: absolute(`/binh-chon/${r.id}/`, origin),
    numberOfItems: r.results.length,
    itemListOrder: 'https://schema.org/ItemListUnordered',
    itemListElement: r.results.map((p, i) => ({
      '@type': 'ListItem' as const,
      position: i + 1,
      name: p.name,
      url: absolute(`/san-pham/${p.id}/`, origin),
    })),
    subjectOf: basedOn(r.sources),
  };
}
