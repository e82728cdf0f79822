/**
 * A page's structure without its words: what decides axe's answer, so the browser run need not ask axe again about a
 * page built exactly like one it has checked (150 certificate pages are 13 structures). axe took 70 % of the run's
 * time, about 2 s a page on a 2-core machine with three tabs.
 *
 * Kept: every element with its attributes, the values of those that are the same on every page of a kind (class,
 * role, lang, type, aria-* states…), and whether each text, alt, title or label is empty, one or two characters (a
 * touch target that may be too small), or longer. Ids become their order of appearance, and references to them
 * (for, aria-labelledby, …) the order of the id they name or "missing", so a broken reference still tells two pages
 * apart. Dropped: the words themselves, the addresses (href, src, datetime, content…) and SVG geometry, which no WCAG rule that axe
 * runs here reads by value. Runs of identical siblings count once: a list of 3 products and one of 30 are alike.
 *
 * Written as one self-contained function over a minimal DOM shape, so the browser runs it on the rendered page
 * (after the page's scripts) and the unit tests on plain objects.
 */

export interface StructureNode {
  nodeType: number;
  nodeName: string;
  nodeValue?: string | null;
  attributes?: ArrayLike<{ name: string; value: string }>;
  childNodes: ArrayLike<StructureNode>;
}

/** The structure of `root` as a string: equal for two pages exactly when they differ only in words and addresses. */
export function pageStructure(root: StructureNode): string {
  // Inside the function, so the browser gets it whole (Playwright sends only the function's source).
  const DROPPED = new Set([
    'href',
    'src',
    'srcset',
    'sizes',
    'datetime',
    'content',
    'value',
    'data-value',
    'data-name',
    'action',
    'poster',
    'cite',
    'data-src',
    'data-strings',
    'data-points',
    'data-config',
    'width',
    'height',
    'style',
    'integrity',
    'nonce',
    // SVG geometry (a QR code, a chart's bars): shapes, not structure.
    'd',
    'points',
    'viewBox',
    'transform',
    'x',
    'y',
    'x1',
    'x2',
    'y1',
    'y2',
    'cx',
    'cy',
    'r',
    'rx',
    'ry',
  ]);
  const TEXTUAL = new Set([
    'alt',
    'title',
    'aria-label',
    'placeholder',
    'aria-description',
    'aria-roledescription',
    'aria-valuetext',
  ]);
  const REFERENCES = new Set([
    'for',
    'aria-labelledby',
    'aria-describedby',
    'aria-controls',
    'aria-owns',
    'aria-activedescendant',
    'aria-details',
    'aria-errormessage',
    'aria-flowto',
    'list',
    'form',
    'headers',
  ]);
  const ids = new Map<string, number>();
  const collectIds = (node: StructureNode) => {
    for (const attr of Array.from(node.attributes ?? []))
      if (attr.name === 'id' && !ids.has(attr.value)) ids.set(attr.value, ids.size);
    for (const child of Array.from(node.childNodes)) if (child.nodeType === 1) collectIds(child);
  };
  collectIds(root);
  const size = (text: string) => {
    const length = [...text.replace(/\s+/g, ' ').trim()].length;
    return length === 0 ? '0' : length <= 2 ? 's' : 'l';
  };
  const attribute = ({ name, value }: { name: string; value: string }) => {
    if (name === 'id') return `id=${ids.get(value)}`;
    if (REFERENCES.has(name))
      return `${name}=${value
        .split(/\s+/)
        .filter(Boolean)
        .map((id) => ids.get(id) ?? 'missing')
        .join(' ')}`;
    if (TEXTUAL.has(name)) return `${name}=${size(value)}`;
    if (DROPPED.has(name) || name.startsWith('data-astro-cid')) return name;
    return `${name}=${value}`;
  };
  const walk = (node: StructureNode): string => {
    const parts: string[] = [];
    let text = '';
    const flush = () => {
      if (text.trim()) parts.push(`#${size(text)}`);
      text = '';
    };
    for (const child of Array.from(node.childNodes)) {
      if (child.nodeType === 3) text += child.nodeValue ?? '';
      else if (child.nodeType === 1) {
        flush();
        const shape = walk(child);
        if (parts.at(-1) !== shape && parts.at(-1) !== `${shape}+`) parts.push(shape);
        else parts[parts.length - 1] = `${shape}+`;
      }
    }
    flush();
    const name = node.nodeName.toLowerCase();
    // Script and style bodies are not structure (JSON-LD, CSS); their presence is.
    if (name === 'script' || name === 'style') parts.length = 0;
    const attrs = Array.from(node.attributes ?? [])
      .map(attribute)
      .sort();
    return `<${[name, ...attrs].join(' ')}>${parts.join('')}</>`;
  };
  return walk(root);
}
