/** /og/<page>.png: the Open Graph cards of src/lib/og/pages.ts, drawn at build (cached between builds). */
import type { APIRoute } from 'astro';
import { loadSite } from '../../data/site';
import type { Card } from '../../lib/og/card';
import { ogCards } from '../../lib/og/pages';
import { renderCard } from '../../lib/og/render';

export async function getStaticPaths() {
  const site = await loadSite();
  return ogCards(site).map(({ path, card }) => ({ params: { path }, props: { card } }));
}

export const GET: APIRoute = async ({ props }) => {
  const png = await renderCard((props as { card: Card }).card);
  return new Response(new Uint8Array(png), { headers: { 'Content-Type': 'image/png' } });
};
