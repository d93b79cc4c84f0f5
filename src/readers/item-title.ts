import type { Paragraph, TableCell } from 'mdast';
import type { VFile } from 'vfile';
import { report } from '../model/diagnostics.ts';
import type { ItemTitle, Located } from '../model/drafts.ts';
import {
  deriveId,
  findIdMarker,
  isValidExplicitId,
  MAX_ID_LENGTH,
  trailingMarker,
} from '../model/ids.ts';
import { LIMITS } from '../markdown/limits.ts';
import { plainText } from '../markdown/markdown.ts';
import { startOf } from '../markdown/nodes.ts';

const ID_RULE = `lowercase letters and digits separated by single hyphens, at most ${MAX_ID_LENGTH} characters`;

/**
 * An item's title: its first paragraph as plain text, less a trailing `{#id}` or
 * `{#id former=old-id,older-id}`, whose ids are checked here. Undefined (after reporting)
 * when the item has no title.
 */
export function readItemTitle(
  file: VFile,
  source: string,
  /** A list item's first paragraph, or a table's title cell. */
  paragraph: Paragraph | TableCell,
  /** Whether `level=` and `contexts=` mean anything here: on an activity of a party's list. */
  holdsLevel = false,
): ItemTitle | undefined {
  const text = plainText(paragraph);
  const marker = endsWithIdMarker(source, paragraph) ? findIdMarker(text) : undefined;
  const title = marker ? text.slice(0, marker.start).trim() : text;
  const position = startOf(paragraph);
  if (!title) {
    report(
      file,
      'item-empty',
      'Unexpected list item without a title, expected the title of an area or an activity',
      position,
    );
    return undefined;
  }
  if (title.length > LIMITS.titleLength) {
    report(
      file,
      'title-too-long',
      `Unexpected title of ${title.length.toLocaleString('en')} characters, expected at most ${LIMITS.titleLength}: keep the title short and put the rest in the item's note`,
      position,
    );
    return undefined;
  }
  if (!marker) return { text: title, formerIds: [] };

  const result: ItemTitle = { text: title, formerIds: [] };
  if (marker.id === undefined) {
    // Attributes only: no explicit id.
  } else if (isValidExplicitId(marker.id)) {
    result.explicitId = { id: marker.id, position };
  } else {
    const found = marker.id === '' ? 'empty id in `{#}`' : `id \`${marker.id}\` in \`{#…}\``;
    report(
      file,
      'item-id-invalid',
      `Unexpected ${found}, expected ${ID_RULE}, such as \`{#${deriveId(null, marker.id || title)}}\``,
      position,
    );
  }
  const seen = new Set<string>();
  for (const { name, value } of marker.attributes) {
    const attribute = name === 'context' ? 'contexts' : name;
    const holding = name === 'level' || attribute === 'contexts';
    if (holding && seen.has(attribute)) {
      report(
        file,
        'item-attribute-invalid',
        `Unexpected second \`${name}=\` in \`{#…}\` of \`${title}\`, expected each attribute once`,
        position,
      );
      continue;
    }
    seen.add(attribute);
    if (holding && !holdsLevel) {
      report(
        file,
        'item-attribute-invalid',
        `Unexpected \`${name}=\` on \`${title}\`, expected it only on an activity in a party's list (an item without a nested list): on an area, a heading or a table row it would be left out, as each party's level and contexts go where the party is named`,
        position,
      );
    } else if (holding && value.trim() === '') {
      report(
        file,
        'item-attribute-invalid',
        `Unexpected empty \`${name}=\` on \`${title}\`, expected ${name === 'level' ? 'a level the frontmatter declares' : 'contexts the frontmatter declares, separated by commas'}`,
        position,
      );
    } else if (name === 'level') {
      result.level = { id: value, position };
    } else if (name === 'contexts' || name === 'context') {
      result.contexts = value
        .split(',')
        .filter((id) => id !== '')
        .map((id) => ({ id, position }));
    } else if (name === 'former') {
      result.formerIds.push(
        ...readFormerIds(file, value, result.explicitId?.id ?? marker.id ?? '', position),
      );
    } else {
      report(
        file,
        'item-attribute-unknown',
        `Unexpected attribute \`${name}\` in \`{#…}\`, expected \`former=old-id\` (ids this item had before), \`level=…\` or \`contexts=…\``,
        position,
      );
    }
  }
  return result;
}

/**
 * Only a `{#…}` the author wrote as plain text ends a title: not one in code (`` `{#each}` ``),
 * nor an escaped one (`\{#x}`). The last inline node must be text, and its source must end
 * with an unescaped marker.
 */
function endsWithIdMarker(source: string, paragraph: Paragraph | TableCell): boolean {
  const last = paragraph.children.at(-1);
  if (last?.type !== 'text') return false;
  const start = last.position?.start.offset;
  const end = last.position?.end.offset;
  const raw = start === undefined || end === undefined ? last.value : source.slice(start, end);
  const marker = trailingMarker(raw);
  return marker !== undefined && raw[marker.open - 1] !== '\\';
}

function readFormerIds(
  file: VFile,
  value: string,
  ownId: string,
  position: Located['position'],
): Located[] {
  const formerIds: Located[] = [];
  for (const id of value.split(',')) {
    if (!isValidExplicitId(id)) {
      report(
        file,
        'item-id-invalid',
        `Unexpected former id \`${id}\`, expected ${ID_RULE}`,
        position,
      );
    } else if (id === ownId) {
      report(
        file,
        'item-id-invalid',
        `Unexpected former id \`${id}\`, which is the item's own id`,
        position,
      );
    } else {
      formerIds.push({ id, position });
    }
  }
  return formerIds;
}
