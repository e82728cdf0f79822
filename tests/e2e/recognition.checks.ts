/**
 * Browser checks for the printable recognition pages (/san-pham/<slug>/chung-nhan/, issue 19 item 3) and for what
 * every printout carries: linked from the product page, a QR code drawn in the page, the page's own address, and
 * one A4 sheet when printed.
 */
import type { Page } from 'playwright-core';

interface Ctx {
  page: Page;
  base: string;
}

function assert(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(message);
}

/** The recognition pages the product pages link to. */
async function recognitionPages({ page, base }: Ctx): Promise<string[]> {
  await page.goto(`${base}/san-pham/`);
  const products = await page
    .locator('main ul.grid a[href^="/san-pham/"]')
    .evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
  const found: string[] = [];
  for (const href of products) {
    await page.goto(`${base}${href}`);
    const link = page.locator(`main a[href="${href}chung-nhan/"]`);
    if ((await link.count()) > 0) found.push(`${href}chung-nhan/`);
  }
  return found;
}

export const checks: Array<{ name: string; run: (ctx: Ctx) => Promise<void> }> = [
  {
    name: 'recognition pages: linked from the product page, QR code and own address shown, one A4 page in print',
    async run(ctx) {
      const pages = await recognitionPages(ctx);
      assert(pages.length > 0, 'no product page links a recognition page (…/chung-nhan/)');
      const problems: string[] = [];
      for (const path of pages) {
        await ctx.page.goto(`${ctx.base}${path}`);
        const qr = ctx.page.locator('main svg[role="img"][aria-label*="QR"]');
        if ((await qr.count()) !== 1) problems.push(`${path}: no QR code in the page`);
        const text = await ctx.page.locator('main').innerText();
        if (!text.includes(`${path}`)) problems.push(`${path}: the page does not show its own address`);
        await ctx.page.emulateMedia({ media: 'print' });
        const colophon = await ctx.page.locator('.colophon').innerText();
        if (!colophon.includes(path)) problems.push(`${path}: the printout does not carry the page's address`);
        await ctx.page.emulateMedia({ media: null });
        const pdf = await ctx.page.pdf({ preferCSSPageSize: true });
        // the page tree's /Count: how many sheets the printout takes
        const sheets = Number(
          /\/Type\s*\/Pages\b[^>]*?\/Count\s+(\d+)|\/Count\s+(\d+)[^>]*?\/Type\s*\/Pages\b/
            .exec(pdf.toString('latin1'))
            ?.slice(1)
            .find(Boolean),
        );
        if (sheets !== 1) problems.push(`${path}: prints on ${sheets} A4 pages, not 1`);
      }
      assert(problems.length === 0, problems.join('\n'));
    },
  },
];
