/** /ban-do/diem.json: every beneficiary's published location and filter fields, compact (src/lib/map/points.ts). */
import type { APIRoute } from 'astro';
import { loadSite } from '../../data/site';
import { mapRecords, provinceEntries } from '../../components/BeneficiaryData';
import { encodePoints } from '../../lib/map/points';

export const GET: APIRoute = async () => {
  const site = await loadSite();
  const { points } = encodePoints(mapRecords(site), provinceEntries(site));
  return new Response(JSON.stringify(points), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
