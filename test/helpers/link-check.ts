import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import { selectAll } from 'hast-util-select';
import type { Root } from 'hast';

export type LinkMode =
  | { kind: 'hosted'; base: string; site?: string }
  | { kind: 'files' }
  | { kind: 'single'; file: string };

/** Every link a page makes: hrefs, sources, and a meta refresh's target. */
function linksOf(tree: Root): string[] {
  const links: string[] = [];
  for (const element of selectAll('[href], [src]', tree)) {
    for (const value of [element.properties.href, element.properties.src])
      if (typeof value === 'string') links.push(value);
  }
  for (const meta of selectAll('meta[http-equiv="refresh"]', tree)) {
    const url = /url=(.*)$/i.exec(String(meta.properties.content))?.[1];
    if (url) links.push(url.trim());
  }
  return links;
}

function idsOf(tree: Root): Set<string> {
  return new Set(selectAll('[id]', tree).map((element) => String(element.properties.id)));
}

/**
 * Every internal link and `#anchor` of the HTML under `folder`, checked against the files
 * there: hosted (paths under the base, `/` meaning `index.html`), on disk (relative links that
 * must name files), or in the single file (anchors only). Returns the broken ones.
 */
export function brokenLinks(folder: string, mode: LinkMode): string[] {
  const pages =
    mode.kind === 'single'
      ? [mode.file]
      : readdirSync(folder, { recursive: true, encoding: 'utf8' }).filter((name) =>
          name.endsWith('.html'),
        );
  const trees = new Map<string, Root>();
  const tree = (file: string) => {
    let parsed = trees.get(file);
    if (!parsed) {
      parsed = fromHtml(readFileSync(path.join(folder, file), 'utf8'));
      trees.set(file, parsed);
    }
    return parsed;
  };

  const broken: string[] = [];
  for (const page of pages) {
    const from = page.split(path.sep).join('/');
    for (const link of linksOf(tree(page))) {
      if (/^(mailto|data|javascript):/i.test(link)) continue;
      const target = resolve(link, from, mode);
      if (target === 'external') continue;
      if (!target) {
        broken.push(`${from}: ${link} (outside the site)`);
        continue;
      }
      const file = path.join(folder, target.file);
      if (!existsSync(file) || statSync(file).isDirectory()) {
        broken.push(`${from}: ${link} (no file ${target.file})`);
        continue;
      }
      if (
        target.hash &&
        target.file.endsWith('.html') &&
        !idsOf(tree(target.file)).has(target.hash)
      ) {
        broken.push(`${from}: ${link} (no #${target.hash} in ${target.file})`);
      }
    }
  }
  return broken;
}

function resolve(
  link: string,
  from: string,
  mode: LinkMode,
): { file: string; hash?: string } | 'external' | undefined {
  if (mode.kind === 'single') {
    if (!link.startsWith('#')) return /^[a-z]+:/i.test(link) ? 'external' : undefined;
    return { file: from, hash: decodeURIComponent(link.slice(1)) };
  }
  const origin =
    mode.kind === 'hosted' && mode.site ? new URL(mode.site).origin : 'http://site.invalid';
  // On disk, the site's folder stands under a made-up one, so a `../` too many shows.
  const base = mode.kind === 'hosted' ? mode.base : '/site-folder/';
  const url = new URL(link, `${origin}${base}${from}`);
  if (url.origin !== origin) return 'external';
  if (!url.pathname.startsWith(base)) return undefined;
  let file = decodeURIComponent(url.pathname.slice(base.length));
  if (mode.kind === 'hosted' && (file === '' || file.endsWith('/'))) file += 'index.html';
  const hash = url.hash ? decodeURIComponent(url.hash.slice(1)) : undefined;
  return hash ? { file, hash } : { file };
}
