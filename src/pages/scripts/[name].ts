import type { APIRoute, GetStaticPaths } from 'astro';
import { CLIENT_SCRIPTS, clientScript, type ClientScript } from '../../site/client-scripts.ts';

export const getStaticPaths = (() =>
  CLIENT_SCRIPTS.map((name) => ({
    params: { name: `${name}.js` },
    props: { name },
  }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) =>
  new Response(await clientScript((props as { name: ClientScript }).name), {
    headers: { 'Content-Type': 'text/javascript; charset=utf-8' },
  });
