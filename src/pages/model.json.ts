import type { APIRoute } from 'astro';
import { publishedModel } from '../export/model-json.ts';
import { loadSite } from '../site/load.ts';
import { publicUrl, routes } from '../site/routes.ts';

export const GET: APIRoute = async ({ site }) => {
  const { model } = await loadSite();
  const urlOf = (id: string) =>
    publicUrl(site?.href, import.meta.env.BASE_URL, routes.activity(id));
  return new Response(`${JSON.stringify(publishedModel(model, urlOf), null, 2)}\n`, {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
};
