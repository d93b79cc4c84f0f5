import type { APIRoute } from 'astro';
import { matrixCsv } from '../export/csv.ts';
import { loadSite } from '../site/load.ts';
import { publicUrl, routes } from '../site/routes.ts';

export const GET: APIRoute = async ({ site }) => {
  const { model, activitiesInOrder } = await loadSite();
  const urlOf = (id: string) =>
    publicUrl(site?.href, import.meta.env.BASE_URL, routes.activity(id));
  return new Response(matrixCsv(model, activitiesInOrder, urlOf), {
    headers: { 'Content-Type': 'text/csv; charset=utf-8; header=present' },
  });
};
