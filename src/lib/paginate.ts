/** Splits a list into pages for static listing pages that work without JavaScript. */
export const PAGE_SIZE = 24;

export function pageOf<T>(items: readonly T[], page: number, size = PAGE_SIZE): { items: T[]; total: number } {
  const total = Math.max(1, Math.ceil(items.length / size));
  return { items: items.slice((page - 1) * size, page * size), total };
}

/** Page numbers 2…n, for getStaticPaths of "…/trang/[page]/" routes (page 1 is the list's own URL). */
export function laterPages(count: number, size = PAGE_SIZE): number[] {
  const total = Math.ceil(count / size);
  return Array.from({ length: Math.max(0, total - 1) }, (_, i) => i + 2);
}
