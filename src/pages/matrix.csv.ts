import type { APIRoute } from 'astro';
import { matrixCsv } from '../export/csv.ts';
import { linkMode } from '../site/config.ts';
import { relativeFile } from '../site/links.ts';
import { loadSite } from '../site/load.ts';
import { publicUrl, routes } from '../site/routes.ts';

export const GET: APIRoute = async ({ site }) => {
  const { model, activitiesInOrder } = await loadSite();
  // A copy for disk without the site's address links each page beside the CSV, which is
  // where it is; a root-relative address would lead nowhere from disk.
  const urlOf = (id: string) =>
    !site && linkMode() === 'files'
      ? relativeFile('', routes.activity(id))
      : publicUrl(site?.href, import.meta.env.BASE_URL, routes.activity(id));
  return new Response(matrixCsv(model, activitiesInOrder, urlOf), {
    headers: { 'Content-Type': 'text/csv; charset=utf-8; header=present' },
  });
};
