import type { APIRoute } from 'astro';
import { assignmentsCsv } from '../../export/csv.ts';
import { csvPageUrl } from '../../site/csv-links.ts';
import { loadLibrary, pageSite } from '../../site/load.ts';
import { modelPaths } from '../../site/paths.ts';

export async function getStaticPaths() {
  return modelPaths(await loadLibrary(), { top: true });
}

export const GET: APIRoute = async ({ site: address, params }) => {
  const library = await loadLibrary();
  const site = await pageSite(params.model);
  const urlOf = csvPageUrl(address, site);
  const sites = site ? [site] : library.models;
  const text = assignmentsCsv(
    sites.map(({ model, activitiesInOrder }) => ({ model, activities: activitiesInOrder })),
    (model, id) => urlOf(library.model(model).routes.activity(id)),
  );
  return new Response(text, {
    headers: { 'Content-Type': 'text/csv; charset=utf-8; header=present' },
  });
};
