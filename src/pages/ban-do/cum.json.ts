/** /ban-do/cum.json: the clusters of the map's first view at each zoom it can open at (src/lib/map/cluster.ts). */
import type { APIRoute } from 'astro';
import { loadSite } from '../../data/site';
import { mapRecords, provinceEntries } from '../../components/BeneficiaryData';
import { clusterIndexOf } from '../../lib/map/cluster';
import { encodePoints } from '../../lib/map/points';

export const GET: APIRoute = async () => {
  const site = await loadSite();
  const { points } = encodePoints(mapRecords(site), provinceEntries(site));
  return new Response(JSON.stringify(clusterIndexOf(points)), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
};
