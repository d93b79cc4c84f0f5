import { defaultSchema, type Options as SanitizeSchema } from 'rehype-sanitize';
import rehypeRaw from 'rehype-raw';
import rehypeSanitize from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import '../model/micromark-linear.ts';

/**
 * Content is untrusted for script. Raw HTML is parsed, then everything goes through
 * GitHub's allow-list (hast-util-sanitize's default schema): no scripts, styles, event
 * handlers or `javascript:` URLs survive, and ids get a `user-content-` prefix so content
 * can never clash with the page's own anchors. On top of it, images may only come from the
 * site itself (or be inline data): a remote `src` is a request leaving the site, and fails offline.
 */
export const SANITIZE_SCHEMA: SanitizeSchema = {
  ...defaultSchema,
  protocols: { ...defaultSchema.protocols, src: ['data'] },
};

const processor = unified()
  .use(remarkParse)
  .use(remarkGfm)
  .use(remarkRehype, { allowDangerousHtml: true })
  .use(rehypeRaw)
  .use(rehypeSanitize, SANITIZE_SCHEMA)
  .use(rehypeStringify)
  .freeze();

const rendered = new Map<string, string>();

/** Markdown from the model (notes, descriptions, prose) as safe HTML. Memoised: notes repeat across pages. */
export function renderMarkdown(markdown: string): string {
  let html = rendered.get(markdown);
  if (html === undefined) {
    html = String(processor.processSync(markdown));
    rendered.set(markdown, html);
  }
  return html;
}
