import type { APIRoute } from 'astro';
import { escapeForScript } from '../search/build-index.ts';
import { loadLibrary } from '../site/load.ts';
import { publicUrl } from '../site/routes.ts';
import { stackData } from '../site/stack-data.ts';
import { pagesBase } from '../site/pages-base.ts';

/** What "my stack" combines, as a classic script: it loads from disk too, where fetch cannot. */
export async function getStaticPaths() {
  return (await loadLibrary()).isLibrary ? [{ params: { libraryFile: 'stack-data' } }] : [];
}

export const GET: APIRoute = async ({ site }) =>
  new Response(
    `self.onusStack=${escapeForScript(JSON.stringify(stackData(await loadLibrary(), site && publicUrl(site.href, pagesBase(), ''))))};\n`,
    { headers: { 'Content-Type': 'text/javascript; charset=utf-8' } },
  );
