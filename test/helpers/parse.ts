import { VFile } from 'vfile';
import { parseModel } from '../../src/readers/index.ts';

/** Parse Markdown text as the file `model.md`; returns the model and the messages' text. */
export function parse(text: string | Uint8Array) {
  const file = new VFile({ path: 'model.md', value: text });
  const { model } = parseModel(file);
  return {
    model,
    file,
    messages: file.messages.map((message) => `${message.line}:${message.column} ${message.ruleId}`),
  };
}

export const FRONTMATTER = `---
title: Test
parties:
  - id: customer
    name: Customer
  - id: provider
    name: Provider
---
`;
