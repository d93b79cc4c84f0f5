import type { APIRoute, GetStaticPaths } from 'astro';
import { loadLibrary } from '../../site/load.ts';
import { CLIENT_SCRIPTS, clientScript, type ClientScript } from '../../site/client-scripts.ts';

export const getStaticPaths = (async () => {
  const { isLibrary } = await loadLibrary();
  // The catalog's and "my stack"'s script only where they are: in a library.
  // The extension in the route's own name: `onus dev` serves `/scripts/site.js` without the
  // trailing slash its pages have (with `[name].ts`, only `/scripts/site.js/` answered).
  return CLIENT_SCRIPTS.filter((name) => isLibrary || name !== 'library').map((name) => ({
    params: { name },
    props: { name },
  }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) =>
  new Response(await clientScript((props as { name: ClientScript }).name), {
    headers: { 'Content-Type': 'text/javascript; charset=utf-8' },
  });
