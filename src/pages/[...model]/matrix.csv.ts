import type { APIRoute } from 'astro';
import { libraryCsv, matrixCsv } from '../../export/csv.ts';
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
  // A copy for disk without the site's address links each page relative to the CSV, which
  // is where it is; a root-relative address would lead nowhere from disk.
  const scope = site && site.inLibrary ? site.routes.home() : '';
  const urlOf = (route: string) =>
    !address && linkMode() === 'files'
      ? relativeFile(scope, route)
      : publicUrl(address?.href, import.meta.env.BASE_URL, route);
  const text = site
    ? matrixCsv(site.model, site.activitiesInOrder, (id) => urlOf(site.routes.activity(id)))
    : libraryCsv(
        library.models.map(({ model, activitiesInOrder }) => ({
          model,
          activities: activitiesInOrder,
        })),
        (model, id) => urlOf(library.model(model).routes.activity(id)),
      );
  return new Response(text, {
    headers: { 'Content-Type': 'text/csv; charset=utf-8; header=present' },
  });
};
