/**
 * <product-filter>: instant filtering of the product directory. Loads the compact list once (on first use), then
 * filters by text (without marks: "nuoc mam" finds "nước mắm"), province (a current unit includes the units merged
 * into it), group, level and year; renders matches from the server's own card template; announces the count.
 */
import { onFilterFormChange } from '../scripts/filter-form';
import { fill } from '../lib/fill';
import { provinceLabel } from '../lib/provinces';
import { foldMarks } from '../lib/vi-text';
import { productPath } from '../lib/urls';

type Item = [slug: string, name: string, group: number, province: string, producer: string, recognitions: string[]];
interface Data {
  provinces: Record<string, [name: string, current: string]>;
  groups: Record<string, string>;
  levels: Record<string, string>;
  now: string;
  items: Item[];
}

const PAGE = 24;
const FIELDS = ['q', 'tinh', 'nhom', 'cap', 'nam'] as const;
type Filters = Record<(typeof FIELDS)[number], string>;

export class ProductFilter extends HTMLElement {
  private data: Promise<{ data: Data; search: string[] }> | undefined;
  private found: Item[] = [];
  private shown = 0;

  private get form() {
    return this.querySelector<HTMLFormElement>('[data-form]')!;
  }

  connectedCallback(): void {
    const form = this.form;
    form.hidden = false;
    const params = new URLSearchParams(location.search);
    for (const name of FIELDS) {
      const field = form.elements.namedItem(name) as HTMLInputElement | HTMLSelectElement | null;
      const value = params.get(name);
      if (field && value) field.value = value;
    }
    onFilterFormChange(form, () => void this.update());
    form.addEventListener('focusin', () => void this.load(), { once: true });
    this.querySelector('[data-more]')?.addEventListener('click', () => this.render(false));
    if (FIELDS.some((name) => params.get(name))) void this.update();
  }

  private load() {
    this.data ??= fetch(this.dataset['src']!)
      .then((response) => {
        if (!response.ok) throw new Error(String(response.status));
        return response.json() as Promise<Data>;
      })
      .then((data) => ({ data, search: data.items.map((item) => foldMarks(`${item[1]} ${item[4]}`)) }));
    return this.data;
  }

  private values(): Filters {
    const form = new FormData(this.form);
    return Object.fromEntries(FIELDS.map((name) => [name, String(form.get(name) ?? '').trim()])) as Filters;
  }

  private async update(): Promise<void> {
    const filters = this.values();
    const active = FIELDS.some((name) => filters[name]);
    const url = new URL(location.href);
    for (const name of FIELDS) {
      if (filters[name]) url.searchParams.set(name, filters[name]);
      else url.searchParams.delete(name);
    }
    history.replaceState(null, '', url);
    const results = this.querySelector<HTMLElement>('[data-results]')!;
    const listing = this.querySelector<HTMLElement>('[data-static]')!;
    if (!active) {
      results.hidden = true;
      listing.hidden = false;
      this.say('');
      return;
    }
    let loaded: Awaited<ReturnType<typeof this.load>>;
    try {
      if (!this.data) this.say(this.dataset['loading'] ?? '');
      loaded = await this.load();
    } catch {
      this.data = undefined;
      this.say(this.dataset['error'] ?? '');
      return;
    }
    const { data, search } = loaded;
    const q = foldMarks(filters.q);
    this.found = data.items.filter((item, i) => {
      if (q && !search[i]!.includes(q)) return false;
      if (filters.tinh && item[3] !== filters.tinh && data.provinces[item[3]]?.[1] !== filters.tinh) return false;
      if (filters.nhom && String(item[2]) !== filters.nhom) return false;
      if (filters.cap || filters.nam) {
        const wanted = (r: string) => {
          const [level, year] = r.split(':');
          return (!filters.cap || level === filters.cap) && (!filters.nam || year === filters.nam);
        };
        if (!item[5].some(wanted)) return false;
      }
      return true;
    });
    listing.hidden = true;
    results.hidden = false;
    this.render(true, data);
    this.say(
      this.found.length === 0
        ? (this.dataset['none'] ?? '')
        : fill(this.dataset['found'] ?? '', { count: this.found.length.toLocaleString('vi-VN') }),
    );
  }

  private last: Data | undefined;

  private render(fresh: boolean, data = this.last): void {
    if (!data) return;
    this.last = data;
    const list = this.querySelector<HTMLUListElement>('[data-list]')!;
    const template = this.querySelector<HTMLTemplateElement>('template[data-item]')!;
    if (fresh) {
      list.replaceChildren();
      this.shown = 0;
    }
    const next = this.found.slice(this.shown, this.shown + PAGE);
    for (const [slug, name, group, province, , recognitions] of next) {
      const item = template.content.firstElementChild!.cloneNode(true) as HTMLElement;
      const link = item.querySelector('a')!;
      link.href = productPath(slug);
      link.textContent = name;
      const [provinceName, current] = data.provinces[province] ?? [province, province];
      const where = provinceLabel(
        provinceName,
        current !== province ? (data.provinces[current]?.[0] ?? current) : undefined,
        data.now,
      );
      const latest = recognitions.map((r) => r.split(':')).sort((a, b) => Number(b[1]) - Number(a[1]))[0];
      const meta = [data.groups[group], where, latest && `${data.levels[latest[0]!] ?? latest[0]} ${latest[1]}`];
      const line = item.querySelector('.meta');
      if (line) line.textContent = meta.filter(Boolean).join(' · ');
      list.append(item);
    }
    const firstNew = list.children[this.shown]?.querySelector('a');
    this.shown += next.length;
    const more = this.querySelector<HTMLButtonElement>('[data-more]')!;
    more.hidden = this.shown >= this.found.length;
    // After "show more", move focus to the first new product so keyboard users continue from there.
    if (!fresh) firstNew?.focus();
  }

  private say(message: string): void {
    const status = this.querySelector('[data-status]');
    if (status) status.textContent = message;
  }
}
