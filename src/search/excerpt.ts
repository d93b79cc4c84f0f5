import { normalizeTerm } from './options.ts';

export interface Excerpt {
  /** The excerpt's text cut into runs: the matched words are the marked runs. */
  runs: Array<{ text: string; marked: boolean }>;
}

const BEFORE = 60;
const AFTER = 140;

function fold(character: string): string {
  const folded = normalizeTerm(character);
  if (folded.length === 1) return folded;
  return character.length === 1 ? character : '\uFFFF';
}

/**
 * A short passage of `text` around the first place one of `terms` (as the index knows them:
 * lowercased, without accents) starts a word, with every such place inside it marked;
 * undefined when none is in the text (the match was in the title, say).
 */
export function excerptOf(text: string, terms: readonly string[]): Excerpt | undefined {
  const wanted = [...new Set(terms.filter(Boolean))].sort((a, b) => b.length - a.length);
  if (wanted.length === 0) return undefined;
  // Dropping accents must keep positions: each character folds to exactly one code unit.
  const positions = [...text];
  const haystack = positions.map(fold).join('');
  const matches: Array<[number, number]> = [];
  for (let index = 0; index < haystack.length; index++) {
    if (index > 0 && /[\p{L}\p{N}]/u.test(haystack[index - 1]!)) continue;
    const term = wanted.find((candidate) => haystack.startsWith(candidate, index));
    if (!term) continue;
    matches.push([index, index + term.length]);
    index += term.length - 1;
  }
  const first = matches[0];
  if (!first) return undefined;
  let start = Math.max(0, first[0] - BEFORE);
  let end = Math.min(positions.length, first[1] + AFTER);
  // Whole words at both ends.
  while (start > 0 && /\S/.test(positions[start - 1]!)) start--;
  while (end < positions.length && /\S/.test(positions[end]!)) end++;
  const runs: Excerpt['runs'] = [];
  let at = start;
  for (const [from, to] of matches) {
    if (from < start || to > end) continue;
    if (from > at) runs.push({ text: positions.slice(at, from).join(''), marked: false });
    runs.push({ text: positions.slice(from, to).join(''), marked: true });
    at = to;
  }
  if (at < end) runs.push({ text: positions.slice(at, end).join(''), marked: false });
  if (start > 0) runs.unshift({ text: '…', marked: false });
  if (end < positions.length) runs.push({ text: '…', marked: false });
  return { runs };
}
