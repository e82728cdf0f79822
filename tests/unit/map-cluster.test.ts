/** Per-zoom clustering: every point in exactly one cluster, near points together, far ones apart, and fast. */
import { describe, expect, it } from 'vitest';
import { clusterPoints, expansionZoom } from '../../src/lib/map/cluster';
import { mercatorX, mercatorY } from '../../src/lib/map/geometry';

function columns(points: Array<[lat: number, lng: number]>) {
  return {
    x: Float64Array.from(points, ([, lng]) => mercatorX(lng)),
    y: Float64Array.from(points, ([lat]) => mercatorY(lat)),
    all: Uint32Array.from(points, (_, i) => i),
  };
}

describe('clusterPoints', () => {
  it('puts records at the same place (a province centre) in one cluster that never splits', () => {
    const { x, y, all } = columns([
      [18.3428, 105.9057],
      [18.3428, 105.9057],
      [18.3428, 105.9057],
    ]);
    const clusters = clusterPoints(x, y, all, 5, 60);
    expect(clusters).toHaveLength(1);
    expect(clusters[0]!.count).toBe(3);
    expect(expansionZoom(x, y, clusters[0]!.members, 5, 60, 16)).toBeUndefined();
  });

  it('keeps far places apart (Hà Nội and TP Hồ Chí Minh) and joins near ones at low zoom', () => {
    const { x, y, all } = columns([
      [21.0285, 105.8542],
      [10.7769, 106.7009],
      [21.03, 105.86],
    ]);
    const clusters = clusterPoints(x, y, all, 5, 60);
    expect(clusters.map((c) => c.count).sort()).toEqual([1, 2]);
  });

  it('parts a cluster at the zoom expansionZoom names, not before', () => {
    // Hải Dương and Thái Nguyên centres: about 80 km apart.
    const { x, y, all } = columns([
      [20.9373, 106.3146],
      [21.5942, 105.8482],
    ]);
    const zoom = expansionZoom(x, y, all, 4, 60, 16)!;
    expect(zoom).toBeGreaterThan(4);
    expect(clusterPoints(x, y, all, zoom - 1, 60)).toHaveLength(1);
    expect(clusterPoints(x, y, all, zoom, 60)).toHaveLength(2);
  });

  it('places every point of the subset in exactly one cluster, at the mean of its members', () => {
    let s = 1;
    const random = () => (s = (s * 48271) % 2147483647) / 2147483647;
    const points = Array.from({ length: 5000 }, (): [number, number] => [8.5 + random() * 14.5, 102.2 + random() * 7]);
    const { x, y } = columns(points);
    const subset = Uint32Array.from({ length: 2500 }, (_, i) => i * 2);
    for (const zoom of [4, 6, 8.5, 12]) {
      const clusters = clusterPoints(x, y, subset, zoom, 60);
      const seen = clusters.flatMap((c) => [...c.members]).sort((a, b) => a - b);
      expect(seen).toEqual([...subset]);
      for (const c of clusters) {
        expect(c.count).toBe(c.members.length);
        const meanX = c.members.reduce((sum, i) => sum + x[i]!, 0) / c.count;
        expect(c.x).toBeCloseTo(meanX, 12);
      }
    }
  });

  it('clusters 50,000 points at national zoom in well under a second', () => {
    let s = 3;
    const random = () => (s = (s * 48271) % 2147483647) / 2147483647;
    const { x, y, all } = columns(
      Array.from({ length: 50_000 }, (): [number, number] => [8.5 + random() * 14.5, 102.2 + random() * 7]),
    );
    const started = performance.now();
    const clusters = clusterPoints(x, y, all, 5.5, 60);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(clusters.reduce((n, c) => n + c.count, 0)).toBe(50_000);
  });
});
