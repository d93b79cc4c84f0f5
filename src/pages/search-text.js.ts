import type { APIRoute } from 'astro';
import { searchTextsScript } from '../search/texts.ts';
import { loadSite } from '../site/load.ts';

export const GET: APIRoute = async () =>
  new Response(searchTextsScript((await loadSite()).model), {
    headers: { 'Content-Type': 'text/javascript; charset=utf-8' },
  });
