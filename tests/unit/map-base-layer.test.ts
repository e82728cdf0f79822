/**
 * The bundled base layer: the committed file shows Vietnam with its provinces and labels Quần đảo Hoàng Sa and
 * Quần đảo Trường Sa as Vietnamese; the builder classifies borders with the 2025 crosswalk and keeps shared borders
 * shared after simplification.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  buildBaseLayer,
  decodeBaseLayer,
  ringPoints,
  type BaseLayerFile,
  type Topology,
} from '../../src/lib/map/base-layer';
import { simplifyLine } from '../../src/lib/map/geometry';

const file = JSON.parse(
  readFileSync(new URL('../../public/map/viet-nam.json', import.meta.url), 'utf8'),
) as BaseLayerFile;

describe('public/map/viet-nam.json', () => {
  const layer = decodeBaseLayer(file);

  it('labels Quần đảo Hoàng Sa (Đà Nẵng) and Quần đảo Trường Sa (Khánh Hòa), with islets where they lie', () => {
    const hoangSa = layer.islands.find((g) => g.name === 'Quần đảo Hoàng Sa')!;
    const truongSa = layer.islands.find((g) => g.name === 'Quần đảo Trường Sa')!;
    expect(hoangSa.province).toBe('da-nang');
    expect(truongSa.province).toBe('khanh-hoa');
    for (const [lat, lng] of hoangSa.islets) expect(lat > 15.5 && lat < 17.2 && lng > 111 && lng < 113).toBe(true);
    for (const [lat, lng] of truongSa.islets) expect(lat > 7.5 && lat < 11.7 && lng > 111.5 && lng < 116.5).toBe(true);
  });

  it('draws land, coast and both kinds of provincial border inside Vietnam’s extent', () => {
    expect(layer.land.length).toBeGreaterThan(30);
    expect(layer.coast.length).toBeGreaterThan(10);
    expect(layer.now.length).toBeGreaterThan(30);
    expect(layer.former.length).toBeGreaterThan(10);
    for (const [lat, lng] of [...layer.land.flat(2), ...layer.now.flat()]) {
      expect(lat > 8 && lat < 23.5 && lng > 102 && lng < 110).toBe(true);
    }
  });

  it('credits its source and says what the site added', () => {
    expect(file.source).toMatch(/Natural Earth/);
    expect(file.note).toMatch(/Hoàng Sa/);
    expect(JSON.stringify(file).length).toBeLessThan(40_000);
  });
});

describe('buildBaseLayer', () => {
  // Three unit squares in a row, A | B | C, from 104°E; B was merged into A in 2025, C is separate.
  const topology: Topology = {
    transform: { scale: [1, 1], translate: [104, 20] },
    arcs: [
      [
        [1, 0],
        [0, 1],
      ], // 0: A|B, (105,20)→(105,21)
      [
        [2, 0],
        [0, 1],
      ], // 1: B|C, (106,20)→(106,21)
      [
        [1, 1],
        [-1, 0],
        [0, -1],
        [1, 0],
      ], // 2: A's outside, (105,21)→(104,21)→(104,20)→(105,20)
      [
        [1, 0],
        [1, 0],
      ], // 3: B's bottom, (105,20)→(106,20)
      [
        [2, 1],
        [-1, 0],
      ], // 4: B's top, (106,21)→(105,21)
      [
        [2, 0],
        [1, 0],
        [0, 1],
        [-1, 0],
      ], // 5: C's outside, (106,20)→(107,20)→(107,21)→(106,21)
    ],
    objects: {
      p: {
        geometries: [
          { type: 'Polygon', arcs: [[2, 0]] },
          { type: 'Polygon', arcs: [[3, 1, 4, ~0]] },
          { type: 'Polygon', arcs: [[5, ~1]] },
        ],
      },
    },
  };
  const centres = [
    { id: 'a', lat: 20.5, lng: 104.5 },
    { id: 'b', lat: 20.5, lng: 105.5, mergedInto: 'a' },
    { id: 'c', lat: 20.5, lng: 106.5 },
  ];
  const built = buildBaseLayer(topology, centres, {
    tolerance: 0.01,
    minRing: 0.01,
    scale: 1000,
    source: 's',
    note: 'n',
  });

  it('calls a border between former units of one unit "former", between today’s units "now", and the rest coast', () => {
    const arcAt = (lng: number) =>
      built.arcs.findIndex((a) => a[0] === lng * 1000 && a[1] === 20_000 && a[2] === 0 && a[3] === 1000);
    expect(built.former).toEqual([arcAt(105)]);
    expect(built.now).toEqual([arcAt(106)]);
    expect(built.coast.length).toBe(built.arcs.length - 2);
  });

  it('rebuilds closed rings from the renumbered arcs', () => {
    const b = decodeBaseLayer(built).land[1]![0]!;
    expect(b[0]).toEqual([20, 105]);
    expect(b.slice(1, 4)).toEqual([
      [20, 106],
      [21, 106],
      [21, 105],
    ]);
    expect(b.at(-1)).toEqual([20, 105]);
  });

  it('adds the islands the source lacks', () => {
    expect(built.islands.map((g) => g.name)).toEqual(['Quần đảo Hoàng Sa', 'Quần đảo Trường Sa']);
  });
});

describe('helpers', () => {
  it('simplifyLine drops points on a straight line and keeps both ends', () => {
    expect(
      simplifyLine(
        [
          [0, 0],
          [1, 0.001],
          [2, 0],
          [3, 5],
        ],
        0.01,
      ),
    ).toEqual([
      [0, 0],
      [2, 0],
      [3, 5],
    ]);
  });
  it('ringPoints joins arcs, reversing ~i, without repeating shared ends', () => {
    const arcs = [
      [
        [0, 0],
        [1, 0],
      ],
      [
        [0, 1],
        [1, 1],
        [1, 0],
      ],
    ];
    expect(ringPoints([0, ~1], arcs)).toEqual([
      [0, 0],
      [1, 0],
      [1, 1],
      [0, 1],
    ]);
  });
});
