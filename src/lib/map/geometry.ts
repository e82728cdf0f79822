/**
 * Plane geometry the map needs, on [lng, lat] pairs in degrees: point in ring, line simplification
 * (Douglas–Peucker) and Web Mercator (the projection Leaflet draws in), as fractions of the world square.
 */

export type Lnglat = [lng: number, lat: number];

/** True when `p` lies inside the closed ring (even–odd rule). */
export function inRing(p: Lnglat, ring: readonly Lnglat[]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i]!;
    const [xj, yj] = ring[j]!;
    if (yi > p[1] !== yj > p[1] && p[0] < ((xj - xi) * (p[1] - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

function distanceToSegment(p: Lnglat, a: Lnglat, b: Lnglat): number {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const length = dx * dx + dy * dy;
  const t = length === 0 ? 0 : Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / length));
  return Math.hypot(p[0] - (a[0] + t * dx), p[1] - (a[1] + t * dy));
}

/**
 * Douglas–Peucker: drops points closer than `tolerance` degrees to the simplified line. The first and last points
 * always stay, so lines that share end points (province borders) still meet after simplification.
 */
export function simplifyLine(points: readonly Lnglat[], tolerance: number): Lnglat[] {
  if (points.length <= 2) return [...points];
  const keep = new Uint8Array(points.length);
  keep[0] = 1;
  keep[points.length - 1] = 1;
  const stack: Array<[number, number]> = [[0, points.length - 1]];
  while (stack.length > 0) {
    const [first, last] = stack.pop()!;
    let farthest = -1;
    let distance = tolerance;
    for (let i = first + 1; i < last; i++) {
      const d = distanceToSegment(points[i]!, points[first]!, points[last]!);
      if (d > distance) {
        distance = d;
        farthest = i;
      }
    }
    if (farthest > 0) {
      keep[farthest] = 1;
      stack.push([first, farthest], [farthest, last]);
    }
  }
  return points.filter((_, i) => keep[i] === 1);
}

/** Web Mercator x in [0, 1) for a longitude. */
export const mercatorX = (lng: number): number => lng / 360 + 0.5;

/** Web Mercator y in [0, 1) for a latitude (0 at the top, as on screen). */
export function mercatorY(lat: number): number {
  const sin = Math.sin((lat * Math.PI) / 180);
  return 0.5 - (0.25 * Math.log((1 + sin) / (1 - sin))) / Math.PI;
}

/** Latitude back from a Web Mercator y. */
export const latitudeOf = (y: number): number => (Math.atan(Math.sinh(Math.PI * (1 - 2 * y))) * 180) / Math.PI;

/** Longitude back from a Web Mercator x. */
export const longitudeOf = (x: number): number => (x - 0.5) * 360;
