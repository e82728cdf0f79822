/**
 * Behaviour checks: what a user does on the built site (search, sort, filter), kept beside the tests in
 * tests/e2e/*.checks.ts. Each module exports `checks`; each check gets a fresh tab that may only reach the local
 * server, and counts as one entry in the closing "N passed, M failed" line.
 */
import { readdir } from 'node:fs/promises';
import type { BrowserContext, Page } from 'playwright-core';
import { openTab } from './browser.ts';
import type { Results } from './report.ts';

export interface BrowserCheck {
  name: string;
  run: (ctx: { page: Page; base: string }) => Promise<void>;
}

const CHECKS_DIR = new URL('../../tests/e2e/', import.meta.url);

async function loadChecks(): Promise<BrowserCheck[]> {
  const files = (await readdir(CHECKS_DIR)).filter((f) => f.endsWith('.checks.ts')).sort();
  const modules = await Promise.all(
    files.map((f) => import(new URL(f, CHECKS_DIR).href) as Promise<{ checks: BrowserCheck[] }>),
  );
  return modules.flatMap((m) => m.checks);
}

/** Runs every check; returns how many ran. */
export async function runBehaviourChecks(
  context: BrowserContext,
  origin: string,
  results: Results,
  only?: RegExp,
): Promise<number> {
  const checks = (await loadChecks()).filter((check) => !only || only.test(check.name));
  for (const check of checks) {
    const key = `check: ${check.name}`;
    results.page(key);
    const tab = await openTab(context, origin, results);
    tab.current = key;
    const errors: string[] = [];
    tab.page.on('pageerror', (error) => errors.push(error.message));
    tab.page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    try {
      tab.page.setDefaultTimeout(15_000);
      await check.run({ page: tab.page, base: origin });
      for (const error of errors) results.add(key, 'console', error);
    } catch (error) {
      results.add(key, 'assert', error instanceof Error ? error.message : String(error));
    } finally {
      await tab.page.close();
    }
  }
  return checks.length;
}
