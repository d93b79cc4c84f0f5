import type { APIRoute } from 'astro';
import { searchTextsScript } from '../search/texts.ts';
import { loadLibrary } from '../site/load.ts';

export const GET: APIRoute = async () =>
  new Response(searchTextsScript((await loadLibrary()).models.map((site) => site.model)), {
    headers: { 'Content-Type': 'text/javascript; charset=utf-8' },
  });
