/**
 * Shared pieces of the schema.org JSON-LD the pages emit through src/components/JsonLd.astro (which adds @context
 * and escapes "<"). Builders are typed with schema-dts, so a misspelt property or a wrong type fails `astro check`;
 * `ld` then hands the checked object over as the plain record JsonLd.astro takes.
 */
import type { Organization, Thing, WebSite } from 'schema-dts';
import { absolute, beneficiaryPath, conferencePath, productPath, provincePath, roundPath } from '../urls';
import { t } from '../../i18n';

export { absolute };

/** What BaseLayout's `jsonLd` prop and JsonLd.astro accept. */
export type JsonLdData = Record<string, unknown>;

/** A schema-dts-checked node as JsonLd.astro's record. */
export const ld = (thing: Exclude<Thing, string>): JsonLdData => thing as unknown as JsonLdData;

/** Several nodes in one block: { "@graph": [...] }. */
export const graph = (...things: Array<Exclude<Thing, string> | undefined>): JsonLdData => ({
  '@graph': things.filter((x) => x !== undefined),
});

/**
 * Site-relative @id of each record's node, so that a page can point at a node another page defines (a news item at
 * its conference, a story at its establishment) and the two agree. Pass through `absolute`.
 */
export const nodeId = {
  product: (id: string): string => `${productPath(id)}#san-pham`,
  beneficiary: (id: string): string => `${beneficiaryPath(id)}#co-so`,
  conference: (id: string): string => `${conferencePath(id)}#hoi-nghi`,
  round: (id: string): string => `${roundPath(id)}#ket-qua`,
  province: (id: string): string => `${provincePath(id)}#dia-gioi`,
};

/** The site itself as the publisher of its pages and data. */
export function siteOrganization(origin: URL | string): Exclude<Organization, string> {
  return {
    '@type': 'Organization',
    '@id': absolute('/#to-chuc', origin),
    name: t('site.name'),
    url: absolute('/', origin),
  };
}

/** The home page's WebSite node, with the search box search engines can offer. */
export function websiteLd(origin: URL | string): JsonLdData {
  const site: WebSite = {
    '@type': 'WebSite',
    '@id': absolute('/#website', origin),
    name: t('site.name'),
    description: t('site.description'),
    inLanguage: 'vi',
    url: absolute('/', origin),
    publisher: { '@id': absolute('/#to-chuc', origin) },
    potentialAction: {
      '@type': 'SearchAction',
      target: { '@type': 'EntryPoint', urlTemplate: `${absolute('/tim-kiem/', origin)}?q={q}` },
      // schema-dts has no type for the "query-input" annotation Google documents.
      ...({ 'query-input': 'required name=q' } as object),
    },
  };
  return graph(site, siteOrganization(origin));
}

/** The licence of the site's own compilations. */
export const LICENCE_URL = 'https://creativecommons.org/licenses/by/4.0/';
