/** /san-pham/danh-sach.json: the compact product list the directory's instant filter loads on first use. */
import type { APIRoute } from 'astro';
import { loadSite } from '../../data/site';
import { filterData } from '../../components/ProductData';

export const GET: APIRoute = async () => {
  const site = await loadSite();
  return new Response(JSON.stringify(filterData(site)), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
};
