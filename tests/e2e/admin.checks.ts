/**
 * The web editor at /admin/ (Sveltia CMS, bundled from the npm registry and served from this site) in Chromium, with
 * every outside request blocked: it loads with no failed request and no Content-Security-Policy violation under its
 * own policy, speaks Vietnamese even to a browser set to English, and — signed in to its in-browser test backend
 * instead of GitHub (the served config.yml is rewritten for the tab only) — lists every collection of the generated
 * configuration and shows every field's label in each collection's new-entry form, list items included.
 */
import type { Page } from 'playwright-core';
import { parse, stringify } from 'yaml';
import type { BrowserCheck } from '../../scripts/lib/behaviour.ts';

interface FieldConfig {
  name: string;
  label: string;
  widget?: string;
  fields?: FieldConfig[];
  field?: FieldConfig;
}
interface CollectionConfig {
  name: string;
  label: string;
  fields: FieldConfig[];
}
interface EditorConfig {
  backend: { name: string; repo?: string };
  collections: CollectionConfig[];
}

function expect(condition: boolean, message: string): asserts condition {
  if (!condition) throw new Error(message);
}

/** Bidi isolation marks Sveltia puts around names in its messages. */
const plain = (text: string) => text.replace(/[\u2068\u2069]/g, '');

/** Opens /admin/ on the test backend; returns what went wrong on the way (outside requests, failures, violations). */
async function openEditor(page: Page, base: string, { browserLanguage }: { browserLanguage?: string } = {}) {
  const problems: string[] = [];
  const served = await (await fetch(`${base}/admin/config.yml`)).text();
  const config = parse(served) as EditorConfig;
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(`${base}/`) && !url.startsWith('data:') && !url.startsWith('blob:'))
      problems.push(`outside request: ${url}`);
  });
  page.on('requestfailed', (request) => {
    if (request.url().startsWith(`${base}/`))
      problems.push(`failed: ${request.url()} ${request.failure()?.errorText ?? ''}`);
  });
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`${response.url()} answered ${response.status()}`);
  });
  await page.route(`${base}/admin/config.yml*`, async (route) => {
    const response = await route.fetch();
    const body = parse(await response.text()) as EditorConfig;
    body.backend = { name: 'test-repo' };
    await route.fulfill({ response, body: stringify(body) });
  });
  await page.addInitScript((language) => {
    const w = window as unknown as { __violations: string[] };
    w.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      w.__violations.push(`${e.violatedDirective} ${e.blockedURI}`),
    );
    if (language) Object.defineProperty(navigator, 'languages', { get: () => [language] });
  }, browserLanguage);
  const response = await page.goto(`${base}/admin/`);
  expect(response?.status() === 200, `/admin/ answered ${response?.status()}`);
  return { config, served, problems, headers: response!.headers() };
}

const violations = (page: Page) => page.evaluate(() => (window as unknown as { __violations: string[] }).__violations);

/** Signs in to the test backend (unless the browser context already is) and waits for the collection list. */
async function signIn(page: Page): Promise<void> {
  const button = page.getByRole('button', { name: /thử nghiệm/ });
  const create = page.getByRole('button', { name: /Tạo bài viết mới/ }).first();
  // The editor is a 2 MB app: on a busy 2-core machine it may take a while to start.
  await button.or(create).first().waitFor({ timeout: 60_000 });
  if (await button.isVisible()) await button.click();
  await create.waitFor({ timeout: 60_000 });
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** "Thêm ⁨Nguồn tin⁩": the editor's add button or checkbox for a list or an optional object. */
const adding = (label: string) => new RegExp(`Thêm\\s*\\u2068?${escapeRegExp(label)}(?:\\u2069|\\s*$)`);

/**
 * Brings every field of the form into view (the editor renders fields as they scroll in), turns on each optional
 * object and adds one item to each list of objects, so their subfields show. Returns the labels that must then show.
 */
async function revealFields(page: Page, fields: readonly FieldConfig[]): Promise<string[]> {
  const labels: string[] = [];
  for (const field of fields) {
    labels.push(field.label);
    // A required field's label is followed by an asterisk, so the text is matched from its start.
    await page
      .getByText(new RegExp(`^\\s*${escapeRegExp(field.label)}`))
      .first()
      .scrollIntoViewIfNeeded({ timeout: 1_000 })
      .catch(() => undefined);
    if (field.widget === 'object' && field.fields) {
      const toggle = page.getByRole('checkbox', { name: adding(field.label) });
      if ((await toggle.count()) > 0 && !(await toggle.first().isChecked())) await toggle.first().click();
      labels.push(...(await revealFields(page, field.fields)));
    } else if (field.widget === 'list' && field.fields) {
      await page
        .getByRole('button')
        .filter({ hasText: adding(field.label) })
        .first()
        .click();
      labels.push(...(await revealFields(page, field.fields)));
    }
  }
  return labels;
}

async function missingLabels(page: Page, labels: readonly string[]): Promise<string[]> {
  const text = plain(await page.locator('body').innerText());
  const lines = new Set(text.split('\n').map((line) => line.trim()));
  return [...new Set(labels)].filter((label) => !lines.has(label));
}

export const checks: BrowserCheck[] = [
  {
    name: 'admin: the editor loads from this site only, under its own CSP, without a failed request or violation, in Vietnamese',
    async run({ page, base }) {
      const { config, problems, headers } = await openEditor(page, base, { browserLanguage: 'en-US' });
      const csp = headers['content-security-policy'] ?? '';
      expect(/style-src 'self' 'unsafe-inline'/.test(csp), `/admin/ is not served with the editor's policy: ${csp}`);
      expect(
        /script-src 'self' 'wasm-unsafe-eval'(;|$)/.test(csp),
        `/admin/ script-src must stay 'self' 'wasm-unsafe-eval': ${csp}`,
      );
      expect(
        config.backend.name === 'github',
        `the served config.yml should use the GitHub backend, not ${config.backend.name}`,
      );
      await page.getByRole('button', { name: /thử nghiệm/ }).waitFor({ timeout: 60_000 });
      const text = plain(await page.locator('body').innerText());
      expect(
        text.includes('Làm việc với kho mã nguồn thử nghiệm'),
        `the sign-in page is not in Vietnamese for an English browser: ${text.slice(0, 200)}`,
      );
      await signIn(page);
      await page.waitForLoadState('networkidle', { timeout: 5_000 }).catch(() => undefined);
      const robots = await page.locator('meta[name="robots"]').first().getAttribute('content');
      expect(robots?.includes('noindex') ?? false, `/admin/ lacks <meta name="robots" content="noindex">: ${robots}`);
      problems.push(...(await violations(page)).map((v) => `CSP violation: ${v}`));
      expect(problems.length === 0, problems.join('\n'));
    },
  },
  {
    name: 'admin: every collection of the generated config is listed, and each new-entry form shows every field label',
    async run({ page, base }) {
      const { config, problems } = await openEditor(page, base);
      await signIn(page);
      const sidebar = plain(await page.locator('body').innerText());
      const unlisted = config.collections.filter((c) => !sidebar.includes(c.label)).map((c) => c.label);
      expect(unlisted.length === 0, `collections not listed: ${unlisted.join(', ')}`);
      const missing: string[] = [];
      for (const collection of config.collections) {
        await page.goto(`${base}/admin/#/collections/${collection.name}/new`);
        await page.getByText(collection.fields[0]!.label, { exact: true }).first().waitFor();
        const absent = await missingLabels(page, await revealFields(page, collection.fields));
        missing.push(...absent.map((label) => `${collection.label}: "${label}"`));
      }
      expect(missing.length === 0, `field labels not shown in the new-entry forms: ${missing.join('; ')}`);
      problems.push(...(await violations(page)).map((v) => `CSP violation: ${v}`));
      expect(problems.length === 0, problems.join('\n'));
    },
  },
];
