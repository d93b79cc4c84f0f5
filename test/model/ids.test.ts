import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  deriveId,
  findIdMarker,
  foldTitle,
  isValidExplicitId,
  slugify,
} from '../../src/model/ids.ts';

describe('slugify', () => {
  it.each([
    ['Host Type & Count / Cluster Config', 'host-type-count-cluster-config'],
    [
      'Deploying Software-Defined Data Centers (SDDCs) – Recovery Site',
      'deploying-software-defined-data-centers-sddcs-recovery-site',
    ],
    [
      'Rack and Power Bare Metal Hosts (i.e. i3.metal and i3en.metal)',
      'rack-and-power-bare-metal-hosts-i-e-i3-metal-and-i3en-metal',
    ],
    ['  NAT  ', 'nat'],
    ['Données personnelles', 'donnees-personnelles'],
    ['Ærø Straße', 'ærø-straße'],
    ['データ保護', 'データ保護'],
    ['Ｆｕｌｌｗｉｄｔｈ １２', 'fullwidth-12'],
    ['!!!', ''],
  ])('should turn %j into %j', (title, slug) => {
    expect(slugify(title)).toBe(slug);
  });

  it('should be idempotent', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme' }),
        (title) => slugify(slugify(title)) === slugify(title),
      ),
    );
  });
});

describe('deriveId', () => {
  it('should prefix the parent id', () => {
    expect(deriveId('protected-sites', 'Firewalls')).toBe('protected-sites-firewalls');
    expect(deriveId(null, 'Firewalls')).toBe('firewalls');
  });

  it('should fall back to `item` for a title without letters or digits', () => {
    expect(deriveId(null, '—')).toBe('item');
  });

  it('should shorten long ids with a hash of the whole id, so they stay distinct', () => {
    const long = 'word '.repeat(40);
    const a = deriveId(null, `${long} alpha`);
    const b = deriveId(null, `${long} beta`);
    expect(a.length).toBeLessThanOrEqual(80);
    expect(a).toMatch(/^word(-word)*-[0-9a-f]{8}$/);
    expect(a).not.toBe(b);
    expect(deriveId(null, `${long} alpha`)).toBe(a);
  });

  it('should shorten on whole characters, never splitting a surrogate pair', () => {
    const id = deriveId(null, '𠀀'.repeat(60));
    expect(id.length).toBeLessThanOrEqual(80);
    expect(id).toMatch(/^(𠀀)+-[0-9a-f]{8}$/u);
    expect(() => encodeURIComponent(id)).not.toThrow();
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', minLength: 70 }), (title) => {
        expect(() => encodeURIComponent(deriveId(null, title))).not.toThrow();
      }),
    );
  });

  it('should always give an id that would be accepted as an explicit one', () => {
    fc.assert(
      fc.property(
        fc.option(fc.constantFrom('area', 'a-b', 'x1')),
        fc.string({ minLength: 1 }),
        (parent, title) => isValidExplicitId(deriveId(parent, title)),
      ),
    );
  });
});

describe('isValidExplicitId', () => {
  it.each(['api-server', 'etcd', 'v2', 'データ保護'])('should accept %j', (id) => {
    expect(isValidExplicitId(id)).toBe(true);
  });

  it.each([
    '',
    'API',
    'two words',
    'double--hyphen',
    '-leading',
    'trailing-',
    'a_b',
    'x'.repeat(81),
  ])('should reject %j', (id) => {
    expect(isValidExplicitId(id)).toBe(false);
  });
});

describe('findIdMarker', () => {
  it('should find a trailing `{#id}` and where it starts', () => {
    expect(findIdMarker('API server {#api-server}')).toEqual({
      id: 'api-server',
      attributes: [],
      start: 10,
    });
    expect(findIdMarker('API server {# api-server }  ')).toEqual({
      id: 'api-server',
      attributes: [],
      start: 10,
    });
  });

  it('should read `name=value` attributes after the id', () => {
    expect(findIdMarker('Backups {#backups former=data-backups,old-backups}')).toEqual({
      id: 'backups',
      attributes: [{ name: 'former', value: 'data-backups,old-backups' }],
      start: 7,
    });
  });

  it('should keep words without `=` as part of the id, to report it whole', () => {
    expect(findIdMarker('Accounts {#Accounts And Users}')?.id).toBe('Accounts And Users');
  });

  it('should ignore braces that are not at the end', () => {
    expect(findIdMarker('Use {#x} inside a title')).toBeUndefined();
    expect(findIdMarker('Plain title')).toBeUndefined();
  });
});

describe('foldTitle', () => {
  it('should compare titles after trimming, folding whitespace and case', () => {
    expect(foldTitle('  RBAC \t roles ')).toBe(foldTitle('rbac roles'));
  });
});
