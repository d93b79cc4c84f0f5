import type { APIRoute } from 'astro';
import { loadSearchIndexScript } from '../site/load.ts';

export const GET: APIRoute = async () =>
  new Response(await loadSearchIndexScript(), {
    headers: { 'Content-Type': 'text/javascript; charset=utf-8' },
  });
