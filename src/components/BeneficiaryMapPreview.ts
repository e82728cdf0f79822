/**
 * The map's first view, drawn before Leaflet is even loaded: the bundled base layer (land, borders, Hoàng Sa and
 * Trường Sa with their labels) and the first clusters, on one canvas in the map's frame, at exactly the view Leaflet
 * will open at (src/lib/map/view.ts) and with the markers' own colours and sizes. The unfiltered clusters come
 * precomputed from the build (/ban-do/cum.json, a few kilobytes at any count); with filters in the address they are
 * computed from the points. Leaflet (BeneficiaryMapElement.ts) is imported once this view is on screen; it takes over
 * the same frame and removes the canvas when its own layers are drawn. The canvas is a picture only (aria-hidden):
 * the names, the keyboard and the list come with Leaflet's markers.
 *
 * This module imports only modules no other page uses, so the page loads it in one request: anything shared with the
 * directory (/co-so/) would be split into chunks of their own, each fetched only after the one importing it was
 * parsed, on a main thread busy with the page's first layout. What the filtered view needs is imported on demand.
 */
import type { BaseLayerFile } from '../lib/map/base-layer';
import { decodeBaseLayer } from '../lib/map/base-layer';
import { CLUSTER_RADIUS, clusterPoints, indexedClusters, type ClusterIndexFile, type IndexedCluster } from '../lib/map/cluster';
import { firstView, mercatorX, mercatorY, projector, type View } from '../lib/map/view';

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

/** "1.234", as formatCount in BeneficiaryMapData.ts (a shared module, so not imported here; the tests compare). */
export const countLabel = (n: number): string => String(Math.trunc(n)).replace(/\B(?=(\d{3})+(?!\d))/g, '.');

const fetchJson = async <T>(url: string): Promise<T> => {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  return (await response.json()) as T;
};

/** True when the address sets any of the filter form's fields. */
function filtered(el: HTMLElement): boolean {
  const params = new URLSearchParams(location.search);
  const form = el.querySelector<HTMLFormElement>('[data-form]');
  return [...(form?.elements ?? [])].some((field) => {
    const name = (field as HTMLInputElement).name;
    return Boolean(name && params.get(name)?.trim());
  });
}

/** The clusters for the filters in the address, computed from the points (the modules for that come on demand). */
async function filteredClusters(el: HTMLElement, zoom: number): Promise<IndexedCluster[] | undefined> {
  const [{ loadPoints }, { matching, readFilters }, { AREA_RADIUS, PRECISIONS }] = await Promise.all([
    import('./BeneficiaryMapData'),
    import('../lib/map/filter'),
    import('../lib/map/precision'),
  ]);
  const filters = readFilters(new URLSearchParams(location.search));
  // A text filter needs the names: Leaflet's side draws that view.
  if (filters.q) return undefined;
  const columns = await loadPoints(el.dataset['points']!);
  const { x, y, precision } = columns;
  return clusterPoints(x, y, matching(columns, filters, { located: true }), zoom, CLUSTER_RADIUS).map((c) => {
    const first = c.members[0]!;
    const same = c.count > 1 && c.members.every((i) => x[i] === x[first] && y[i] === y[first]);
    const p = PRECISIONS[precision[first]!];
    return { x: c.x, y: c.y, count: c.count, same, area: c.count === 1 && p ? AREA_RADIUS[p] : 0 };
  });
}

/**
 * Starts the map: fetches what the first view needs, shows the scripted parts, draws the first view and marks
 * "map:clusters-drawn" once it is painted, then hands over to Leaflet (BeneficiaryMapElement.ts) with the files
 * already fetched.
 */
export function startMap(el: HTMLElement): void {
  performance.mark('map:start');
  const fetched: Record<string, Promise<unknown>> = {};
  const base = (fetched[el.dataset['base']!] = fetchJson<BaseLayerFile>(el.dataset['base']!));
  // Fetched even when filters make it useless, since the page asked for it already (link rel=preload).
  const index = (fetched[el.dataset['clusters']!] = fetchJson<ClusterIndexFile>(el.dataset['clusters']!));
  const withFilters = filtered(el);
  for (const promise of Object.values(fetched)) promise.catch(() => undefined);
  // The rest of the map's data starts loading now, in the worker; its module is small and off the first view's path.
  const data = import('./BeneficiaryMapData').then((module) => {
    module.prefetchMap(el, fetched);
    return module;
  });
  showScripted(el, withFilters ? data : undefined);
  const frame = el.querySelector<HTMLElement>('[data-map]');
  const view = frame ? firstView(frame.clientWidth, frame.clientHeight) : undefined;
  const clusters =
    view && (withFilters ? filteredClusters(el, view.zoom) : index.then((file) => indexedClusters(file, view.zoom)));
  void drawPreview(el, view, base, clusters)
    .then((drawn) => {
      if (drawn) performance.mark('map:clusters-drawn');
      return Promise.all([import('./BeneficiaryMapElement'), data]);
    })
    .then(([{ BeneficiaryMap }]) => {
      if (!customElements.get('beneficiary-map')) customElements.define('beneficiary-map', BeneficiaryMap);
    });
}

/**
 * What needs the script shows, what stands in for it hides, and the filter form shows (filled from the address once
 * the filter code has loaded, when the address has filters): all before the first view, so the page's layout does not
 * move when Leaflet arrives.
 */
function showScripted(el: HTMLElement, data: Promise<typeof import('./BeneficiaryMapData')> | undefined): void {
  for (const part of el.querySelectorAll<HTMLElement>('[data-js-only]')) part.hidden = false;
  for (const part of el.querySelectorAll<HTMLElement>('[data-no-js]')) part.hidden = true;
  const form = el.querySelector<HTMLFormElement>('[data-form]');
  if (!form) return;
  form.hidden = false;
  void data
    ?.then(async ({ fillForm }) => {
      const { readFilters } = await import('../lib/map/filter');
      fillForm(form, readFilters(new URLSearchParams(location.search)));
    })
    .catch(() => undefined);
}

/**
 * Draws the first view into the frame `[data-map]` of `el` and resolves once it is on screen (in the task after the
 * frame that painted it), with true if clusters were drawn. Never rejects: without the files, Leaflet's side says
 * what failed.
 */
async function drawPreview(
  el: HTMLElement,
  view: View | undefined,
  baseFile: Promise<BaseLayerFile>,
  clusterList: Promise<IndexedCluster[] | undefined> | undefined,
): Promise<boolean> {
  const frame = el.querySelector<HTMLElement>('[data-map]');
  if (!frame || !view || view.width === 0 || view.height === 0) return false;
  const [base, clusters] = await Promise.all([
    baseFile.catch(() => undefined),
    clusterList?.catch(() => undefined),
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
    for (let n = 0; n < line.length; n++) {
      const [lat, lng] = line[n]!;
      if (n === 0) ctx.moveTo(px(mercatorX(lng)), py(mercatorY(lat)));
      else ctx.lineTo(px(mercatorX(lng)), py(mercatorY(lat)));
    }
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
  ctx.font = `italic 600 12px ${font}`;
  for (const group of base.islands) {
    ctx.beginPath();
    for (const [lat, lng] of group.islets) {
      const x = px(mercatorX(lng));
      const y = py(mercatorY(lat));
      ctx.moveTo(x + 2, y);
      ctx.arc(x, y, 2, 0, 2 * Math.PI);
    }
    ctx.fillStyle = '#ece9dc';
    ctx.fill();
    ctx.strokeStyle = '#5d6b78';
    ctx.lineWidth = 1;
    ctx.stroke();
    const [lat, lng] = group.label;
    const x = px(mercatorX(lng));
    const y = py(mercatorY(lat));
    const province = strings.provinceNames?.[group.province] ?? group.province;
    const texts: Array<[string, number]> = [
      [group.name, y - 7],
      [(strings.islandOf ?? '{name}').replace('{name}', province), y + 7],
    ];
    ctx.lineWidth = 3;
    ctx.strokeStyle = '#fff';
    for (const [text, ty] of texts) ctx.strokeText(text, x, ty);
    ctx.fillStyle = '#2f3b46';
    for (const [text, ty] of texts) ctx.fillText(text, x, ty);
  }
}

function drawClusters(
  ctx: CanvasRenderingContext2D,
  view: View,
  clusters: IndexedCluster[],
  style: CSSStyleDeclaration,
): void {
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
    if (c.count !== 1 || c.area === 0) continue;
    const lat = Math.atan(Math.sinh(Math.PI * (1 - 2 * c.y)));
    circle(px(c.x), py(c.y), (c.area / (2 * Math.PI * EARTH_RADIUS * Math.cos(lat))) * scale);
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
      const exact = c.area === 0;
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
    circle(x, y, size / 2 - 1.5);
    ctx.fillStyle = c.same ? '#5a3d87' : brand;
    ctx.fill();
    ctx.lineWidth = 3;
    ctx.strokeStyle = 'rgb(255 255 255 / 0.85)';
    ctx.stroke();
    circle(x, y, size / 2 + 0.5);
    ctx.lineWidth = 1;
    ctx.strokeStyle = c.same ? '#3b2760' : brandStrong;
    ctx.stroke();
    ctx.fillStyle = onBrand;
    ctx.fillText(countLabel(c.count), x, y + 1);
  }
}
