/**
 * A small locator map of Việt Nam drawn as static SVG: the national outline (VIETNAM_OUTLINE), the Hoàng Sa and
 * Trường Sa archipelagos, and highlighted points. Plain equirectangular projection, scaled by the cosine of the
 * middle latitude; good enough to show where a province lies, not for measuring.
 */
import { VIETNAM_OUTLINE } from './vietnam-outline.ts';

export type LngLat = readonly [lng: number, lat: number];

/** The frame: mainland, islands and both archipelagos. */
export const BOUNDS = { west: 102, east: 115, south: 7.5, north: 23.5 } as const;
const PX_PER_DEGREE = 16;
const COS = Math.cos((((BOUNDS.north + BOUNDS.south) / 2) * Math.PI) / 180);

export const LOCATOR_SIZE = {
  width: Math.round((BOUNDS.east - BOUNDS.west) * COS * PX_PER_DEGREE),
  height: Math.round((BOUNDS.north - BOUNDS.south) * PX_PER_DEGREE),
};

/** Map point (SVG user units) of a longitude and latitude. */
export function project([lng, lat]: LngLat): [x: number, y: number] {
  const round = (n: number) => Math.round(n * 10) / 10;
  return [round((lng - BOUNDS.west) * COS * PX_PER_DEGREE), round((BOUNDS.north - lat) * PX_PER_DEGREE)];
}

/** SVG path data of closed rings. */
export const ringsPath = (rings: ReadonlyArray<readonly LngLat[]>): string =>
  rings.map((ring) => `${ring.map((p, i) => `${i === 0 ? 'M' : 'L'}${project(p).join(' ')}`).join('')}Z`).join('');

/** The outline as path data (computed once). */
export const outlinePath = (): string => (cached ??= ringsPath(VIETNAM_OUTLINE));
let cached: string | undefined;

/**
 * Representative features of the two archipelagos (approximate positions), drawn as dots with their names:
 * Quần đảo Hoàng Sa (thành phố Đà Nẵng) and Quần đảo Trường Sa (tỉnh Khánh Hòa). `label` is where the name ends
 * (text anchored at its end, on the frame's east edge, above the dots).
 */
export const ARCHIPELAGOS = [
  {
    key: 'hoang-sa',
    points: [
      [112.33, 16.83],
      [111.6, 16.53],
      [111.2, 15.78],
      [112.73, 16.67],
      [111.7, 16.45],
      [111.77, 16.05],
    ],
    label: [115, 17.35],
  },
  {
    key: 'truong-sa',
    points: [
      [111.92, 8.64],
      [114.33, 11.43],
      [114.33, 9.88],
      [114.36, 10.18],
      [114.48, 10.38],
      [112.92, 7.89],
      [112.95, 8.85],
      [113.7, 8.97],
      [113.3, 8.18],
    ],
    label: [115, 12.2],
  },
] as const satisfies ReadonlyArray<{ key: string; points: readonly LngLat[]; label: LngLat }>;

/** Ramer–Douglas–Peucker on one open polyline, `tolerance` in degrees. */
function simplifyLine(points: readonly LngLat[], tolerance: number): LngLat[] {
  if (points.length < 3) return [...points];
  const [a, b] = [points[0]!, points[points.length - 1]!];
  const length = Math.hypot(b[0] - a[0], b[1] - a[1]) || Number.EPSILON;
  let far = 0;
  let farDistance = -1;
  for (let i = 1; i < points.length - 1; i++) {
    const p = points[i]!;
    const d = Math.abs((b[1] - a[1]) * p[0] - (b[0] - a[0]) * p[1] + b[0] * a[1] - b[1] * a[0]) / length;
    if (d > farDistance) [far, farDistance] = [i, d];
  }
  if (farDistance <= tolerance) return [a, b];
  return [
    ...simplifyLine(points.slice(0, far + 1), tolerance).slice(0, -1),
    ...simplifyLine(points.slice(far), tolerance),
  ];
}

/**
 * A closed ring (first point repeated at the end, as GeoJSON writes it) simplified and rounded to 2 decimals (about
 * 1 km), returned open. Used to regenerate VIETNAM_OUTLINE from Natural Earth (tests/unit/stats-locator.test.ts).
 */
export function simplifyRing(ring: readonly LngLat[], tolerance = 0.04): LngLat[] {
  const open = ring.slice(0, -1);
  const start = open[0]!;
  let far = 0;
  open.forEach((p, i) => {
    if (Math.hypot(p[0] - start[0], p[1] - start[1]) > Math.hypot(open[far]![0] - start[0], open[far]![1] - start[1]))
      far = i;
  });
  const half1 = simplifyLine(open.slice(0, far + 1), tolerance);
  const half2 = simplifyLine([...open.slice(far), start], tolerance);
  const round = (n: number) => Math.round(n * 100) / 100;
  return [...half1.slice(0, -1), ...half2.slice(0, -1)].map(([lng, lat]) => [round(lng), round(lat)] as const);
}

export interface LocatorPoint {
  at: LngLat;
  /** "main" for the place the map is about, "other" for related places (predecessors, the unit it joined). */
  role: 'main' | 'other';
}

/** The document's size: the map plus a 4-unit margin on each side. */
export const DOCUMENT_SIZE = { width: LOCATOR_SIZE.width + 8, height: LOCATOR_SIZE.height + 8 };

/** Where the archipelagos' names end (right end of the baseline) in the document, for a caller that writes them. */
export const archipelagoLabels = () =>
  ARCHIPELAGOS.map((a) => {
    const [x, y] = project(a.label);
    return { key: a.key, x: x + 4, y: y + 4 };
  });

/**
 * A standalone SVG document of the map for images (the Open Graph card): land in `land`, points ringed in `mark`.
 * It has no text, so no font is needed to draw it; the card writes the archipelagos' names at archipelagoLabels().
 * The page's own map is drawn by ProvinceLocator.astro from the same geometry.
 */
export function locatorDocument(
  points: readonly LocatorPoint[],
  colours = { land: '#d7efe2', mark: '#ffbf47' },
): string {
  const dots = ARCHIPELAGOS.flatMap((a) => a.points.map((p) => project(p)))
    .map(([x, y]) => `<circle cx="${x}" cy="${y}" r="1.6" fill="${colours.land}"/>`)
    .join('');
  const marks = [...points]
    .sort((a, b) => (a.role === b.role ? 0 : a.role === 'main' ? 1 : -1))
    .map(({ at, role }) => {
      const [x, y] = project(at);
      return role === 'main'
        ? `<circle cx="${x}" cy="${y}" r="9" fill="none" stroke="${colours.mark}" stroke-width="3"/><circle cx="${x}" cy="${y}" r="4" fill="${colours.mark}"/>`
        : `<circle cx="${x}" cy="${y}" r="4" fill="none" stroke="${colours.mark}" stroke-width="2"/>`;
    })
    .join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="-4 -4 ${DOCUMENT_SIZE.width} ${DOCUMENT_SIZE.height}" width="${DOCUMENT_SIZE.width}" height="${DOCUMENT_SIZE.height}"><path d="${outlinePath()}" fill="${colours.land}"/>${dots}${marks}</svg>`;
}
