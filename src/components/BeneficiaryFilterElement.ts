/**
 * <beneficiary-filter>: the directory's instant filter. Reveals the form, loads the compact beneficiary files on first
 * use, shows the matches in place of the static listing, announces their count, keeps the filters in the address
 * (so /co-so/?loai=hop-tac-xa can be shared) and links to the same filters on the map.
 */
import { onFilterFormChange } from '../scripts/filter-form';
import { fill } from '../lib/fill';
import { hasFilters, matching, readFilters, writeFilters, type Filters } from '../lib/map/filter';
import { beneficiaryPath, mapPath } from '../lib/urls';
import {
  fillForm,
  formatCount,
  formFilters,
  ListView,
  loadNames,
  loadPoints,
  metaLine,
  showFiltersInAddress,
  type ListStrings,
} from './BeneficiaryMapData';

export class BeneficiaryFilter extends HTMLElement {
  private strings!: ListStrings;
  private view!: ListView;
  private run = 0;

  private el<T extends Element>(selector: string): T {
    return this.querySelector<T>(selector)!;
  }

  connectedCallback(): void {
    this.strings = JSON.parse(this.dataset['strings'] ?? '{}') as ListStrings;
    const form = this.el<HTMLFormElement>('[data-form]');
    form.hidden = false;
    this.view = new ListView(
      this.el('[data-list]'),
      this.el('template[data-item]'),
      this.el('[data-more]'),
      50,
      (item, i) => this.drawItem(item, i),
    );
    const initial = readFilters(new URLSearchParams(location.search));
    fillForm(form, initial);
    onFilterFormChange(form, () => void this.update());
    form.addEventListener('focusin', () => void this.load().catch(() => undefined), { once: true });
    if (hasFilters(initial)) void this.update();
  }

  private load() {
    return Promise.all([loadPoints(this.dataset['points']!), loadNames(this.dataset['names']!)]);
  }

  private columns: Awaited<ReturnType<typeof loadPoints>> | undefined;
  private names: Awaited<ReturnType<typeof loadNames>> | undefined;

  private drawItem(item: HTMLElement, i: number): void {
    const link = item.querySelector('a')!;
    link.href = beneficiaryPath(this.names!.slug[i]!);
    link.textContent = this.names!.name[i]!;
    item.querySelector('.meta')!.textContent = metaLine(this.columns!, i, this.strings);
  }

  private async update(): Promise<void> {
    const run = ++this.run;
    const filters: Filters = formFilters(this.el('[data-form]'));
    showFiltersInAddress(filters);
    const mapLink = this.el<HTMLAnchorElement>('[data-map-link]');
    mapLink.href = mapPath(writeFilters(new URLSearchParams(), filters).toString());
    const results = this.el<HTMLElement>('[data-results]');
    const listing = this.el<HTMLElement>('[data-static]');
    if (!hasFilters(filters)) {
      results.hidden = true;
      listing.hidden = false;
      this.say('');
      return;
    }
    try {
      if (!this.columns) this.say(this.strings.loading);
      [this.columns, this.names] = await this.load();
    } catch {
      if (run === this.run) this.say(this.strings.error);
      return;
    }
    if (run !== this.run) return;
    const found = matching(this.columns, filters, filters.q ? { folded: this.names.folded } : {});
    listing.hidden = true;
    results.hidden = false;
    this.view.show(found);
    this.say(found.length === 0 ? this.strings.none : fill(this.strings.found, { count: formatCount(found.length) }));
  }

  private say(message: string): void {
    this.el('[data-status]').textContent = message;
  }
}
