/**
 * The browser run asks axe once per page structure (scripts/lib/page-structure.ts): two pages may share an answer only
 * when nothing axe reads differs between them.
 */
import { describe, expect, it } from 'vitest';
import { pageStructure, type StructureNode } from '../../scripts/lib/page-structure.ts';

type Child = StructureNode | string;
const el = (name: string, attrs: Record<string, string> = {}, ...children: Child[]): StructureNode => ({
  nodeType: 1,
  nodeName: name.toUpperCase(),
  attributes: Object.entries(attrs).map(([n, value]) => ({ name: n, value })),
  childNodes: children.map((c) =>
    typeof c === 'string' ? { nodeType: 3, nodeName: '#text', nodeValue: c, childNodes: [] } : c,
  ),
});

/** A product page: its name, a photo, a list of rounds, a link to its producer. */
const product = (o: { name: string; alt: string; rounds: string[]; href: string; id?: string; labelledBy?: string }) =>
  el(
    'html',
    { lang: 'vi' },
    el(
      'main',
      {},
      el('h1', { id: o.id ?? 'ten' }, o.name),
      el('img', { src: `/anh/${o.name}.webp`, alt: o.alt, width: '640', height: '480' }),
      el(
        'section',
        { 'aria-labelledby': o.labelledBy ?? 'ten' },
        el('ul', {}, ...o.rounds.map((r) => el('li', {}, el('a', { href: `/binh-chon/${r}/` }, r)))),
      ),
      el('a', { href: o.href, class: 'producer' }, 'Cơ sở sản xuất'),
    ),
  );

const base = {
  name: 'Bánh hồng Minh Đức',
  alt: 'Hộp bánh hồng',
  rounds: ['quoc-gia-2025', 'khu-vuc-nam-2024'],
  href: '/co-so/a/',
};

describe('pageStructure', () => {
  it('is the same for pages that differ only in words, addresses and the length of a list', () => {
    const other = {
      name: 'Nước mắm Phan Thiết',
      alt: 'Chai nước mắm',
      rounds: ['tinh-binh-thuan-2020', 'quoc-gia-2023', 'khu-vuc-nam-2022'],
      href: '/co-so/b/',
    };
    expect(pageStructure(product(other))).toBe(pageStructure(product(base)));
    expect(pageStructure(product({ ...base, id: 'khac', labelledBy: 'khac' }))).toBe(pageStructure(product(base)));
  });

  it('tells apart what axe reads: an empty alt, a missing text, a one-letter link, another language', () => {
    const same = pageStructure(product(base));
    expect(pageStructure(product({ ...base, alt: '' }))).not.toBe(same);
    expect(pageStructure(product({ ...base, name: '' }))).not.toBe(same);
    expect(pageStructure(product({ ...base, rounds: ['1', '2'] }))).not.toBe(same);
    expect(pageStructure(product({ ...base, rounds: ['quoc-gia-2025'] }))).not.toBe(same);
    const english = { ...product(base), attributes: [{ name: 'lang', value: 'en' }] };
    expect(pageStructure(english)).not.toBe(same);
  });

  it('keeps a reference to an id that does not exist apart from one that does', () => {
    expect(pageStructure(product({ ...base, labelledBy: 'khong-co' }))).not.toBe(pageStructure(product(base)));
  });

  it('ignores the body of a script (JSON-LD) but not its presence', () => {
    const withScript = (body: string) =>
      el('html', { lang: 'vi' }, el('script', { type: 'application/ld+json' }, body), el('main', {}));
    expect(pageStructure(withScript('{"name":"A"}'))).toBe(pageStructure(withScript('{"name":"Bánh"}')));
    expect(pageStructure(withScript('{}'))).not.toBe(pageStructure(el('html', { lang: 'vi' }, el('main', {}))));
  });
});
