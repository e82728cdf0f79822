/** BreadcrumbList for a page's trail (the trail Breadcrumbs.astro shows), ending at the page itself. */
import type { BreadcrumbList } from 'schema-dts';
import { t } from '../../i18n';
import { absolute } from './core';

export function breadcrumbNode(
  trail: ReadonlyArray<{ href: string; label: string }>,
  current: { href: string; label: string },
  origin: URL | string,
): BreadcrumbList {
  const items = [{ href: '/', label: t('nav.home') }, ...trail, current];
  return {
    '@type': 'BreadcrumbList',
    itemListElement: items.map((item, i) => ({
      '@type': 'ListItem',
      position: i + 1,
      name: item.label,
      item: absolute(item.href, origin),
    })),
  };
}
