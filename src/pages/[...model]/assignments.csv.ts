import type { APIRoute } from 'astro';
import { assignmentsCsv } from '../../export/csv.ts';
import { linkMode } from '../../site/config.ts';
import { relativeFile } from '../../site/links.ts';
import { loadLibrary, pageSite } from '../../site/load.ts';
import { modelPaths } from '../../site/paths.ts';
import { publicUrl } from '../../site/routes.ts';

export async function getStaticPaths() {
  return modelPaths(await loadLibrary(), { top: true });
}

export const GET: APIRoute = async ({ site: address, params }) => {
  const library = await loadLibrary();
  const site = await pageSite(params.model);
  // As matrix.csv: from disk without the site's address, each page relative to the CSV.
  const scope = site && site.inLibrary ? site.routes.home() : '';
  const urlOf = (route: string) =>
    !address && linkMode() === 'files'
      ? relativeFile(scope, route)
      : publicUrl(address?.href, import.meta.env.BASE_URL, route);
  const sites = site ? [site] : library.models;
  const text = assignmentsCsv(
    sites.map(({ model, activitiesInOrder }) => ({ model, activities: activitiesInOrder })),
    (model, id) => urlOf(library.model(model).routes.activity(id)),
  );
  return new Response(text, {
    headers: { 'Content-Type': 'text/csv; charset=utf-8; header=present' },
  });
};
