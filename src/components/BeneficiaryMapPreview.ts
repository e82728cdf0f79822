/**
 * Starts the map. The first view (base layer and clusters) is already in the page, rendered by the build for every
 * zoom the map can open at (src/lib/map/first-view.ts), shown by BeneficiaryMapBoot.ts while the page was read, its
 * zoom picked by the frame's size in CSS: this marks "map:clusters-drawn" when the browser reports the clusters
 * presented on screen, then names the zoom Leaflet will open at (src/lib/map/view.ts).
 * Once that frame is painted it imports Leaflet and the map's code (BeneficiaryMapElement.ts), which take over the
 * same frame and remove the picture when their own layers are drawn. The picture is aria-hidden: names, keyboard and
 * list come with Leaflet's markers.
 * With filters in the address the build's clusters are not the right ones: they stay hidden and the filtered ones are
 * drawn here, with the same markup, from the points (which the worker fetches and decodes).
 *
 * This module imports only modules no other page uses, so the page loads it in one request: anything shared with the
 * directory (/co-so/) would be split into chunks of their own, each fetched only after the one importing it was
 * parsed, on a main thread busy with the page's first layout. What the filtered view needs is imported on demand.
 */
import { CLUSTER_RADIUS, clusterPoints, type IndexedCluster } from '../lib/map/cluster';
import { CLUSTERS_SHOWN, clusterMarkup } from '../lib/map/first-view';
import { CENTRE } from '../lib/map/view';
import { showFirstView } from './BeneficiaryMapShow';

type DataModule = typeof import('./BeneficiaryMapData');

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
async function filteredClusters(data: Promise<DataModule>, el: HTMLElement, zoom: number) {
  const [{ loadPoints }, { matching, readFilters }, { AREA_RADIUS, PRECISIONS }] = await Promise.all([
    data,
    import('../lib/map/filter'),
    import('../lib/map/precision'),
  ]);
  const filters = readFilters(new URLSearchParams(location.search));
  // A text filter needs the names: Leaflet's side draws that view.
  if (filters.q) return undefined;
  const columns = await loadPoints(el.dataset['points']!);
  const { x, y, precision } = columns;
  return clusterPoints(x, y, matching(columns, filters, { located: true }), zoom, CLUSTER_RADIUS).map(
    (c): IndexedCluster => {
      const first = c.members[0]!;
      const same = c.count > 1 && c.members.every((i) => x[i] === x[first] && y[i] === y[first]);
      const p = PRECISIONS[precision[first]!];
      return { x: c.x, y: c.y, count: c.count, same, area: c.count === 1 && p ? AREA_RADIUS[p] : 0 };
    },
  );
}

/**
 * Marks "map:clusters-drawn" at the time the browser presented the clusters' counts on screen (Element Timing: later
 * than a requestAnimationFrame, by the time the frame takes to be rasterised and shown), or, where there is no count
 * to time (single points only) or no Element Timing, in the task after the frame that painted them.
 */
function markWhenShown(group: Element): void {
  const mark = (startTime: number) => {
    if (performance.getEntriesByName('map:clusters-drawn').length === 0)
      performance.mark('map:clusters-drawn', { startTime });
  };
  const timed = group.querySelector(`[elementtiming="${CLUSTERS_SHOWN}"]`);
  const supported = PerformanceObserver.supportedEntryTypes?.includes('element');
  if (!timed || !supported) {
    void afterPaint().then(() => mark(performance.now()));
    return;
  }
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries() as Array<PerformanceEntry & { identifier: string; renderTime: number }>) {
      if (entry.identifier !== CLUSTERS_SHOWN) continue;
      observer.disconnect();
      mark(entry.renderTime || entry.startTime);
      return;
    }
  });
  observer.observe({ type: 'element', buffered: true });
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

export function startMap(el: HTMLElement): void {
  performance.mark('map:start');
  const withFilters = filtered(el);
  // The rest of the map's data loads in the worker, started once the first view is painted (or at once with filters,
  // which need the points for it): even importing its module costs the first view time, as Vite's loader adds
  // <link rel=modulepreload> elements to the page for it.
  let loading: Promise<DataModule> | undefined;
  const data = () =>
    (loading ??= import('./BeneficiaryMapData').then((module) => {
      module.prefetchMap(el);
      return module;
    }));
  const frame = el.querySelector<HTMLElement>('[data-map]');
  let drawn: Promise<unknown> = Promise.resolve();
  if (!withFilters) {
    // The frame's size has already picked the group shown (container queries in BeneficiaryMap.astro): time it, and
    // measure the frame only once it is painted, so that layout does not delay the picture (315 ms at 4× CPU in a
    // trace when measured here first). Leaflet comes after that frame.
    const picture = frame?.querySelector('.map-first');
    if (picture) markWhenShown(picture);
    drawn = afterPaint().then(() => showFirstView(el));
  } else {
    const zoom = showFirstView(el);
    fillFormFromAddress(el, data());
    const group = frame?.querySelector<SVGGElement>(`.map-first [data-zoom="${zoom}"]`);
    // Without a group (an unusual frame size, a text filter) Leaflet's side marks the clusters it draws.
    const marks = group?.querySelector<SVGGElement>('.map-first-clusters');
    if (zoom !== undefined && marks) {
      drawn = filteredClusters(data(), el, zoom)
        .then((clusters) => {
          if (!clusters || frame?.classList.contains('leaflet-container')) return;
          marks.innerHTML = clusterMarkup(clusters, zoom, CENTRE);
          marks.classList.add('map-first-filtered');
          markWhenShown(marks);
          return afterPaint();
        })
        .catch(() => undefined);
    }
  }
  void drawn
    .then(() => Promise.all([import('./BeneficiaryMapElement'), data()]))
    .then(([{ BeneficiaryMap }]) => {
      if (!customElements.get('beneficiary-map')) customElements.define('beneficiary-map', BeneficiaryMap);
    });
}

/** With filters in the address, the form shows them once the filter code has loaded. */
function fillFormFromAddress(el: HTMLElement, data: Promise<DataModule>): void {
  const form = el.querySelector<HTMLFormElement>('[data-form]');
  if (!form) return;
  void data
    .then(async ({ fillForm }) => {
      const { readFilters } = await import('../lib/map/filter');
      fillForm(form, readFilters(new URLSearchParams(location.search)));
    })
    .catch(() => undefined);
}
