import type { Point, Position } from 'unist';
import type { VFile } from 'vfile';
import { VFileMessage } from 'vfile-message';

/** Every rule Onus reports, with its severity. Rule ids are part of the CLI's output. */
export const RULES = {
  'input-unreadable': 'error',
  'input-empty': 'error',
  'input-binary': 'error',
  'input-encoding': 'error',
  'input-limit': 'error',
  'frontmatter-missing': 'error',
  'frontmatter-yaml': 'error',
  'frontmatter-invalid': 'error',
  'frontmatter-unknown-key': 'warning',
  'parties-missing': 'error',
  'parties-not-list': 'error',
  'parties-empty': 'error',
  'party-invalid': 'error',
  'party-id-invalid': 'error',
  'party-id-duplicate': 'error',
  'party-name-duplicate': 'error',
  'level-id-duplicate': 'error',
  'context-id-duplicate': 'error',
  'level-name-taken': 'error',
  'context-name-taken': 'error',
  'level-unknown': 'error',
  'context-unknown': 'error',
  'context-outside-activity': 'error',
  'party-unknown': 'error',
  'table-cells': 'error',
  'table-no-title': 'error',
  'reference-invalid': 'error',
  'party-head-invalid': 'error',
  'fact-line-misplaced': 'error',
  'footnote-undefined': 'error',
  'cell-condition-ambiguous': 'error',
  'model-id-invalid': 'error',
  'title-missing': 'error',
  'heading-extra-title': 'warning',
  'matrix-missing': 'error',
  'party-heading-level': 'error',
  'frontmatter-unclosed': 'error',
  'permalinks-other-model': 'error',
  'matrix-duplicate': 'error',
  'matrix-empty': 'error',
  'party-heading-unknown': 'error',
  'party-heading-repeated': 'warning',
  'party-empty': 'warning',
  'item-outside-party': 'error',
  'item-empty': 'error',
  'item-title-invalid': 'error',
  'title-too-long': 'error',
  'item-kind-conflict': 'error',
  'item-id-invalid': 'error',
  'item-id-conflict': 'error',
  'item-attribute-unknown': 'error',
  'item-attribute-invalid': 'error',
  'id-duplicate': 'error',
  'id-collision': 'error',
  'activity-duplicate': 'error',
  'content-ignored': 'error',
  'image-remote': 'error',
  'link-scheme': 'error',
  'party-description-duplicate': 'warning',
  'section-duplicate': 'warning',
  'permalink-removed': 'error',
  'permalink-changed': 'error',
  'permalink-retitled': 'info',
  'permalinks-unreadable': 'error',
  'model-id-duplicate': 'error',
  'model-id-reserved': 'error',
  'party-name-conflict': 'error',
  'permalinks-model-missing': 'error',
} as const;

export type RuleId = keyof typeof RULES;

export const SOURCE = 'onus';

type Place = Point | Position | undefined;

/**
 * Report a problem on the file, at the node that caused it. The rule's severity decides
 * whether it is an error (the model cannot be used) or a warning.
 */
export function report(
  file: VFile,
  ruleId: RuleId,
  reason: string,
  place: Place,
  related?: { reason: string; place: Place },
): VFileMessage {
  const cause = related
    ? Object.assign(
        new VFileMessage(related.reason, { place: related.place, ruleId, source: SOURCE }),
        {
          file: file.path,
        },
      )
    : undefined;
  const message = file.message(reason, { place, ruleId, source: SOURCE, cause });
  // vfile's convention: true is an error, false a warning, undefined a note.
  const severity: string = RULES[ruleId];
  message.fatal = severity === 'error' ? true : severity === 'warning' ? false : undefined;
  return message;
}

export function hasErrors(file: VFile): boolean {
  return file.messages.some((message) => message.fatal === true);
}

/** Describe a value the way an author sees it in YAML. */
export function describeYamlValue(value: unknown): string {
  if (value === null || value === undefined) return 'empty value';
  if (Array.isArray(value)) return 'list';
  if (typeof value === 'object') return 'mapping';
  const text = String(value);
  return text.trim() === '' ? 'empty value' : `text \`${text}\``;
}
