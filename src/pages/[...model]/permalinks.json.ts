import type { APIRoute } from 'astro';
import { loadLibrary, pageSite } from '../../site/load.ts';
import { modelPaths } from '../../site/paths.ts';
import { libraryPermalinksOf, permalinksOf } from '../../site/permalinks.ts';
import { pagesBase } from '../../site/pages-base.ts';

export async function getStaticPaths() {
  return modelPaths(await loadLibrary(), { top: true });
}

export const GET: APIRoute = async ({ site: address, params }) => {
  const site = await pageSite(params.model);
  const base = pagesBase();
  const file = site
    ? permalinksOf(site.model, address?.href, base, site.routes)
    : libraryPermalinksOf(await loadLibrary(), address?.href, base);
  return new Response(`${JSON.stringify(file, null, 2)}\n`, {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
};
