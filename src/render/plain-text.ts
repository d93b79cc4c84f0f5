import { toString } from 'mdast-util-to-string';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

const parser = unified().use(remarkParse).use(remarkGfm).freeze();

/** The words of some Markdown, without its markup, for search and summaries. */
export function plainTextOfMarkdown(markdown: string): string {
  if (!markdown) return '';
  return toString(parser.parse(markdown), { includeHtml: false }).replace(/\s+/g, ' ').trim();
}
