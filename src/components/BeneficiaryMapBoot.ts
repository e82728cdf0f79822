/**
 * Shows the map's first view while the page is still being read: a small classic script right after the first view's
 * SVG in the map's frame (BeneficiaryMap.astro), before the rest of the page, so the next frame the browser paints
 * shows the clusters (placed before the SVG, it ran sooner but a frame was often painted before the SVG was read). It picks the zoom Leaflet will open at (view.ts, shared with the rest of
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
