/**
 * Helpers for schema tests: a fake SchemaContext (image() becomes a plain string, as a fixture has no files), and
 * the issues of a failed parse keyed by dotted field path, so a test reads like the message an editor sees.
 */
import { z } from 'astro/zod';
import type { SchemaContext } from 'astro:content';

export const ctx = { image: () => z.string() } as unknown as SchemaContext;

// biome-ignore lint/suspicious/noExplicitAny: a fixture is edited at any depth to make one field wrong.
export type Fixture = Record<string, any>;

/** A deep copy of `base` changed by `edit`, so each bad fixture differs from the good one in one place. */
export function variant(base: Fixture, edit: (f: Fixture) => void): Fixture {
  const copy = structuredClone(base);
  edit(copy);
  return copy;
}

/** `{ "contributions.1.summary": "Tóm tắt tham luận cần…" }`, or {} when the input parses. */
export function issuesOf(schema: z.ZodType, input: unknown): Record<string, string> {
  const result = schema.safeParse(input);
  if (result.success) return {};
  return Object.fromEntries(result.error.issues.map((i) => [i.path.map(String).join('.'), i.message]));
}
