/**
 * What the editor's configuration is generated from, as the build and the unit tests load it: the collection schemas
 * (with image() marked, so photo fields become image fields), their doc comments read from src/schemas/*.ts, and the
 * backend. Runs inside Vite (Astro's build, vitest): the schemas import astro:content, the sources come as ?raw.
 */
import { z } from 'astro/zod';
import type { SchemaContext } from 'astro:content';
import type { Backend } from '@sveltia/cms';
import type { CollectionName } from '../check/collections.ts';
import { beneficiarySchema } from '../../schemas/beneficiaries.ts';
import { conferenceSchema } from '../../schemas/conferences.ts';
import { newsSchema } from '../../schemas/news.ts';
import { productSchema } from '../../schemas/products.ts';
import { reportSchema } from '../../schemas/reports.ts';
import { storySchema } from '../../schemas/stories.ts';
import { votingRoundSchema } from '../../schemas/voting-rounds.ts';
import type { ConfigInputs, ProvinceChoice } from './cms-config.ts';
import { schemaDocs, type DocTree } from './schema-docs.ts';
import { editorRepository } from './repository.ts';

/** What image() returns here: a path string, recognised by identity as an image field. */
export const IMAGE = z.string();
const context = { image: () => IMAGE } as unknown as SchemaContext;

export const editorSchemas: Partial<Record<CollectionName, z.ZodType>> = {
  news: newsSchema(context),
  conferences: conferenceSchema(context),
  stories: storySchema(context),
  votingRounds: votingRoundSchema,
  products: productSchema(context),
  beneficiaries: beneficiarySchema,
  reports: reportSchema,
};

/** Where each schema is exported: module (file name under src/schemas) and name. */
const EXPORTS: Partial<Record<CollectionName, [string, string]>> = {
  news: ['news', 'newsSchema'],
  conferences: ['conferences', 'conferenceSchema'],
  stories: ['stories', 'storySchema'],
  votingRounds: ['voting-rounds', 'votingRoundSchema'],
  products: ['products', 'productSchema'],
  beneficiaries: ['beneficiaries', 'beneficiarySchema'],
  reports: ['reports', 'reportSchema'],
};

const sources = import.meta.glob<string>('../../schemas/*.ts', { query: '?raw', import: 'default', eager: true });

/** The doc comments of every editable collection's schema. */
export function editorDocs(): Partial<Record<CollectionName, DocTree>> {
  const byModule = Object.fromEntries(
    Object.entries(sources).map(([path, text]) => [path.replace(/^.*\/|\.ts$/g, ''), text]),
  );
  const docs = schemaDocs(byModule);
  return Object.fromEntries(
    Object.entries(EXPORTS).map(([collection, [module, name]]) => [collection, docs(module, name)]),
  ) as Partial<Record<CollectionName, DocTree>>;
}

/**
 * The GitHub repository the editor commits to: CMS_GITHUB_REPO ("owner/name") and CMS_GITHUB_BRANCH at build time,
 * else deploy/editor.json (src/lib/admin/repository.ts, deploy/README.md). Sign-in is with a personal access token,
 * so no OAuth server is needed.
 */
export function githubBackend(env: Record<string, string | undefined> = process.env): Backend {
  const { repo, branch } = editorRepository(env);
  return {
    name: 'github',
    // Unconfigured: /admin/ loads no editor and says how to set it (src/pages/admin/index.astro).
    repo: repo ?? '',
    branch,
    auth_methods: ['token'],
    commit_messages: {
      create: 'Thêm {{collection}} “{{slug}}” (trình biên tập)',
      update: 'Sửa {{collection}} “{{slug}}” (trình biên tập)',
      delete: 'Xóa {{collection}} “{{slug}}” (trình biên tập)',
      uploadMedia: 'Tải ảnh “{{path}}” (trình biên tập)',
      deleteMedia: 'Xóa ảnh “{{path}}” (trình biên tập)',
    },
  };
}

export function editorInputs(provinces: readonly ProvinceChoice[], backend: Backend, siteUrl?: string): ConfigInputs {
  return { schemas: editorSchemas, image: IMAGE, docs: editorDocs(), provinces, backend, siteUrl };
}
