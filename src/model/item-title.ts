import type { Paragraph } from 'mdast';
import type { VFile } from 'vfile';
import { report } from './diagnostics.ts';
import type { ItemTitle, Located } from './drafts.ts';
import { deriveId, findIdMarker, isValidExplicitId, MAX_ID_LENGTH } from './ids.ts';
import { plainText } from './markdown.ts';
import { startOf } from './nodes.ts';

const ID_RULE = `lowercase letters and digits separated by single hyphens, at most ${MAX_ID_LENGTH} characters`;

/**
 * An item's title: its first paragraph as plain text, less a trailing `{#id}` or
 * `{#id former=old-id,older-id}`, whose ids are checked here. Undefined (after reporting)
 * when the item has no title.
 */
export function readItemTitle(file: VFile, paragraph: Paragraph): ItemTitle | undefined {
  const text = plainText(paragraph);
  const marker = findIdMarker(text);
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
  if (!marker) return { text: title, formerIds: [] };

  const result: ItemTitle = { text: title, formerIds: [] };
  if (isValidExplicitId(marker.id)) {
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
  for (const { name, value } of marker.attributes) {
    if (name !== 'former') {
      report(
        file,
        'item-attribute-unknown',
        `Unexpected attribute \`${name}\` in \`{#…}\`, expected \`former=old-id\` (ids this item had before)`,
        position,
      );
      continue;
    }
    result.formerIds.push(
      ...readFormerIds(file, value, result.explicitId?.id ?? marker.id, position),
    );
  }
  return result;
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
