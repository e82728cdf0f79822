/** Event for a conference page /hoi-nghi/<slug>/. */
import type { Event } from 'schema-dts';
import { isoDay } from '../format';
import { absolute, nodeId } from './core';
import { basedOn } from './sources';
import { conferencePath } from '../urls';

export interface ConferenceInput {
  /** The conference's slug: its page is /hoi-nghi/<id>/. */
  id: string;
  title: string;
  summary: string;
  date: Date;
  /** Where it met, when the source says. */
  venue?: string | undefined;
  /** Host province's name, e.g. "Thanh Hóa", when the source says. */
  hostName?: string | undefined;
  organisers: readonly string[];
  image?: string | undefined;
  sources: Parameters<typeof basedOn>[0];
}

export function conferenceNode(c: ConferenceInput, origin: URL | string): Exclude<Event, string> {
  return {
    '@type': 'Event',
    '@id': absolute(nodeId.conference(c.id), origin),
    name: c.title,
    description: c.summary,
    startDate: isoDay(c.date),
    endDate: isoDay(c.date),
    eventStatus: 'https://schema.org/EventScheduled',
    eventAttendanceMode: 'https://schema.org/OfflineEventAttendanceMode',
    inLanguage: 'vi',
    url: absolute(conferencePath(c.id), origin),
    ...(c.image ? { image: absolute(c.image, origin) } : {}),
    // A place is only described as far as the source gives it (an Event needs one: the country at least).
    location: {
      '@type': 'Place',
      ...(c.venue ? { name: c.venue } : {}),
      address: { '@type': 'PostalAddress', ...(c.hostName ? { addressRegion: c.hostName } : {}), addressCountry: 'VN' },
    },
    organizer: c.organisers.map((name) => ({ '@type': 'Organization' as const, name })),
    subjectOf: basedOn(c.sources),
  };
}
