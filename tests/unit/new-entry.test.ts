/**
 * `npm run new` templates present and explain every field of their schema (commented out where optional), so a
 * province editor sees everything the schema accepts, and the two cannot drift apart unnoticed.
 */
import { readFileSync } from 'node:fs';
import { z } from 'astro/zod';
import type { SchemaContext } from 'astro:content';
import { describe, expect, it } from 'vitest';
import { beneficiarySchema } from '../../src/schemas/beneficiaries';
import { conferenceSchema } from '../../src/schemas/conferences';
import { newsSchema } from '../../src/schemas/news';
import { productSchema } from '../../src/schemas/products';
import { storySchema } from '../../src/schemas/stories';
import { votingRoundSchema } from '../../src/schemas/voting-rounds';

const ctx = { image: () => z.string() } as unknown as SchemaContext;
const cases: Array<[template: string, schema: z.ZodType]> = [
  ['news.md', newsSchema(ctx)],
  ['conference.md', conferenceSchema(ctx)],
  ['story.md', storySchema(ctx)],
  ['round.yaml', votingRoundSchema],
  ['product.yaml', productSchema(ctx)],
  ['beneficiary.yaml', beneficiarySchema],
];

/** Top-level keys written in a template, live or commented out ("# key: …"), each preceded by a comment line. */
function templateKeys(text: string): { keys: string[]; unexplained: string[] } {
  const lines = text.split('\n');
  const keys: string[] = [];
  const unexplained: string[] = [];
  lines.forEach((line, i) => {
    const key = /^(?:# )?([a-zA-Z]+):(?:\s|$)/.exec(line)?.[1];
    if (!key || (line.startsWith('# ') && !/^# [a-zA-Z]+: /.test(line))) return;
    keys.push(key);
    if (!lines[i - 1]?.startsWith('# ') || lines[i - 1] === line) unexplained.push(key);
  });
  return { keys, unexplained };
}

describe('npm run new templates', () => {
  it.each(cases)('%s has every field of its schema, each explained', (template, schema) => {
    const text = readFileSync(new URL(`../../scripts/templates/${template}`, import.meta.url), 'utf8');
    const { keys, unexplained } = templateKeys(text);
    const shape = Object.keys((schema as unknown as { shape: Record<string, unknown> }).shape);
    expect([...new Set(keys)].sort()).toEqual([...shape].sort());
    expect(unexplained).toEqual([]);
  });
});
