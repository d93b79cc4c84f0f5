import type { APIRoute } from 'astro';
import { searchIndexScript } from '../search/build-index.ts';
import { loadSite } from '../site/load.ts';

export const GET: APIRoute = async () =>
  new Response(searchIndexScript((await loadSite()).model), {
    headers: { 'Content-Type': 'text/javascript; charset=utf-8' },
  });
