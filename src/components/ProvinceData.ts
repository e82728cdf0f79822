/**
 * Everything a province page lists, from the loaded site: the province's own records and, for a unit formed on
 * 1/7/2025, those filed under the units merged into it. Lists keep the site's order (Vietnamese names, newest first).
 */
import type { Beneficiary, Conference, News, Product, Province, Report, Round, Site, Story } from '../data/site';
import { provinceLabel } from '../lib/provinces';
import { t } from '../i18n';

export interface RoundWithProducts {
  round: Round;
  /** This province's products in the round's results. */
  products: Product[];
  hosted: boolean;
}

export interface Contribution {
  conference: Conference;
  name: string;
  role: string;
  title: string;
  province: string;
}

export interface ProvinceRecords {
  ids: Set<string>;
  conferences: Conference[];
  contributions: Contribution[];
  rounds: RoundWithProducts[];
  news: News[];
  products: Product[];
  beneficiaries: Beneficiary[];
  reports: Report[];
  stories: Story[];
  /** Sum of the khuyến công amounts published for its establishments' support, and how many amounts that is. */
  support: { amount: number; count: number; total: number };
}

/** "Hải Dương (nay thuộc Hải Phòng)" of a province of the loaded site: its name, and today's unit when that differs. */
export function provinceLabelOf(site: Site, id: string): string {
  const province = site.provinceById.get(id)!;
  const current = site.currentOf(id);
  return provinceLabel(
    province.data.name,
    current.id === id ? undefined : current.data.name,
    t('common.provinceNowInline'),
  );
}

export function provinceRecords(site: Site, province: Province): ProvinceRecords {
  const ids = site.coveredIds(province.id);
  const has = (ref: { id: string } | undefined) => ref !== undefined && ids.has(ref.id);
  const products = site.products.filter((p) => has(p.data.province));
  const productIds = new Set(products.map((p) => p.id));
  const rounds = site.rounds
    .map((round) => ({
      round,
      products: round.data.results
        .filter((r) => productIds.has(r.product.id))
        .map((r) => site.productById.get(r.product.id)!),
      hosted: has(round.data.host),
    }))
    .filter((r) => r.hosted || r.products.length > 0);
  const beneficiaries = site.beneficiaries.filter((b) => has(b.data.province));
  const supports = beneficiaries.flatMap((b) => b.data.support);
  const amounts = supports.flatMap((s) => (s.amount === undefined ? [] : [s.amount]));
  return {
    ids,
    conferences: site.conferences.filter((c) => has(c.data.host)),
    contributions: site.conferences.flatMap((conference) =>
      conference.data.contributions
        .filter((c) => has(c.province))
        .map((c) => ({ conference, name: c.name, role: c.role, title: c.title, province: c.province!.id })),
    ),
    rounds,
    news: site.news.filter((n) => n.data.provinces.some(has)),
    products,
    beneficiaries,
    reports: site.reports.filter((r) => has(r.data.province)),
    stories: site.stories.filter((s) => has(s.data.province)),
    support: { amount: amounts.reduce((a, b) => a + b, 0), count: amounts.length, total: supports.length },
  };
}

/** "Cấp khu vực 2022" for each round that recognised the product, newest first. */
export const recognitionLabels = (
  site: Site,
  product: Product,
  levelName: (level: Round['data']['level']) => string,
): string[] => site.recognitionsOf(product.id).map((r) => `${levelName(r.round.data.level)} ${r.round.data.year}`);
