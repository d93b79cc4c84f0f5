import { frontmatterBlock } from '../model/print.ts';
import type { DraftActivity, DraftModel } from './draft-model.ts';
import { inlineText } from './markdown-text.ts';

/**
 * A model as SRM Markdown in activity blocks: the frontmatter, then under
 * `## Responsibility matrix` a `### Area › Sub-area` heading per area and a `####` block per
 * activity, with its id, references, contexts, description and a line per party — its level,
 * contexts and condition, then its note. Activities outside any area come first, where a block
 * may stand without one. A footnote on a party's level follows its name
 * (`- **Provider**[^1] in Monitoring`), its text at the end.
 */
export function blocksMarkdown(model: DraftModel): string {
  const partyName = new Map(model.parties.map((party) => [party.id, party.name]));
  const levelName = new Map((model.levels ?? []).map((level) => [level.id, level.name]));
  const contextName = new Map(model.contexts.map((context) => [context.id, context.name]));
  // One definition per label: a label the source gave two texts is numbered apart.
  const footnoteText = new Map<string, string>();
  const labelOf = (footnote: { label: string; text: string }) => {
    const text = footnote.text.replace(/\s+/g, ' ').trim();
    let label = footnote.label.replace(/[\s\]^]+/g, '-');
    for (let n = 2; footnoteText.has(label) && footnoteText.get(label) !== text; n += 1) {
      label = `${footnote.label}-${n}`;
    }
    footnoteText.set(label, text);
    return label;
  };
  const lines: string[] = [frontmatterBlock(model), '', '## Responsibility matrix', ''];
  const ordered = [
    ...model.activities.filter((activity) => activity.path.length === 0),
    ...model.activities.filter((activity) => activity.path.length > 0),
  ];
  let area = '';
  for (const activity of ordered) {
    const heading = activity.path.map(inlineText).join(' › ');
    if (heading !== area) {
      lines.push(`### ${heading}`, '');
      area = heading;
    }
    lines.push(...block(activity), '');
  }
  for (const [label, text] of footnoteText) lines.push(`[^${label}]: ${text}`, '');
  return `${lines.join('\n').trimEnd()}\n`;

  function block(activity: DraftActivity): string[] {
    const out = [
      `#### ${inlineText(activity.title)}${activity.id ? ` {#${activity.id}}` : ''}`,
      '',
    ];
    const facts: string[] = [];
    if (activity.references.length > 0) {
      const entries = activity.references.map((reference) => {
        const text = `${reference.framework} ${reference.id}`.trim();
        return reference.url ? `[${inlineText(text)}](<${reference.url}>)` : inlineText(text);
      });
      facts.push(`References: ${entries.join('; ')}`);
    }
    if (activity.contexts) {
      facts.push(
        `Contexts: ${activity.contexts.map((id) => contextName.get(id) ?? id).join(', ')}`,
      );
    }
    if (facts.length > 0) out.push(...facts, '');
    if (activity.description) out.push(activity.description, '');
    for (const assignment of activity.assignments) {
      const words = [`- **${inlineText(partyName.get(assignment.party) ?? assignment.party)}**`];
      if (model.levels) words.push(inlineText(levelName.get(assignment.level) ?? assignment.level));
      if (assignment.contexts) {
        words.push(`in ${assignment.contexts.map((id) => contextName.get(id) ?? id).join(', ')}`);
      }
      if (assignment.condition) words.push(`if ${assignment.condition.replace(/\s+/g, ' ')}`);
      const marks = (assignment.footnotes ?? []).map((footnote) => `[^${labelOf(footnote)}]`);
      words[0] += marks.join('');
      out.push(words.join(' '));
      if (assignment.note) out.push('', indent(assignment.note), '');
    }
    while (out.at(-1) === '') out.pop();
    return out;
  }
}

const indent = (markdown: string) =>
  markdown
    .split('\n')
    .map((line) => (line === '' ? '' : `  ${line}`))
    .join('\n');
