/** /binh-chon/<slug>/ket-qua.csv: the round's results in the columns of a results sheet (UTF-8 with BOM). */
import type { APIRoute } from 'astro';
import { loadSite, type Round } from '../../../data/site';
import { roundResultRows } from '../../../components/ProductData';
import { resultsCsv } from '../../../lib/import/results-csv';
import { absolute, productPath } from '../../../lib/urls';

export async function getStaticPaths() {
  const site = await loadSite();
  return site.rounds
    .filter((r) => r.data.results.length > 0)
    .map((entry) => ({ params: { slug: entry.id }, props: { entry } }));
}

export const GET: APIRoute = async ({ props, site: origin }) => {
  const site = await loadSite();
  const { entry } = props as { entry: Round };
  const rows = roundResultRows(site, entry).map((r) => ({
    name: r.product.data.name,
    group: r.product.data.group,
    producer: r.producer?.data.name,
    kind: r.producer?.data.kind,
    address: r.producer?.data.address,
    province: r.province.data.name,
    provinceNow: r.provinceNow?.data.name,
    score: r.score,
    certificate: r.certificate,
    decision: r.decision,
    url: absolute(productPath(r.product.id), origin!),
  }));
  return new Response(resultsCsv(rows), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
