/** What a province's product listing shows: its title, the units it includes or became, and its products. */
import type { Province, Site } from '../data/site';
import { fullName } from '../lib/provinces';
import { productProvincePath } from '../lib/urls';
import { t } from '../i18n';
import { productsInProvince } from './ProductData';

export function provinceListing(site: Site, province: Province) {
  const current = site.currentOf(province.id);
  const items = productsInProvince(site, province.id);
  // Former units merged into this one whose products the listing includes.
  const predecessors = site.predecessorsOf(province.id).filter((p) => items.some((i) => i.data.province.id === p.id));
  const notes: string[] = [];
  if (predecessors.length > 0) {
    notes.push(t('products.provinceIncludes', { names: predecessors.map((p) => p.data.name).join(', ') }));
  }
  if (current.id !== province.id) {
    const text = t('products.provinceFormer', { name: fullName(province.data), current: fullName(current.data) });
    notes.push(text.charAt(0).toUpperCase() + text.slice(1));
  }
  return {
    title: t('products.provinceTitle', { name: province.data.name }),
    notes,
    items,
    base: productProvincePath(province.id),
  };
}
