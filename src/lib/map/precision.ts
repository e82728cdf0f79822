/**
 * How precisely a beneficiary's location may be shown. A household business (hộ kinh doanh) is a person's home: its
 * location is never shown more precisely than its commune unless the business published its address. Coordinates are
 * rounded to a grid that matches the precision, so a coarse location cannot leak the exact one it was typed from.
 */

import type { Kind, Precision } from '../vocabulary.ts';

export { KINDS, PRECISIONS, type Kind, type Precision } from '../vocabulary.ts';

/** Grid step in degrees for each precision: about 11 m, 1.1 km, 5.5 km and 11 km. */
export const GRID: Record<Precision, number> = { exact: 0.0001, commune: 0.01, district: 0.05, province: 0.1 };

/** Radius in metres of the area a coarse location stands for, drawn instead of a pin. */
export const AREA_RADIUS: Record<Precision, number> = { exact: 0, commune: 2000, district: 8000, province: 25000 };

/** The precision the site may show: what the editor set, made coarser when the rules require it. */
export function allowedPrecision(kind: Kind, precision: Precision, addressPublished: boolean): Precision {
  if (kind === 'ho-kinh-doanh' && !addressPublished && precision === 'exact') return 'commune';
  return precision;
}

/** A coordinate rounded to the grid of its precision (and to 4 decimals, so the rounding itself leaves no noise). */
export function roundTo(value: number, precision: Precision): number {
  const step = GRID[precision];
  return Math.round(Math.round(value / step) * step * 10_000) / 10_000;
}

export interface PublishedLocation {
  lat: number;
  lng: number;
  precision: Precision;
}

/** The location as the site publishes it: allowed precision, coordinates on that precision's grid. */
export function publishedLocation(
  kind: Kind,
  location: PublishedLocation | undefined,
  addressPublished: boolean,
): PublishedLocation | undefined {
  if (!location) return undefined;
  const precision = allowedPrecision(kind, location.precision, addressPublished);
  return { lat: roundTo(location.lat, precision), lng: roundTo(location.lng, precision), precision };
}

/** True when a coordinate lies on the grid of `precision` (used by tests and the bench to check the published file). */
export function onGrid(value: number, precision: Precision): boolean {
  const steps = value / GRID[precision];
  return Math.abs(steps - Math.round(steps)) < 1e-6;
}
