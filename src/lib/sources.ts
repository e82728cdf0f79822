/** Gathers the sources cited across the site into one de-duplicated list, each with the pages that cite it. */

export interface CitedSource {
  publisher: string;
  title?: string | undefined;
  url?: string | undefined;
  date?: Date | undefined;
  note?: string | undefined;
}

export interface Citation<S extends CitedSource = CitedSource> {
  source: S;
  pages: Array<{ href: string; label: string }>;
}

const keyOf = (s: CitedSource) => [s.publisher, s.title ?? '', s.url ?? '', s.date?.toISOString() ?? ''].join('|');

export function collectSources<S extends CitedSource>(
  pages: ReadonlyArray<{ href: string; label: string; sources: readonly S[] }>,
): Citation<S>[] {
  const byKey = new Map<string, Citation<S> & { hrefs: Set<string> }>();
  for (const page of pages) {
    for (const source of page.sources) {
      const key = keyOf(source);
      let citation = byKey.get(key);
      if (!citation) byKey.set(key, (citation = { source, pages: [], hrefs: new Set() }));
      // A set, not a search of the list: one source may be cited by tens of thousands of pages at national scale.
      if (citation.hrefs.has(page.href)) continue;
      citation.hrefs.add(page.href);
      citation.pages.push({ href: page.href, label: page.label });
    }
  }
  return [...byKey.values()].map(({ source, pages: cited }) => ({ source, pages: cited }));
}
