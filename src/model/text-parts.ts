/**
 * Small readings of the author's text, written to stay linear: the patterns they replace
 * (`\s*,\s*` to split, `^(.*?)\s*\((.*)\)$`, `\s*…$`) tried each start of a run of blanks
 * and read the whole run again from there, which on 10,000 blanks took seconds.
 */

/** The parts of `text` between matches of `separator` (which must not match blanks), trimmed. */
export function splitTrimmed(text: string, separator: RegExp): string[] {
  return text.split(separator).map((part) => part.trim());
}

/** `Shares (PaaS, SaaS)`: the text before a closing group in brackets, and the group's inside. */
export function trailingGroup(text: string): { head: string; inner: string } | undefined {
  if (!text.endsWith(')')) return undefined;
  const open = text.lastIndexOf('(');
  if (open === -1 || text.indexOf(')', open) !== text.length - 1) return undefined;
  return { head: text.slice(0, open).trimEnd(), inner: text.slice(open + 1, -1) };
}

/** `text` without leading and trailing runs of `character`. */
export function trimCharacter(text: string, character: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && text[start] === character) start++;
  while (end > start && text[end - 1] === character) end--;
  return text.slice(start, end);
}

/** Where the trailing run of characters that `belongs` accepts starts. */
export function trailingRunStart(text: string, belongs: (character: string) => boolean): number {
  let start = text.length;
  while (start > 0 && belongs(text[start - 1]!)) start--;
  return start;
}

export const isBlank = (character: string): boolean => /\s/.test(character);
