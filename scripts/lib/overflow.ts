/**
 * WCAG 1.4.10 (reflow) on one rendered page: read at 360 CSS px by the page crawl (scripts/lib/checks.ts).
 */
import type { Page } from 'playwright-core';

/**
 * What sticks out past the viewport's right edge: the document's own sideways scroll, and every visible element
 * whose box ends beyond the viewport unless a scroll region (overflow-x auto/scroll/hidden) holds it.
 */
export const overflowIn = (page: Page) =>
  page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const found: string[] = [];
    const scroll = document.documentElement.scrollWidth;
    if (scroll > width) found.push(`the page scrolls sideways (${scroll} px wide in ${width} px)`);
    const clipped = (el: Element): boolean => {
      for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
        const x = getComputedStyle(p).overflowX;
        if (x === 'auto' || x === 'scroll' || x === 'hidden' || x === 'clip') return true;
      }
      return false;
    };
    const name = (el: Element) =>
      `<${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.classList.length ? `.${[...el.classList].join('.')}` : ''}>`;
    // A scroll region is fine only as the site's own (.table-scroll): keyboard-reachable, with a cue at the
    // clipped edge and its first column kept in view. Any other region that hides content clips it with no cue.
    for (const el of document.body.querySelectorAll<HTMLElement>('*')) {
      const x = getComputedStyle(el).overflowX;
      if (x === 'visible' || el.scrollWidth <= el.clientWidth + 1 || el.clientWidth === 0) continue;
      if (el.closest('beneficiary-map, .leaflet-container') || el.closest('.visually-hidden')) continue;
      if (el.matches('section.table-scroll[tabindex="0"][aria-label]')) continue;
      found.push(`${name(el)} hides ${el.scrollWidth - el.clientWidth} px on the right with no cue`);
    }
    for (const el of document.body.querySelectorAll('*')) {
      const rect = el.getBoundingClientRect();
      if (rect.width === 0 || rect.height === 0) continue;
      if (rect.right <= width + 1 && rect.left >= -1) continue;
      if (clipped(el)) continue;
      const style = getComputedStyle(el);
      if (style.visibility === 'hidden' || style.position === 'fixed') continue;
      // visually-hidden text (1 px, clipped) is for screen readers and is not seen
      if (rect.width <= 1 && rect.height <= 1) continue;
      found.push(`${name(el)} spans ${Math.round(rect.left)}–${Math.round(rect.right)} px`);
      if (found.length >= 4) break;
    }
    return found;
  });
