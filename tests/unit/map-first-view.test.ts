/**
 * The first view drawn before Leaflet: the view is Leaflet's own fitBounds result, and the build's cluster index
 * holds exactly the clusters the browser would compute for each zoom the map can open at.
 */
import { describe, expect, it } from 'vitest';
import {
  CLUSTER_RADIUS,
  clusterIndexOf,
  clusterPoints,
  FIRST_ZOOMS,
  indexedClusters,
  INDEX_SCALE,
} from '../../src/lib/map/cluster';
import { mercatorX as geoX, mercatorY as geoY } from '../../src/lib/map/geometry';
import { decodePoints, encodePoints } from '../../src/lib/map/points';
import { AREA_RADIUS, PRECISIONS } from '../../src/lib/map/precision';
import { firstView, mercatorX, mercatorY, projector, VIETNAM } from '../../src/lib/map/view';
import { formatCount } from '../../src/components/BeneficiaryMapData';
import {
  clusterMarkup,
  coastRings,
  countLabel,
  firstViewSvg,
  replaceFirstClusters,
} from '../../src/lib/map/first-view';
import { decodeBaseLayer, type BaseLayerFile } from '../../src/lib/map/base-layer';
import { CENTRE } from '../../src/lib/map/view';
import { readFileSync } from 'node:fs';
import { readProvinceEntries, syntheticRecords } from '../../scripts/bench/map-data';

describe('firstView', () => {
  it('projects as geometry.ts does (its own copy, so the first view imports nothing)', () => {
    for (const [lat, lng] of [
      [7.6, 102.1],
      [16.4, 112],
      [21.0285, 105.8542],
      [23.4, 116.2],
    ] as const) {
      expect(mercatorX(lng)).toBe(geoX(lng));
      expect(mercatorY(lat)).toBe(geoY(lat));
    }
  });

  it("matches Leaflet's fitBounds for frames from a phone to a wide screen", () => {
    // Leaflet 1.9's getBoundsZoom: log2 of the smaller of frame / bounds at zoom 0, floored to the 0.5 snap, at least
    // the minimum zoom. (tests/e2e/map.checks.ts checks in Chromium that Leaflet opens at firstView's zoom.)
    expect(firstView(752, 672).zoom).toBe(5.5);
    expect(firstView(360, 352).zoom).toBe(4.5);
    expect(firstView(320, 352).zoom).toBe(4.5);
    expect(firstView(1600, 672).zoom).toBe(5.5);
    expect(firstView(100, 100).zoom).toBe(4);
  });

  it('centres Vietnam, Hoàng Sa and Trường Sa included, in the frame', () => {
    const view = firstView(752, 672);
    const { px, py } = projector(view);
    const [[south, west], [north, east]] = VIETNAM;
    const x = (lng: number) => px(lng / 360 + 0.5);
    const y = (lat: number) => {
      const sin = Math.sin((lat * Math.PI) / 180);
      return py(0.5 - (0.25 * Math.log((1 + sin) / (1 - sin))) / Math.PI);
    };
    for (const v of [x(west), x(east)]) {
      expect(v).toBeGreaterThanOrEqual(0);
      expect(v).toBeLessThanOrEqual(752);
    }
    for (const v of [y(north), y(south)]) {
      expect(v).toBeGreaterThanOrEqual(0);
      expect(v).toBeLessThanOrEqual(672);
    }
    expect(Math.abs(x(west) + x(east) - 752)).toBeLessThanOrEqual(2);
  });
});

describe('cluster index (the first view the build renders into /ban-do/)', () => {
  const provinces = readProvinceEntries();
  const { points } = encodePoints(syntheticRecords(3000, provinces), provinces);
  const index = clusterIndexOf(points);
  const columns = decodePoints(points);
  const located = Uint32Array.from([...Array(columns.count).keys()].filter((i) => columns.precision[i]! >= 0));

  it('holds, for every first zoom, the clusters the browser computes from the points', () => {
    expect(index.count).toBe(located.length);
    for (const zoom of FIRST_ZOOMS) {
      const expected = clusterPoints(columns.x, columns.y, located, zoom, CLUSTER_RADIUS);
      const got = indexedClusters(index, zoom)!;
      expect(got.map((c) => c.count)).toEqual(expected.map((c) => c.count));
      got.forEach((c, n) => {
        expect(Math.abs(c.x - expected[n]!.x)).toBeLessThan(1 / INDEX_SCALE);
        expect(Math.abs(c.y - expected[n]!.y)).toBeLessThan(1 / INDEX_SCALE);
      });
      expect(got.reduce((n, c) => n + c.count, 0)).toBe(located.length);
    }
  });

  it('marks single points with their precision and clusters that share one place', () => {
    for (const zoom of FIRST_ZOOMS) {
      const expected = clusterPoints(columns.x, columns.y, located, zoom, CLUSTER_RADIUS);
      indexedClusters(index, zoom)!.forEach((c, n) => {
        const members = expected[n]!.members;
        if (c.count === 1) {
          expect(c.area).toBe(AREA_RADIUS[PRECISIONS[columns.precision[members[0]!]!]!]);
          expect(c.same).toBe(false);
        } else {
          const same = members.every(
            (i) => columns.x[i] === columns.x[members[0]!] && columns.y[i] === columns.y[members[0]!],
          );
          expect(c.same).toBe(same);
          expect(c.area).toBe(0);
        }
      });
    }
  });

  it('has no clusters for a zoom or a radius it was not built for', () => {
    expect(indexedClusters(index, 9)).toBeUndefined();
    expect(indexedClusters(index, 5, 40)).toBeUndefined();
  });

  it('stays small at 50,000 points', async () => {
    const { gzipSync } = await import('node:zlib');
    const big = encodePoints(syntheticRecords(50_000, provinces), provinces).points;
    expect(gzipSync(JSON.stringify(clusterIndexOf(big))).length).toBeLessThan(8 * 1024);
  });
});

describe('formatCount and countLabel', () => {
  it("write counts as toLocaleString('vi-VN') does", () => {
    for (const n of [0, 7, 12, 999, 1000, 1234, 12_345, 123_456, 1_234_567]) {
      expect(formatCount(n)).toBe(n.toLocaleString('vi-VN'));
      expect(countLabel(n)).toBe(n.toLocaleString('vi-VN'));
    }
  });
});

describe('firstViewSvg', () => {
  it("has the page's CSS scale the shapes to every first zoom", () => {
    const css = readFileSync('src/components/BeneficiaryMap.astro', 'utf8');
    for (const zoom of FIRST_ZOOMS) {
      expect(css).toContain(`beneficiary-map[data-first-view='${zoom}'] :global(.map-first [data-zoom='${zoom}'])`);
      const rule = css.match(
        new RegExp(
          `\\[data-first-view='${zoom}'\\] :global\\(\\.map-first-base\\) \\{\\s*transform: scale\\(([\\d.]+)\\)`,
        ),
      );
      expect(Number(rule?.[1])).toBeCloseTo(2 ** (zoom - 8), 6);
    }
  });

  const base = decodeBaseLayer(JSON.parse(readFileSync('public/map/viet-nam.json', 'utf8')) as BaseLayerFile);
  const clusters = [
    { x: CENTRE.x, y: CENTRE.y, count: 1234, same: false, area: 0 },
    { x: CENTRE.x + 0.001, y: CENTRE.y, count: 1, same: false, area: 2000 },
  ];
  const svg = firstViewSvg({
    base,
    centre: CENTRE,
    zooms: FIRST_ZOOMS,
    clusters: (zoom) => (zoom === 5.5 ? clusters : undefined),
    islandLabel: (g) => [g.name, `(${g.province}, Việt Nam)`],
  });

  it('has one hidden group per first zoom, each with the base layer and both island labels', () => {
    expect(svg.match(/<g class="map-first-base" display="none">/g)).toHaveLength(1);
    for (const zoom of FIRST_ZOOMS) expect(svg).toContain(`<g data-zoom="${zoom}" display="none">`);
    expect(svg.match(/Quần đảo Hoàng Sa/g)).toHaveLength(FIRST_ZOOMS.length);
    expect(svg.match(/Quần đảo Trường Sa/g)).toHaveLength(FIRST_ZOOMS.length);
    expect(svg).toContain('aria-hidden="true"');
    expect(svg).not.toMatch(/style=/);
  });

  it('draws clusters at Leaflet pixel positions from the centre, with their counts', () => {
    const marks = clusterMarkup(clusters, 5.5, CENTRE);
    expect(marks).toContain('<text class="map-first-count" elementtiming="map-clusters" x="0" y="0">1.234</text>');
    const offset = Math.round((CENTRE.x + 0.001) * 256 * 2 ** 5.5) - Math.round(CENTRE.x * 256 * 2 ** 5.5);
    expect(marks).toContain(`<circle class="map-first-approx" cx="${offset}" cy="0"`);
    expect(marks).toMatch(/<circle class="map-first-area"/);
    expect(svg).toContain(`<g class="map-first-clusters" data-for="5.5">${marks}</g>`);
  });

  it('lets the bench put other clusters in a built page', () => {
    const other = replaceFirstClusters(`<p>x</p>${svg}`, CENTRE, (zoom) => (zoom === 4 ? clusters : undefined));
    expect(other).toContain(`<g class="map-first-clusters" data-for="4">${clusterMarkup(clusters, 4, CENTRE)}</g>`);
    expect(other).toContain('<g class="map-first-clusters" data-for="5.5"></g>');
    expect(other.startsWith('<p>x</p><svg')).toBe(true);
  });
});

describe('coastRings', () => {
  it('closes the coast arcs of the bundled base layer into rings that hold every coast point', () => {
    const base = decodeBaseLayer(JSON.parse(readFileSync('public/map/viet-nam.json', 'utf8')) as BaseLayerFile);
    const rings = coastRings(base.coast)!;
    expect(rings).toBeDefined();
    for (const ring of rings) expect(ring[0]).toEqual(ring[ring.length - 1]);
    const points = (lines: Array<Array<[number, number]>>) => new Set(lines.flat().map((p) => p.join(',')));
    expect(points(rings)).toEqual(points(base.coast));
  });

  it('says so when the arcs do not close', () => {
    expect(
      coastRings([
        [
          [0, 0],
          [0, 1],
          [1, 1],
        ],
      ]),
    ).toBeUndefined();
  });
});

describe('the zoom the frame size picks in CSS (BeneficiaryMap.astro container queries)', () => {
  it('is the zoom view.ts computes from the whole-pixel size Leaflet measures, at every threshold', async () => {
    const { readFile } = await import('node:fs/promises');
    const css = await readFile(new URL('../../src/components/BeneficiaryMap.astro', import.meta.url), 'utf8');
    const queries = [
      ...css.matchAll(
        /@container map-frame \(min-width: ([\d.]+)px\) and \(min-height: ([\d.]+)px\) \{([\s\S]*?)\n {2}\}/g,
      ),
    ];
    expect(queries.length).toBeGreaterThanOrEqual(6);
    // CSS picks the last query whose width and height the frame reaches, zoom 4 below all of them.
    const cssZoom = (width: number, height: number) => {
      let zoom: number | undefined = 4;
      for (const [, w, h, body] of queries) {
        if (width >= Number(w) && height >= Number(h)) zoom = Number(/data-zoom='([\d.]+)'/.exec(body!)?.[1] ?? NaN);
      }
      return Number.isNaN(zoom) ? undefined : zoom;
    };
    for (let width = 150; width <= 2000; width += 0.25) {
      for (const height of [300, 352, 400, 500, 600, 672, 900, 1200, 1600, 2200]) {
        const expected = firstView(Math.round(width), height).zoom;
        const picked = cssZoom(width, height);
        if (expected > 7) expect(picked, `${width}×${height}`).toBeUndefined();
        else expect(picked, `${width}×${height}`).toBe(expected);
      }
    }
  });
});
