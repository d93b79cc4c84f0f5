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

const parsing = unified().use(remarkParse).use(remarkGfm).use(remarkRehype, {
  allowDangerousHtml: true,
});
const sanitizing = <T extends typeof parsing>(processor: T) =>
  processor.use(rehypeSanitize, SANITIZE_SCHEMA).use(rehypeStringify).freeze();
const withRawHtml = sanitizing(parsing().use(rehypeRaw));
/** HTML in Markdown starts with `<`: without one there is nothing for the HTML parser to do. */
const withoutRawHtml = sanitizing(parsing());

/**
 * One line of words that Markdown would only wrap in a paragraph: no markup, no line start
 * that opens a block (lists, quotes, headings, rules, code), nothing GFM turns into a link.
 * Most notes are such sentences, and a parser per note is a tenth of a large build.
 */
const PLAIN_LINE = /^[\p{L}\p{N}(][^\n\\`*_[\]<>#!|~&=:@{}]*$/u;
const BLOCK_START = /^\d+[.)](?:\s|$)/;
const isPlainLine = (text: string) =>
  PLAIN_LINE.test(text) && !BLOCK_START.test(text) && !/https?|www\./i.test(text);

const rendered = new Map<string, string>();

/** Markdown from the model (notes, descriptions, prose) as safe HTML. Memoised: notes repeat across pages. */
export function renderMarkdown(markdown: string): string {
  let html = rendered.get(markdown);
  if (html === undefined) {
    const line = markdown.trim();
    if (isPlainLine(line)) html = `<p>${line}</p>`;
    else {
      const processor = markdown.includes('<') ? withRawHtml : withoutRawHtml;
      html = String(processor.processSync(markdown));
    }
    rendered.set(markdown, html);
  }
  return html;
}
