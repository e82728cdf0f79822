/**
 * Shows the filter form (revealFirstView: BeneficiaryMapBoot.ts, while the page is read), and names the zoom of the
 * first view to show (showFirstView: BeneficiaryMapPreview.ts, once the first view is painted). Imports view.ts only.
 */
import { firstView } from '../lib/map/view';

/**
 * Shows the filter form, which needs the script; with filters in the address, marks the first view as filtered (its
 * clusters are the unfiltered ones). Reads no size, so the page is not laid out early: the frame's own
 * size picks the zoom shown (container queries in BeneficiaryMap.astro) until showFirstView names it.
 */
export function revealFirstView(el: HTMLElement): void {
  const form = el.querySelector<HTMLFormElement>('[data-form]');
  if (form) form.hidden = false;
  const params = new URLSearchParams(location.search);
  const filtered = [...(form?.elements ?? [])].some((f) => params.get((f as HTMLInputElement).name)?.trim());
  if (filtered) el.dataset['firstFiltered'] = '';
}

/** Names the zoom Leaflet will open at; returns it. */
export function showFirstView(el: HTMLElement): number | undefined {
  revealFirstView(el);
  const frame = el.querySelector<HTMLElement>('[data-map]');
  if (!frame) return undefined;
  const { zoom } = firstView(frame.clientWidth, frame.clientHeight);
  el.dataset['firstView'] = String(zoom);
  return zoom;
}
