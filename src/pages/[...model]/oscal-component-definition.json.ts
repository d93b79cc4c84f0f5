import type { APIRoute } from 'astro';
import { modelDownload } from '../../export/data-downloads.ts';
import { takeOverLibrary } from '../../loader/handoff.ts';
import { csvPageUrl } from '../../site/csv-links.ts';
import { loadLibrary, loadSite } from '../../site/load.ts';
import { modelPaths } from '../../site/paths.ts';

/** In `onus dev`, Astro's own build and a site taking the pages in; `onus build` makes it on a thread of its own. */
export async function getStaticPaths() {
  return (await takeOverLibrary())?.downloadsAside ? [] : modelPaths(await loadLibrary());
}

export const GET: APIRoute = async ({ site: address, params }) => {
  const site = await loadSite(params.model);
  const urlOf = csvPageUrl(address, site);
  const bytes = await modelDownload('oscal', site, (id) => urlOf(site.routes.activity(id)));
  return new Response(bytes as Uint8Array<ArrayBuffer>, {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
};
