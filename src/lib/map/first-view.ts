/**
 * The map's first view as SVG markup, rendered by the build into /ban-do/ (BeneficiaryMap.astro): the bundled base
 * layer (land, borders, Hoàng Sa and Trường Sa with their labels) and the unfiltered clusters, once for each zoom the
 * map can open at (FIRST_ZOOMS). The page's script only has to show the group of the zoom Leaflet will open at
 * (src/lib/map/view.ts) for the reader to see the clusters: no file to fetch, no clustering, no drawing code, so the
 * clusters appear a frame after the script runs. Leaflet replaces the picture once its own layers are drawn.
 * With filters in the address the script draws their clusters with clusterMarkup, the same markup as here.
 *
 * Positions are pixels from the frame's centre (the <svg> sits at the centre, overflow visible), as Leaflet places
 * them: Web Mercator × 256 × 2^zoom. The base layer is stored once, in UNIT coordinates, and scaled per zoom; its
 * strokes do not scale (vector-effect), so lines keep Leaflet's widths at every zoom.
 *
 * Imports only modules no other page's script uses (see BeneficiaryMapPreview.ts).
 */
import type { BaseLayerFile } from './base-layer.ts';
import type { IndexedCluster } from './cluster.ts';
import { mercatorX, mercatorY } from './view.ts';

/** Base layer coordinates: Web Mercator × 2^16 (half a pixel at zoom 7, the deepest first zoom). */
const UNIT = 2 ** 16;
const TILE = 256;
const EARTH_RADIUS = 6_378_137;

/** Marker sizes in pixels, as the map's CSS draws Leaflet's markers (BeneficiaryMap.astro). */
export const CLUSTER_SIZE = { s: 34, m: 40, l: 46, xl: 54 } as const;
export const clusterSize = (count: number): keyof typeof CLUSTER_SIZE =>
  count < 10 ? 's' : count < 100 ? 'm' : count < 1000 ? 'l' : 'xl';
const PIN = 24;

/** "1.234", as formatCount in BeneficiaryMapData.ts writes counts (a shared module, so not imported; tests compare). */
export const countLabel = (n: number): string => String(Math.trunc(n)).replace(/\B(?=(\d{3})+(?!\d))/g, '.');

/**
 * The Element Timing identifier of the clusters' counts: the browser reports when they were first presented on
 * screen, which the page records as "map:clusters-drawn" (BeneficiaryMapPreview.ts).
 */
export const CLUSTERS_SHOWN = 'map-clusters';

/**
 * The id of the element right after the first view in /ban-do/ (its boot script). The page's head holds
 * `<link rel="expect" href="#…" blocking="render">`: the browser paints nothing until the parser has reached it, so the
 * first paint already has the map's clusters. Without it Chromium painted the header first, then laid the whole page
 * out again once the map was read (about 120 ms more at 4× CPU, `npm run bench`). Chromium lifts the block when the
 * element is inserted, i.e. at its start tag, so the id must be on an element after the picture, not on its frame;
 * and on the boot script (whose start tag is where the parser yields after the picture) rather than further down,
 * where the first paint would also wait for the list beside the map. Browsers without `rel=expect` ignore it.
 */
export const FIRST_VIEW_END = 'map-first-end';

/** Lines keep their width in pixels at every zoom, round joins and caps (islets are round dots: zero-length lines). */
const FIXED_STROKE = ' vector-effect="non-scaling-stroke" stroke-linejoin="round" stroke-linecap="round"';

const escapeText = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const num = (n: number): string => String(Math.round(n * 10) / 10);

/**
 * The base layer's lines as path data in UNIT coordinates from the centre (so scaling about the frame's centre gives
 * every zoom), each line relative after its first point.
 */
function pathData(lines: Array<Array<[number, number]>>, close: boolean, centre: { x: number; y: number }): string {
  let d = '';
  for (const line of lines) {
    let px = 0;
    let py = 0;
    line.forEach(([lat, lng], n) => {
      const x = Math.round((mercatorX(lng) - centre.x) * UNIT);
      const y = Math.round((mercatorY(lat) - centre.y) * UNIT);
      d += n === 0 ? `M${x} ${y}` : `l${x - px} ${y - py}`;
      px = x;
      py = y;
    });
    if (close) d += 'z';
  }
  return d;
}

/**
 * The land's outline as closed rings, joined from the coast arcs (which bound the land: coast and national border),
 * so the land is filled from a quarter of the points of its 105 province polygons. Undefined if they do not close.
 */
export function coastRings(
  coast: ReadonlyArray<ReadonlyArray<[number, number]>>,
): Array<Array<[number, number]>> | undefined {
  const key = ([lat, lng]: readonly [number, number]) => `${lat},${lng}`;
  const at = new Map<string, number[]>();
  coast.forEach((arc, i) => {
    for (const end of [arc[0]!, arc[arc.length - 1]!]) at.set(key(end), [...(at.get(key(end)) ?? []), i]);
  });
  const used = new Uint8Array(coast.length);
  const rings: Array<Array<[number, number]>> = [];
  for (let first = 0; first < coast.length; first++) {
    if (used[first]) continue;
    used[first] = 1;
    const ring = [...coast[first]!];
    for (;;) {
      const end = ring[ring.length - 1]!;
      if (key(end) === key(ring[0]!) && ring.length > 2) break;
      const next = at.get(key(end))?.find((i) => !used[i]);
      if (next === undefined) return undefined;
      used[next] = 1;
      const arc = coast[next]!;
      const forward = key(arc[0]!) === key(end);
      ring.push(...(forward ? arc : [...arc].reverse()).slice(1));
    }
    rings.push(ring);
  }
  return rings;
}

/** Decoded base layer lines ([lat, lng] pairs), as decodeBaseLayer gives them. */
export interface BaseLines {
  land: Array<Array<Array<[number, number]>>>;
  coast: Array<Array<[number, number]>>;
  now: Array<Array<[number, number]>>;
  former: Array<Array<[number, number]>>;
  islands: BaseLayerFile['islands'];
}

/** Screen position (pixels from the frame's centre) of a Web Mercator point at `zoom`, rounded as Leaflet rounds. */
function projector(zoom: number, centre: { x: number; y: number }) {
  const scale = TILE * 2 ** zoom;
  const ox = Math.round(centre.x * scale);
  const oy = Math.round(centre.y * scale);
  return { scale, px: (x: number) => Math.round(x * scale) - ox, py: (y: number) => Math.round(y * scale) - oy };
}

/** Markup for clusters at `zoom`: areas for coarse single points, then markers, the lower ones on top (as Leaflet). */
export function clusterMarkup(
  clusters: readonly IndexedCluster[],
  zoom: number,
  centre: { x: number; y: number },
): string {
  const { scale, px, py } = projector(zoom, centre);
  let areas = '';
  let markers = '';
  for (const c of clusters) {
    if (c.count !== 1 || c.area === 0) continue;
    const lat = Math.atan(Math.sinh(Math.PI * (1 - 2 * c.y)));
    const r = (c.area / (2 * Math.PI * EARTH_RADIUS * Math.cos(lat))) * scale;
    areas += `<circle class="map-first-area" cx="${px(c.x)}" cy="${py(c.y)}" r="${num(r)}"/>`;
  }
  for (const c of [...clusters].sort((a, b) => a.y - b.y)) {
    const x = px(c.x);
    const y = py(c.y);
    if (c.count === 1) {
      markers +=
        c.area === 0
          ? `<circle class="map-first-pin" cx="${x}" cy="${y}" r="${PIN / 2 - 1.5}"/><circle class="map-first-ring map-first-pin-ring" cx="${x}" cy="${y}" r="${PIN / 2 + 0.5}"/>`
          : `<circle class="map-first-approx" cx="${x}" cy="${y}" r="${PIN / 2 - 1}"/>`;
      continue;
    }
    const r = CLUSTER_SIZE[clusterSize(c.count)] / 2;
    const kind = c.same ? ' map-first-same' : '';
    markers +=
      `<circle class="map-first-cluster${kind}" cx="${x}" cy="${y}" r="${r - 1.5}"/>` +
      `<circle class="map-first-ring${kind}" cx="${x}" cy="${y}" r="${r + 0.5}"/>` +
      `<text class="map-first-count" elementtiming="${CLUSTERS_SHOWN}" x="${x}" y="${y}">${countLabel(c.count)}</text>`;
  }
  return areas + markers;
}

export interface FirstViewOptions {
  base: BaseLines;
  /** The centre of the first view (Web Mercator), as view.ts computes it. */
  centre: { x: number; y: number };
  zooms: readonly number[];
  /** Clusters per zoom (undefined: none drawn for that zoom). */
  clusters: (zoom: number) => readonly IndexedCluster[] | undefined;
  /** The two lines of an island group's label: its name and "(province, Việt Nam)". */
  islandLabel: (group: BaseLayerFile['islands'][number]) => [string, string];
}

/**
 * The <svg> of the first view: every zoom's group hidden (display="none") until the page's CSS shows the one named
 * on <beneficiary-map data-first-view> (BeneficiaryMapShow.ts).
 */
export function firstViewSvg({ base, centre, zooms, clusters, islandLabel }: FirstViewOptions): string {
  const islets = base.islands
    .flatMap((g) => g.islets)
    .map(
      ([lat, lng]) =>
        `M${Math.round((mercatorX(lng) - centre.x) * UNIT)} ${Math.round((mercatorY(lat) - centre.y) * UNIT)}h0`,
    )
    .join('');
  const rings = coastRings(base.coast);
  const line = (d: string, stroke: string, width: number, extra = '') =>
    `<path d="${d}" fill="none" stroke="${stroke}" stroke-width="${width}"${extra}${FIXED_STROKE}/>`;
  // One copy of the shapes (copies by <use> cost a parse of all their points each), scaled to the zoom shown by the
  // page's CSS: scale(2^(zoom − 8)) for UNIT = 2^16 (BeneficiaryMap.astro).
  const shapes =
    `<g class="map-first-base" display="none">` +
    // The coast rings, filled and stroked, are land and coast in one path (borders drawn over their ends, unseen).
    (rings
      ? `<path d="${pathData(rings, true, centre)}" fill="#ece9dc" stroke="#5d6b78" stroke-width="1"${FIXED_STROKE}/>`
      : `<path d="${pathData(base.land.flat(), true, centre)}" fill="#ece9dc"/>`) +
    line(pathData(base.former, false, centre), '#a9aeb5', 0.8, ' stroke-dasharray="3 3"') +
    line(pathData(base.now, false, centre), '#7d838c', 1.2) +
    (rings ? '' : line(pathData(base.coast, false, centre), '#5d6b78', 1)) +
    line(islets, '#5d6b78', 6) +
    line(islets, '#ece9dc', 4) +
    `</g>`;
  const groups = zooms.map((zoom) => {
    const { px, py } = projector(zoom, centre);
    const labels = base.islands
      .map((group) => {
        const [name, province] = islandLabel(group);
        const x = px(mercatorX(group.label[1]));
        const y = py(mercatorY(group.label[0]));
        return (
          `<text class="map-first-island" x="${x}" y="${num(y - 9.8)}">${escapeText(name)}</text>` +
          `<text class="map-first-island" x="${x}" y="${num(y + 4.6)}">${escapeText(province)}</text>`
        );
      })
      .join('');
    return `<g data-zoom="${zoom}" display="none">${labels}${clusterGroup(zoom, centre, clusters(zoom))}</g>`;
  });
  return `<svg class="map-first" aria-hidden="true" width="1" height="1">${shapes}${groups.join('')}</svg>`;
}

const clusterGroup = (zoom: number, centre: { x: number; y: number }, list: readonly IndexedCluster[] | undefined) =>
  `<g class="map-first-clusters" data-for="${zoom}">${list ? clusterMarkup(list, zoom, centre) : ''}</g>`;

/** The cluster groups of a rendered page replaced by those of other clusters (the bench's synthetic sets). */
export function replaceFirstClusters(
  html: string,
  centre: { x: number; y: number },
  clusters: (zoom: number) => readonly IndexedCluster[] | undefined,
): string {
  return html.replace(/<g class="map-first-clusters" data-for="([\d.]+)">[\s\S]*?<\/g>/g, (_, zoom: string) =>
    clusterGroup(Number(zoom), centre, clusters(Number(zoom))),
  );
}
