import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { VFile } from 'vfile';
import type { VFileMessage } from 'vfile-message';
import { describe, expect, it } from 'vitest';
import { parseModel } from '../../src/readers/index.ts';

const root = path.join(import.meta.dirname, '../fixtures/model');
const cases = readdirSync(root).sort();

/** One line per message, in the reporter's order of fields, with a related place indented. */
function formatMessage(message: VFileMessage): string {
  const severity = message.fatal ? 'error' : 'warning';
  const line = `${message.line ?? 0}:${message.column ?? 0} ${severity} ${message.reason} [${message.ruleId}]`;
  const cause = message.cause as VFileMessage | undefined;
  return cause ? `${line}\n  ${cause.line}:${cause.column} ${cause.reason}` : line;
}

describe('SRM Markdown fixtures', () => {
  it('has fixtures to run', () => {
    expect(cases.length).toBeGreaterThan(30);
  });

  for (const name of cases) {
    it(`should parse ${name} as expected`, async () => {
      const directory = path.join(root, name);
      const file = new VFile({
        path: 'input.md',
        cwd: directory,
        value: readFileSync(path.join(directory, 'input.md')),
      });
      const { model } = parseModel(file);
      const result = {
        messages: file.messages.map(formatMessage),
        model: model ?? null,
      };
      await expect(`${JSON.stringify(result, null, 2)}\n`).toMatchFileSnapshot(
        path.join(directory, 'expected.json'),
      );
    });
  }
});
