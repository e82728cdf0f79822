/** Product for /san-pham/<slug>/ and Organization for /co-so/<slug>/. */
import type { Organization, Product } from 'schema-dts';
import { absolute, nodeId } from './core';
import { basedOn } from './sources';
import { NOT_STATED, type Kind } from '../vocabulary';
import { beneficiaryPath, productPath } from '../urls';

export interface ProductInput {
  id: string;
  name: string;
  description: string;
  /** The group's name, e.g. "Thủ công mỹ nghệ". */
  category: string;
  image?: string | undefined;
  producer?: { id: string; name: string } | undefined;
  /** Titles of the rounds that recognised it. */
  awards: readonly string[];
  sources: Parameters<typeof basedOn>[0];
}

export function productNode(p: ProductInput, origin: URL | string): Exclude<Product, string> {
  return {
    '@type': 'Product',
    '@id': absolute(nodeId.product(p.id), origin),
    name: p.name,
    description: p.description,
    category: p.category,
    url: absolute(productPath(p.id), origin),
    ...(p.image ? { image: absolute(p.image, origin) } : {}),
    ...(p.producer
      ? {
          manufacturer: {
            '@type': 'Organization',
            '@id': absolute(nodeId.beneficiary(p.producer.id), origin),
            name: p.producer.name,
            url: absolute(beneficiaryPath(p.producer.id), origin),
          },
        }
      : {}),
    countryOfOrigin: { '@type': 'Country', name: 'Việt Nam' },
    ...(p.awards.length > 0 ? { award: [...p.awards] } : {}),
    subjectOf: basedOn(p.sources),
  };
}

export interface BeneficiaryInput {
  id: string;
  name: string;
  /** The kind's name, e.g. "Hợp tác xã". */
  kindName: string;
  kind: Kind;
  address?: string | undefined;
  /** Province name of the record's time. */
  provinceName?: string | undefined;
  sector?: string | undefined;
  products: ReadonlyArray<{ id: string; name: string }>;
  /**
   * Where it is, as the site may publish it (src/lib/map/precision.ts): a point when exact, otherwise a circle of
   * `radius` metres around the commune, district or province centre, never finer than that.
   */
  location?: { lat: number; lng: number; radius: number } | undefined;
  sources: Parameters<typeof basedOn>[0];
}

export function beneficiaryNode(b: BeneficiaryInput, origin: URL | string): Exclude<Organization, string> {
  const address =
    b.address || b.provinceName
      ? {
          address: {
            '@type': 'PostalAddress' as const,
            ...(b.address ? { streetAddress: b.address } : {}),
            ...(b.provinceName ? { addressRegion: b.provinceName } : {}),
            addressCountry: 'VN',
          },
        }
      : {};
  return {
    '@type': b.kind === 'hop-tac-xa' ? 'Cooperative' : 'Organization',
    '@id': absolute(nodeId.beneficiary(b.id), origin),
    name: b.name,
    // A kind the source does not state is left out of the description rather than described as unknown.
    description: [b.kind !== NOT_STATED && b.kindName, b.sector].filter(Boolean).join(' · '),
    url: absolute(beneficiaryPath(b.id), origin),
    ...address,
    ...(b.location
      ? {
          location: {
            '@type': 'Place' as const,
            geo:
              b.location.radius > 0
                ? {
                    '@type': 'GeoCircle' as const,
                    geoMidpoint: {
                      '@type': 'GeoCoordinates' as const,
                      latitude: b.location.lat,
                      longitude: b.location.lng,
                    },
                    geoRadius: b.location.radius,
                  }
                : { '@type': 'GeoCoordinates' as const, latitude: b.location.lat, longitude: b.location.lng },
          },
        }
      : {}),
    ...(b.products.length > 0
      ? {
          makesOffer: b.products.map((p) => ({
            '@type': 'Offer' as const,
            itemOffered: { '@type': 'Product' as const, '@id': absolute(nodeId.product(p.id), origin), name: p.name },
          })),
        }
      : {}),
    subjectOf: basedOn(b.sources),
  };
}
