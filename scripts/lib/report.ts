/**
 * Collects problems by page and prints them the one way the whole run reports: a summary per check, every problem
 * as `URL: [check] message`, and the closing `N passed, M failed` line that CI reads.
 */

export const CHECKS = ['page', 'console', 'requests', 'axe', 'html', 'links', 'phone', 'assert'] as const;
export type Check = (typeof CHECKS)[number];

export interface Problem {
  url: string;
  check: Check;
  message: string;
}

/** One line, no runs of whitespace, at most `max` characters: markup snippets stay readable in a log. */
export const oneLine = (text: string, max = 240): string => {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
};

export class Results {
  readonly pages = new Set<string>();
  readonly problems: Problem[] = [];
  /** Requests the browser was not allowed to make (any origin but the local server), with the pages that made them. */
  readonly blocked = new Map<string, Set<string>>();

  private readonly origin: string;

  constructor(origin: string) {
    this.origin = origin;
  }

  /** Counts `url` as a page of the run even when nothing is wrong with it. */
  page(url: string): void {
    this.pages.add(url);
  }

  add(url: string, check: Check, message: string): void {
    this.pages.add(url);
    this.problems.push({ url, check, message: oneLine(message, 600) });
  }

  blockedRequest(page: string, request: string): void {
    const pages = this.blocked.get(request) ?? new Set<string>();
    pages.add(page);
    this.blocked.set(request, pages);
  }

  /** Path only, for reading: http://127.0.0.1:4321/tinh-thanh/ → /tinh-thanh/ */
  short(url: string): string {
    return url.startsWith(this.origin) ? url.slice(this.origin.length) || '/' : url;
  }

  get failedPages(): Set<string> {
    return new Set(this.problems.map((p) => p.url));
  }

  /** Prints everything and returns the number of failed pages. */
  print(log: (line: string) => void = console.log): number {
    const failed = this.failedPages;
    log('');
    log('Summary by check:');
    for (const check of CHECKS) {
      const found = this.problems.filter((p) => p.check === check);
      const pages = new Set(found.map((p) => p.url)).size;
      log(`  ${check.padEnd(9)} ${found.length === 0 ? 'ok' : `${found.length} problem(s) on ${pages} page(s)`}`);
    }
    if (this.blocked.size > 0) {
      log('');
      log(
        `Blocked requests to other origins (not failures; the site should not need them to work): ${this.blocked.size}`,
      );
      for (const [request, pages] of this.blocked)
        log(
          `  ${oneLine(request, 160)} (from ${[...pages]
            .map((p) => this.short(p))
            .slice(0, 3)
            .join(', ')}${pages.size > 3 ? ', …' : ''})`,
        );
    }
    if (this.problems.length > 0) {
      log('');
      log('Problems:');
      const sorted = [...this.problems].sort(
        (a, b) => a.url.localeCompare(b.url) || CHECKS.indexOf(a.check) - CHECKS.indexOf(b.check),
      );
      for (const p of sorted) log(`${this.short(p.url)}: [${p.check}] ${p.message}`);
    }
    log('');
    log(`${this.pages.size - failed.size} passed, ${failed.size} failed`);
    return failed.size;
  }
}
