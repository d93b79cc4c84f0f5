import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from '../helpers/parse.ts';

/** The first ```markdown block of a document: the example authors copy. */
function firstMarkdownExample(path: string): string {
  const match = /```markdown\n([\s\S]*?)\n```/.exec(readFileSync(path, 'utf8'));
  if (!match?.[1]) throw new Error(`no markdown example in ${path}`);
  return `${match[1]}\n`;
}

describe('the documented examples', () => {
  it.each(['README.md', 'docs/format.md'])(
    'should parse the example in %s without a message',
    (path) => {
      const { model, messages } = parse(firstMarkdownExample(path));
      expect(messages).toEqual([]);
      const shared = model?.activities.find((activity) => activity.title === 'Backups');
      expect(shared?.parties).toEqual(['customer', 'provider']);
    },
  );
});
