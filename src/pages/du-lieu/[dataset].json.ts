/**
 * /du-lieu/<dataset>.json: the same columns and rows as the CSV, typed (numbers, booleans, arrays, null), wrapped
 * with the dataset's name, licence, citation and column list.
 */
import type { APIRoute } from 'astro';
import { loadSite } from '../../data/site';
import { DATASETS, type Dataset } from '../../components/DownloadDatasets';
import { datasetJson } from '../../components/DownloadJson';

export function getStaticPaths() {
  return DATASETS.map((dataset) => ({ params: { dataset: dataset.id }, props: { dataset } }));
}

export const GET: APIRoute = async ({ props, site: origin }) => {
  const { dataset } = props as { dataset: Dataset };
  const body = datasetJson(dataset, dataset.rows(await loadSite(), origin!), origin!, new Date());
  return new Response(JSON.stringify(body), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
