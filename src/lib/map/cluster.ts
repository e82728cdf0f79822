/**
 * Point clustering for one zoom level at a time, on demand: points are binned into a grid of `radius`-pixel cells,
 * then neighbouring bins closer than `radius` are merged (largest first). One pass over the points per zoom, so the
 * first clusters of 50,000 points cost a few milliseconds, where building a full hierarchy up front (supercluster)
 * cost hundreds (see scripts/bench/map.ts). Positions are Web Mercator fractions in [0, 1).
 */

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
