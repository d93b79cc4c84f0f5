import type { APIRoute } from 'astro';
import { modelModified } from '../../export/modified.ts';
import { oscalComponentDefinition } from '../../export/oscal.ts';
import { takeOverLibrary } from '../../loader/handoff.ts';
import { csvPageUrl } from '../../site/csv-links.ts';
import { loadLibrary, loadSite } from '../../site/load.ts';
import { modelPaths } from '../../site/paths.ts';

/** In `onus dev` and Astro's own build; `onus build` makes it on a thread of its own. */
export async function getStaticPaths() {
  return takeOverLibrary() ? [] : modelPaths(await loadLibrary());
}

export const GET: APIRoute = async ({ site: address, params }) => {
  const site = await loadSite(params.model);
  const urlOf = csvPageUrl(address, site);
  const oscal = oscalComponentDefinition(site.model, {
    urlOf: (id) => urlOf(site.routes.activity(id)),
    modified: modelModified(site.model),
  });
  return new Response(`${JSON.stringify(oscal, null, 2)}\n`, {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
};
