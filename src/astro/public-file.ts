import type { APIRoute } from 'astro';
import diffSchema from '../../public/diff.schema.json?raw';
import favicon from '../../public/favicon.svg?raw';
import frontmatterSchema from '../../public/frontmatter.schema.json?raw';
import modelSchema from '../../public/model.schema.json?raw';

/**
 * The files of Onus's own public/ folder the pages link to — the JSON Schemas, the icon — for a
 * site that takes the pages in, whose public/ is its own.
 */
const FILES: Record<string, { text: string; type: string }> = {
  'model.schema.json': { text: modelSchema, type: 'application/schema+json' },
  'frontmatter.schema.json': { text: frontmatterSchema, type: 'application/schema+json' },
  'diff.schema.json': { text: diffSchema, type: 'application/schema+json' },
  'favicon.svg': { text: favicon, type: 'image/svg+xml' },
};

export function getStaticPaths() {
  return Object.keys(FILES).map((publicFile) => ({ params: { publicFile } }));
}

export const GET: APIRoute = ({ params }) => {
  const file = FILES[params.publicFile!];
  return file
    ? new Response(file.text, { headers: { 'Content-Type': file.type } })
    : new Response(null, { status: 404 });
};
