import type { APIRoute } from 'astro';
import { publishedModel } from '../../export/model-json.ts';
import { loadLibrary, loadSite } from '../../site/load.ts';
import { modelPaths } from '../../site/paths.ts';
import { publicUrl } from '../../site/routes.ts';
import { pagesBase } from '../../site/pages-base.ts';

export async function getStaticPaths() {
  return modelPaths(await loadLibrary());
}

export const GET: APIRoute = async ({ site: address, params }) => {
  const site = await loadSite(params.model);
  const urlOf = (id: string) => publicUrl(address?.href, pagesBase(), site.routes.activity(id));
  return new Response(`${JSON.stringify(publishedModel(site.model, urlOf), null, 2)}\n`, {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
};
