/**
 * Point clustering for one zoom level at a time, on demand: points are binned into a grid of `radius`-pixel cells,
 * then neighbouring bins closer than `radius` are merged (largest first). One pass over the points per zoom, so the
 * first clusters of 50,000 points cost a few milliseconds, where building a full hierarchy up front (supercluster)
 * cost hundreds (see scripts/bench/map.ts). Positions are Web Mercator fractions in [0, 1).
 */
import { decodePoints, type PointsFile } from './points.ts';
import { AREA_RADIUS, PRECISIONS } from './precision.ts';

export interface Cluster {
  /** Mean position of the members. */
  x: number;
  y: number;
  count: number;
  /** Indices of the member points (into the x/y columns). */
  members: Uint32Array;
}

const TILE = 256;

/** Clusters of the points `subset` (indices into x and y) at `zoom`, with clusters about `radius` pixels apart. */
export function clusterPoints(
  x: Float64Array,
  y: Float64Array,
  subset: Uint32Array,
  zoom: number,
  radius: number,
): Cluster[] {
  const scale = (TILE * 2 ** zoom) / radius; // grid cells per world unit
  const bins = new Map<number, number>();
  const binOf = new Int32Array(subset.length);
  const sumX: number[] = [];
  const sumY: number[] = [];
  const count: number[] = [];
  const cellX: number[] = [];
  const cellY: number[] = [];
  for (let n = 0; n < subset.length; n++) {
    const i = subset[n]!;
    const cx = Math.floor(x[i]! * scale);
    const cy = Math.floor(y[i]! * scale);
    const key = cx * 67_108_864 + cy; // 2^26 cells a side is enough up to zoom 20 at radius ≥ 16
    let bin = bins.get(key);
    if (bin === undefined) {
      bin = count.length;
      bins.set(key, bin);
      sumX.push(0);
      sumY.push(0);
      count.push(0);
      cellX.push(cx);
      cellY.push(cy);
    }
    sumX[bin]! += x[i]!;
    sumY[bin]! += y[i]!;
    count[bin]!++;
    binOf[n] = bin;
  }

  // Merge each bin into the largest neighbour (within the 3×3 cells around it) whose centre is closer than radius.
  const target = new Int32Array(count.length).fill(-1);
  const order = count.map((_, b) => b).sort((a, b) => count[b]! - count[a]! || a - b);
  const limit = 1 / scale; // radius in world units
  for (const b of order) {
    if (target[b] !== -1) continue;
    target[b] = b;
    const bx = sumX[b]! / count[b]!;
    const by = sumY[b]! / count[b]!;
    for (let dx = -1; dx <= 1; dx++) {
      for (let dy = -1; dy <= 1; dy++) {
        if (dx === 0 && dy === 0) continue;
        const other = bins.get((cellX[b]! + dx) * 67_108_864 + cellY[b]! + dy);
        if (other === undefined || target[other] !== -1) continue;
        const d = Math.hypot(sumX[other]! / count[other]! - bx, sumY[other]! / count[other]! - by);
        if (d < limit) target[other] = b;
      }
    }
  }

  // Gather the members of each final cluster with one counting sort.
  const clusterOf = new Int32Array(count.length).fill(-1);
  const sizes: number[] = [];
  const cx: number[] = [];
  const cy: number[] = [];
  for (let b = 0; b < count.length; b++) {
    const root = target[b]!;
    if (clusterOf[root] === -1) {
      clusterOf[root] = sizes.length;
      sizes.push(0);
      cx.push(0);
      cy.push(0);
    }
    const c = clusterOf[root]!;
    sizes[c]! += count[b]!;
    cx[c]! += sumX[b]!;
    cy[c]! += sumY[b]!;
  }
  const start = new Uint32Array(sizes.length + 1);
  for (let c = 0; c < sizes.length; c++) start[c + 1] = start[c]! + sizes[c]!;
  const fill = start.slice(0, sizes.length);
  const members = new Uint32Array(subset.length);
  for (let n = 0; n < subset.length; n++) members[fill[clusterOf[target[binOf[n]!]!]!]!++] = subset[n]!;
  return sizes.map((size, c) => ({
    x: cx[c]! / size,
    y: cy[c]! / size,
    count: size,
    members: members.subarray(start[c]!, start[c + 1]!),
  }));
}

/**
 * The first zoom above `zoom` at which the cluster's members no longer form one cluster, or undefined when they never
 * part up to `maxZoom` (they share a place, as records shown at a province's centre do): then the map lists them.
 */
export function expansionZoom(
  x: Float64Array,
  y: Float64Array,
  members: Uint32Array,
  zoom: number,
  radius: number,
  maxZoom: number,
): number | undefined {
  for (let z = zoom + 1; z <= maxZoom; z++) {
    if (clusterPoints(x, y, members, z, radius).length > 1) return z;
  }
  return undefined;
}

/** Cluster radius in pixels the map uses at every zoom. */
export const CLUSTER_RADIUS = 60;

/**
 * The zooms the map can open at: fitting Vietnam (with Hoàng Sa and Trường Sa) into any map frame the page lays out
 * (22rem to 42rem high) in half steps. The build clusters these once, so the first view needs no clustering at all.
 */
export const FIRST_ZOOMS: readonly number[] = [4, 4.5, 5, 5.5, 6, 6.5, 7];

/** Positions in the cluster index are Web Mercator fractions × 2^24 (under 2 cm at zoom 7's 32,768 px). */
export const INDEX_SCALE = 2 ** 24;

/**
 * The clusters of every located beneficiary at each of FIRST_ZOOMS, from which the build renders the map's first view
 * into the page (src/lib/map/first-view.ts), so it needs no points file and no clustering in the browser. Per zoom,
 * four numbers per cluster: x, y (× INDEX_SCALE), count, and for one point its precision index, for more whether all
 * share one place (1) or not.
 */
export interface ClusterIndexFile {
  v: 1;
  radius: number;
  /** Located items. */
  count: number;
  /** Radius in metres of the area drawn for a single point, by precision index (0 for an exact pin). */
  areas: number[];
  zooms: Record<string, number[]>;
}

/** The index for `subset` (the located items) of the decoded points. */
export function clusterIndex(
  columns: { x: Float64Array; y: Float64Array; precision: Int8Array },
  subset: Uint32Array,
  zooms: readonly number[] = FIRST_ZOOMS,
  radius = CLUSTER_RADIUS,
): ClusterIndexFile {
  const { x, y, precision } = columns;
  const file: ClusterIndexFile = {
    v: 1,
    radius,
    count: subset.length,
    areas: PRECISIONS.map((p) => AREA_RADIUS[p]),
    zooms: {},
  };
  for (const zoom of zooms) {
    const flat: number[] = [];
    for (const c of clusterPoints(x, y, subset, zoom, radius)) {
      const first = c.members[0]!;
      const flag =
        c.count === 1 ? precision[first]! : c.members.every((i) => x[i] === x[first] && y[i] === y[first]) ? 1 : 0;
      flat.push(Math.round(c.x * INDEX_SCALE), Math.round(c.y * INDEX_SCALE), c.count, flag);
    }
    file.zooms[String(zoom)] = flat;
  }
  return file;
}

/** The index of a points file (/ban-do/diem.json) as the browser decodes it: the same clusters it would compute. */
export function clusterIndexOf(points: PointsFile): ClusterIndexFile {
  const columns = decodePoints(points);
  const located: number[] = [];
  for (let i = 0; i < columns.count; i++) if (columns.precision[i]! >= 0) located.push(i);
  return clusterIndex(columns, Uint32Array.from(located));
}

/** One cluster as the first view draws it. */
export interface IndexedCluster {
  x: number;
  y: number;
  count: number;
  /** More than one, all at one and the same place (they never part: the map lists them). */
  same: boolean;
  /** One point: the radius in metres of the area it stands for; 0 for an exact pin. */
  area: number;
}

/** The clusters of the index at `zoom`, or undefined when the index has no such zoom or another radius. */
export function indexedClusters(
  file: ClusterIndexFile,
  zoom: number,
  radius = CLUSTER_RADIUS,
): IndexedCluster[] | undefined {
  const flat = file.v === 1 && file.radius === radius ? file.zooms[String(zoom)] : undefined;
  if (!flat) return undefined;
  const clusters: IndexedCluster[] = [];
  for (let n = 0; n + 3 < flat.length; n += 4) {
    const count = flat[n + 2]!;
    const flag = flat[n + 3]!;
    clusters.push({
      x: flat[n]! / INDEX_SCALE,
      y: flat[n + 1]! / INDEX_SCALE,
      count,
      same: count > 1 && flag === 1,
      area: count === 1 ? (file.areas[flag] ?? 0) : 0,
    });
  }
  return clusters;
}
