/**
 * How the importer decides that a row names a product or an establishment already on the site, and how it names
 * the files it creates. Names compare ignoring case, marks and punctuation; an establishment's legal form compares
 * in any of its usual spellings ("CTCP", "Công ty CP", "Công ty cổ phần" are one).
 */
import { slugify } from '../vi-text.ts';
import { matchKey } from './text.ts';

/** Legal forms, longest spelling first, to one canonical key word. */
const LEGAL_FORMS: Array<[RegExp, string]> = [
  [/^(cong ty co phan|cong ty cp|cty co phan|cty cp|ctcp|ct cp)\b/, 'ctcp'],
  [/^(cong ty trach nhiem huu han|cong ty tnhh|cty tnhh|ctytnhh)\b/, 'cty tnhh'],
  [/^(cong ty|cty)\b/, 'cty'],
  [/^(doanh nghiep tu nhan|dntn)\b/, 'dntn'],
  [/^(hop tac xa|htx)\b/, 'htx'],
  [/^(to hop tac|tht)\b/, 'tht'],
  [/^(ho kinh doanh|hkd)\b/, 'hkd'],
  [/^(xi nghiep|xn)\b/, 'xi nghiep'],
];

/** Within a name: "trách nhiệm hữu hạn" = "TNHH", "sản xuất" = "SX", "thương mại" = "TM", "và" = "&". */
const WORDS: Array<[RegExp, string]> = [
  [/\btrach nhiem huu han\b/g, 'tnhh'],
  [/\bmot thanh vien\b/g, 'mtv'],
  [/\bsan xuat\b/g, 'sx'],
  [/\bthuong mai\b/g, 'tm'],
  [/\bdich vu\b/g, 'dv'],
  [/\bdau tu\b/g, 'dt'],
  [/\bxay dung\b/g, 'xd'],
  [/\bva\b/g, ' '],
];

/** The key of an establishment's name: legal form and common words in one spelling. */
export function producerKey(name: string): string {
  // "&" means "và": drop both before comparing.
  let key = matchKey(name.replace(/&/g, ' '));
  for (const [pattern, canonical] of LEGAL_FORMS) {
    if (pattern.test(key)) {
      key = key.replace(pattern, canonical);
      break;
    }
  }
  for (const [pattern, short] of WORDS) key = key.replace(pattern, short);
  return key.replace(/\s+/g, ' ').trim();
}

/** The key of a product's name: no case, marks or punctuation. */
export const productKey = (name: string): string => matchKey(name);

/** Paths under /san-pham/ that are listing pages, not products: a product may not take these slugs. */
export const RESERVED_PRODUCT_SLUGS = new Set(['nhom', 'tinh', 'trang', 'danh-sach']);

const MAX_SLUG = 60;

/** Cuts a slug at a word boundary to at most MAX_SLUG characters. */
function shorten(slug: string): string {
  if (slug.length <= MAX_SLUG) return slug;
  const cut = slug.slice(0, MAX_SLUG);
  return cut.slice(0, Math.max(cut.lastIndexOf('-'), 20)).replace(/-+$/, '');
}

/** "Công ty cổ phần Dược Hà Tĩnh" → "ctcp-duoc-ha-tinh", as the site's producers are named. */
export const producerSlugBase = (name: string): string => shorten(slugify(producerKey(name)));

/**
 * The first free slug among `candidates`, then the first with -2, -3… appended. `taken` says whether a slug is in use
 * (a file exists or this import already chose it).
 */
export function freeSlug(candidates: readonly string[], taken: (slug: string) => boolean): string {
  const usable = candidates.filter((c) => c && !RESERVED_PRODUCT_SLUGS.has(c));
  for (const c of usable) if (!taken(c)) return c;
  const base = usable[0] ?? 'san-pham';
  for (let n = 2; ; n++) if (!taken(`${base}-${n}`)) return `${base}-${n}`;
}

/** Slug candidates for a new product: its name, then its name with its producer's or province's slug. */
export function productSlugCandidates(name: string, producerSlug: string | undefined, provinceId: string): string[] {
  const base = shorten(slugify(name));
  return [base, producerSlug && shorten(`${base}-${producerSlug}`), shorten(`${base}-${provinceId}`)].filter(
    (s): s is string => Boolean(s),
  );
}
