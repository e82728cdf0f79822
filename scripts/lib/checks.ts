/**
 * One visit of one page in Chromium and every check on it: the page loads, no console error or uncaught exception,
 * no failed local request, axe (once per page structure), html-validate on the served HTML, links, images and fragments,
 * and nothing wider than a 360 px phone screen.
 */
import type { ConsoleMessage, Request, Response } from 'playwright-core';
import { axeProblems, type AxeCoverage } from './axe.ts';
import type { Tab } from './browser.ts';
import { htmlProblems } from './html.ts';
import { overflowIn } from './overflow.ts';
import { idsOf, linksOf, type LinkChecker } from './links.ts';
import type { Check, Results } from './report.ts';

export interface CheckDeps {
  origin: string;
  links: LinkChecker;
  results: Results;
  axe: AxeCoverage;
}

export async function checkPage(tab: Tab, url: string, { origin, links, results, axe }: CheckDeps): Promise<void> {
  const { page } = tab;
  tab.current = url;
  results.page(url);
  const report = (check: Check, message: string) => results.add(url, check, message);
  const local = (resource: string) => (resource.startsWith(`${origin}/`) ? resource.slice(origin.length) : undefined);
  const answeredBadly = new Set<string>();

  const onPageError = (error: Error) => report('console', `uncaught ${error.name}: ${error.message}`);
  const onConsole = (message: ConsoleMessage) => {
    // "Failed to load resource" repeats what the request checks below (or the blocked list) already say.
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource'))
      report('console', message.text());
  };
  const onResponse = (response: Response) => {
    const path = local(response.url());
    if (path && response.status() >= 400 && response.url() !== url) {
      answeredBadly.add(response.url());
      report('requests', `${path} answered ${response.status()}`);
    }
  };
  const onRequestFailed = (request: Request) => {
    const path = local(request.url());
    const reason = request.failure()?.errorText ?? '?';
    // ERR_ABORTED is a request the page (or our leaving it) cancelled, not one the server failed; a bad status is
    // reported by onResponse.
    if (path && !answeredBadly.has(request.url()) && !reason.includes('ERR_ABORTED'))
      report('requests', `${path} failed: ${reason}`);
  };
  page.on('pageerror', onPageError);
  page.on('console', onConsole);
  page.on('response', onResponse);
  page.on('requestfailed', onRequestFailed);
  try {
    const response = await page.goto(url, { waitUntil: 'load', timeout: 30_000 });
    if (response?.status() !== 200) {
      report('page', `answered ${response?.status() ?? 'nothing'} instead of 200`);
      return;
    }
    const html = await response.text();
    for (const message of await htmlProblems(html, new URL(url).pathname)) report('html', message);
    if (await axe.needs(page)) for (const message of await axeProblems(page)) report('axe', message);
    for (const message of await links.check(url, await linksOf(page), await idsOf(page))) report('links', message);
    // The tab is 360 px wide (scripts/e2e.ts): nothing may stick out sideways.
    for (const message of await overflowIn(page)) report('phone', message);
    // Let scripts that fetch after load finish, so their errors are charged to this page.
    await page.waitForLoadState('networkidle', { timeout: 3_000 }).catch(() => undefined);
  } catch (error) {
    report('page', `could not be checked: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    // Stop listening before leaving, so what the page says while being torn down is not charged to it.
    page.off('pageerror', onPageError);
    page.off('console', onConsole);
    page.off('response', onResponse);
    page.off('requestfailed', onRequestFailed);
    await page.goto('about:blank').catch(() => undefined);
  }
}
