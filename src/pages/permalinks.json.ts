import type { APIRoute } from 'astro';
import { loadSite } from '../site/load.ts';
import { permalinksOf } from '../site/permalinks.ts';

export const GET: APIRoute = async ({ site }) => {
  const { model } = await loadSite();
  return new Response(
    `${JSON.stringify(permalinksOf(model, site?.href, import.meta.env.BASE_URL), null, 2)}\n`,
    {
      headers: { 'Content-Type': 'application/json; charset=utf-8' },
    },
  );
};
