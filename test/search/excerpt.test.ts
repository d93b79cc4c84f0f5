import { describe, expect, it } from 'vitest';
import { excerptOf } from '../../src/search/excerpt.ts';

const shown = (text: string, terms: string[]) =>
  excerptOf(text, terms)
    ?.runs.map((run) => (run.marked ? `[${run.text}]` : run.text))
    .join('');

describe('the excerpt of a search result', () => {
  it('marks the words that start with a matched term, and only those', () => {
    expect(
      shown('Patching of hosts; the customer patches guests, not dispatching.', ['patch']),
    ).toBe('[Patch]ing of hosts; the customer [patch]es guests, not dispatching.');
  });

  it('quotes around the first match with whole words and ellipses', () => {
    const text = `${'alpha '.repeat(40)}the backup policy ${'omega '.repeat(40)}`;
    const excerpt = shown(text, ['backup'])!;
    expect(excerpt.startsWith('…alpha')).toBe(true);
    expect(excerpt).toContain('the [backup] policy');
    expect(excerpt.endsWith('…')).toBe(true);
    expect(excerpt.length).toBeLessThan(240);
  });

  it('finds accented words by their unaccented terms and keeps the text as written', () => {
    expect(shown('Les données du client 🔒 et la sécurité.', ['securite', 'donnees'])).toBe(
      'Les [données] du client 🔒 et la [sécurité].',
    );
  });

  it('gives nothing when the match was not in the text', () => {
    expect(excerptOf('Nothing to see here.', ['firewall'])).toBeUndefined();
    expect(excerptOf('Nothing to see here.', [])).toBeUndefined();
  });
});
