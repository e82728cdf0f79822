/**
 * <beneficiary-map>: the Leaflet map of /ban-do/. Enhances a page that already lists the beneficiaries with a location:
 * draws the bundled base layer (no tile server needed), fetches the compact points after first paint, clusters them
 * per zoom (src/lib/map/cluster.ts), and keeps the list beside the map to exactly the points on it. Filters live in
 * the address. Markers and clusters are buttons with names; zooming into a cluster keeps keyboard focus on the
 * nearest marker; popups take focus and give it back on Escape. OpenStreetMap tiles load only when the reader asks.
 */
import { onFilterFormChange } from '../scripts/filter-form';
import {
  canvas,
  circle,
  circleMarker,
  control,
  DivIcon,
  layerGroup,
  map as createMap,
  marker as createMarker,
  polygon,
  polyline,
  popup as createPopup,
  tileLayer,
  type DivIconOptions,
  type LayerGroup,
  type Map as LeafletMap,
  type Marker,
  type TileLayer,
} from 'leaflet';
import { decodeBaseLayer, type BaseLayerFile } from '../lib/map/base-layer';
import { CLUSTER_RADIUS, clusterPoints, expansionZoom, type Cluster } from '../lib/map/cluster';
import { hasFilters, matching, readFilters, type Filters } from '../lib/map/filter';
import { latitudeOf, longitudeOf, mercatorX, mercatorY } from '../lib/map/geometry';
import { PROGRAMMES, yearsOf, type MapColumns } from '../lib/map/points';
import { AREA_RADIUS, KINDS, PRECISIONS } from '../lib/map/precision';
import { MAX_ZOOM, MIN_ZOOM, VIETNAM, ZOOM_SNAP } from '../lib/map/view';
import {
  fillForm,
  formatCount,
  formFilters,
  ListView,
  loadJson,
  loadNames,
  loadPoints,
  metaLine,
  placeName,
  showFiltersInAddress,
  type ListStrings,
  type Names,
} from './BeneficiaryMapData';
import { CLUSTER_SIZE, clusterSize } from '../lib/map/first-view';
import { fill } from '../lib/fill';
import { beneficiaryPath } from '../lib/urls';

interface Strings extends ListStrings {
  label: string;
  count: string;
  unlocated: string;
  cluster: string;
  clusterSame: string;
  clusterList: string;
  point: string;
  approximate: string;
  precisions: Record<string, string>;
  popupLink: string;
  supportYears: string;
  supportNone: string;
  programmes: Record<string, string>;
  show: string;
  showLabel: string;
  zoomIn: string;
  zoomOut: string;
  close: string;
  tilesError: string;
  osm: string;
  base: string;
  islandOf: string;
  provinceNames: Record<string, string>;
}

/** Cluster radius in pixels, and the zoom from which province names show. */
const RADIUS = CLUSTER_RADIUS;
const LABEL_ZOOM = 7;
const PAGE = 50;
const TILES_KEY = 'ban-do:nen-osm';

/** A DivIcon whose element carries an accessible name and the key of what it shows. */
class NamedIcon extends DivIcon {
  readonly name: string;
  readonly key: string;
  constructor(name: string, key: string, options: DivIconOptions) {
    super(options);
    this.name = name;
    this.key = key;
  }
  override createIcon(old?: HTMLElement): HTMLElement {
    const div = super.createIcon(old);
    div.setAttribute('aria-label', this.name);
    div.dataset['key'] = this.key;
    return div;
  }
}

interface Shown {
  marker: Marker;
  cluster: Cluster;
}

export class BeneficiaryMap extends HTMLElement {
  private strings!: Strings;
  private map!: LeafletMap;
  private columns: MapColumns | undefined;
  private names: Names | undefined;
  private filters: Filters = {};
  /** Located items passing the filters, in list order. */
  private subset: Uint32Array = new Uint32Array(0);
  private clusters = new Map<number, Cluster[]>();
  private shown = new Map<string, Shown>();
  private areas!: LayerGroup;
  private labels!: LayerGroup;
  private land: ReturnType<typeof polygon>[] = [];
  private tiles: TileLayer | undefined;
  private view!: ListView;
  /** Where the focused marker was before a redraw, to focus the nearest one after it. */
  private refocus: [number, number] | undefined;
  /** The marker a popup was opened from, to return focus to. */
  private popupSource: string | undefined;
  private returnFocus = false;
  private run = 0;
  private first = true;

  private el<T extends Element>(selector: string): T {
    return this.querySelector<T>(selector)!;
  }

  connectedCallback(): void {
    performance.mark('map:leaflet');
    this.strings = JSON.parse(this.dataset['strings'] ?? '{}') as Strings;
    const points = loadPoints(this.dataset['points']!);
    this.setUpForm();
    this.setUpMap();
    this.setUpTiles();
    this.view = new ListView(
      this.el('[data-list]'),
      this.el('template[data-item]'),
      this.el('[data-more]'),
      PAGE,
      (item, i) => this.drawItem(item, i),
    );
    void this.loadBase().then(() => {
      this.baseDrawn = true;
      this.dropPreview();
    });
    this.say(this.strings.loading);
    points.then(
      (columns) => {
        performance.mark('map:points');
        this.columns = columns;
        if (this.map.getZoom() >= LABEL_ZOOM) this.drawProvinceLabels();
        void this.update();
      },
      () => this.say(this.strings.error),
    );
    // A text filter or a chosen beneficiary needs the names at once; otherwise they come after the first clusters.
    const params = new URLSearchParams(location.search);
    if (this.filters.q || params.get('chon')) this.loadNames();
  }

  private namesRequested = false;
  private baseDrawn = false;
  private markersDrawn = false;

  /** The first view shown before Leaflet (src/lib/map/first-view.ts) goes once Leaflet's own layers are on screen. */
  private dropPreview(now = false): void {
    const preview = this.querySelector('.map-first');
    if (!preview) return;
    if (now) preview.remove();
    else if (this.baseDrawn && this.markersDrawn) requestAnimationFrame(() => preview.remove());
  }

  /** Names fill the list, the popups and the markers' labels. */
  private loadNames(): void {
    if (this.namesRequested) return;
    this.namesRequested = true;
    loadNames(this.dataset['names']!).then(
      (loaded) => {
        this.names = loaded;
        if (this.columns) void this.update();
      },
      () => this.say(this.strings.error),
    );
  }

  // ---- form and filters ----

  private setUpForm(): void {
    const form = this.el<HTMLFormElement>('[data-form]');
    form.hidden = false;
    this.filters = readFilters(new URLSearchParams(location.search));
    fillForm(form, this.filters);
    onFilterFormChange(form, () => this.filtersChanged());
  }

  private filtersChanged(): void {
    this.filters = formFilters(this.el('[data-form]'));
    showFiltersInAddress(this.filters);
    if (this.filters.q) this.loadNames();
    void this.update();
  }

  /** Recomputes the filtered set, redraws the clusters and the list, and says how many are on the map. */
  private async update(): Promise<void> {
    const run = ++this.run;
    const columns = this.columns;
    if (!columns) return;
    // A text filter needs the names; everything else can be drawn before they arrive.
    if (this.filters.q && !this.names) return;
    // Folding every name costs time at 50,000: only a text filter needs it.
    const options = this.filters.q && this.names ? { folded: this.names.folded } : {};
    const all = matching(columns, this.filters, options);
    this.subset = matching(columns, this.filters, { ...options, located: true });
    this.clusters.clear();
    this.rememberFocus();
    this.render();
    if (this.first) {
      this.first = false;
      this.markersDrawn = true;
      this.dropPreview();
      requestAnimationFrame(() => {
        // The first view before Leaflet marks clusters drawn; a view it could not draw (a text filter) is marked here.
        if (performance.getEntriesByName('map:clusters-drawn').length === 0) performance.mark('map:clusters-drawn');
        performance.mark('map:interactive');
        this.dataset['state'] = 'ready';
        window.setTimeout(() => this.loadNames(), 0);
      });
    }
    const unlocated = all.length - this.subset.length;
    this.say(
      `${fill(this.strings.count, { count: formatCount(this.subset.length) })}${
        unlocated > 0 ? ` ${fill(this.strings.unlocated, { count: formatCount(unlocated) })}` : ''
      }`,
    );
    if (!this.names || run !== this.run) return;
    this.el('[data-list-note]').textContent = fill(this.strings.count, { count: formatCount(this.subset.length) });
    this.view.show(this.subset);
    this.dataset['list'] = 'ready';
    const chosen = new URLSearchParams(location.search).get('chon');
    if (chosen && !hasFilters(this.filters)) {
      const index = this.names.slug.indexOf(chosen);
      if (index >= 0 && this.subset.includes(index)) this.showItem(index, false);
    }
  }

  private say(message: string): void {
    this.el('[data-status]').textContent = message;
  }

  // ---- map ----

  private setUpMap(): void {
    const container = this.el<HTMLElement>('[data-map]');
    // Half zoom steps let the whole country (with Hoàng Sa and Trường Sa) fill the frame; keys still zoom by one.
    this.map = createMap(container, {
      zoomControl: false,
      minZoom: MIN_ZOOM,
      maxZoom: MAX_ZOOM,
      zoomSnap: ZOOM_SNAP,
      attributionControl: false,
    });
    control.zoom({ zoomInTitle: this.strings.zoomIn, zoomOutTitle: this.strings.zoomOut }).addTo(this.map);
    control
      .attribution({ prefix: '<a href="https://leafletjs.com">Leaflet</a>' })
      .addAttribution(this.strings.base)
      .addTo(this.map);
    this.map.fitBounds(VIETNAM);
    this.map.createPane('base').style.zIndex = '250';
    this.areas = layerGroup().addTo(this.map);
    this.labels = layerGroup().addTo(this.map);
    this.map.on('zoomstart', () => this.rememberFocus());
    // The first view is a picture of the opening view only: it goes as soon as the reader moves the map.
    this.map.on('movestart zoomstart', () => this.dropPreview(true));
    this.map.on('zoomend moveend', () => this.render());
    this.map.on('zoomend', () => {
      const show = this.map.getZoom() >= LABEL_ZOOM;
      // Province names are made the first time they can show, not before the first clusters.
      if (show && this.columns) this.drawProvinceLabels();
      container.classList.toggle('show-labels', show);
    });
    // Closing a popup from the keyboard (Escape or its close button) gives focus back to the marker it came from.
    this.map.on('popupclose', () => {
      if (!this.returnFocus) return;
      this.returnFocus = false;
      window.setTimeout(() => this.focusKey(this.popupSource), 0);
    });
    // Markers are role=button elements: Enter and Space activate them, as a click does.
    this.map.getPane('markerPane')!.addEventListener('keydown', (event) => {
      const key = (event.target as HTMLElement).dataset['key'];
      if (!key || (event.key !== 'Enter' && event.key !== ' ')) return;
      event.preventDefault();
      this.activate(key);
    });
    this.map.getPane('popupPane')!.addEventListener('keydown', (event) => {
      if (event.key !== 'Escape') return;
      event.preventDefault();
      this.returnFocus = true;
      this.map.closePopup();
    });
  }

  private async loadBase(): Promise<void> {
    let file: BaseLayerFile;
    try {
      file = await loadJson<BaseLayerFile>(this.dataset['base']!);
    } catch {
      return; // The points still show; the attribution and the list say the rest.
    }
    const base = decodeBaseLayer(file);
    const renderer = canvas({ pane: 'base' });
    const style = { renderer, interactive: false, pane: 'base' };
    this.land = base.land.map((rings) =>
      polygon(rings, { ...style, stroke: false, fillColor: '#ece9dc', fillOpacity: this.tiles ? 0.1 : 1 }).addTo(
        this.map,
      ),
    );
    polyline(base.former, { ...style, color: '#a9aeb5', weight: 0.8, dashArray: '3 3' }).addTo(this.map);
    polyline(base.now, { ...style, color: '#7d838c', weight: 1.2 }).addTo(this.map);
    polyline(base.coast, { ...style, color: '#5d6b78', weight: 1 }).addTo(this.map);
    for (const group of base.islands) {
      for (const islet of group.islets)
        circleMarker(islet, {
          ...style,
          radius: 2,
          color: '#5d6b78',
          weight: 1,
          fillColor: '#ece9dc',
          fillOpacity: 1,
        }).addTo(this.map);
      const label = document.createElement('span');
      const province = this.strings.provinceNames[group.province] ?? group.province;
      label.append(group.name, document.createElement('br'), fill(this.strings.islandOf, { name: province }));
      createMarker(group.label, {
        icon: new DivIcon({ className: 'map-island', html: label, iconSize: [200, 34], iconAnchor: [100, 17] }),
        interactive: false,
        keyboard: false,
        pane: 'base',
      }).addTo(this.map);
    }
  }

  private labelsDrawn = false;

  private drawProvinceLabels(): void {
    if (this.labelsDrawn) return;
    this.labelsDrawn = true;
    for (const p of this.columns!.provinces) {
      if (p.current !== p.id) continue;
      const label = document.createElement('span');
      label.textContent = p.name;
      label.setAttribute('aria-hidden', 'true');
      createMarker([p.lat, p.lng], {
        icon: new DivIcon({ className: 'map-province', html: label, iconSize: [110, 18], iconAnchor: [55, 9] }),
        interactive: false,
        keyboard: false,
        pane: 'base',
      }).addTo(this.labels);
    }
  }

  private clustersAt(zoom: number): Cluster[] {
    let clusters = this.clusters.get(zoom);
    if (!clusters) {
      const { x, y } = this.columns!;
      clusters = clusterPoints(x, y, this.subset, zoom, RADIUS);
      this.clusters.set(zoom, clusters);
    }
    return clusters;
  }

  /** Draws the clusters in and around the view, keeping markers that stay (so focus on them stays too). */
  private render(): void {
    if (!this.columns) return;
    const zoom = this.map.getZoom();
    const bounds = this.map.getBounds().pad(0.5);
    const [west, east] = [mercatorX(bounds.getWest()), mercatorX(bounds.getEast())];
    const [north, south] = [mercatorY(bounds.getNorth()), mercatorY(bounds.getSouth())];
    const next = new Map<string, Shown>();
    for (const cluster of this.clustersAt(zoom)) {
      if (cluster.x < west || cluster.x > east || cluster.y < north || cluster.y > south) continue;
      const key = `${zoom}:${cluster.members[0]}:${cluster.count}:${this.run}:${this.names ? 1 : 0}`;
      next.set(key, this.shown.get(key) ?? { marker: this.createMarker(cluster, key), cluster });
    }
    const active = document.activeElement as HTMLElement | null;
    for (const [key, { marker }] of this.shown) {
      if (next.has(key)) continue;
      if (active && marker.getElement() === active && !this.refocus) this.refocus = this.positionOf(marker);
      marker.remove();
    }
    for (const [key, { marker }] of next) if (!this.shown.has(key)) marker.addTo(this.map);
    this.shown = next;
    this.drawAreas();
    if (this.refocus) {
      this.focusNearest(this.refocus);
      this.refocus = undefined;
    }
  }

  private positionOf(marker: Marker): [number, number] {
    const { lat, lng } = marker.getLatLng();
    return [lat, lng];
  }

  private rememberFocus(): void {
    const active = document.activeElement as HTMLElement | null;
    const key = active?.dataset['key'];
    const shown = key ? this.shown.get(key) : undefined;
    if (shown) this.refocus = this.positionOf(shown.marker);
  }

  private focusNearest([lat, lng]: [number, number]): void {
    const target = this.map.latLngToLayerPoint([lat, lng]);
    let best: Marker | undefined;
    let distance = Infinity;
    for (const { marker } of this.shown.values()) {
      const d = this.map.latLngToLayerPoint(marker.getLatLng()).distanceTo(target);
      if (d < distance) {
        distance = d;
        best = marker;
      }
    }
    (best?.getElement() ?? this.map.getContainer()).focus({ preventScroll: true });
  }

  private focusKey(key: string | undefined): void {
    const el = key ? this.shown.get(key)?.marker.getElement() : undefined;
    (el ?? this.map.getContainer()).focus({ preventScroll: true });
  }

  /** Index of today's unit for each province index (computed once per points file). */
  private currentOf: Int16Array | undefined;

  private placeOf(cluster: Cluster): string {
    const c = this.columns!;
    if (!this.currentOf) {
      const index = new Map(c.provinces.map((p, n) => [p.id, n]));
      this.currentOf = Int16Array.from(c.provinces, (p) => index.get(p.current) ?? -1);
    }
    const currentOf = this.currentOf;
    const counts = new Map<number, number>();
    for (const i of cluster.members.subarray(0, 200)) {
      const current = c.province[i]! >= 0 ? currentOf[c.province[i]!]! : -1;
      counts.set(current, (counts.get(current) ?? 0) + 1);
    }
    const top = [...counts].sort((a, b) => b[1] - a[1])[0]![0];
    return c.provinces[top]?.name ?? '';
  }

  private createMarker(cluster: Cluster, key: string): Marker {
    const c = this.columns!;
    const at: [number, number] = [latitudeOf(cluster.y), longitudeOf(cluster.x)];
    if (cluster.count === 1) {
      const i = cluster.members[0]!;
      const precision = c.precision[i]!;
      const exact = precision === 0;
      const name = this.pointName(i);
      return createMarker([c.lat[i]!, c.lng[i]!], {
        icon: new NamedIcon(name, key, {
          className: exact ? 'map-pin' : 'map-approx',
          html: '',
          iconSize: [24, 24], // at least 24 px: WCAG 2.2 target size
        }),
        keyboard: true,
        riseOnHover: true,
      }).on('click', () => this.activate(key));
    }
    // Members at one and the same place (records shown at a province's centre) never part: the cluster lists them.
    const first = cluster.members[0]!;
    const same = cluster.members.every((i) => c.x[i] === c.x[first] && c.y[i] === c.y[first]);
    const place = this.placeOf(cluster);
    const name = fill(same ? this.strings.clusterSame : this.strings.cluster, {
      count: formatCount(cluster.count),
      place,
    });
    const size = clusterSize(cluster.count);
    const span = document.createElement('span');
    span.textContent = formatCount(cluster.count);
    const px = CLUSTER_SIZE[size];
    return createMarker(at, {
      icon: new NamedIcon(name, key, {
        className: `map-cluster map-cluster-${size}${same ? ' map-cluster-same' : ''}`,
        html: span,
        iconSize: [px, px],
      }),
      keyboard: true,
      riseOnHover: true,
    }).on('click', () => this.activate(key));
  }

  /** Areas for the coarse single points on view: where the business is, not a pin on someone's house. */
  private drawAreas(): void {
    this.areas.clearLayers();
    const c = this.columns!;
    for (const { cluster } of this.shown.values()) {
      if (cluster.count !== 1) continue;
      const i = cluster.members[0]!;
      const precision = PRECISIONS[c.precision[i]!];
      if (!precision || precision === 'exact') continue;
      circle([c.lat[i]!, c.lng[i]!], {
        radius: AREA_RADIUS[precision],
        interactive: false,
        color: '#8a4b08',
        weight: 1,
        dashArray: '4 4',
        fillOpacity: 0.08,
      }).addTo(this.areas);
    }
  }

  private pointName(i: number): string {
    const c = this.columns!;
    const name = this.names?.name[i] ?? '';
    const precision = PRECISIONS[c.precision[i]!]!;
    const text = fill(this.strings.point, {
      name,
      kind: this.strings.kinds[KINDS[c.kind[i]!]!] ?? '',
      place: placeName(c, c.province[i]!, this.strings.now),
    });
    return precision === 'exact' ? text : `${text} (${this.strings.precisions[precision]})`;
  }

  /** A click or Enter on a marker: a point opens its popup; a cluster zooms in, or lists its members if they share a place. */
  private activate(key: string): void {
    const shown = this.shown.get(key);
    if (!shown) return;
    const { cluster, marker } = shown;
    if (cluster.count === 1) {
      this.openPoint(cluster.members[0]!, marker, key);
      return;
    }
    const c = this.columns!;
    const zoom = expansionZoom(c.x, c.y, cluster.members, this.map.getZoom(), RADIUS, MAX_ZOOM);
    if (zoom === undefined) {
      this.openList(cluster, marker, key);
      return;
    }
    this.refocus = this.positionOf(marker);
    this.map.setView(marker.getLatLng(), zoom, { animate: false });
  }

  private popupLink(i: number): HTMLAnchorElement {
    const a = document.createElement('a');
    a.href = beneficiaryPath(this.names?.slug[i] ?? '');
    a.textContent = this.names?.name[i] ?? '';
    return a;
  }

  private openPoint(i: number, marker: Marker, key: string): void {
    const c = this.columns!;
    const box = document.createElement('div');
    box.className = 'map-popup';
    const title = document.createElement('p');
    title.className = 'map-popup-title';
    title.append(this.popupLink(i));
    const facts = document.createElement('p');
    facts.textContent = [this.strings.kinds[KINDS[c.kind[i]!]!], placeName(c, c.province[i]!, this.strings.now)]
      .filter(Boolean)
      .join(' · ');
    const support = document.createElement('p');
    const years = yearsOf(c, i);
    const programmes = PROGRAMMES.filter((_, bit) => c.programmes[i]! & (1 << bit)).map(
      (p) => this.strings.programmes[p],
    );
    support.textContent =
      years.length > 0
        ? [fill(this.strings.supportYears, { years: years.join(', ') }), ...programmes].join(' · ')
        : this.strings.supportNone;
    box.append(title, facts, support);
    const precision = PRECISIONS[c.precision[i]!]!;
    if (precision !== 'exact') {
      const note = document.createElement('p');
      note.className = 'map-popup-note';
      note.textContent = this.strings.precisions[precision] ?? '';
      box.append(note);
    }
    this.openPopup(box, marker, key);
  }

  private openList(cluster: Cluster, marker: Marker, key: string): void {
    const box = document.createElement('div');
    box.className = 'map-popup';
    const title = document.createElement('p');
    title.className = 'map-popup-title';
    title.textContent = fill(this.strings.clusterList, { count: formatCount(cluster.count) });
    const list = document.createElement('ul');
    for (const i of cluster.members.subarray(0, 30)) {
      const li = document.createElement('li');
      li.append(this.popupLink(i));
      list.append(li);
    }
    box.append(title, list);
    if (cluster.count > 30) {
      const more = document.createElement('p');
      more.className = 'map-popup-note';
      more.textContent = `… +${formatCount(cluster.count - 30)}`;
      box.append(more);
    }
    this.openPopup(box, marker, key);
  }

  private openPopup(content: HTMLElement, marker: Marker, key: string): void {
    this.popupSource = key;
    const popup = createPopup({ maxWidth: 320, autoPanPadding: [24, 24] })
      .setLatLng(marker.getLatLng())
      .setContent(content)
      .openOn(this.map);
    const element = popup.getElement();
    const close = element?.querySelector<HTMLElement>('.leaflet-popup-close-button');
    close?.setAttribute('aria-label', this.strings.close);
    close?.setAttribute('title', this.strings.close);
    close?.addEventListener('click', () => (this.returnFocus = true), { capture: true });
    element?.querySelector<HTMLElement>('.map-popup a')?.focus({ preventScroll: true });
  }

  /** "Show on map" from the list: zoom until the item stands alone (or with others at its very place), then open it. */
  private showItem(i: number, focus = true): void {
    const c = this.columns!;
    let zoom = Math.max(this.map.getZoom(), LABEL_ZOOM);
    for (;;) {
      const cluster = this.clustersAt(zoom).find((k) => k.members.includes(i));
      if (!cluster || cluster.count === 1) break;
      const next = expansionZoom(c.x, c.y, cluster.members, zoom, RADIUS, MAX_ZOOM);
      if (next === undefined) break;
      zoom = next;
    }
    this.map.setView([c.lat[i]!, c.lng[i]!], zoom, { animate: false });
    this.render();
    for (const [key, { cluster, marker }] of this.shown) {
      if (!cluster.members.includes(i)) continue;
      if (cluster.count === 1) this.openPoint(i, marker, key);
      else this.openList(cluster, marker, key);
      if (!focus) (document.activeElement as HTMLElement | null)?.blur();
      return;
    }
  }

  private drawItem(item: HTMLElement, i: number): void {
    const link = item.querySelector('a')!;
    link.href = beneficiaryPath(this.names!.slug[i]!);
    link.textContent = this.names!.name[i]!;
    item.querySelector('.meta')!.textContent = metaLine(this.columns!, i, this.strings);
    const button = item.querySelector<HTMLButtonElement>('[data-show]');
    if (button) {
      button.setAttribute('aria-label', fill(this.strings.showLabel, { name: this.names!.name[i]! }));
      button.addEventListener('click', () => {
        this.map.getContainer().scrollIntoView({ block: 'nearest' });
        this.showItem(i);
      });
    }
  }

  // ---- OpenStreetMap tiles, on request ----

  private setUpTiles(): void {
    const url = this.dataset['tiles'];
    const toggle = this.querySelector<HTMLInputElement>('[data-tiles-toggle]');
    if (!url || !toggle) return;
    toggle.closest<HTMLElement>('[hidden]')?.removeAttribute('hidden');
    let stored = false;
    try {
      stored = localStorage.getItem(TILES_KEY) === '1';
    } catch {
      // Storage may be blocked; the choice then lasts for this page only.
    }
    toggle.checked = stored;
    toggle.addEventListener('change', () => {
      try {
        localStorage.setItem(TILES_KEY, toggle.checked ? '1' : '0');
      } catch {
        // As above.
      }
      this.showTiles(toggle.checked, url);
    });
    if (stored) this.showTiles(true, url);
  }

  private showTiles(on: boolean, url: string): void {
    this.tiles?.remove();
    this.tiles = undefined;
    if (on) {
      const tiles = tileLayer(url, {
        maxZoom: MAX_ZOOM,
        attribution: `<a href="https://www.openstreetmap.org/copyright">${this.strings.osm}</a>`,
      });
      // Offline or blocked: go back to the bundled base layer once, say so, and stop asking for tiles.
      tiles.once('tileerror', () => {
        this.showTiles(false, url);
        const toggle = this.querySelector<HTMLInputElement>('[data-tiles-toggle]');
        if (toggle) toggle.checked = false;
        this.say(this.strings.tilesError);
      });
      this.tiles = tiles.addTo(this.map);
    }
    for (const land of this.land) land.setStyle({ fillOpacity: on ? 0.1 : 1 });
  }
}
