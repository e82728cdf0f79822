/**
 * Accessibility: axe-core over the rendered page with the WCAG 2.0/2.1/2.2 A and AA rules. Each violation is reported
 * with the elements at fault, so the fix can be found in the markup.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { pageStructure } from './page-structure.ts';
import { oneLine } from './report.ts';

export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: string[]; html: string; summary: string }>;
}

/** One message per violated rule: rule, impact, help, and up to three elements (selector and markup). */
export async function axeProblems(page: Page): Promise<string[]> {
  // Evaluated through DevTools rather than added as an inline <script>, which the site's CSP (rightly) refuses.
  await page.evaluate(`${axeSource}\n;void 0`);
  const violations = await page.evaluate(async (tags) => {
    const axe = (
      window as unknown as { axe: { run: (ctx: Document, opts: unknown) => Promise<{ violations: Violation[] }> } }
    ).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({
        target: n.target.map(String),
        html: n.html,
        summary: (n as { failureSummary?: string }).failureSummary ?? '',
      })),
    }));
  }, AXE_TAGS);
  return violations.map((v) => {
    const nodes = v.nodes.slice(0, 3).map((n) => `${n.target.join(' ')} ${oneLine(n.html, 160)}`);
    const more = v.nodes.length > 3 ? ` (+${v.nodes.length - 3} more)` : '';
    const why = v.nodes[0]?.summary ? ` — ${oneLine(v.nodes[0].summary, 200)}` : '';
    return `${v.id} (${v.impact ?? 'n/a'}): ${v.help}; ${nodes.join(' | ')}${more}${why}`;
  });
}

/**
 * Which page structures axe has seen (scripts/lib/page-structure.ts): a page built exactly like one already checked
 * gets the same answer, so axe runs once per structure. E2E_AXE=every runs it on every page.
 */
export class AxeCoverage {
  readonly #checked = new Set<string>();
  readonly every = process.env['E2E_AXE'] === 'every';
  pages = 0;

  /** True when `page` needs axe: the first page of its structure (or every page under E2E_AXE=every). */
  async needs(page: Page): Promise<boolean> {
    this.pages++;
    if (this.every) return true;
    const structure = await page.evaluate(`(${pageStructure.toString()})(document.documentElement)`);
    const key = createHash('sha256').update(String(structure)).digest('base64');
    if (this.#checked.has(key)) return false;
    this.#checked.add(key);
    return true;
  }

  summary(): string {
    return this.every
      ? `axe on all ${this.pages} pages`
      : `axe on ${this.#checked.size} page structures (the other ${this.pages - this.#checked.size} pages are built like one of them; E2E_AXE=every checks each)`;
  }
}
