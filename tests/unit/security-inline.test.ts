/**
 * The scan of built pages for inline code (scripts/build-headers.ts): what the CSP would block must be found, and
 * what it allows (external scripts, JSON-LD, text that merely looks like code) must not be.
 */
import { describe, expect, it } from 'vitest';
import { inlineCode, isJavascriptUrl } from '../../src/lib/security/inline.ts';

const kinds = (html: string) => inlineCode(html).map((c) => c.kind);

describe('inlineCode', () => {
  it('finds inline scripts, of any executable type', () => {
    expect(inlineCode('<p>a</p><script>alert(1)</script>')).toEqual([{ kind: 'script', code: 'alert(1)' }]);
    expect(kinds('<SCRIPT type="module">x()</SCRIPT >')).toEqual(['script']);
    expect(kinds('<script type="text/javascript">x()</script>')).toEqual(['script']);
    expect(kinds('<script type="importmap">{}</script>')).toEqual(['script']);
  });

  it('ignores external scripts and data blocks such as JSON-LD', () => {
    expect(kinds('<script type="module" src="/_astro/a.js"></script>')).toEqual([]);
    expect(kinds('<script type="application/ld+json">{"name":"\\u003c/script>"}</script>')).toEqual([]);
  });

  it('finds inline styles with their exact text, for hashing', () => {
    expect(inlineCode('<style>a{color:red}</style>')).toEqual([{ kind: 'style', code: 'a{color:red}' }]);
  });

  it('finds event handlers, style attributes and javascript: URLs, however written', () => {
    expect(kinds('<img src=x ONERROR=alert(1)>')).toEqual(['event-handler']);
    expect(kinds('<div style="color:red">')).toEqual(['style-attribute']);
    expect(kinds('<a href="javascript:alert(1)">')).toEqual(['javascript-url']);
    expect(kinds('<a href=" &#106;ava&#x73;cript&colon;alert(1)">')).toEqual(['javascript-url']);
    expect(kinds('<svg><a xlink:href="JaVaScRiPt:alert(1)"></a></svg>')).toEqual(['javascript-url']);
  });

  it('reads quoted attributes whole, so a ">" inside one does not hide what follows', () => {
    expect(kinds(`<div data-strings='{"a":"x > y"}' onclick="go()">`)).toEqual(['event-handler']);
    expect(kinds('<div title="a > b" data-x="onclick=1">text onclick=2</div>')).toEqual([]);
  });

  it('skips comments, and text that only mentions a tag', () => {
    expect(kinds('<!-- <script>alert(1)</script> --><p>1 < 2 and &lt;script&gt;</p>')).toEqual([]);
  });

  it('finds nothing on a page made only of files', () => {
    const page = `<!doctype html><html lang="vi"><head><link rel="stylesheet" href="/_astro/a.css">
      <script type="application/ld+json">{"@type":"NewsArticle"}</script></head>
      <body><a href="/tin-tuc/">Tin tức</a><script type="module" src="/_astro/b.js"></script></body></html>`;
    expect(inlineCode(page)).toEqual([]);
  });
});

describe('isJavascriptUrl', () => {
  it('sees through the control characters and spaces browsers drop', () => {
    expect(isJavascriptUrl('java\tscript:alert(1)')).toBe(true);
    expect(isJavascriptUrl('&Tab;javascript:x')).toBe(true);
    expect(isJavascriptUrl('/javascript-co-ban/')).toBe(false);
    expect(isJavascriptUrl('https://example.vn/?u=javascript:x')).toBe(false);
  });
});
