/**
 * The browser test run: `npm run test:e2e` (after `npm run build`).
 * Serves dist/ with the production headers (through nginx when installed, see scripts/lib/origin.ts) and opens every
 * sitemap URL and /404.html in Chromium, 360 px wide as on a phone. A page fails on any console error (a
 * Content-Security-Policy violation is one), failed local request, axe WCAG 2.2 AA violation (axe runs once per page
 * structure, scripts/lib/axe.ts), html-validate error, broken link, image or fragment, or anything sticking out
 * sideways. Then come what readers must find on key pages (scripts/lib/assertions.ts) and the behaviour checks
 * (tests/e2e/). Ends with `N passed, M failed` and exits 1 if M > 0.
 * Without Chromium it warns and exits 0, except under CI=true where that is a failure.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { runAssertions } from './lib/assertions.ts';
import { runBehaviourChecks } from './lib/behaviour.ts';
import { AxeCoverage } from './lib/axe.ts';
import { chromiumPath, hasChromium, launch, openTab } from './lib/browser.ts';
import { checkPage } from './lib/checks.ts';
import { LinkChecker } from './lib/links.ts';
import { eachWithWorkers } from './lib/pool.ts';
import { openOrigin } from './lib/origin.ts';
import { Results } from './lib/report.ts';
import { readSitemap } from './lib/sitemap.ts';

/** The built site; E2E_DIST points elsewhere (e.g. a copy with planted faults, to see that each check can fail). */
const DIST = process.env['E2E_DIST']
  ? `${process.env['E2E_DIST'].replace(/\/$/, '')}/`
  : fileURLToPath(new URL('../dist/', import.meta.url));
/** E2E_ONLY=<regex>: run only the behaviour checks whose name matches, skipping the page crawl (while developing). */
const ONLY = process.env['E2E_ONLY'] ? new RegExp(process.env['E2E_ONLY'], 'i') : undefined;
/** Tabs at once: 3 keeps a 2-core machine busy without timeouts. */
const CONCURRENCY = Number(process.env['E2E_CONCURRENCY'] ?? 3);
const PHONE = { width: 360, height: 740 };
/** E2E_EVERY=<n>: crawl only every n-th page (while developing; the whole run always crawls all). */
const EVERY = Number(process.env['E2E_EVERY'] ?? 1);

if (!hasChromium()) {
  const lines = [
    '!'.repeat(72),
    `!! Chromium not found at ${chromiumPath()}: the browser tests did NOT run.`,
    '!! Install it with: apt-get install -y chromium   (or set CHROMIUM_PATH)',
    '!'.repeat(72),
  ];
  if (process.env['CI'] === 'true') {
    console.error(lines.join('\n'));
    console.error('CI=true: failing, because a CI run must run the browser tests.');
    process.exit(1);
  }
  console.warn(lines.join('\n'));
  process.exit(0);
}
if (!existsSync(`${DIST}sitemap-index.xml`)) {
  console.error(`${DIST}sitemap-index.xml is missing: run \`npm run build\` first.`);
  process.exit(1);
}

const started = Date.now();
const server = await openOrigin(DIST);
const { browser, context } = await launch();
let failed = 1;
try {
  const { siteOrigin, pages } = await readSitemap(DIST, server.origin);
  const urls = [...new Set([...pages, `${server.origin}/404.html`])].filter((_, i) => i % EVERY === 0);
  const results = new Results(server.origin);
  const links = new LinkChecker(server.origin, siteOrigin);
  const axe = new AxeCoverage();
  console.log(
    `Checking ${urls.length} pages from ${DIST} at ${server.origin}, served by ${server.served} (${CONCURRENCY} at a time)…`,
  );

  const tabs = await Promise.all(Array.from({ length: CONCURRENCY }, () => openTab(context, server.origin, results)));
  // Every page is read as on a phone (WCAG 1.4.10 at 360 CSS px, in the same visit as the other checks); the wide
  // view is checked on one page of each kind by tests/e2e/phone.checks.ts.
  for (const tab of tabs) await tab.page.setViewportSize(PHONE);
  if (!ONLY) {
    await eachWithWorkers(urls, tabs, async (url, tab, i) => {
      await checkPage(tab, url, { origin: server.origin, links, results, axe });
      if ((i + 1) % 20 === 0) console.log(`  ${i + 1}/${urls.length}`);
    });
  }
  const assertionCount = ONLY ? 0 : await runAssertions({ tab: tabs[0]!, origin: server.origin, results });
  const behaviourCount = await runBehaviourChecks(context, server.origin, results, ONLY);
  console.log(
    `Checked ${ONLY ? 0 : urls.length} pages (${axe.summary()}), ${assertionCount} content assertions and ${behaviourCount} behaviour checks in ${((Date.now() - started) / 1000).toFixed(1)} s.`,
  );
  failed = results.print();
} finally {
  await browser.close();
  await server.close();
}
process.exit(failed > 0 ? 1 : 0);
