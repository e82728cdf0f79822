/** A province as AdministrativeArea: its GSO code, centre, the unit it is part of today and the units it took in. */
import type { AdministrativeArea } from 'schema-dts';
import { absolute, nodeId } from './core';
import { provincePath } from '../urls';

interface ProvinceRef {
  id: string;
  fullName: string;
}

export interface ProvinceInput extends ProvinceRef {
  gsoCode: string;
  centre: { lat: number; lng: number };
  /** The unit it is part of today, when that is another. */
  current?: ProvinceRef | undefined;
  /** Units merged into it on 1/7/2025. */
  predecessors?: readonly ProvinceRef[];
}

const ref = (p: ProvinceRef, origin: URL | string): Exclude<AdministrativeArea, string> => ({
  '@type': 'AdministrativeArea',
  '@id': absolute(nodeId.province(p.id), origin),
  name: p.fullName,
  url: absolute(provincePath(p.id), origin),
});

export function provinceNode(p: ProvinceInput, origin: URL | string): Exclude<AdministrativeArea, string> {
  return {
    ...ref(p, origin),
    identifier: { '@type': 'PropertyValue', propertyID: 'GSO', value: p.gsoCode },
    geo: { '@type': 'GeoCoordinates', latitude: p.centre.lat, longitude: p.centre.lng },
    containedInPlace: p.current ? ref(p.current, origin) : { '@type': 'Country', name: 'Việt Nam' },
    ...(p.predecessors && p.predecessors.length > 0
      ? { containsPlace: p.predecessors.map((q) => ref(q, origin)) }
      : {}),
  };
}
