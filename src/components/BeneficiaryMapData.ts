/**
 * Browser side of the beneficiary files (/ban-do/diem.json and /ban-do/ten.json): loading them once, the strings the
 * server passes in a data attribute, the filters in the address, and drawing list items from the server's template.
 * Shared by <beneficiary-filter> (the directory) and <beneficiary-map>.
 */
import { decodePoints, yearsOf, type MapColumns, type NamesFile, type PointsFile } from '../lib/map/points';
import { FILTER_FIELDS, writeFilters, type Filters } from '../lib/map/filter';
import { KINDS } from '../lib/map/precision';
import { fill } from '../lib/fill';
import { provinceLabel } from '../lib/provinces';
import { foldMarks } from '../lib/vi-text';

/** UI strings, from the element's data-strings (built with t() on the server). */
export interface ListStrings {
  kinds: Record<string, string>;
  now: string;
  supportedIn: string;
  found: string;
  none: string;
  loading: string;
  error: string;
}

/**
 * "1.234", as toLocaleString('vi-VN') writes a whole number, without Intl: building a vi-VN number format loads locale
 * data, which took longer than drawing the whole first view on a slow phone (scripts/bench/map-profile.ts).
 */
export const formatCount = (n: number): string => String(Math.trunc(n)).replace(/\B(?=(\d{3})+(?!\d))/g, '.');

const json = async <T>(url: string): Promise<T> => {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  return (await response.json()) as T;
};

const pointsCache = new Map<string, Promise<MapColumns>>();
const namesCache = new Map<string, Promise<Names>>();
const rawCache = new Map<string, Promise<unknown>>();
const textCache = new Map<string, Promise<string>>();

const text = async (url: string): Promise<string> => {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  return response.text();
};

/**
 * The worker that fetches and decodes the big files (BeneficiaryMapWorker.ts), started on first use. Where workers
 * cannot start (an old browser, a policy that blocks them) everything is done here instead, as before.
 */
let worker: Worker | undefined;
let workerFailed = typeof Worker === 'undefined';
let nextId = 0;
const waiting = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();

function inWorker<T>(url: string, as: 'points' | 'text'): Promise<T> | undefined {
  if (workerFailed) return undefined;
  try {
    if (!worker) {
      worker = new Worker(new URL('./BeneficiaryMapWorker.ts', import.meta.url), { type: 'module' });
      worker.onmessage = ({ data }: MessageEvent<{ id: number; value?: unknown; error?: string }>) => {
        const wait = waiting.get(data.id);
        waiting.delete(data.id);
        if (data.error !== undefined) wait?.reject(new Error(data.error));
        else wait?.resolve(data.value);
      };
      worker.onerror = (event) => {
        event.preventDefault();
        workerFailed = true;
        for (const wait of waiting.values()) wait.reject(new Error('worker failed'));
        waiting.clear();
      };
    }
  } catch {
    workerFailed = true;
    return undefined;
  }
  const id = nextId++;
  worker.postMessage({ id, url: new URL(url, location.href).href, as });
  return new Promise<T>((resolve, reject) => waiting.set(id, { resolve: resolve as (value: unknown) => void, reject }));
}

/** `url` through the worker, or here if the worker cannot start or fails. */
function viaWorker<T>(url: string, as: 'points' | 'text', here: () => Promise<T>): Promise<T> {
  return inWorker<T>(url, as)?.catch(() => here()) ?? here();
}

/** A file's text, fetched once per page (off the main thread); parsing is left to whoever needs it, when they need it. */
const loadText = (url: string): Promise<string> => {
  let loading = textCache.get(url);
  if (!loading) {
    loading = viaWorker(url, 'text', () => text(url));
    loading.catch(() => textCache.delete(url));
    textCache.set(url, loading);
  }
  return loading;
};

/** Any other JSON file (the base layer), fetched once per page. */
export const loadJson = <T>(url: string): Promise<T> => {
  let loading = rawCache.get(url);
  if (!loading) {
    loading = json<T>(url);
    loading.catch(() => rawCache.delete(url));
    rawCache.set(url, loading);
  }
  return loading as Promise<T>;
};

/**
 * Starts what <beneficiary-map> needs once its first view is drawn (BeneficiaryMapPreview.ts): the base layer for
 * Leaflet, the points, fetched and decoded by the worker, and the names, fetched by the worker and parsed once the map
 * needs them.
 */
export function prefetchMap(el: HTMLElement): void {
  void loadJson(el.dataset['base']!).catch(() => undefined);
  void loadPoints(el.dataset['points']!).catch(() => undefined);
  void loadText(el.dataset['names']!).catch(() => undefined);
}

export interface Names extends NamesFile {
  /** Each name without marks, for the text filter (computed on first use: folding 50,000 names takes a while). */
  readonly folded: string[];
}

function withFolded(names: NamesFile): Names {
  let folded: string[] | undefined;
  return Object.defineProperty(names, 'folded', { get: () => (folded ??= names.name.map(foldMarks)) }) as Names;
}

export const loadPoints = (url: string): Promise<MapColumns> => {
  let loading = pointsCache.get(url);
  if (!loading) {
    loading = viaWorker(url, 'points', async () => decodePoints(JSON.parse(await text(url)) as PointsFile));
    loading.catch(() => pointsCache.delete(url));
    pointsCache.set(url, loading);
  }
  return loading;
};

export const loadNames = (url: string): Promise<Names> => {
  let loading = namesCache.get(url);
  if (!loading) {
    loading = loadText(url).then((text) => withFolded(JSON.parse(text) as NamesFile));
    loading.catch(() => namesCache.delete(url));
    namesCache.set(url, loading);
  }
  return loading;
};

/** The form's filters. */
export function formFilters(form: HTMLFormElement): Filters {
  const data = new FormData(form);
  const filters: Filters = {};
  for (const field of FILTER_FIELDS) {
    const value = String(data.get(field) ?? '')
      .normalize('NFC')
      .trim();
    if (value) filters[field] = value;
  }
  return filters;
}

/** Puts the address's filters into the form. */
export function fillForm(form: HTMLFormElement, filters: Filters): void {
  for (const field of FILTER_FIELDS) {
    const input = form.elements.namedItem(field) as HTMLInputElement | HTMLSelectElement | null;
    if (input) input.value = filters[field] ?? '';
  }
}

/** Replaces the address's filters without adding a history entry (other parameters kept). */
export function showFiltersInAddress(filters: Filters): void {
  const params = writeFilters(new URLSearchParams(location.search), filters);
  const query = params.toString();
  history.replaceState(history.state, '', `${location.pathname}${query ? `?${query}` : ''}${location.hash}`);
}

/** "Hải Dương (nay thuộc Hải Phòng)" from the points file's province table. */
export function placeName(columns: MapColumns, province: number, now: string): string {
  const p = columns.provinces[province];
  if (!p) return '';
  if (p.current === p.id) return p.name;
  const current = columns.provinces.find((q) => q.id === p.current);
  return provinceLabel(p.name, current?.name ?? p.current, now);
}

/** The same line as the server's beneficiaryMeta: kind · province · years of support. */
export function metaLine(columns: MapColumns, i: number, strings: ListStrings): string {
  const years = yearsOf(columns, i);
  return [
    strings.kinds[KINDS[columns.kind[i]!]!],
    placeName(columns, columns.province[i]!, strings.now),
    years.length > 0 && fill(strings.supportedIn, { years: years.join(', ') }),
  ]
    .filter(Boolean)
    .join(' · ');
}

/**
 * Draws items into `list` from the <template data-item> beside it, a page at a time. `extra` may add to each item
 * (the map's "show on map" button).
 */
export class ListView {
  private shown = 0;
  private items: Uint32Array = new Uint32Array(0);

  constructor(
    private readonly list: HTMLElement,
    private readonly template: HTMLTemplateElement,
    private readonly more: HTMLButtonElement,
    private readonly page: number,
    private readonly draw: (item: HTMLElement, index: number) => void,
  ) {
    more.addEventListener('click', () => this.next(true));
  }

  show(items: Uint32Array): void {
    this.items = items;
    this.shown = 0;
    this.list.replaceChildren();
    this.next(false);
  }

  /** The next page; with `focus`, focus moves to the first new item's link so keyboard users go on from there. */
  next(focus: boolean): void {
    const slice = this.items.subarray(this.shown, this.shown + this.page);
    let first: HTMLAnchorElement | null = null;
    for (const index of slice) {
      const item = this.template.content.firstElementChild!.cloneNode(true) as HTMLElement;
      this.draw(item, index);
      this.list.append(item);
      first ??= item.querySelector('a');
    }
    this.shown += slice.length;
    this.more.hidden = this.shown >= this.items.length;
    if (focus) first?.focus();
  }
}
