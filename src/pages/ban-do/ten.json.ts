/** /ban-do/ten.json: each beneficiary's name and slug, in the order of /ban-do/diem.json (for popups and lists). */
import type { APIRoute } from 'astro';
import { loadSite } from '../../data/site';
import { mapRecords, provinceEntries } from '../../components/BeneficiaryData';
import { encodePoints } from '../../lib/map/points';

export const GET: APIRoute = async () => {
  const site = await loadSite();
  const { names } = encodePoints(mapRecords(site), provinceEntries(site));
  return new Response(JSON.stringify(names), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
