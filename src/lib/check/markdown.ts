/**
 * The links and images of a contributed Markdown body, found the way the build's Markdown reader finds them
 * (inline `[text](href)` and `![alt](src)`, autolinks `<scheme:…>`, reference definitions `[id]: href`), outside
 * code. The check judges them before the build: an image that is missing or remote, or a link that would run script,
 * stopped the build (or broke the page under the CSP) after the check had called the content valid.
 */
import { linesOutsideFences } from './text.ts';

export interface MarkdownTarget {
  kind: 'image' | 'link';
  target: string;
  /** The image's text alternative (images only). */
  alt?: string;
  line: number;
}

// An inline link or image: the destination is <…> or runs to the first space or ")", an optional "title" follows.
const INLINE = /(!?)\[((?:[^\]\\]|\\.)*)\]\(\s*(<[^>]*>|[^\s)]+)(?:\s+(?:"[^"]*"|'[^']*'|\([^)]*\)))?\s*\)/g;
const AUTOLINK = /<([A-Za-z][A-Za-z0-9+.-]{1,31}:[^<>\s]*)>/g;
const DEFINITION = /^ {0,3}\[(?:[^\]\\]|\\.)+\]:\s*(<[^>]*>|\S+)/;

/** Every link and image target in `markdown`, with its file line (`firstLine` is the body's first line). */
export function markdownTargets(markdown: string, firstLine = 1): MarkdownTarget[] {
  const found: MarkdownTarget[] = [];
  for (const { text: raw, index: i } of linesOutsideFences(markdown)) {
    if (/^(?: {4}|\t)/.test(raw)) continue;
    const line = raw.replace(/`[^`]*`/g, (code) => ' '.repeat(code.length));
    const at = firstLine + i;
    const unwrap = (t: string) => (t.startsWith('<') && t.endsWith('>') ? t.slice(1, -1) : t);
    for (const m of line.matchAll(INLINE)) {
      if (m[1]) found.push({ kind: 'image', target: unwrap(m[3]!), alt: m[2]!.trim(), line: at });
      else found.push({ kind: 'link', target: unwrap(m[3]!), line: at });
    }
    for (const m of line.matchAll(AUTOLINK)) found.push({ kind: 'link', target: m[1]!, line: at });
    const definition = DEFINITION.exec(line);
    if (definition) found.push({ kind: 'link', target: unwrap(definition[1]!), line: at });
  }
  return found;
}

/** Schemes a reader's link may use; anything else (javascript:, data:, vbscript:, file:) is refused. */
const SAFE_SCHEMES = new Set(['https:', 'http:', 'mailto:', 'tel:']);

/** What is wrong with a link target, or undefined when it is fine. Relative links and #fragments are fine. */
export function linkProblem(target: string): string | undefined {
  // Browsers drop control characters and spaces before reading the scheme ("java\tscript:" runs too).
  // biome-ignore lint/suspicious/noControlCharactersInRegex: browsers ignore control characters in a URL's scheme.
  const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):/.exec(target.replace(/[\u0000-\u0020]/g, ''))?.[1];
  if (scheme === undefined || SAFE_SCHEMES.has(`${scheme.toLowerCase()}:`)) return undefined;
  return `Liên kết "${target.replace(/\s+/g, ' ').slice(0, 60)}" dùng kiểu "${scheme}:" không an toàn: chỉ dùng liên kết https://, mailto: hoặc đường dẫn trong trang`;
}

/**
 * What is wrong with an image target as a location (existence is checked by the caller), or undefined. Images must
 * be files beside the entry: a remote image is blocked by the site's Content-Security-Policy and can vanish.
 */
export function imageProblem(target: string): string | undefined {
  if (/^[A-Za-z][A-Za-z0-9+.-]*:/.test(target) || target.startsWith('//')) {
    return `Ảnh "${target.slice(0, 60)}" nằm ở trang web khác: tải ảnh về, đặt cạnh tệp bài viết và ghi ![mô tả](./ten-anh.jpg)`;
  }
  return undefined;
}
