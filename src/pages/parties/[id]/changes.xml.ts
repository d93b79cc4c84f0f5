import type { APIRoute } from 'astro';
import { changesFeed } from '../../../site/atom-feed.ts';
import { partyFeedVersions } from '../../../site/history-view.ts';
import { loadLibrary } from '../../../site/load.ts';
import { partyFeedPaths } from '../../../site/paths.ts';
import { publicUrl, routes } from '../../../site/routes.ts';
import { pagesBase } from '../../../site/pages-base.ts';

export async function getStaticPaths() {
  return partyFeedPaths(await loadLibrary());
}

/** What changed for one party, across the models: a customer subscribes to its own duties. */
export const GET: APIRoute = async ({ site: address, params }) => {
  const library = await loadLibrary();
  const party = library.party(params.id!);
  const feed = changesFeed({
    id: ['party', party.id],
    title: `What changed for ${party.name}: ${library.title}`,
    entries: partyFeedVersions(library, party.id),
    urlOf: (route) => publicUrl(address?.href, pagesBase(), route),
    pageRoute: routes.party(party.id),
    feedRoute: routes.partyChangesFeed(party.id),
  });
  return new Response(feed, { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
};
