import type { APIRoute } from 'astro';
import css from '../styles/library.css?raw';
import { loadLibrary } from '../site/load.ts';

/** The styles of a library's own pages, written only where there is a library. */
export async function getStaticPaths() {
  return (await loadLibrary()).isLibrary ? [{ params: { libraryFile: 'library' } }] : [];
}

export const GET: APIRoute = () =>
  new Response(css, { headers: { 'Content-Type': 'text/css; charset=utf-8' } });
