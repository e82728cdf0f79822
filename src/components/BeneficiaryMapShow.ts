/**
 * Shows what needs the script, hides what stands in for it, and names the zoom of the first view to show (see
 * BeneficiaryMapBoot.ts): run while the page is read, and again by BeneficiaryMapPreview.ts once it is read (the
 * page may have grown a scroll bar meanwhile, and the boot script may not have run). Returns the zoom, if the first
 * view has a group for it. Imports view.ts only: it is part of the boot script.
 */
import { firstView } from '../lib/map/view';

export function showFirstView(el: HTMLElement): number | undefined {
  for (const part of el.querySelectorAll<HTMLElement>('[data-js-only]')) part.hidden = false;
  for (const part of el.querySelectorAll<HTMLElement>('[data-no-js]')) part.hidden = true;
  const form = el.querySelector<HTMLFormElement>('[data-form]');
  if (form) form.hidden = false;
  const frame = el.querySelector<HTMLElement>('[data-map]');
  if (!frame) return undefined;
  const { zoom } = firstView(frame.clientWidth, frame.clientHeight);
  const params = new URLSearchParams(location.search);
  const filtered = [...(form?.elements ?? [])].some((f) => params.get((f as HTMLInputElement).name)?.trim());
  el.dataset['firstView'] = String(zoom);
  if (filtered) el.dataset['firstFiltered'] = '';
  return zoom;
}
