/** Wiring only: each collection is a loader over content/<folder> plus its schema from src/schemas. */
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

// Files whose name starts with "_" are drafts and are not loaded.
const prose = (dir: string) => glob({ base: `./content/${dir}`, pattern: '**/[^_]*.{md,mdx}' });
const records = (dir: string) => glob({ base: `./content/${dir}`, pattern: '**/[^_]*.{yaml,yml,json}' });

export const collections = {
  provinces: defineCollection({ loader: file('content/provinces.yaml'), schema: provinceSchema }),
  conferences: defineCollection({ loader: prose('conferences'), schema: conferenceSchema }),
  news: defineCollection({ loader: prose('news'), schema: newsSchema }),
  votingRounds: defineCollection({ loader: records('voting-rounds'), schema: votingRoundSchema }),
  products: defineCollection({ loader: records('products'), schema: productSchema }),
  beneficiaries: defineCollection({ loader: records('beneficiaries'), schema: beneficiarySchema }),
  stories: defineCollection({ loader: prose('stories'), schema: storySchema }),
  reports: defineCollection({ loader: records('reports'), schema: reportSchema }),
};
