/**
 * <results-table>: enhances a server-rendered results table. Column headers marked data-sort become buttons that
 * sort the rows (Vietnamese collation for text, numbers for data-value cells) and set aria-sort; the text box and the
 * group menu hide rows that do not match (text compared without marks: "nuoc mam" finds "nước mắm"); a live region
 * says how many rows show. Without this script the table is complete and plain.
 */
import { fill } from '../lib/fill';
import { foldMarks as fold } from '../lib/vi-text';

export class ResultsTable extends HTMLElement {
  private rows: HTMLTableRowElement[] = [];
  private collator = new Intl.Collator('vi', { numeric: true, sensitivity: 'base' });
  private timer: number | undefined;

  connectedCallback(): void {
    const table = this.querySelector('table');
    const body = table?.tBodies[0];
    if (!table || !body) return;
    this.rows = [...body.rows];
    for (const row of this.rows) {
      const text = [...row.querySelectorAll('[data-filter]')].map((c) => c.textContent ?? '').join(' ');
      row.dataset['search'] = fold(text);
    }
    table.querySelectorAll<HTMLTableCellElement>('thead th[data-sort]').forEach((th) => {
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'sort';
      button.append(...th.childNodes);
      const icon = document.createElement('span');
      icon.className = 'sort-icon';
      icon.setAttribute('aria-hidden', 'true');
      button.append(icon);
      th.append(button);
      button.addEventListener('click', () => this.sort(th, body));
    });
    const controls = this.querySelector<HTMLElement>('[data-controls]');
    if (controls) controls.hidden = false;
    this.querySelector('[data-filter-text]')?.addEventListener('input', () => this.filter(true));
    this.querySelector('[data-filter-group]')?.addEventListener('change', () => this.filter(false));
  }

  private sort(th: HTMLTableCellElement, body: HTMLTableSectionElement): void {
    const index = th.cellIndex;
    const direction = th.getAttribute('aria-sort') === 'ascending' ? 'descending' : 'ascending';
    const numeric = th.dataset['sort'] === 'number';
    const key = (row: HTMLTableRowElement) => {
      const cell = row.cells[index];
      return cell?.dataset['value'] ?? cell?.textContent?.trim() ?? '';
    };
    const sign = direction === 'ascending' ? 1 : -1;
    const sorted = [...this.rows].sort((a, b) => {
      const x = key(a);
      const y = key(b);
      if (numeric) {
        // Rows without a value go last either way.
        if (x === '' || y === '') return x === y ? 0 : x === '' ? 1 : -1;
        return sign * (Number(x) - Number(y));
      }
      return sign * this.collator.compare(x, y);
    });
    body.append(...sorted);
    th.closest('tr')
      ?.querySelectorAll('th[aria-sort]')
      .forEach((other) => {
        other.removeAttribute('aria-sort');
      });
    th.setAttribute('aria-sort', direction);
    const column = th.querySelector('button')?.textContent?.trim() ?? '';
    this.say(fill(this.dataset['sorted'] ?? '', { column, direction: this.dataset[direction] ?? direction }));
  }

  private filter(typing: boolean): void {
    const text = fold(this.querySelector<HTMLInputElement>('[data-filter-text]')?.value ?? '');
    const group = this.querySelector<HTMLSelectElement>('[data-filter-group]')?.value ?? '';
    let shown = 0;
    for (const row of this.rows) {
      const match =
        (!text || (row.dataset['search'] ?? '').includes(text)) && (!group || row.dataset['group'] === group);
      row.hidden = !match;
      if (match) shown++;
    }
    const message = fill(this.dataset['shown'] ?? '', { shown, total: this.rows.length });
    // While typing, announce once the typing pauses rather than at every key.
    window.clearTimeout(this.timer);
    if (typing) this.timer = window.setTimeout(() => this.say(message), 400);
    else this.say(message);
  }

  private say(message: string): void {
    const status = this.querySelector('[data-status]');
    if (status) status.textContent = message;
  }
}
