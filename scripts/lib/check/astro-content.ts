/**
 * Stand-in for `astro:content` when the check loads schemas in plain Node. reference() behaves as Astro's does
 * (node_modules/astro/dist/content/runtime.js): a slug, or {id, collection}, becomes {id, collection}.
 */
import { z } from 'astro/zod';

const seen: Array<{ id: string; collection: string }> = [];

/** The references parsed since the last call, even from entries that fail elsewhere, so all are checked. */
export const takeReferences = () => seen.splice(0);

export function reference(collection: string) {
  return z
    .union([
      z.number().transform((n) => n.toString(10)),
      z.string().min(1, 'Thiếu slug: ghi slug của mục được nhắc tới'),
      z.object({ id: z.string(), collection: z.string() }),
    ])
    .transform((lookup) => {
      const ref = typeof lookup === 'object' ? lookup : { id: lookup, collection };
      seen.push(ref);
      return ref;
    });
}
