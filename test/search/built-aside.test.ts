import { readFileSync } from 'node:fs';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { parseModel } from '../../src/readers/index.ts';
import { searchIndexScript } from '../../src/search/build-index.ts';
import { buildSearchIndexAside, takeOverSearchIndex } from '../../src/search/built-aside.ts';

const seed = parseModel(
  new VFile({
    path: 'content/vmware-site-recovery.md',
    value: readFileSync('content/vmware-site-recovery.md'),
  }),
).model!;

describe('a search index built aside', () => {
  it('should be the index the page would build, for the models of its digest', async () => {
    buildSearchIndexAside('seed:1', [seed]);
    expect(await takeOverSearchIndex('seed:1')).toBe(searchIndexScript([seed]));
  });

  it('should not be taken for other models', () => {
    buildSearchIndexAside('seed:1', [seed]);
    expect(takeOverSearchIndex('seed:2')).toBeUndefined();
  });
});
