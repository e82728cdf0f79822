/**
 * Where each collection lives under content/. Shared by src/content.config.ts (the build) and scripts/check.ts
 * (the editors' check), so the two always read the same files. Files starting with "_" are drafts.
 */
export type CollectionName =
  | 'provinces'
  | 'conferences'
  | 'news'
  | 'votingRounds'
  | 'products'
  | 'beneficiaries'
  | 'stories'
  | 'reports';

export interface CollectionSource {
  /** 'list': one YAML file holding a list of entries with `id`; 'prose': Markdown files; 'records': YAML/JSON files. */
  kind: 'list' | 'prose' | 'records';
  /** Path relative to the project root. */
  path: string;
}

export const COLLECTIONS: Record<CollectionName, CollectionSource> = {
  provinces: { kind: 'list', path: 'content/provinces.yaml' },
  conferences: { kind: 'prose', path: 'content/conferences' },
  news: { kind: 'prose', path: 'content/news' },
  votingRounds: { kind: 'records', path: 'content/voting-rounds' },
  products: { kind: 'records', path: 'content/products' },
  beneficiaries: { kind: 'records', path: 'content/beneficiaries' },
  stories: { kind: 'prose', path: 'content/stories' },
  reports: { kind: 'records', path: 'content/reports' },
};

/**
 * Glob patterns the build's loaders use; drafts ("_…") excluded. Prose is Markdown only: an .mdx file is a program
 * (its imports and expressions run in Node at build, with the deploy's secrets in reach), so one sent by a province
 * or merged from a pull request must never be loaded. The check refuses it by name (UNSAFE_PROSE).
 */
export const PROSE_PATTERN = '**/[^_]*.md';
/** Files in a prose folder that the check refuses instead of the build silently skipping them. */
export const UNSAFE_PROSE = /\.mdx$/i;
export const RECORD_PATTERN = '**/[^_]*.{yaml,yml,json}';
