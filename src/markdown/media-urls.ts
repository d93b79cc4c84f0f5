import type { Nodes, Root } from 'mdast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { report } from '../model/diagnostics.ts';
import { urlScheme } from './link-urls.ts';
import { startOf } from './nodes.ts';

/**
 * Pages load images only from the site itself or inline data: anything else is a request to
 * another host (a tracker, or on Windows an SMB fetch from a file:// page). One rule for the
 * checker's warning and the renderer's filter.
 */
export function isLocalMediaUrl(url: string): boolean {
  // Browsers read `\` as `/` and skip leading blanks and controls: `\\host` is `//host`.
  // eslint-disable-next-line no-control-regex
  const normalized = url.replace(/^[\u0000-\u0020]+/, '').replaceAll('\\', '/');
  if (normalized.replace(/[\t\n\r]/g, '').startsWith('//')) return false;
  const scheme = urlScheme(normalized);
  return scheme === undefined || scheme === 'data';
}

/** The URLs of a `srcset`: each candidate's URL, without its width or density. */
export function srcsetUrls(srcset: string): string[] {
  return srcset
    .split(',')
    .map((candidate) => candidate.trim().split(/\s+/)[0] ?? '')
    .filter((url) => url !== '');
}

const HTML_MEDIA_URL = /\b(src|srcset)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/gi;

/**
 * Warn at each image that would load from elsewhere, in Markdown (`![](url)`) or HTML
 * (`<img src>`, `<source srcset>`): the site leaves it out, and the author should know.
 */
export function warnRemoteMedia(file: VFile, tree: Root): void {
  const warn = (url: string, node: Nodes) =>
    report(
      file,
      'image-remote',
      `Unexpected image from another host \`${url}\`, expected an image from the site itself or a \`data:\` URL: a page must not load from elsewhere, so copy the image into the site or drop it`,
      startOf(node),
    );
  const definitions = new Map<string, string>();
  visit(tree, 'definition', (node) => {
    if (!definitions.has(node.identifier)) definitions.set(node.identifier, node.url);
  });
  visit(tree, (node) => {
    if (node.type === 'image') {
      if (!isLocalMediaUrl(node.url)) warn(node.url, node);
    } else if (node.type === 'imageReference') {
      const url = definitions.get(node.identifier);
      if (url !== undefined && !isLocalMediaUrl(url)) warn(url, node);
    } else if (node.type === 'html' && /<(img|source)\b/i.test(node.value)) {
      for (const match of node.value.matchAll(HTML_MEDIA_URL)) {
        const value = match[2] ?? match[3] ?? match[4] ?? '';
        const urls = match[1]!.toLowerCase() === 'srcset' ? srcsetUrls(value) : [value];
        for (const url of urls) if (!isLocalMediaUrl(url)) warn(url, node);
      }
    }
  });
}
