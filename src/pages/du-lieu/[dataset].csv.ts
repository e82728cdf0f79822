/** /du-lieu/<dataset>.csv: one dataset of src/components/DownloadDatasets.ts as CSV (UTF-8 with BOM, RFC 4180). */
import type { APIRoute } from 'astro';
import { loadSite } from '../../data/site';
import { DATASETS, type Dataset } from '../../components/DownloadDatasets';
import { toCsv } from '../../lib/csv';

export function getStaticPaths() {
  return DATASETS.map((dataset) => ({ params: { dataset: dataset.id }, props: { dataset } }));
}

export const GET: APIRoute = async ({ props, site: origin }) => {
  const { dataset } = props as { dataset: Dataset };
  const rows = dataset.rows(await loadSite(), origin!);
  return new Response(
    toCsv(
      dataset.columns.map((c) => c.name),
      rows,
    ),
    { headers: { 'Content-Type': 'text/csv; charset=utf-8' } },
  );
};
