/** Wiring only: each collection is a loader over content/<folder> plus its schema from src/schemas. */
import { existsSync } from 'node:fs';
import { defineCollection } from 'astro:content';
import { file, glob } from 'astro/loaders';
import { provinceSchema } from './schemas/provinces';
import { conferenceSchema } from './schemas/conferences';
import { newsSchema } from './schemas/news';
import { votingRoundSchema } from './schemas/voting-rounds';
import { productSchema } from './schemas/products';
import { beneficiarySchema } from './schemas/beneficiaries';
import { storySchema } from './schemas/stories';
import { reportSchema } from './schemas/reports';
import { COLLECTIONS, PROSE_PATTERN, RECORD_PATTERN, type CollectionName } from './lib/check/collections';
import { withRoundSheets } from './lib/import/loader';

// The same table tells `npm run check` where to read, so the check and the build never see different files.
// Files whose name starts with "_" are drafts and are not loaded.
const loader = (name: CollectionName) => {
  const { kind, path } = COLLECTIONS[name];
  if (kind === 'list') return file(path);
  // A collection whose folder does not exist yet (stories, until a province writes one) has no entries, without
  // Astro's warning about a missing base directory on every build.
  if (!existsSync(path)) return { name: 'empty-folder', load: async () => {} };
  return glob({ base: `./${path}`, pattern: kind === 'prose' ? PROSE_PATTERN : RECORD_PATTERN });
};

export const collections = {
  provinces: defineCollection({ loader: loader('provinces'), schema: provinceSchema }),
  conferences: defineCollection({ loader: loader('conferences'), schema: conferenceSchema }),
  news: defineCollection({ loader: loader('news'), schema: newsSchema }),
  // A round's results sheet saved beside it (content/voting-rounds/<slug>.xlsx|csv) adds its results, products and
  // establishments, read by the importer's code (src/lib/import/beside.ts); the check reads the same sheets.
  votingRounds: defineCollection({
    loader: withRoundSheets(loader('votingRounds'), 'voting-rounds'),
    schema: votingRoundSchema,
  }),
  products: defineCollection({ loader: withRoundSheets(loader('products'), 'products'), schema: productSchema }),
  beneficiaries: defineCollection({
    loader: withRoundSheets(loader('beneficiaries'), 'beneficiaries'),
    schema: beneficiarySchema,
  }),
  stories: defineCollection({ loader: loader('stories'), schema: storySchema }),
  reports: defineCollection({ loader: loader('reports'), schema: reportSchema }),
};
