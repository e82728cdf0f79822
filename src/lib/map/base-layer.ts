/**
 * The map's bundled base layer: Vietnam's land, coast and provincial borders, small enough to ship with the page so
 * the map is useful with no tile server. `buildBaseLayer` turns a TopoJSON of the 63 former provinces into a compact
 * file (public/map/viet-nam.json, made by scripts/map-base-layer.ts); `decodeBaseLayer` turns that file back into
 * lines and polygons for Leaflet. Borders are classified with the 2025 crosswalk: between today's 34 units, or only
 * between former units now merged into one.
 */
import { inRing, simplifyLine, type Lnglat } from './geometry.ts';

/** The parts of a TopoJSON topology this reads (quantised, delta-encoded arcs). */
export interface Topology {
  transform: { scale: [number, number]; translate: [number, number] };
  arcs: Array<Array<[number, number]>>;
  objects: Record<string, { geometries: Array<{ type: string; arcs: number[][] | number[][][] }> }>;
}

export interface ProvinceCentre {
  id: string;
  lat: number;
  lng: number;
  /** The unit it became on 1/7/2025 (absent if it still exists). */
  mergedInto?: string | undefined;
}

/** A group of islands drawn as dots with a permanent label. Positions are [lat, lng]. */
export interface IslandGroup {
  name: string;
  /** Province (slug) it belongs to. */
  province: string;
  label: [number, number];
  islets: Array<[number, number]>;
}

export interface BaseLayerFile {
  /** Where the shapes come from and under which licence. */
  source: string;
  /** What was changed or added. */
  note: string;
  /** Coordinates are integers: degrees × scale. */
  scale: number;
  /** Each arc as [lng0, lat0, dLng1, dLat1, …] in scaled integers. */
  arcs: number[][];
  /** Land polygons; each a list of rings; each ring a list of arc references (~i = arc i reversed). */
  land: number[][][];
  /** Arcs on the coast or the national border. */
  coast: number[];
  /** Arcs between two of today's provincial units. */
  now: number[];
  /** Arcs between former units that are one unit since 1/7/2025. */
  former: number[];
  islands: IslandGroup[];
}

/**
 * Quần đảo Hoàng Sa (thành phố Đà Nẵng) and Quần đảo Trường Sa (tỉnh Khánh Hòa). The source data has neither, so the
 * site adds them itself, as maps published in Vietnam show them. The positions are APPROXIMATE (about 0.05°, a few
 * kilometres), for drawing at national scale only: a handful of the larger islands of each group and a label point.
 */
export const VIETNAMESE_ISLANDS: IslandGroup[] = [
  {
    name: 'Quần đảo Hoàng Sa',
    province: 'da-nang',
    label: [16.4, 112.0],
    islets: [
      [16.83, 112.34], // Phú Lâm
      [16.98, 112.27], // Cây
      [16.67, 112.73], // Linh Côn
      [16.53, 111.61], // Hoàng Sa
      [16.45, 111.71], // Quang Hòa
      [16.5, 111.58], // Hữu Nhật
      [15.78, 111.2], // Tri Tôn
      [16.05, 111.77], // Bạch Quy
    ],
  },
  {
    name: 'Quần đảo Trường Sa',
    province: 'khanh-hoa',
    label: [9.9, 114.0],
    islets: [
      [8.64, 111.92], // Trường Sa
      [11.43, 114.33], // Song Tử Tây
      [11.45, 114.36], // Song Tử Đông
      [11.05, 114.28], // Thị Tứ
      [10.67, 114.42], // Loại Ta
      [10.38, 114.36], // Ba Bình
      [10.38, 114.48], // Sơn Ca
      [10.18, 114.36], // Nam Yết
      [9.88, 114.33], // Sinh Tồn
      [10.82, 115.83], // Bình Nguyên
      [8.96, 113.68], // Phan Vinh
      [7.87, 112.92], // An Bang
    ],
  },
];

type Arc = Lnglat[];

/** Arcs of a quantised topology in degrees. */
export function decodeTopologyArcs(topology: Topology): Arc[] {
  const { scale, translate } = topology.transform;
  return topology.arcs.map((arc) => {
    let x = 0;
    let y = 0;
    return arc.map(([dx, dy]): Lnglat => {
      x += dx;
      y += dy;
      return [x * scale[0] + translate[0], y * scale[1] + translate[1]];
    });
  });
}

/** A ring's points from its arc references (each arc after the first starts where the previous one ended). */
export function ringPoints<T>(refs: readonly number[], arcs: readonly T[][]): T[] {
  const points: T[] = [];
  for (const ref of refs) {
    const arc = ref >= 0 ? arcs[ref]! : [...arcs[~ref]!].reverse();
    points.push(...(points.length > 0 ? arc.slice(1) : arc));
  }
  return points;
}

/** Polygons (rings of arc references) of every geometry of the topology's first object. */
export function polygonsOf(topology: Topology): number[][][][] {
  const object = Object.values(topology.objects)[0]!;
  return object.geometries.map((g) => (g.type === 'Polygon' ? [g.arcs as number[][]] : (g.arcs as number[][][])));
}

const bbox = (points: readonly Lnglat[]) => {
  const xs = points.map((p) => p[0]);
  const ys = points.map((p) => p[1]);
  return { w: Math.min(...xs), e: Math.max(...xs), s: Math.min(...ys), n: Math.max(...ys) };
};

/**
 * Which province each geometry is: the one whose centre lies in its outer rings; a centre that lies in none (a
 * coastal town the coarse outline misses) goes to the nearest geometry still without a province.
 */
export function assignProvinces(
  geometries: number[][][][],
  arcs: readonly Arc[],
  centres: readonly ProvinceCentre[],
): Array<string | undefined> {
  const outers = geometries.map((polygons) => polygons.map((rings) => ringPoints(rings[0]!, arcs)));
  const owner: Array<string | undefined> = geometries.map(() => undefined);
  const left: ProvinceCentre[] = [];
  for (const centre of centres) {
    const i = outers.findIndex((rings) => rings.some((ring) => inRing([centre.lng, centre.lat], ring)));
    if (i >= 0 && owner[i] === undefined) owner[i] = centre.id;
    else left.push(centre);
  }
  for (const centre of left) {
    let best = -1;
    let bestDistance = Infinity;
    outers.forEach((rings, i) => {
      if (owner[i] !== undefined) return;
      const b = bbox(rings.flat());
      const d = Math.hypot((b.w + b.e) / 2 - centre.lng, (b.s + b.n) / 2 - centre.lat);
      if (d < bestDistance) {
        bestDistance = d;
        best = i;
      }
    });
    if (best >= 0 && bestDistance < 1) owner[best] = centre.id;
  }
  return owner;
}

export interface BuildOptions {
  /** Douglas–Peucker tolerance in degrees. */
  tolerance: number;
  /** Rings whose bounding box is smaller than this (degrees, both sides) are dropped. */
  minRing: number;
  /** Integer units per degree in the output. */
  scale: number;
  source: string;
  note: string;
}

/** The compact base layer from a topology of the 63 former provinces and their centres (with the crosswalk). */
export function buildBaseLayer(
  topology: Topology,
  centres: readonly ProvinceCentre[],
  options: BuildOptions,
): BaseLayerFile {
  const arcs = decodeTopologyArcs(topology);
  const geometries = polygonsOf(topology);
  const owner = assignProvinces(geometries, arcs, centres);
  const byId = new Map(centres.map((c) => [c.id, c]));
  const currentOf = (id: string | undefined) => {
    let unit = id ? byId.get(id) : undefined;
    const seen = new Set<string>();
    while (unit?.mergedInto && !seen.has(unit.id)) {
      seen.add(unit.id);
      unit = byId.get(unit.mergedInto) ?? unit;
    }
    return unit?.id;
  };

  // Keep rings big enough to see; note which geometries use each arc.
  const users = new Map<number, number[]>();
  const land: number[][][] = [];
  geometries.forEach((polygons, g) => {
    for (const rings of polygons) {
      const b = bbox(ringPoints(rings[0]!, arcs));
      if (b.e - b.w < options.minRing && b.n - b.s < options.minRing) continue;
      land.push(rings);
      for (const ref of rings.flat()) {
        const arc = ref >= 0 ? ref : ~ref;
        users.set(arc, [...(users.get(arc) ?? []), g]);
      }
    }
  });

  // Renumber the arcs still used, simplified and quantised.
  const renumber = new Map<number, number>();
  const out: number[][] = [];
  const coast: number[] = [];
  const now: number[] = [];
  const former: number[] = [];
  for (const [arc, used] of [...users].sort((a, b) => a[0] - b[0])) {
    const index = out.length;
    renumber.set(arc, index);
    let px = 0;
    let py = 0;
    out.push(
      simplifyLine(arcs[arc]!, options.tolerance).flatMap(([lng, lat]) => {
        const x = Math.round(lng * options.scale);
        const y = Math.round(lat * options.scale);
        const delta = [x - px, y - py];
        px = x;
        py = y;
        return delta;
      }),
    );
    const [a, b] = used;
    if (b === undefined || a === b) coast.push(index);
    else if (currentOf(owner[a!]) !== currentOf(owner[b])) now.push(index);
    else former.push(index);
  }
  const renumbered = land.map((rings) =>
    rings.map((ring) => ring.map((ref) => (ref >= 0 ? renumber.get(ref)! : ~renumber.get(~ref)!))),
  );
  return {
    source: options.source,
    note: options.note,
    scale: options.scale,
    arcs: out,
    land: renumbered,
    coast,
    now,
    former,
    islands: VIETNAMESE_ISLANDS,
  };
}

/** [lat, lng] pairs, as Leaflet takes them. */
export type LatLngPair = [number, number];

export interface DecodedBaseLayer {
  land: LatLngPair[][][];
  coast: LatLngPair[][];
  now: LatLngPair[][];
  former: LatLngPair[][];
  islands: IslandGroup[];
}

/** The file back into Leaflet-ready lines and polygons. */
export function decodeBaseLayer(file: BaseLayerFile): DecodedBaseLayer {
  const arcs = file.arcs.map((flat) => {
    const points: LatLngPair[] = [];
    let x = 0;
    let y = 0;
    for (let i = 0; i < flat.length; i += 2) {
      x += flat[i]!;
      y += flat[i + 1]!;
      points.push([y / file.scale, x / file.scale]);
    }
    return points;
  });
  const lines = (indices: number[]) => indices.map((i) => arcs[i]!);
  return {
    land: file.land.map((rings) => rings.map((ring) => ringPoints(ring, arcs))),
    coast: lines(file.coast),
    now: lines(file.now),
    former: lines(file.former),
    islands: file.islands,
  };
}
