/** Checks on the raw text of a content file: NFC, raw HTML in contributed Markdown, front matter split. */

/** Line numbers (1-based) of lines that are not NFC, e.g. text pasted from Word with decomposed marks. */
export function nonNfcLines(text: string): number[] {
  return text.split('\n').flatMap((line, i) => (line === line.normalize('NFC') ? [] : [i + 1]));
}

const HTML = /<\/?[A-Za-z][\w-]*(?:\s[^<>]*)?\/?>|<!--/;

/**
 * Line numbers of raw HTML in Markdown outside code (fenced blocks and `inline code`). Provinces write Markdown only:
 * raw HTML could carry scripts or break the page, so it is refused rather than sanitised.
 */
export function rawHtmlLines(markdown: string, firstLine = 1): number[] {
  const lines: number[] = [];
  for (const { text, index } of linesOutsideFences(markdown)) {
    if (HTML.test(text.replace(/`[^`]*`/g, ''))) lines.push(firstLine + index);
  }
  return lines;
}

/** The lines of a Markdown body that are not inside a fenced code block (``` or ~~~), with their 0-based index. */
export function* linesOutsideFences(markdown: string): Generator<{ text: string; index: number }> {
  let fence: string | undefined;
  for (const [index, text] of markdown.split('\n').entries()) {
    const marker = /^\s*(```+|~~~+)/.exec(text)?.[1];
    if (marker) {
      if (!fence) fence = marker;
      else if (marker.startsWith(fence)) fence = undefined;
      continue;
    }
    if (!fence) yield { text, index };
  }
}

/** Splits "---\nyaml\n---\nbody" into its parts; `bodyLine` is the file line where the body starts. */
export function splitFrontMatter(text: string): { yaml: string; body: string; bodyLine: number } | undefined {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/.exec(text);
  if (!match) return undefined;
  return { yaml: match[1]!, body: text.slice(match[0].length), bodyLine: match[0].split('\n').length };
}
