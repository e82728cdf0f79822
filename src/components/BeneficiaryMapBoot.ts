/**
 * Shows the map's first view while the page is still being read: a small classic script at the start of the map's
 * frame (BeneficiaryMap.astro), before the first view's SVG and the rest of the page, so the browser's first paint
 * of the page can already show the clusters. It picks the zoom Leaflet will open at (view.ts, shared with the rest of
 * the map) and names it on <beneficiary-map data-first-view>, which the page's CSS turns into that zoom's group being
 * shown; with filters in the address it sets data-first-filtered, which hides the build's (unfiltered) clusters.
 * Built on its own as one plain script (imported with ?worker&url, the way Vite bundles a classic script).
 * BeneficiaryMapPreview.ts does the rest once the page is read: the filtered clusters, the mark, Leaflet.
 */
import { showFirstView } from './BeneficiaryMapShow';

const el = document.querySelector<HTMLElement>('beneficiary-map');
if (el) {
  performance.mark('map:boot');
  showFirstView(el);
}
