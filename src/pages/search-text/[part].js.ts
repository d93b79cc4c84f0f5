import type { APIRoute, GetStaticPaths } from 'astro';
import { searchTextScripts } from '../../search/texts.ts';
import { loadLibrary } from '../../site/load.ts';

export const getStaticPaths = (async () =>
  searchTextScripts((await loadLibrary()).models.map((site) => site.model)).map((script, part) => ({
    params: { part: String(part) },
    props: { script },
  }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) =>
  new Response((props as { script: string }).script, {
    headers: { 'Content-Type': 'text/javascript; charset=utf-8' },
  });
