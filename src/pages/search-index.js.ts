import type { APIRoute } from 'astro';
import { searchIndexScript } from '../search/build-index.ts';
import { loadLibrary } from '../site/load.ts';

export const GET: APIRoute = async () =>
  new Response(searchIndexScript((await loadLibrary()).models.map((site) => site.model)), {
    headers: { 'Content-Type': 'text/javascript; charset=utf-8' },
  });
