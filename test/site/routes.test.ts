import { describe, expect, it } from 'vitest';
import { anchorInSingleFile, makeLinker, relativeFile, routeOf } from '../../src/site/links.ts';
import { hostedPath, normalizeBase, publicUrl, routes } from '../../src/site/routes.ts';

describe('routes', () => {
  it('should keep the URLs the product promises', () => {
    expect([
      routes.home(),
      routes.matrix(),
      routes.party('aws'),
      routes.area('protected-sites'),
      routes.activity('vmc-on-aws-sddc-lifecycle-nsx'),
      routes.modelJson(),
      routes.matrixCsv(),
    ]).toEqual([
      '',
      'matrix/',
      'parties/aws/',
      'areas/protected-sites/',
      'activities/vmc-on-aws-sddc-lifecycle-nsx/',
      'model.json',
      'matrix.csv',
    ]);
  });

  it('should percent-encode ids of other scripts', () => {
    expect(routes.activity('データ')).toBe('activities/%E3%83%87%E3%83%BC%E3%82%BF/');
  });

  it.each([
    [undefined, '/'],
    ['', '/'],
    ['/', '/'],
    ['docs', '/docs/'],
    ['/docs', '/docs/'],
    ['/a/b/', '/a/b/'],
  ])('should normalise the base %j to %j', (base, expected) => {
    expect(normalizeBase(base)).toBe(expected);
  });

  it('should give each base its own path when bases alternate', () => {
    const asked = ['docs', 'docs', undefined, '/docs/', '', 'a/b', 'docs'];
    expect(asked.map((base) => normalizeBase(base))).toEqual([
      '/docs/',
      '/docs/',
      '/',
      '/docs/',
      '/',
      '/a/b/',
      '/docs/',
    ]);
  });

  it('should make hosted paths and public URLs', () => {
    expect(hostedPath('/docs', 'matrix/')).toBe('/docs/matrix/');
    expect(publicUrl(undefined, '/', 'matrix/')).toBe('/matrix/');
    expect(publicUrl('https://srm.example.com', '/docs/', 'matrix/')).toBe(
      'https://srm.example.com/docs/matrix/',
    );
  });
});

describe('links', () => {
  it('should link hosted pages by path under the base', () => {
    const to = makeLinker('hosted', '/docs/', '/docs/activities/nat/');
    expect(to('matrix/')).toBe('/docs/matrix/');
    expect(to('activities/nat/', 'party-aws')).toBe('/docs/activities/nat/#party-aws');
  });

  it('should link pages on disk relatively, naming index.html', () => {
    const to = makeLinker('files', '/', '/activities/nat/');
    expect(to('')).toBe('../../index.html');
    expect(to('matrix/')).toBe('../../matrix/index.html');
    expect(to('model.json')).toBe('../../model.json');
    expect(makeLinker('files', '/', '/')('parties/aws/')).toBe('parties/aws/index.html');
  });

  it('should link the views of the single file: an activity by its bare id, others after `_`, an area to its place in the matrix', () => {
    const to = makeLinker('single', '/', '/');
    expect(to('activities/nat/')).toBe('#nat');
    expect(to('activities/nat/', 'party-aws')).toBe('#nat__party-aws');
    expect(to('')).toBe('#_overview');
    expect(to('', 'section-scope')).toBe('#_overview__section-scope');
    expect(to('matrix/')).toBe('#_matrix');
    expect(to('parties/aws/')).toBe('#_party-aws');
    expect(to('areas/data/')).toBe('#_matrix__area-data');
    expect(anchorInSingleFile('activities/%E3%83%87/')).toBe('デ');
  });

  it('should find the route of a page from its path', () => {
    expect(routeOf('/docs/matrix/', '/docs/')).toBe('matrix/');
    expect(routeOf('/docs/', '/docs/')).toBe('');
    expect(routeOf('/matrix', '/')).toBe('matrix/');
    expect(relativeFile('404.html', '')).toBe('index.html');
    expect(routeOf('/activities/nat/index.html', '/')).toBe('activities/nat/');
  });
});
