/**
 * Starts Debian's Chromium through playwright-core (browser downloads are not possible here) with flags that keep
 * it quiet and offline, and opens pages that may only talk to the local server: anything else is aborted and noted.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import type { Results } from './report.ts';

export const chromiumPath = (): string => process.env['CHROMIUM_PATH'] || '/usr/bin/chromium';

export const hasChromium = (): boolean => existsSync(chromiumPath());

const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  // Chromium 15x loads its omnibox popup as a WebUI page in a renderer of its own for every new window (each
  // Playwright context): ~0.5 s of CPU at the moment a page is being measured, on a 2-core machine. A headless
  // browser never shows an omnibox; pages tested and timed are unaffected.
  '--disable-features=WebUIOmniboxPopup,WebUIOmniboxAimPopup,WebUIOmniboxFullPopup',
];

export async function launch(): Promise<{ browser: Browser; context: BrowserContext }> {
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: ARGS, headless: true });
  const context = await browser.newContext({
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
    viewport: { width: 1280, height: 900 },
  });
  return { browser, context };
}

/** A browser tab reused for many pages; `current` is the page it is on, to which blocked requests are charged. */
export interface Tab {
  page: Page;
  current: string;
}

/** A new tab whose requests to anything but `origin` are aborted and recorded against the page it is on. */
export async function openTab(context: BrowserContext, origin: string, results: Results): Promise<Tab> {
  const page = await context.newPage();
  const tab: Tab = { page, current: '' };
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(`${origin}/`) || url === origin || url.startsWith('data:') || url.startsWith('blob:')) {
      return route.continue();
    }
    results.blockedRequest(tab.current, url);
    return route.abort('blockedbyclient');
  });
  return tab;
}
