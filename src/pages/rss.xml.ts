import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { loadSite } from '../data/site';
import { newsPath } from '../lib/urls';
import { t } from '../i18n';

export const GET: APIRoute = async ({ site: siteUrl }) => {
  const site = await loadSite();
  return rss({
    title: t('rss.title'),
    description: t('site.description'),
    site: siteUrl!,
    customData: '<language>vi</language>',
    items: site.news.map((n) => ({
      title: n.data.title,
      pubDate: n.data.date,
      description: n.data.summary,
      link: newsPath(n.id),
    })),
  });
};
