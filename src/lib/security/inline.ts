/**
 * Finds the code written inline in a built HTML page: what a Content-Security-Policy without 'unsafe-inline' judges.
 * A small tokenizer (tags, quoted attributes, comments, raw text of <script> and <style>), enough for Astro's output.
 */

export type InlineKind = 'script' | 'style' | 'style-attribute' | 'event-handler' | 'javascript-url';

export interface InlineCode {
  kind: InlineKind;
  /** The exact text a hash is computed over (a script's or style's content), or the attribute as written. */
  code: string;
}

/** <script type> values that the browser runs; any other type (application/ld+json, say) is inert data. */
const EXECUTABLE_TYPES = new Set([
  '',
  'module',
  'importmap',
  'speculationrules',
  'text/javascript',
  'application/javascript',
  'application/ecmascript',
  'text/ecmascript',
]);

/** Attributes whose value is a URL a click or load may navigate to or fetch. */
const URL_ATTRIBUTES = new Set(['href', 'src', 'action', 'formaction', 'xlink:href', 'data']);

const TAG_NAME = /<([a-zA-Z][a-zA-Z0-9:-]*)/y;
const ATTRIBUTE = /[\s/]*([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?/y;
const TAG_END = /[\s/]*>/y;

/** Decodes the character references that can hide "javascript:" (&#106; &#x6A; &colon; &Tab; …). */
function decode(value: string): string {
  return value
    .replace(/&#x([0-9a-f]+);?/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);?/g, (_, dec: string) => String.fromCodePoint(Number(dec)))
    .replace(/&colon;/gi, ':')
    .replace(/&(tab|newline);/gi, '');
}

/** True when a URL attribute value would run script: javascript: (the browser drops controls and spaces first). */
export const isJavascriptUrl = (value: string): boolean =>
  decode(value)
    // biome-ignore lint/suspicious/noControlCharactersInRegex: the controls are what the browser drops.
    .replace(/[\u0000-\u0020]/g, '')
    .toLowerCase()
    .startsWith('javascript:');

export function inlineCode(html: string): InlineCode[] {
  const found: InlineCode[] = [];
  let i = 0;
  while ((i = html.indexOf('<', i)) !== -1) {
    if (html.startsWith('<!--', i)) {
      const end = html.indexOf('-->', i + 4);
      if (end === -1) break;
      i = end + 3;
      continue;
    }
    TAG_NAME.lastIndex = i;
    const name = TAG_NAME.exec(html)?.[1]?.toLowerCase();
    if (!name) {
      i++;
      continue;
    }
    let j = TAG_NAME.lastIndex;
    const attributes = new Map<string, string>();
    for (;;) {
      TAG_END.lastIndex = j;
      if (TAG_END.test(html)) {
        j = TAG_END.lastIndex;
        break;
      }
      ATTRIBUTE.lastIndex = j;
      const match = ATTRIBUTE.exec(html);
      if (!match || ATTRIBUTE.lastIndex === j) {
        j = html.length;
        break;
      }
      j = ATTRIBUTE.lastIndex;
      const key = match[1]!.toLowerCase();
      const value = match[2] ?? match[3] ?? match[4] ?? '';
      if (!attributes.has(key)) attributes.set(key, value);
      if (key.startsWith('on')) found.push({ kind: 'event-handler', code: match[0].trim() });
      else if (key === 'style') found.push({ kind: 'style-attribute', code: match[0].trim() });
      else if (URL_ATTRIBUTES.has(key) && isJavascriptUrl(value))
        found.push({ kind: 'javascript-url', code: match[0].trim() });
    }
    i = j;
    if (name === 'script' || name === 'style') {
      const close = html.slice(i).search(new RegExp(`</${name}[\\s/>]`, 'i'));
      const end = close === -1 ? html.length : i + close;
      const text = html.slice(i, end);
      const type = (attributes.get('type') ?? '').trim().toLowerCase();
      if (name === 'style') found.push({ kind: 'style', code: text });
      else if (!attributes.has('src') && EXECUTABLE_TYPES.has(type)) found.push({ kind: 'script', code: text });
      i = end;
    }
  }
  return found;
}
