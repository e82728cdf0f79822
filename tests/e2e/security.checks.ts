/**
 * The production headers, as the server under test sends them (nginx in CI: scripts/lib/origin.ts), and what they
 * must achieve in Chromium: code injected into a page does not run, a violation is a console error (so every page
 * visit of the run would fail on one), search still works, and the map's tile host is allowed.
 */
import type { Browser, ConsoleMessage, Page } from 'playwright-core';
import type { BrowserCheck } from '../../scripts/lib/behaviour.ts';

const HEADERS = {
  csp: 'content-security-policy',
  hsts: 'strict-transport-security',
  nosniff: 'x-content-type-options',
  referrer: 'referrer-policy',
  coop: 'cross-origin-opener-policy',
  permissions: 'permissions-policy',
};

/** A CSP header as a map of directive → sources. */
const directives = (csp: string) =>
  new Map(
    csp
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...sources]) => [name!.toLowerCase(), sources] as const),
  );

function expect(condition: boolean, message: string): asserts condition {
  if (!condition) throw new Error(message);
}

/** What the policy must say, whatever hashes or tile host a build adds. */
function checkPolicy(csp: string): void {
  const d = directives(csp);
  const has = (name: string, source: string) => d.get(name)?.includes(source) ?? false;
  expect(has('default-src', "'none'"), `default-src is not 'none': ${csp}`);
  expect(has('frame-ancestors', "'none'"), `frame-ancestors is not 'none': ${csp}`);
  expect(has('object-src', "'none'") && has('base-uri', "'none'"), `object-src or base-uri is not 'none': ${csp}`);
  expect(
    has('script-src', "'self'") && has('script-src', "'wasm-unsafe-eval'"),
    `script-src lacks 'self' 'wasm-unsafe-eval' (search): ${csp}`,
  );
  for (const name of ['script-src', 'style-src']) {
    const loose = (d.get(name) ?? []).filter((s) =>
      ["'unsafe-inline'", "'unsafe-eval'", 'data:', '*', 'http:', 'https:'].includes(s),
    );
    expect(loose.length === 0, `${name} allows ${loose.join(' ')}`);
  }
}

/** A fresh browser context whose pages reach only `base`, with console errors and CSP violations collected. */
async function isolated(page: Page, base: string) {
  const context = await (page.context().browser() as Browser).newContext();
  const tab = await context.newPage();
  const consoleErrors: string[] = [];
  const dialogs: string[] = [];
  tab.on('console', (m: ConsoleMessage) => void (m.type() === 'error' && consoleErrors.push(m.text())));
  tab.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  // Injected by DevTools, which a page's CSP does not govern: records every violation the page reports.
  await tab.addInitScript(() => {
    const w = window as unknown as { __violations: string[] };
    w.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      w.__violations.push(`${e.effectiveDirective} ${e.blockedURI}`),
    );
  });
  await tab.route('**/*', (route) =>
    route.request().url().startsWith(`${base}/`) ? route.continue() : route.abort('blockedbyclient'),
  );
  const violations = () => tab.evaluate(() => (window as unknown as { __violations: string[] }).__violations);
  return { tab, context, consoleErrors, dialogs, violations };
}

/**
 * What content would inject if every build-time defence failed: a title that closes its element, a raw <script>
 * and event handlers from Markdown, a javascript: link, an iframe and an object with script, a <base> hijack.
 * Each payload records itself in window.__xss when it runs.
 */
const PAYLOAD = `
<h1 id="xss-title"></h1><script>window.__xss=(window.__xss||[]).concat('title');alert('title')</script>
<script>window.__xss=(window.__xss||[]).concat('body');alert('body')</script>
<img src="/khong-co.png" onerror="window.__xss=(window.__xss||[]).concat('onerror')" alt="">
<svg onload="window.__xss=(window.__xss||[]).concat('svg')"><script>window.__xss=(window.__xss||[]).concat('svg-script')</script></svg>
<a id="xss-link" href="javascript:window.__xss=(window.__xss||[]).concat('link')">link</a>
<script src="data:text/javascript,window.__xss=(window.__xss||[]).concat('data-src')"></script>
<iframe srcdoc="<script>parent.__xss=(parent.__xss||[]).concat('iframe')</script>"></iframe>
<base href="https://ke-xau.example/">`;

/** Serves the home page with PAYLOAD at `${base}/__xss__/`, under `headers`; returns what ran and what was reported. */
async function injected(
  page: Page,
  base: string,
  withHeaders: (real: Record<string, string>) => Record<string, string>,
) {
  const real = await fetch(`${base}/`);
  const html = (await real.text()).replace(/<main([^>]*)>/, `<main$1>${PAYLOAD}`);
  const headers = Object.fromEntries(
    [...real.headers].filter(([name]) => !['content-length', 'content-encoding', 'transfer-encoding'].includes(name)),
  );
  const page2 = await isolated(page, base);
  try {
    await page2.tab.route(`${base}/__xss__/`, (route) =>
      route.fulfill({ status: 200, headers: withHeaders(headers), body: html }),
    );
    await page2.tab.goto(`${base}/__xss__/`, { waitUntil: 'load' });
    await page2.tab.click('#xss-link').catch(() => undefined);
    await page2.tab.waitForTimeout(300);
    const ran = await page2.tab.evaluate(() => (window as unknown as { __xss?: string[] }).__xss ?? []);
    return { ran, violations: await page2.violations(), consoleErrors: page2.consoleErrors, dialogs: page2.dialogs };
  } finally {
    await page2.context.close();
  }
}

export const checks: BrowserCheck[] = [
  {
    name: 'security: every response carries the production headers (CSP, HSTS, nosniff, referrer, COOP, permissions)',
    async run({ page, base }) {
      const home = await page.request.get(`${base}/`);
      const js = (await home.text()).match(/\/_astro\/[^"]+\.(?:css|js)/)?.[0];
      const paths = [
        '/',
        '/khong-ton-tai/',
        '/sitemap-index.xml',
        '/pagefind/pagefind.js',
        '/pagefind/pagefind-worker.js',
        ...(js ? [js] : []),
      ];
      let csp: string | undefined;
      for (const path of paths) {
        const response = await fetch(`${base}${path}`);
        const h = (name: string) => response.headers.get(name) ?? '';
        expect(response.status === (path === '/khong-ton-tai/' ? 404 : 200), `${path} answered ${response.status}`);
        checkPolicy(h(HEADERS.csp));
        expect(csp === undefined || csp === h(HEADERS.csp), `${path} has another CSP than /`);
        csp = h(HEADERS.csp);
        const maxAge = Number(/max-age=(\d+)/.exec(h(HEADERS.hsts))?.[1] ?? 0);
        expect(maxAge >= 31_536_000, `${path}: Strict-Transport-Security "${h(HEADERS.hsts)}" is under a year`);
        expect(h(HEADERS.nosniff) === 'nosniff', `${path}: X-Content-Type-Options is "${h(HEADERS.nosniff)}"`);
        expect(
          h(HEADERS.referrer) === 'strict-origin-when-cross-origin',
          `${path}: Referrer-Policy is "${h(HEADERS.referrer)}"`,
        );
        expect(h(HEADERS.coop) === 'same-origin', `${path}: Cross-Origin-Opener-Policy is "${h(HEADERS.coop)}"`);
        expect(
          /camera=\(\)/.test(h(HEADERS.permissions)) && /geolocation=\(\)/.test(h(HEADERS.permissions)),
          `${path}: Permissions-Policy is "${h(HEADERS.permissions)}"`,
        );
        if (path.endsWith('.js'))
          expect(
            /javascript/.test(h('content-type')),
            `${path} is served as ${h('content-type')} (nosniff refuses it)`,
          );
      }
      for (const path of ['/_headers', '/_headers.nginx.conf']) {
        const status = (await fetch(`${base}${path}`)).status;
        expect(status === 404, `${path} (host configuration) is served (${status})`);
      }
    },
  },
  {
    name: 'security: script injected into a page does not run under the headers; each attempt is a console error',
    async run({ page, base }) {
      const blocked = await injected(page, base, (real) => real);
      expect(blocked.ran.length === 0, `injected code ran under the production headers: ${blocked.ran.join(', ')}`);
      expect(blocked.dialogs.length === 0, `a dialog opened: ${blocked.dialogs.join(', ')}`);
      const refused = blocked.violations.filter((v) => v.startsWith('script-src'));
      expect(
        refused.length >= 4,
        `expected the inline scripts, handlers and data: script to be refused, saw ${JSON.stringify(blocked.violations)}`,
      );
      const cspErrors = blocked.consoleErrors.filter((e) => e.includes('Content Security Policy'));
      expect(cspErrors.length > 0, 'a CSP violation is not a console error, so the page checks would not see one');
      // The same page without the policy runs the payload: the fixture is a real attack, and the headers stop it.
      const open = await injected(page, base, ({ 'content-security-policy': _csp, ...rest }) => rest);
      expect(
        open.ran.includes('body') && open.ran.includes('onerror'),
        `without the CSP the payload should run, ran: ${JSON.stringify(open.ran)}`,
      );
    },
  },
  {
    name: 'security: search runs under the CSP (Pagefind worker and WebAssembly) without a violation',
    async run({ page, base }) {
      const iso = await isolated(page, base);
      try {
        const workers: string[] = [];
        iso.tab.on('worker', (w) => workers.push(w.url()));
        await iso.tab.goto(`${base}/tim-kiem/?q=da+nang`);
        const found = await iso.tab
          .waitForFunction(() => document.querySelectorAll('site-search ol li').length > 0, undefined, {
            timeout: 15_000,
          })
          .then(
            () => true,
            () => false,
          );
        const violations = await iso.violations();
        expect(violations.length === 0, `CSP violations during search: ${violations.join(', ')}`);
        expect(iso.consoleErrors.length === 0, `console errors during search: ${iso.consoleErrors.join(' | ')}`);
        expect(found, '"da nang" showed no result within 15 s');
        expect(
          workers.some((url) => url.includes('/pagefind/')),
          `Pagefind did not start its worker (${JSON.stringify(workers)})`,
        );
      } finally {
        await iso.context.close();
      }
    },
  },
  {
    name: 'security: the map page may load its tile host (img-src) and nothing else',
    async run({ page, base }) {
      const iso = await isolated(page, base);
      try {
        await iso.tab.goto(`${base}/ban-do/`);
        const template = await iso.tab.locator('[data-tiles]').first().getAttribute('data-tiles', { timeout: 5_000 });
        expect(template !== null, '/ban-do/ has no element with data-tiles (the tile URL the map uses)');
        if (template === '') return; // a build without tiles: nothing to allow
        const tile = template
          .replace('{s}', 'a')
          .replace('{z}', '5')
          .replace('{x}', '25')
          .replace('{y}', '14')
          .replace('{r}', '');
        const load = (src: string) =>
          iso.tab.evaluate(
            (url) =>
              new Promise<void>((done) => {
                const img = new Image();
                img.onload = img.onerror = () => done();
                img.src = url;
              }),
            src,
          );
        await load(tile);
        const afterTile = await iso.violations();
        expect(afterTile.length === 0, `the tile ${tile} is refused by the CSP: ${afterTile.join(', ')}`);
        await load('https://ke-xau.example/pixel.png');
        const afterOther = await iso.violations();
        expect(
          afterOther.some((v) => v.startsWith('img-src')),
          'an image from any other host is allowed: img-src is too wide',
        );
      } finally {
        await iso.context.close();
      }
    },
  },
];
