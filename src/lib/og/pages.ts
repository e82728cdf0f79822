/**
 * Which pages get their own Open Graph card, and what each says. Cards are drawn for page types people share and that
 * stay few: the newest news items and stories (NEWEST_CARDS of each; older ones share the site's card), conferences,
 * rounds, provinces, statistics and open data. Product and establishment pages (tens of thousands at full scale) get
 * no card: they use a product photo (sharePhoto: a file the page writes anyway) or the site's card. A cold build draws
 * each card in about 50 ms; later builds take them from the cache.
 */
import type { Site } from '../../data/site';
import { formatDate, formatNumber } from '../format';
import { fullName } from '../provinces';
import { archipelagoLabels, DOCUMENT_SIZE, locatorDocument } from '../stats/locator';
import {
  conferencePath,
  newsPath,
  ogCardFile,
  ogCardName,
  ogImagePath,
  provincePath,
  roundPath,
  storyPath,
} from '../urls';
import { t } from '../../i18n';
import type { Card } from './card';

export interface OgCard {
  /** Path of the image under /og/ without ".png", e.g. "tin-tuc/abc"; "site" for the site's card. */
  path: string;
  card: Card;
}

/** How many of the newest news items (and stories) get a card of their own. */
export const NEWEST_CARDS = 300;

const capitalise = (s: string) => s.replace(/^./, (c) => c.toUpperCase());

export function ogCards(site: Site): OgCard[] {
  const province = (id: string) => site.provinceById.get(id)!;
  return [
    {
      path: ogCardName('/'),
      card: { kicker: t('site.tagline'), title: t('site.name'), subtitle: t('og.siteSubtitle') },
    },
    {
      path: ogCardName('/so-lieu/'),
      card: { kicker: t('nav.stats'), title: t('stats.title'), subtitle: t('og.statsSubtitle') },
    },
    {
      path: ogCardName('/du-lieu/'),
      card: { kicker: t('dl.title'), title: t('dl.title'), subtitle: t('og.dataSubtitle') },
    },
    ...site.news.slice(0, NEWEST_CARDS).map((n) => ({
      path: ogCardName(newsPath(n.id)),
      card: { kicker: `${t('news.title')} · ${formatDate(n.data.date)}`, title: n.data.title },
    })),
    ...site.conferences.map((c) => ({
      path: ogCardName(conferencePath(c.id)),
      card: {
        kicker: `${t('conf.title')} · ${formatDate(c.data.date)} · ${c.data.venue}`,
        title: c.data.title,
      },
    })),
    ...site.rounds.map((r) => ({
      path: ogCardName(roundPath(r.id)),
      card: {
        kicker: `${t('nav.rounds')} · ${t(`level.${r.data.level}`)} · ${r.data.year}`,
        title: r.data.title,
        subtitle: `${t('rounds.recognised')}: ${r.data.recognised === undefined ? t('common.unknown') : formatNumber(r.data.recognised)}`,
      },
    })),
    ...site.stories.slice(0, NEWEST_CARDS).map((s) => ({
      path: ogCardName(storyPath(s.id)),
      card: { kicker: `${t('stories.title')} · ${formatDate(s.data.date)}`, title: s.data.title },
    })),
    ...site.provinces.map((p) => {
      const current = site.currentOf(p.id);
      const predecessors = site.predecessorsOf(p.id);
      const subtitle =
        current.id !== p.id
          ? t('og.provinceNow', { name: fullName(current.data) })
          : predecessors.length > 0
            ? t('og.provinceIncludes', { names: predecessors.map((q) => q.data.name).join(', ') })
            : t(`region.${p.data.region}`);
      const related = current.id !== p.id ? [current] : predecessors;
      return {
        path: ogCardName(provincePath(p.id)),
        card: {
          kicker: t('prov.title'),
          title: capitalise(fullName(p.data)),
          subtitle,
          picture: {
            ...DOCUMENT_SIZE,
            svg: locatorDocument([
              { at: [p.data.centre.lng, p.data.centre.lat], role: 'main' },
              ...related.map((q) => ({
                at: [province(q.id).data.centre.lng, province(q.id).data.centre.lat] as const,
                role: 'other' as const,
              })),
            ]),
            labels: archipelagoLabels().map((l) => ({ text: t(`prov.map.${l.key}`), x: l.x, y: l.y })),
          },
        },
      };
    }),
  ];
}

/** The widest photo ProductPhotos' <Picture> writes: share images reuse that file rather than add one per page. */
export const SHARE_PHOTO_WIDTH = 960;

/**
 * getImage options for a photo used as a share image: JPEG (every share preview reads it; WebP is not universal),
 * no wider than SHARE_PHOTO_WIDTH nor than the photo, i.e. the very JPEG fallback the page's <Picture> already writes.
 */
export const sharePhoto = <T extends { width: number }>(src: T) => ({
  src,
  width: Math.min(SHARE_PHOTO_WIDTH, src.width),
  format: 'jpg' as const,
});

const drawn = new WeakMap<Site, Set<string>>();

/**
 * The card of a page, by its path ("/tin-tuc/abc/"), or undefined when the page has none (BaseLayout then uses the
 * site's card). Pass the result to BaseLayout's `ogImage`.
 */
export function ogImageFor(site: Site, pagePath: string): string | undefined {
  let paths = drawn.get(site);
  if (!paths) {
    paths = new Set(ogCards(site).map((c) => ogCardFile(c.path)));
    drawn.set(site, paths);
  }
  const path = ogImagePath(pagePath);
  return paths.has(path) ? path : undefined;
}
