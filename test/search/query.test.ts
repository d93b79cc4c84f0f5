import { readFileSync } from 'node:fs';
import MiniSearch from 'minisearch';
import { describe, expect, it } from 'vitest';
import { buildSearchIndex } from '../../src/search/build-index.ts';
import { expandIndex } from '../../src/search/compact-index.ts';
import { excerptOf } from '../../src/search/excerpt.ts';
import { INDEX_OPTIONS } from '../../src/search/options.ts';
import { rankForReference, readQuery, termsToMark } from '../../src/search/query.ts';
import { parse } from '../helpers/parse.ts';

const catalog = parse(readFileSync('examples/security-control-catalog.md')).model!;
const grid = parse(readFileSync('examples/cloud-service-models.md')).model!;
const index = MiniSearch.loadJS(expandIndex(buildSearchIndex([catalog]).index), INDEX_OPTIONS);
const gridIndex = MiniSearch.loadJS(expandIndex(buildSearchIndex([grid]).index), INDEX_OPTIONS);

function search(engine: MiniSearch, text: string) {
  const query = readQuery(text);
  const results = engine.search(query.text, query.options);
  return query.reference === undefined ? results : rankForReference(results, query.reference);
}

describe('a control id as the query', () => {
  it('should read `A&A-01`, `AC-2` and `8.2.1` as ids, and words as words', () => {
    expect(readQuery('A&A-01').reference).toBe('a&a-01');
    expect(readQuery(' AC-2 ').reference).toBe('ac-2');
    expect(readQuery('8.2.1').reference).toBe('8.2.1');
    expect(readQuery('e-mail').reference).toBeUndefined();
    expect(readQuery('key rotation').reference).toBeUndefined();
  });

  it('should give the control that cites it, and none that only matched its pieces', () => {
    const results = search(index, 'A&A-01');
    expect(results.map((result) => result.title)).toEqual(['Audit and assurance policy']);
    expect(String(results[0]!.references)).toContain('CCM A&A-01');
  });

  it('should mark the id as written, not every word starting with its letters', () => {
    const query = readQuery('A&A-01');
    const text = 'At the audit, CCM A&A-01 and a review are due.';
    const marked = excerptOf(text, termsToMark(query, ['a', '01', 'audit', 'at', 'and']))!;
    expect(marked.runs.filter((run) => run.marked).map((run) => run.text)).toEqual(['A&A-01']);
  });
});

describe('words as the query', () => {
  it('should not complete a one-letter word that is not the last', () => {
    const query = readQuery('a policy');
    const results = index.search(query.text, query.options);
    for (const result of results) {
      expect(result.terms.filter((term) => term.startsWith('a') && term !== 'a')).toEqual([]);
    }
  });

  it('should mark the words matched, and the word being typed as a prefix', () => {
    const query = readQuery('key rota');
    expect(termsToMark(query, ['key', 'rotation', 'keys'])).toEqual(['key', 'rotation', 'keys']);
    expect(termsToMark(readQuery('a'), ['a', 'audit'])).toEqual(['a']);
  });

  it('should find level and context names, as the matrix shows them', () => {
    const titles = (text: string) => search(gridIndex, text).map((result) => result.title);
    expect(titles('PaaS Shared')).toContain('Applications');
    expect(titles('PaaS Shared')).not.toContain('Operating system');
  });
});
