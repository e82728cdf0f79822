/**
 * <site-search>: the search page's behaviour. Enhances a plain GET form (q + facet checkboxes) with Pagefind results,
 * facet counts, a shareable URL that the back button restores, and a live region announcing the count.
 * Pagefind's engine and index are fetched only when this page runs a search.
 *
 * Facet counts need Pagefind's filter index, which at national scale weighs more than the rest of a first search
 * (about 330 KB for 35,000 pages, measured with `npm run bench`). So a search loads only the filters it uses; the
 * other facets appear when the reader asks for them ("Lọc kết quả…"), and stay for the rest of the visit.
 */

import { fill } from '../lib/fill';
import { missingWords } from '../lib/search/typed-words';

interface PagefindData {
  url: string;
  meta: Record<string, string | undefined>;
  excerpt: string;
  filters: Record<string, string[] | undefined>;
  /** The page's text, words separated by spaces, and the positions of the words this search matched. */
  content: string;
  locations: number[];
}
interface PagefindSearch {
  results: Array<{ id: string; data: () => Promise<PagefindData> }>;
  filters: Record<string, Record<string, number>>;
}
interface Pagefind {
  options: (options: Record<string, unknown>) => Promise<void>;
  search: (query: string | null, options?: { filters?: Record<string, { any: string[] }> }) => Promise<PagefindSearch>;
  filters: () => Promise<Record<string, Record<string, number>>>;
}

type Strings = Record<
  'count' | 'countFor' | 'none' | 'noneHelp' | 'loading' | 'error' | 'browse' | 'more' | 'filters' | 'showFilters',
  string
> & { facets: Record<string, string> };

const PAGE = 10;
const collator = new Intl.Collator('vi', { numeric: true });
const number = new Intl.NumberFormat('vi-VN');

let engine: Promise<Pagefind> | undefined;
function loadEngine(): Promise<Pagefind> {
  // A variable path keeps the bundler from resolving the index, which exists only after the post-build step.
  const url = '/pagefind/pagefind.js';
  engine ??= import(/* @vite-ignore */ url).then(async (pf: Pagefind) => {
    await pf.options({ excerptLength: 24 });
    return pf;
  });
  return engine;
}

class SiteSearch extends HTMLElement {
  #form!: HTMLFormElement;
  #input!: HTMLInputElement;
  #facets!: HTMLElement;
  #status!: HTMLElement;
  #list!: HTMLOListElement;
  #more!: HTMLButtonElement;
  #showFilters!: HTMLButtonElement;
  /** Whether every facet's counts are loaded (after the reader asked for the filters once). */
  #allFilters = false;
  #strings!: Strings;
  #results: PagefindSearch['results'] = [];
  #shown = 0;
  #run = 0;
  #timer: number | undefined;

  connectedCallback() {
    this.#strings = JSON.parse(this.dataset.strings ?? '{}') as Strings;
    this.#form = this.querySelector('form')!;
    this.#input = this.#form.querySelector('input[name="q"]')!;
    this.#facets = this.querySelector('[data-facets]')!;
    this.#status = this.querySelector('[role="status"]')!;
    this.#list = this.querySelector('ol')!;
    this.#more = this.querySelector('[data-more]')!;
    this.#showFilters = this.querySelector('[data-show-filters]')!;
    // The links for readers without JavaScript are shown until this runs (a <noscript> cannot be tested headless).
    this.querySelector<HTMLElement>('[data-fallback]')?.setAttribute('hidden', '');

    this.#form.addEventListener('submit', (event) => {
      event.preventDefault();
      this.#update('push');
    });
    this.#input.addEventListener('input', () => {
      window.clearTimeout(this.#timer);
      this.#timer = window.setTimeout(() => this.#update('replace'), 250);
    });
    this.#facets.addEventListener('change', () => this.#update('push'));
    this.#more.addEventListener('click', () => void this.#showMore(true));
    this.#showFilters.addEventListener('click', () => {
      this.#allFilters = true;
      // The button goes away once the facets are drawn: keyboard focus moves to the first of them.
      void this.#search().then(() => this.#facets.querySelector<HTMLInputElement>('input')?.focus());
    });
    window.addEventListener('popstate', () => {
      this.#restore(new URLSearchParams(location.search));
      void this.#search();
    });

    this.#restore(new URLSearchParams(location.search));
    void this.#search();
  }

  /** The form's state as URL parameters: q plus one entry per checked facet value. */
  #params(): URLSearchParams {
    const params = new URLSearchParams();
    const query = this.#input.value.normalize('NFC').trim();
    if (query) params.set('q', query);
    for (const box of this.#facets.querySelectorAll<HTMLInputElement>('input:checked'))
      params.append(box.name, box.value);
    return params;
  }

  #restore(params: URLSearchParams) {
    this.#input.value = params.get('q') ?? '';
    this.#selected = params;
  }

  #selected = new URLSearchParams();

  #update(mode: 'push' | 'replace') {
    const params = this.#params();
    this.#selected = params;
    const url = `${location.pathname}${params.size ? `?${params}` : ''}`;
    if (url !== `${location.pathname}${location.search}`)
      history[mode === 'push' ? 'pushState' : 'replaceState'](null, '', url);
    void this.#search();
  }

  #filters(): Record<string, { any: string[] }> {
    const filters: Record<string, { any: string[] }> = {};
    for (const [key, value] of this.#selected) {
      if (key === 'q') continue;
      (filters[key] ??= { any: [] }).any.push(value);
    }
    return filters;
  }

  async #search() {
    const run = ++this.#run;
    const query = this.#selected.get('q') ?? '';
    const filters = this.#filters();
    const browsing = !query && Object.keys(filters).length === 0;
    this.setAttribute('aria-busy', 'true');
    try {
      const pagefind = await loadEngine();
      // Loads the whole filter index once the reader has asked for the facets; otherwise counts come only for the
      // filters this search uses (Pagefind loads those by itself).
      const totals = this.#allFilters ? await pagefind.filters() : {};
      if (browsing) {
        if (run !== this.#run) return;
        this.#renderFacets(totals);
        this.#results = [];
        this.#list.replaceChildren();
        this.#more.hidden = true;
        this.#status.textContent = this.#strings.browse;
        return;
      }
      const search = await pagefind.search(query || null, { filters });
      // Pagefind puts a start of an unknown word in its place ("xyzzy" → "x"); then nothing typed was found.
      const first = query ? await search.results[0]?.data() : undefined;
      const noise = first !== undefined && missingWords(query, first.content, first.locations).length > 0;
      if (run !== this.#run) return;
      this.#renderFacets(noise ? {} : search.filters);
      this.#results = noise ? [] : search.results;
      this.#shown = 0;
      this.#list.replaceChildren();
      const count = number.format(this.#results.length);
      this.#status.textContent =
        this.#results.length === 0
          ? `${this.#strings.none} ${this.#strings.noneHelp}`
          : query
            ? fill(this.#strings.countFor, { count, query })
            : fill(this.#strings.count, { count });
      await this.#showMore(false);
    } catch (error) {
      console.warn(error);
      this.#status.textContent = this.#strings.error;
    } finally {
      if (run === this.#run) this.removeAttribute('aria-busy');
    }
  }

  async #showMore(moveFocus: boolean) {
    const slice = this.#results.slice(this.#shown, this.#shown + PAGE);
    const data = await Promise.all(slice.map((r) => r.data()));
    const items = data.map((d) => this.#item(d));
    this.#list.append(...items);
    this.#shown += slice.length;
    this.#more.hidden = this.#shown >= this.#results.length;
    // After "more", move focus to the first new result so keyboard users continue where the list grew.
    if (moveFocus) items[0]?.querySelector('a')?.focus();
  }

  #item(d: PagefindData): HTMLLIElement {
    const li = document.createElement('li');
    const type = d.filters['loai']?.[0];
    if (type) {
      const tag = document.createElement('span');
      tag.className = 'tag';
      tag.textContent = type;
      li.append(tag, ' ');
    }
    const link = document.createElement('a');
    link.href = d.url;
    link.textContent = d.meta['title'] ?? d.url;
    const title = document.createElement('h2');
    title.append(link);
    li.append(title);
    const summary = d.meta['summary'];
    const p = document.createElement('p');
    // The summary is the page's own text; Pagefind's excerpt is the fallback (it may end with the hidden place names).
    if (summary) p.textContent = summary;
    else p.innerHTML = d.excerpt;
    li.append(p);
    const provinces = d.filters['tinh'];
    if (provinces?.length) {
      const meta = document.createElement('p');
      meta.className = 'meta';
      meta.textContent = provinces.join(', ');
      li.append(meta);
    }
    return li;
  }

  /** One fieldset per facet, options sorted the Vietnamese way, each with its count; checked options always kept. */
  #renderFacets(counts: Record<string, Record<string, number>>) {
    const fieldsets = Object.entries(this.#strings.facets).map(([key, legendText]) => {
      const options = new Map(Object.entries(counts[key] ?? {}));
      for (const value of this.#selected.getAll(key)) if (!options.has(value)) options.set(value, 0);
      if (options.size === 0) return undefined;
      const fieldset = document.createElement('fieldset');
      const legend = document.createElement('legend');
      legend.textContent = legendText;
      fieldset.append(legend);
      const sorted = [...options].sort(([a], [b]) => (key === 'nam' ? collator.compare(b, a) : collator.compare(a, b)));
      for (const [value, count] of sorted) {
        const label = document.createElement('label');
        const box = document.createElement('input');
        box.type = 'checkbox';
        box.name = key;
        box.value = value;
        box.checked = this.#selected.getAll(key).includes(value);
        label.append(box, ` ${value} (${number.format(count)})`);
        fieldset.append(label);
      }
      return fieldset;
    });
    // Keep keyboard focus on the same checkbox when the facets are redrawn.
    const focused =
      document.activeElement instanceof HTMLInputElement && this.#facets.contains(document.activeElement)
        ? `${document.activeElement.name}=${document.activeElement.value}`
        : undefined;
    this.#facets.replaceChildren(...fieldsets.filter((f): f is HTMLFieldSetElement => f !== undefined));
    this.#showFilters.hidden = this.#allFilters;
    if (focused) {
      for (const box of this.#facets.querySelectorAll<HTMLInputElement>('input')) {
        if (`${box.name}=${box.value}` === focused) box.focus();
      }
    }
  }
}

customElements.define('site-search', SiteSearch);
