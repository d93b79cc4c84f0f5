import type { Root } from 'hast';
import type { Root as MdastRoot } from 'mdast';
import { defaultSchema, type Options as SanitizeSchema } from 'rehype-sanitize';
import rehypeRaw from 'rehype-raw';
import rehypeSanitize from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkRehype from 'remark-rehype';
import { visit } from 'unist-util-visit';
import { LINK_SCHEMES } from '../markdown/link-urls.ts';
import { isLocalMediaUrl, srcsetUrls } from '../markdown/media-urls.ts';
import { VFile } from 'vfile';
import { rehypeAlerts } from './alerts.ts';
import { footnoteKey, rehypeFootnoteLinks } from './footnote-links.ts';
import { noteParser, parseNote } from './note-tree.ts';
import { simpleBlocks, simpleHtml } from './simple-blocks.ts';

/**
 * Content is untrusted for script. Raw HTML is parsed, then everything goes through
 * GitHub's allow-list (hast-util-sanitize's default schema): no scripts, styles, event
 * handlers or `javascript:` URLs survive, and ids get a `user-content-` prefix so content
 * can never clash with the page's own anchors. On top of it, images may only come from the
 * site itself (or be inline data): a remote `src` is a request leaving the site, and fails offline.
 * Links keep to the model's allow-list (http, https, mailto, paths and fragments), which the
 * parser enforces at the line: this is the second guard, for whatever reaches rendering.
 */
export const SANITIZE_SCHEMA: SanitizeSchema = {
  ...defaultSchema,
  protocols: {
    ...defaultSchema.protocols,
    href: [...LINK_SCHEMES],
    cite: [...LINK_SCHEMES],
    src: ['data'],
  },
};

const parsing = noteParser().use(remarkRehype, { allowDangerousHtml: true });
/**
 * The sanitizer lets relative URLs through, and `//host/…` looks relative to it; `srcset` it
 * does not check at all. Drop any that would load from elsewhere.
 */
function localMediaOnly() {
  return (tree: Root) => {
    visit(tree, 'element', (element) => {
      const { src, srcSet } = element.properties;
      if (typeof src === 'string' && !isLocalMediaUrl(src)) delete element.properties.src;
      if (typeof srcSet === 'string' && !srcsetUrls(srcSet).every(isLocalMediaUrl)) {
        delete element.properties.srcSet;
      }
    });
  };
}

const sanitizing = <T extends typeof parsing>(processor: T) =>
  processor
    .use(rehypeSanitize, SANITIZE_SCHEMA)
    .use(localMediaOnly)
    .use(rehypeAlerts)
    .use(rehypeFootnoteLinks)
    .use(rehypeStringify)
    .freeze();
const withRawHtml = sanitizing(parsing().use(rehypeRaw));
/** HTML in Markdown starts with `<`: without one there is nothing for the HTML parser to do. */
const withoutRawHtml = sanitizing(parsing());

const rendered = new Map<string, string>();

function opensWithLineBreak(tree: MdastRoot): boolean {
  let found = false;
  visit(tree, 'code', (node) => {
    if (/^\r?\n/.test(node.value)) found = true;
  });
  return found;
}

/** Markdown from the model (notes, descriptions, prose) as safe HTML. Memoised: notes repeat across pages. */
export function renderMarkdown(markdown: string): string {
  let html = rendered.get(markdown);
  if (html === undefined) {
    // Paragraphs and lists of plain lines, as most notes are: their HTML without a parser.
    // Indented by four spaces or a tab, a line is code, not a paragraph: only text that
    // starts at the margin takes the short way.
    const blocks = /^\s/.test(markdown) ? undefined : simpleBlocks(markdown.trimEnd());
    if (blocks) html = simpleHtml(blocks);
    else {
      // The tree, parsed once for the HTML and the plain text (see note-tree.ts).
      const tree = parseNote(markdown);
      // The HTML parser also drops the line break a code block opens with (an unclosed fence
      // over a blank line): such a block takes its way too, so that both ways agree.
      const processor =
        markdown.includes('<') || opensWithLineBreak(tree) ? withRawHtml : withoutRawHtml;
      const file = new VFile();
      if (markdown.includes('[^')) file.data.footnoteKey = footnoteKey(markdown);
      html = processor.stringify(processor.runSync(tree, file));
    }
    rendered.set(markdown, html);
  }
  return html;
}
