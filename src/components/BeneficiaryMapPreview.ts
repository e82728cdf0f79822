/**
 * The map's first view, drawn before Leaflet is even loaded: the bundled base layer (land, borders, Hoàng Sa and
 * Trường Sa with their labels) and the first clusters, on one canvas in the map's frame, at exactly the view Leaflet
 * will open at (src/lib/map/view.ts) and with the markers' own colours and sizes. The unfiltered clusters come
 * precomputed from the build (/ban-do/cum.json, a few kilobytes at any count); with filters in the address they are
 * computed from the points. Leaflet (BeneficiaryMapElement.ts) is imported once this view is on screen; it takes over
 * the same frame and removes the canvas when its own layers are drawn. The canvas is a picture only (aria-hidden):
 * the names, the keyboard and the list come with Leaflet's markers.
 */
import { decodeBaseLayer, type BaseLayerFile } from '../lib/map/base-layer';
import {
  CLUSTER_RADIUS,
  clusterPoints,
  indexedClusters,
  type ClusterIndexFile,
  type IndexedCluster,
} from '../lib/map/cluster';
import { hasFilters, matching, readFilters } from '../lib/map/filter';
import { mercatorX, mercatorY } from '../lib/map/geometry';
import { AREA_RADIUS, PRECISIONS } from '../lib/map/precision';
import { firstView, projector, type View } from '../lib/map/view';
import { fill, fillForm, formatCount, loadJson, loadPoints } from './BeneficiaryMapData';

interface PreviewStrings {
  islandOf: string;
  provinceNames: Record<string, string>;
}

/** Marker sizes in pixels, as the map's CSS draws them (BeneficiaryMap.astro). */
export const CLUSTER_SIZE = { s: 34, m: 40, l: 46, xl: 54 } as const;
export const clusterSize = (count: number): keyof typeof CLUSTER_SIZE =>
  count < 10 ? 's' : count < 100 ? 'm' : count < 1000 ? 'l' : 'xl';
const PIN = 24;
const EARTH_RADIUS = 6_378_137;

/**
 * What needs the script shows, what stands in for it hides, and the filter form shows the address's filters: done
 * before the first view so the page's layout does not move when Leaflet arrives.
 */
export function showScripted(el: HTMLElement): void {
  for (const part of el.querySelectorAll<HTMLElement>('[data-js-only]')) part.hidden = false;
  for (const part of el.querySelectorAll<HTMLElement>('[data-no-js]')) part.hidden = true;
  const form = el.querySelector<HTMLFormElement>('[data-form]');
  if (form) {
    fillForm(form, readFilters(new URLSearchParams(location.search)));
    form.hidden = false;
  }
}

/** The clusters of the first view: from the build's index, or computed for the filters in the address. */
async function firstClusters(el: HTMLElement, zoom: number): Promise<IndexedCluster[] | undefined> {
  const filters = readFilters(new URLSearchParams(location.search));
  // A text filter needs the names: Leaflet's side draws that view.
  if (filters.q) return undefined;
  if (!hasFilters(filters)) {
    const index = await loadJson<ClusterIndexFile>(el.dataset['clusters']!);
    const clusters = indexedClusters(index, zoom);
    if (clusters) return clusters;
  }
  const columns = await loadPoints(el.dataset['points']!);
  const { x, y, precision } = columns;
  return clusterPoints(x, y, matching(columns, filters, { located: true }), zoom, CLUSTER_RADIUS).map((c) => {
    const first = c.members[0]!;
    const same = c.members.every((i) => x[i] === x[first] && y[i] === y[first]);
    return { x: c.x, y: c.y, count: c.count, flag: c.count === 1 ? precision[first]! : same ? 1 : 0 };
  });
}

/**
 * Draws the first view into the frame `[data-map]` of `el` and resolves once it is on screen (after the frame that
 * painted it), with true if clusters were drawn. Never rejects: without the files, Leaflet's side says what failed.
 */
export async function drawPreview(el: HTMLElement): Promise<boolean> {
  const frame = el.querySelector<HTMLElement>('[data-map]');
  if (!frame) return false;
  const view = firstView(frame.clientWidth, frame.clientHeight);
  if (view.width === 0 || view.height === 0) return false;
  const [base, clusters] = await Promise.all([
    loadJson<BaseLayerFile>(el.dataset['base']!).catch(() => undefined),
    firstClusters(el, view.zoom).catch(() => undefined),
  ]);
  // Leaflet may have come first (a slow file): then there is nothing to add.
  if (frame.classList.contains('leaflet-container') || (!base && !clusters)) return false;
  const canvas = document.createElement('canvas');
  canvas.className = 'map-preview';
  canvas.setAttribute('aria-hidden', 'true');
  const ratio = window.devicePixelRatio || 1;
  canvas.width = Math.round(view.width * ratio);
  canvas.height = Math.round(view.height * ratio);
  const ctx = canvas.getContext('2d');
  if (!ctx) return false;
  ctx.scale(ratio, ratio);
  const style = getComputedStyle(frame);
  const strings = JSON.parse(el.dataset['strings'] ?? '{}') as PreviewStrings;
  if (base) drawBase(ctx, view, base, strings, style.fontFamily);
  if (clusters) drawClusters(ctx, view, clusters, style);
  frame.append(canvas);
  await afterPaint();
  return clusters !== undefined;
}

/** Resolves in the task after the next frame has been painted. */
function afterPaint(): Promise<void> {
  return new Promise((resolve) =>
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve();
      channel.port2.postMessage(undefined);
    }),
  );
}

function drawBase(
  ctx: CanvasRenderingContext2D,
  view: View,
  file: BaseLayerFile,
  strings: PreviewStrings,
  font: string,
): void {
  const { px, py } = projector(view);
  const base = decodeBaseLayer(file);
  const path = (line: Array<[number, number]>) => {
    line.forEach(([lat, lng], n) =>
      n === 0 ? ctx.moveTo(px(mercatorX(lng)), py(mercatorY(lat))) : ctx.lineTo(px(mercatorX(lng)), py(mercatorY(lat))),
    );
  };
  ctx.lineJoin = 'round';
  ctx.lineCap = 'round';
  ctx.beginPath();
  for (const rings of base.land)
    for (const ring of rings) {
      path(ring);
      ctx.closePath();
    }
  ctx.fillStyle = '#ece9dc';
  ctx.fill('evenodd');
  const lines = (set: Array<Array<[number, number]>>, color: string, width: number, dash: number[]) => {
    ctx.beginPath();
    for (const line of set) path(line);
    ctx.strokeStyle = color;
    ctx.lineWidth = width;
    ctx.setLineDash(dash);
    ctx.stroke();
  };
  lines(base.former, '#a9aeb5', 0.8, [3, 3]);
  lines(base.now, '#7d838c', 1.2, []);
  lines(base.coast, '#5d6b78', 1, []);
  ctx.setLineDash([]);
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  for (const group of base.islands) {
    for (const [lat, lng] of group.islets) {
      ctx.beginPath();
      ctx.arc(px(mercatorX(lng)), py(mercatorY(lat)), 2, 0, 2 * Math.PI);
      ctx.fillStyle = '#ece9dc';
      ctx.fill();
      ctx.strokeStyle = '#5d6b78';
      ctx.lineWidth = 1;
      ctx.stroke();
    }
    const [lat, lng] = group.label;
    const x = px(mercatorX(lng));
    const y = py(mercatorY(lat));
    const province = strings.provinceNames?.[group.province] ?? group.province;
    ctx.font = `italic 600 12px ${font}`;
    const texts: Array<[string, number]> = [
      [group.name, y - 7],
      [fill(strings.islandOf ?? '{name}', { name: province }), y + 7],
    ];
    ctx.lineWidth = 3;
    ctx.strokeStyle = '#fff';
    for (const [text, ty] of texts) ctx.strokeText(text, x, ty);
    ctx.fillStyle = '#2f3b46';
    for (const [text, ty] of texts) ctx.fillText(text, x, ty);
  }
}

function drawClusters(ctx: CanvasRenderingContext2D, view: View, clusters: IndexedCluster[], style: CSSStyleDeclaration): void {
  const { scale, px, py } = projector(view);
  const color = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
  const brand = color('--color-brand', '#0b5c3b');
  const brandStrong = color('--color-brand-strong', '#074029');
  const onBrand = color('--color-on-brand', '#fff');
  const accent = color('--color-accent', '#a33b00');
  const circle = (x: number, y: number, r: number) => {
    ctx.beginPath();
    ctx.arc(x, y, r, 0, 2 * Math.PI);
  };
  // Areas for coarse single points first (Leaflet's overlay pane lies under its markers).
  for (const c of clusters) {
    const precision = PRECISIONS[c.flag];
    if (c.count !== 1 || !precision || precision === 'exact') continue;
    const lat = (Math.atan(Math.sinh(Math.PI * (1 - 2 * c.y))) * 180) / Math.PI;
    const r = (AREA_RADIUS[precision] / (2 * Math.PI * EARTH_RADIUS * Math.cos((lat * Math.PI) / 180))) * scale;
    circle(px(c.x), py(c.y), r);
    ctx.fillStyle = 'rgb(138 75 8 / 0.08)';
    ctx.fill();
    ctx.setLineDash([4, 4]);
    ctx.strokeStyle = '#8a4b08';
    ctx.lineWidth = 1;
    ctx.stroke();
    ctx.setLineDash([]);
  }
  // Markers in Leaflet's order: the lower on screen, the more on top.
  const order = [...clusters].sort((a, b) => a.y - b.y);
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  ctx.font = `700 14.4px ${style.fontFamily}`;
  for (const c of order) {
    const x = px(c.x);
    const y = py(c.y);
    if (c.count === 1) {
      const exact = c.flag === 0;
      circle(x, y, PIN / 2 - (exact ? 1.5 : 1));
      if (exact) {
        ctx.fillStyle = accent;
        ctx.fill();
        ctx.lineWidth = 3;
        ctx.strokeStyle = '#fff';
        ctx.stroke();
        circle(x, y, PIN / 2 + 0.5);
        ctx.lineWidth = 1;
        ctx.strokeStyle = accent;
        ctx.stroke();
      } else {
        ctx.fillStyle = 'rgb(255 255 255 / 0.7)';
        ctx.fill();
        ctx.setLineDash([4, 3]);
        ctx.lineWidth = 2;
        ctx.strokeStyle = '#8a4b08';
        ctx.stroke();
        ctx.setLineDash([]);
      }
      continue;
    }
    const size = CLUSTER_SIZE[clusterSize(c.count)];
    const same = c.flag === 1;
    circle(x, y, size / 2 - 1.5);
    ctx.fillStyle = same ? '#5a3d87' : brand;
    ctx.fill();
    ctx.lineWidth = 3;
    ctx.strokeStyle = 'rgb(255 255 255 / 0.85)';
    ctx.stroke();
    circle(x, y, size / 2 + 0.5);
    ctx.lineWidth = 1;
    ctx.strokeStyle = same ? '#3b2760' : brandStrong;
    ctx.stroke();
    ctx.fillStyle = onBrand;
    ctx.fillText(formatCount(c.count), x, y + 1);
  }
}
