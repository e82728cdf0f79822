/**
 * Readies the map's first view while the page is still being read: a small classic script right after the first
 * view's SVG in the map's frame (BeneficiaryMap.astro), before the rest of the page. The page's first paint waits for
 * its start tag (FIRST_VIEW_END in src/lib/map/first-view.ts), and it has been fetched long before the parser gets
 * here, so it runs before that paint. It shows the filter form and, with filters in the address, sets
 * data-first-filtered, which hides the build's (unfiltered) clusters. It reads no size: the zoom shown is picked by
 * the frame's size in CSS (container queries in BeneficiaryMap.astro), as Leaflet will pick it; measuring here forced
 * a layout of the half-read page (165 ms at 4× CPU in a trace, `node scripts/bench/map-profile.ts`).
 * Built on its own as one plain script (imported with ?worker&url, the way Vite bundles a classic script).
 * BeneficiaryMapPreview.ts does the rest once the page is read: the filtered clusters, the mark, Leaflet.
 */
import { revealFirstView } from './BeneficiaryMapShow';

const el = document.querySelector<HTMLElement>('beneficiary-map');
if (el) {
  performance.mark('map:boot');
  revealFirstView(el);
}
