import type { APIRoute } from 'astro';
import { escapeForScript } from '../search/build-index.ts';
import { loadLibrary } from '../site/load.ts';
import { stackData } from '../site/stack-data.ts';

/** What "my stack" combines, as a classic script: it loads from disk too, where fetch cannot. */
export async function getStaticPaths() {
  return (await loadLibrary()).isLibrary ? [{ params: { libraryFile: 'stack-data' } }] : [];
}

export const GET: APIRoute = async () =>
  new Response(
    `self.onusStack=${escapeForScript(JSON.stringify(stackData(await loadLibrary())))};\n`,
    { headers: { 'Content-Type': 'text/javascript; charset=utf-8' } },
  );
