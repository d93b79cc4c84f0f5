import type { APIRoute } from 'astro';
import { changesFeed } from '../../site/atom-feed.ts';
import { libraryFeedVersions, modelFeedVersions } from '../../site/history-view.ts';
import { loadLibrary, pageSite } from '../../site/load.ts';
import { changesPaths } from '../../site/paths.ts';
import { publicUrl, routes } from '../../site/routes.ts';
import { pagesBase } from '../../site/pages-base.ts';

export async function getStaticPaths() {
  return changesPaths(await loadLibrary());
}

export const GET: APIRoute = async ({ site: address, params }) => {
  const library = await loadLibrary();
  const site = await pageSite(params.model);
  const urlOf = (route: string) => publicUrl(address?.href, pagesBase(), route);
  const feed = site
    ? changesFeed({
        id: [site.model.id],
        title: `Changes to ${site.model.title}`,
        entries: modelFeedVersions(site),
        urlOf,
        pageRoute: site.routes.changes(),
        feedRoute: site.routes.changesFeed(),
      })
    : changesFeed({
        id: ['library'],
        title: `Changes to ${library.title}`,
        entries: libraryFeedVersions(library),
        urlOf,
        pageRoute: routes.changes(),
        feedRoute: routes.changesFeed(),
      });
  return new Response(feed, { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
};
