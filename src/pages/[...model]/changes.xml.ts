import type { APIRoute } from 'astro';
import { changesFeed } from '../../site/atom-feed.ts';
import { changesView } from '../../site/history-view.ts';
import { loadLibrary, loadSite } from '../../site/load.ts';
import { changesPaths } from '../../site/paths.ts';
import { publicUrl } from '../../site/routes.ts';

export async function getStaticPaths() {
  return changesPaths(await loadLibrary());
}

export const GET: APIRoute = async ({ site: address, params }) => {
  const site = await loadSite(params.model);
  const feed = changesFeed({
    modelId: site.model.id,
    title: site.model.title,
    versions: changesView(site),
    urlOf: (route) => publicUrl(address?.href, import.meta.env.BASE_URL, route),
    changesRoute: site.routes.changes(),
    feedRoute: site.routes.changesFeed(),
  });
  return new Response(feed, { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
};
