/** JSON-LD of the news listing, shared by /tin-tuc/ and its later pages /tin-tuc/trang/<n>/. */
import type { Site } from '../data/site';
import { collectionPageNode, ld, type JsonLdData } from '../lib/jsonld';
import { PAGE_SIZE, pageOf } from '../lib/paginate';
import { listingPath, newsPath } from '../lib/urls';
import { t } from '../i18n';

/** The CollectionPage of news listing page `page` (1 = /tin-tuc/): the items that page shows, as NewsList shows them. */
export function newsListingLd(site: Site, page: number, origin: URL | string): JsonLdData {
  const { items } = pageOf(site.news, page);
  return ld(
    collectionPageNode(
      {
        path: listingPath('/tin-tuc/', page),
        title: page === 1 ? t('news.title') : `${t('news.title')} – ${t('common.pageN', { page })}`,
        description: page === 1 ? t('news.lead') : undefined,
        items: items.map((n) => ({ path: newsPath(n.id), name: n.data.title })),
        offset: (page - 1) * PAGE_SIZE,
        total: site.news.length,
      },
      origin,
    ),
  );
}
