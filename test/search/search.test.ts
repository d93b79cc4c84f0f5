import { readFileSync } from 'node:fs';
import MiniSearch from 'minisearch';
import { describe, expect, it } from 'vitest';
import {
  buildSearchIndex,
  escapeForScript,
  searchIndexScript,
} from '../../src/search/build-index.ts';
import { compactIndex, expandIndex } from '../../src/search/compact-index.ts';
import { searchDocuments } from '../../src/search/documents.ts';
import {
  documentRoute,
  INDEX_OPTIONS,
  QUERY_OPTIONS,
  normalizeTerm,
} from '../../src/search/options.ts';
import { parse } from '../helpers/parse.ts';

const seed = parse(readFileSync('content/vmware-site-recovery.md')).model!;
const data = buildSearchIndex([seed]);
const index = MiniSearch.loadJS(expandIndex(data.index), INDEX_OPTIONS);
const titles = (query: string) =>
  index.search(query, QUERY_OPTIONS).map((result) => result.title as string);

describe('searchDocuments', () => {
  it('should index every activity, area, party and prose section once', () => {
    const documents = searchDocuments(seed);
    const count = (kind: string) => documents.filter((document) => document.kind === kind).length;
    expect([count('activity'), count('area'), count('party'), count('section')]).toEqual([
      28, 10, 3, 3,
    ]);
    expect(new Set(documents.map((document) => document.id)).size).toBe(documents.length);
  });

  it('should search notes and prose as plain text', () => {
    const [overview] = searchDocuments(seed).filter((document) => document.kind === 'section');
    expect(overview?.text).toContain('disaster recovery service');
    expect(overview?.text).not.toMatch(/[*_`]/);
  });
});

describe('the compact index', () => {
  it('should expand to exactly the index MiniSearch serialised', () => {
    const built = new MiniSearch(INDEX_OPTIONS);
    built.addAll(searchDocuments(seed));
    const plain = JSON.parse(JSON.stringify(built));
    expect(expandIndex(compactIndex(plain))).toEqual(plain);
  });

  it('should refuse an index with removed documents, whose short ids have gaps', () => {
    const built = new MiniSearch(INDEX_OPTIONS);
    built.addAll(searchDocuments(seed));
    built.discard(searchDocuments(seed)[0]!.id);
    expect(() => compactIndex(built.toJSON())).toThrow('no removed documents');
  });
});

describe('documentRoute', () => {
  it('should lead each kind of result to its page', () => {
    expect(documentRoute('vmc-on-aws-sddc-lifecycle-nsx', 'activity')).toEqual({
      route: 'activities/vmc-on-aws-sddc-lifecycle-nsx/',
    });
    expect(documentRoute('_area/protected-sites', 'area')).toEqual({
      route: 'areas/protected-sites/',
    });
    expect(documentRoute('_party/aws', 'party')).toEqual({ route: 'parties/aws/' });
    expect(documentRoute('_section/overview', 'section')).toEqual({
      route: '',
      hash: 'section-overview',
    });
  });
});

describe('the search index', () => {
  it('should find by prefix and despite typos', () => {
    expect(titles('firewal').slice(0, 2)).toEqual(['Firewalls', 'Firewalls']);
    expect(titles('recovry plan')[0]).toBe('Recovery Plans');
    expect(titles('recovery plans')[0]).toBe('Recovery Plans');
  });

  it('should find by party name and area path', () => {
    expect(titles('aws regions')[0]).toBe('AWS Regions');
    expect(titles('vmc lifecycle nsx')).toContain('NSX');
  });

  it('should rank activities above the parties and prose that mention the same words', () => {
    expect(titles('vsan')).toEqual(['vSAN']);
    expect(titles('recovery plans').indexOf('Customer')).toBeGreaterThan(0);
  });

  it('should find a control by its reference id first', () => {
    const catalog = parse(readFileSync('test/fixtures/model/v2-grid-parties/input.md')).model!;
    const built = buildSearchIndex([catalog]);
    const search = MiniSearch.loadJS(expandIndex(built.index), INDEX_OPTIONS);
    const first = (query: string) => search.search(query, QUERY_OPTIONS)[0]?.id;
    expect(first('A&A-01')).toBe('a-a-01');
    expect(first('a&a-03')).toBe('independent-assessments');
    expect(first('IAM-01')).toBe('iam-01');
    expect(first('CCM IAM-01')).toBe('iam-01');
  });

  it('should ignore case and accents', () => {
    expect(normalizeTerm('Données')).toBe('donnees');
    expect(titles('PROTECTION groups')[0]).toBe('Protection Groups');
  });

  it('should label parties in results by their short name and colour', () => {
    expect(data.parties).toEqual({
      customer: { label: 'Customer', color: 'p0' },
      vmware: { label: 'VMware', color: 'p1' },
      aws: { label: 'AWS', color: 'p2' },
    });
  });

  it('should be a classic script that cannot end the <script> element it sits in', () => {
    expect(escapeForScript('{"t":"</script><script>alert(1)</script>"}')).not.toContain('</');
    expect(escapeForScript('"\u2028"')).toBe('"\\u2028"');
    const script = searchIndexScript([seed]);
    expect(script.startsWith('self.onusSearchIndex={')).toBe(true);
    const context: { onusSearchIndex?: unknown } = {};
    new Function('self', script)(context);
    expect(context.onusSearchIndex).toEqual(JSON.parse(JSON.stringify(data)));
  });
});
