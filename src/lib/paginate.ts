/** Splits a list into pages for static listing pages that work without JavaScript. */
export const PAGE_SIZE = 24;

export function pageOf<T>(items: readonly T[], page: number, size = PAGE_SIZE): { items: T[]; total: number } {
  const total = Math.max(1, Math.ceil(items.length / size));
  return { items: items.slice((page - 1) * size, page * size), total };
}

/**
 * Page numbers 1…n of a listing of `count` items, page 1 even when the listing is empty: for getStaticPaths of a
 * listing's "[...page]" route, with src/lib/urls.ts pageParam (page 1 is the listing's own URL, then "trang/<n>/").
 */
export function pageNumbers(count: number, size = PAGE_SIZE): number[] {
  const total = Math.max(1, Math.ceil(count / size));
  return Array.from({ length: total }, (_, i) => i + 1);
}

/**
 * Page numbers 2…n, for the directories' "…/trang/[page]/" routes (/san-pham/ and /co-so/), whose first page is a
 * file of its own (it carries the instant filter, whose stylesheets a one-file route would add to every later page).
 */
export const laterPages = (count: number, size = PAGE_SIZE): number[] => pageNumbers(count, size).slice(1);
