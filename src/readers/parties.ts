import type { Heading, RootContent } from 'mdast';
import type { VFile } from 'vfile';
import { report } from '../model/diagnostics.ts';
import type { FrontmatterParty } from './frontmatter.ts';
import { plainText, printMarkdown, splitAtHeadings } from '../markdown/markdown.ts';
import { describeNode, startOf } from '../markdown/nodes.ts';
import type { Position } from '../model/schema.ts';
import { Vocabulary } from './vocabulary.ts';

/** Finds the party a heading names, by `name`, `short` or `id`, ignoring case and spacing. */
export class PartyDirectory {
  readonly #parties: readonly FrontmatterParty[];
  readonly #vocabulary: Vocabulary<FrontmatterParty>;

  constructor(parties: readonly FrontmatterParty[]) {
    this.#parties = parties;
    this.#vocabulary = new Vocabulary(parties);
  }

  /** The party a text names, by id, name or short name. */
  find(text: string): FrontmatterParty | undefined {
    return this.#vocabulary.find(text);
  }

  /** The party a heading or column header names: `Customer responsibilities` too. */
  findInHeader(text: string): FrontmatterParty | undefined {
    return this.#vocabulary.findInHeader(text);
  }

  /**
   * The party whose id, name or short name starts the text, as a whole word, and how long that
   * label is (the longest that fits): `Customer owns: …`.
   */
  leading(text: string): { party: FrontmatterParty; length: number } | undefined {
    const folded = text.toLowerCase();
    let best: { party: FrontmatterParty; length: number } | undefined;
    for (const party of this.#parties) {
      for (const label of [party.id, party.name, party.short]) {
        if (!label || (best && label.length <= best.length)) continue;
        if (!folded.startsWith(label.toLowerCase())) continue;
        if (/^[\p{L}\p{N}]/u.test(text.slice(label.length))) continue;
        best = { party, length: label.length };
      }
    }
    return best;
  }

  ids(): string[] {
    return this.#parties.map((party) => party.id);
  }

  positionOf(id: string): Position {
    return this.#parties.find((party) => party.id === id)?.position ?? { line: 1, column: 1 };
  }

  /** "did you mean `x`?" for a text close to a party's id, name or short name. */
  hint(text: string): string {
    return this.#vocabulary.hint(text);
  }

  /** The party a heading names, or undefined after reporting the heading. */
  resolve(file: VFile, heading: Heading, section: string): FrontmatterParty | undefined {
    const text = plainText(heading);
    const party = this.findInHeader(text);
    if (!party) {
      const suggestion = this.#vocabulary.hint(text);
      const known = this.#parties
        .map((p) =>
          p.short ? `${p.name} (\`${p.short}\`, \`${p.id}\`)` : `${p.name} (\`${p.id}\`)`,
        )
        .join(', ');
      report(
        file,
        'party-heading-unknown',
        `Unexpected heading \`${text}\` in ${section}, expected the name, short name or id of a party declared in the frontmatter: ${suggestion.startsWith('did you mean') ? suggestion : known}`,
        startOf(heading),
      );
    }
    return party;
  }
}

/** Reads `## Parties`: one level-3 heading per party, whose content describes that party. */
export function readPartyDescriptions(
  file: VFile,
  children: readonly RootContent[],
  directory: PartyDirectory,
  descriptions: Map<string, { markdown: string; position: Position }>,
): void {
  const { before, groups } = splitAtHeadings(children, 3);
  for (const node of before) {
    report(
      file,
      'content-ignored',
      `Unexpected ${describeNode(node)} before the first party heading in Parties, expected \`### <party>\` headings: move it under a party's heading`,
      startOf(node),
    );
  }
  for (const { heading, children: content } of groups) {
    const party = directory.resolve(file, heading, 'Parties');
    if (!party) continue;
    const markdown = printMarkdown(content);
    if (markdown === undefined) continue;
    const earlier = descriptions.get(party.id);
    if (earlier) {
      report(
        file,
        'party-description-duplicate',
        `Unexpected second description of party \`${party.id}\`, expected one (this one is left out)`,
        startOf(heading),
        { reason: 'First description here', place: earlier.position },
      );
      continue;
    }
    descriptions.set(party.id, { markdown, position: startOf(heading) });
  }
}
