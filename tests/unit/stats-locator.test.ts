/**
 * The province locator map: the committed outline is what Natural Earth gives after simplification (regenerate it
 * with UPDATE_OUTLINE=1), every province centre falls on the map, north is up, and both archipelagos are drawn.
 */
import { createRequire } from 'node:module';
import { readFileSync, writeFileSync } from 'node:fs';
import { feature } from 'topojson-client';
import type { GeometryObject, Topology } from 'topojson-specification';
import type { MultiPolygon } from 'geojson';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import {
  ARCHIPELAGOS,
  archipelagoLabels,
  DOCUMENT_SIZE,
  LOCATOR_SIZE,
  locatorDocument,
  outlinePath,
  project,
  simplifyRing,
  type LngLat,
} from '../../src/lib/stats/locator';
import { VIETNAM_OUTLINE } from '../../src/lib/stats/vietnam-outline';

const OUTLINE_FILE = new URL('../../src/lib/stats/vietnam-outline.ts', import.meta.url);

function outlineFromNaturalEarth(): LngLat[][] {
  const topology = createRequire(import.meta.url)('world-atlas/countries-50m.json') as Topology<{
    countries: GeometryObject;
  }>;
  const countries = feature(topology, topology.objects.countries) as unknown as {
    features: Array<{ id: string; geometry: MultiPolygon }>;
  };
  const vietnam = countries.features.find((f) => f.id === '704')!;
  return vietnam.geometry.coordinates.map((polygon) => simplifyRing(polygon[0]! as unknown as LngLat[]));
}

describe('the outline', () => {
  const generated = outlineFromNaturalEarth();

  it('is Natural Earth’s, simplified (UPDATE_OUTLINE=1 rewrites the file)', () => {
    if (process.env['UPDATE_OUTLINE']) {
      const text = readFileSync(OUTLINE_FILE, 'utf8');
      const head = text.slice(0, text.indexOf('export const VIETNAM_OUTLINE'));
      const body = generated.map((ring) => `  [${ring.map(([x, y]) => `[${x}, ${y}]`).join(', ')}],`).join('\n');
      writeFileSync(
        OUTLINE_FILE,
        `${head}export const VIETNAM_OUTLINE: ReadonlyArray<readonly LngLat[]> = [\n${body}\n];\n`,
      );
    }
    expect(VIETNAM_OUTLINE).toEqual(generated);
  });
  it('keeps the mainland detailed enough to recognise and small enough to inline in every province page', () => {
    const mainland = Math.max(...VIETNAM_OUTLINE.map((r) => r.length));
    expect(mainland).toBeGreaterThan(100);
    expect(outlinePath().length).toBeLessThan(4000);
  });
});

describe('project', () => {
  it('puts north up and east right, inside the frame', () => {
    const haNoi = project([105.8542, 21.0285]);
    const hcm = project([106.7009, 10.7769]);
    expect(haNoi[1]).toBeLessThan(hcm[1]);
    expect(hcm[0]).toBeGreaterThan(haNoi[0]);
  });
  it('places every province centre of content/provinces.yaml on the map', () => {
    const rows = parse(readFileSync(new URL('../../content/provinces.yaml', import.meta.url), 'utf8')) as Array<{
      id: string;
      centre: { lat: number; lng: number };
    }>;
    expect(rows).toHaveLength(63);
    for (const { id, centre } of rows) {
      const [x, y] = project([centre.lng, centre.lat]);
      expect(x, id).toBeGreaterThan(0);
      expect(x, id).toBeLessThan(LOCATOR_SIZE.width);
      expect(y, id).toBeGreaterThan(0);
      expect(y, id).toBeLessThan(LOCATOR_SIZE.height);
    }
  });
});

describe('the archipelagos', () => {
  it('are drawn east of the mainland, Hoàng Sa north of Trường Sa, with their names inside the frame', () => {
    const [hoangSa, truongSa] = ARCHIPELAGOS;
    expect(hoangSa.key).toBe('hoang-sa');
    expect(truongSa.key).toBe('truong-sa');
    expect(Math.min(...hoangSa.points.map((p) => p[1]))).toBeGreaterThan(Math.max(...truongSa.points.map((p) => p[1])));
    for (const label of archipelagoLabels()) expect(label.x).toBeLessThanOrEqual(DOCUMENT_SIZE.width);
  });
  it('appear in the card’s map, which has no text of its own (no font needed to draw it)', () => {
    const svg = locatorDocument([{ at: [106.68, 20.86], role: 'main' }]);
    expect(svg.match(/<circle/g)!.length).toBe(ARCHIPELAGOS.reduce((n, a) => n + a.points.length, 0) + 2);
    expect(svg).not.toContain('<text');
  });
});
