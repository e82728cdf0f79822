/**
 * A title written as `</script><script>alert(1)</script>` stays text everywhere Astro puts it: in JSON-LD (which
 * JsonLd.astro escapes), and in the page head the layout writes (<title>, Open Graph). Rendered with Astro's
 * container API, so this is the real component output.
 */
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { describe, expect, it } from 'vitest';
import JsonLd from '../../src/components/JsonLd.astro';
import BaseLayout from '../../src/layouts/BaseLayout.astro';
import { inlineCode } from '../../src/lib/security/inline.ts';

const EVIL = '</script><script>alert(1)</script><!--';

describe('JsonLd.astro', () => {
  it('keeps a </script> in a value inside its script element, and the JSON unchanged', async () => {
    const container = await AstroContainer.create();
    const data = { '@type': 'NewsArticle', headline: EVIL, author: { name: '<b>Sở Công Thương</b>' } };
    const html = await container.renderToString(JsonLd, { props: { data } });
    expect(html.match(/<script/g)).toHaveLength(1);
    expect(html.match(/<\/script>/g)).toHaveLength(1);
    expect(html).not.toContain('<!--');
    const json = /<script type="application\/ld\+json">([\s\S]*)<\/script>/.exec(html)?.[1];
    expect(JSON.parse(json!)).toEqual({ '@context': 'https://schema.org', ...data });
  });
});

describe('BaseLayout.astro', () => {
  it('writes a hostile title as text: no script the browser would run', async () => {
    const container = await AstroContainer.create({ astroConfig: { site: 'https://cnnt-tieubieu.vn' } });
    const html = await container.renderToString(BaseLayout, {
      props: { title: EVIL, description: EVIL, jsonLd: { '@type': 'NewsArticle', headline: EVIL } },
      request: new Request('https://cnnt-tieubieu.vn/tin-tuc/thu/'),
    });
    expect(inlineCode(html).filter((c) => c.kind !== 'style')).toEqual([]);
    expect(html).toContain('<title>&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;&lt;!-- – ');
    // In an attribute value "</script>" is only text: the quotes hold.
    expect(html).toContain(`<meta property="og:title" content="${EVIL}">`);
  });
});
