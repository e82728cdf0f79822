/**
 * The map's first view, computed as Leaflet computes it (Map.fitBounds with zoomSnap 0.5), so the view drawn before
 * Leaflet has loaded (BeneficiaryMapPreview.ts) and the one Leaflet opens at are the same, pixel for pixel.
 * Imports nothing: the first view's script must not wait for modules other pages share (each is one more request
 * after the script itself, on a main thread busy with the page's first layout).
 */

/** Web Mercator x and y in [0, 1) (as geometry.ts, which the tests compare): the projection Leaflet draws in. */
export const mercatorX = (lng: number): number => lng / 360 + 0.5;
export function mercatorY(lat: number): number {
  const sin = Math.sin((lat * Math.PI) / 180);
  return 0.5 - (0.25 * Math.log((1 + sin) / (1 - sin))) / Math.PI;
}

/** Mainland, islands, Hoàng Sa and Trường Sa: [[south, west], [north, east]]. */
export const VIETNAM: [[number, number], [number, number]] = [
  [7.6, 102.1],
  [23.4, 116.2],
];
export const MIN_ZOOM = 4;
export const MAX_ZOOM = 16;
export const ZOOM_SNAP = 0.5;
const TILE = 256;

/** The centre of the first view, whatever the frame's size: the middle of VIETNAM in Web Mercator. */
export const CENTRE = {
  x: (mercatorX(VIETNAM[0][1]) + mercatorX(VIETNAM[1][1])) / 2,
  y: (mercatorY(VIETNAM[1][0]) + mercatorY(VIETNAM[0][0])) / 2,
};

export interface View {
  zoom: number;
  /** Centre, as Web Mercator fractions. */
  x: number;
  y: number;
  /** Frame size in CSS pixels. */
  width: number;
  height: number;
}

/** The view Leaflet's fitBounds(VIETNAM) gives a frame of `width` × `height` pixels. */
export function firstView(width: number, height: number): View {
  const [[south, west], [north, east]] = VIETNAM;
  const [x0, x1] = [mercatorX(west), mercatorX(east)];
  const [y0, y1] = [mercatorY(north), mercatorY(south)];
  // Leaflet: getScaleZoom(min(size / boundsSize at zoom 0)), rounded to 1% of a snap step, then floored to the step.
  const scale = Math.min(width / ((x1 - x0) * TILE), height / ((y1 - y0) * TILE));
  let zoom = Math.log(scale) / Math.LN2;
  zoom = Math.round(zoom / (ZOOM_SNAP / 100)) * (ZOOM_SNAP / 100);
  zoom = Math.floor(zoom / ZOOM_SNAP) * ZOOM_SNAP;
  zoom = Math.max(MIN_ZOOM, Math.min(MAX_ZOOM, Number.isFinite(zoom) ? zoom : MIN_ZOOM));
  return { zoom, x: CENTRE.x, y: CENTRE.y, width, height };
}

/**
 * A projector from Web Mercator fractions to the frame's pixels, rounded as Leaflet rounds (its pixel origin and each
 * marker's position are whole pixels).
 */
export function projector(view: View): { scale: number; px: (x: number) => number; py: (y: number) => number } {
  const scale = TILE * 2 ** view.zoom;
  const ox = Math.round(view.x * scale - view.width / 2);
  const oy = Math.round(view.y * scale - view.height / 2);
  return { scale, px: (x) => Math.round(x * scale) - ox, py: (y) => Math.round(y * scale) - oy };
}
