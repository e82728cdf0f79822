/** A record's sources as schema.org `isBasedOn`: each source with an address as a URL, the others by name. */
import type { CreativeWork } from 'schema-dts';
import { isoDay } from '../format';

interface SourceLike {
  publisher: string;
  title?: string | undefined;
  url?: string | undefined;
  date?: Date | undefined;
}

export function basedOn(sources: readonly SourceLike[]): Array<Exclude<CreativeWork, string>> {
  return sources.map((s) => ({
    '@type': 'CreativeWork',
    ...(s.title ? { name: s.title } : {}),
    ...(s.url ? { url: s.url } : {}),
    ...(s.date ? { datePublished: isoDay(s.date) } : {}),
    publisher: { '@type': 'Organization', name: s.publisher },
  }));
}
