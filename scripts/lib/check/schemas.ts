/**
 * The collections' schemas as the build uses them, with image() replaced by a plain path string: the check looks at
 * the photo files itself (lib/check/photos.ts) with messages an editor can act on.
 */
import { z } from 'astro/zod';
import type { SchemaContext } from 'astro:content';
import type { CollectionName } from '../../../src/lib/check/collections.ts';
import { beneficiarySchema } from '../../../src/schemas/beneficiaries.ts';
import { conferenceSchema } from '../../../src/schemas/conferences.ts';
import { newsSchema } from '../../../src/schemas/news.ts';
import { productSchema } from '../../../src/schemas/products.ts';
import { provinceSchema } from '../../../src/schemas/provinces.ts';
import { reportSchema } from '../../../src/schemas/reports.ts';
import { storySchema } from '../../../src/schemas/stories.ts';
import { votingRoundSchema } from '../../../src/schemas/voting-rounds.ts';

const context = { image: () => z.string({ error: 'Ghi đường dẫn tệp ảnh (src)' }) } as unknown as SchemaContext;

export const schemas: Record<CollectionName, z.ZodType> = {
  provinces: provinceSchema,
  conferences: conferenceSchema(context),
  news: newsSchema(context),
  votingRounds: votingRoundSchema,
  products: productSchema(context),
  beneficiaries: beneficiarySchema,
  stories: storySchema(context),
  reports: reportSchema,
};
